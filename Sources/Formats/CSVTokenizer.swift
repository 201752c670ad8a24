/// Receives the fields of CSV records as the tokenizer finds them.
protocol CSVFieldVisitor {
    /// One field of the current record. `bytes` excludes surrounding quotes; `hasEscapedQuotes` says that it
    /// still contains doubled quotes (`""`) to be undone by the visitor if it needs the text.
    mutating func field(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, hasEscapedQuotes: Bool)
    /// The current record ended after `fieldCount` fields.
    mutating func endRecord(fieldCount: Int)
    /// Complete records of unquoted fields, from the fast path (in place of `field` and `endRecord` calls for
    /// each; the default makes those calls).
    mutating func records(_ block: CSVRecordBlock)
}

/// Where a tokenizer run stopped, and what it counted on the way.
struct CSVScanSummary {
    var records = 0
    var newlines = 0
    /// Records that were a blank line, skipped because the header has more than one column.
    var blankLines = 0
    /// The chunk ended inside a quoted field: its split point was not a record boundary.
    var endedInsideQuotes = false
    var error: CSVSyntaxError?

    /// Adds what a scan of the bytes right after this one's found; its error's line is then counted from
    /// this scan's start.
    mutating func append(_ later: CSVScanSummary) {
        if var error = later.error {
            error.newlinesBefore += newlines
            self.error = error
        }
        records += later.records
        newlines += later.newlines
        blankLines += later.blankLines
        endedInsideQuotes = endedInsideQuotes || later.endedInsideQuotes
    }
}

/// A syntax error at a byte offset, with the line counted from the start of the scanned range.
struct CSVSyntaxError: Error {
    var offset: Int
    /// Newlines between the start of the scanned range and the error.
    var newlinesBefore: Int
    var lineStart: Int
    var reason: String
    var hint: String?
    var reasonVi: String? = nil
    var hintVi: String? = nil
}

/// RFC 4180 tokenizer over raw bytes: quoted fields, `""` escapes, newlines inside quotes, CRLF, LF or CR
/// line ends, a last record without a line end. It builds no String: visitors get byte ranges.
///
/// Leniency, stated: a quote inside an unquoted field is kept as a literal character (Excel writes `5"`
/// this way); text after a closing quote is an error, because its meaning is unclear.
struct CSVTokenizer {
    let bytes: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    /// Fields the header promises; records with more or fewer are errors. nil while reading the header.
    let expectedFields: Int?

    static let quote: UInt8 = 0x22, newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D

    /// Tokenizes the records in `range` (which must start at a record boundary), up to `maximumRecords`.
    /// - Parameter unquoted: whether the range is known to hold no quote (nil: look).
    func scan<V: CSVFieldVisitor>(_ range: Range<Int>, maximumRecords: Int = .max, unquoted: Bool? = nil, into visitor: inout V) -> (CSVScanSummary, end: Int) {
        // Data rows without quotes take the fast path; the general one below resumes wherever it stops.
        if maximumRecords == .max, let expected = expectedFields, unquoted ?? hasNoQuotes(range) {
            var (summary, stoppedAt) = scanUnquoted(range, expected: expected, into: &visitor)
            if stoppedAt >= range.upperBound { return (summary, stoppedAt) }
            let (rest, end) = scanGeneral(stoppedAt..<range.upperBound, maximumRecords: maximumRecords, into: &visitor)
            summary.append(rest)
            return (summary, end)
        }
        return scanGeneral(range, maximumRecords: maximumRecords, into: &visitor)
    }

    /// The general tokenizer: quotes, escapes, lone CRs, and exact errors.
    func scanGeneral<V: CSVFieldVisitor>(_ range: Range<Int>, maximumRecords: Int, into visitor: inout V) -> (CSVScanSummary, end: Int) {
        var summary = CSVScanSummary()
        guard let base = bytes.baseAddress else { return (summary, range.lowerBound) }
        let end = range.upperBound
        var i = range.lowerBound
        var lineStart = i
        let delimiter = self.delimiter
        let delimiterPattern = UInt64(delimiter) &* CSVTokenizer.lowBytes
        // Read once, not per field: the field-count limit and whether blank lines are skipped.
        let expected = expectedFields ?? .max
        let skipsBlankLines = (expectedFields ?? 2) > 1

        @inline(__always) func fail(_ offset: Int, _ reason: String, _ hint: String? = nil, vi: String? = nil, hintVi: String? = nil) {
            summary.error = CSVSyntaxError(offset: offset, newlinesBefore: summary.newlines, lineStart: lineStart, reason: reason, hint: hint,
                                           reasonVi: vi, hintVi: hintVi)
        }

        recordLoop: while i < end && summary.records < maximumRecords {
            var fieldIndex = 0
            let recordStart = i
            fieldLoop: while true {
                var fieldStart = i
                var fieldEnd: Int
                var quoted = false
                var escaped = false
                if i < end && base[i] == CSVTokenizer.quote {
                    quoted = true
                    let openingQuote = i
                    let openingLineStart = lineStart, openingNewlines = summary.newlines
                    i += 1
                    fieldStart = i
                    while true {
                        while i < end && base[i] != CSVTokenizer.quote {
                            if base[i] == CSVTokenizer.newline { summary.newlines += 1; lineStart = i + 1 }
                            // A CR alone ends a line too (as it does between records), so later lines keep their numbers.
                            else if base[i] == CSVTokenizer.carriageReturn && (i + 1 == bytes.count || base[i + 1] != CSVTokenizer.newline) {
                                summary.newlines += 1; lineStart = i + 1
                            }
                            i += 1
                        }
                        if i >= end {
                            if end < bytes.count {
                                summary.endedInsideQuotes = true
                                return (summary, i)
                            }
                            summary.error = CSVSyntaxError(
                                offset: openingQuote, newlinesBefore: openingNewlines, lineStart: openingLineStart,
                                reason: "this quote is never closed: the field runs to the end of the file",
                                hint: "close the field with a quote (\"), and write a quote inside a field as two quotes (\"\")",
                                reasonVi: "dấu ngoặc kép này không bao giờ được đóng: trường kéo dài đến hết tệp",
                                hintVi: "hãy đóng trường bằng dấu ngoặc kép (\"), và viết dấu ngoặc kép bên trong trường thành hai dấu (\"\")")
                            return (summary, i)
                        }
                        if i + 1 < end && base[i + 1] == CSVTokenizer.quote {
                            escaped = true
                            i += 2
                            continue
                        }
                        break
                    }
                    fieldEnd = i
                    i += 1  // closing quote
                    if i < end, base[i] != delimiter, base[i] != CSVTokenizer.newline, base[i] != CSVTokenizer.carriageReturn {
                        fail(i, "text after the closing quote of a field",
                             "a quote inside a quoted field must be doubled (\"\"), and the field must end right after its closing quote",
                             vi: "có chữ sau dấu ngoặc kép đóng của một trường",
                             hintVi: "dấu ngoặc kép bên trong trường phải viết đôi (\"\"), và trường phải kết thúc ngay sau dấu ngoặc đóng")
                        return (summary, i)
                    }
                } else {
                    i = CSVTokenizer.fieldEnd(base, from: i, end: end, delimiter: delimiter, delimiterPattern: delimiterPattern)
                    fieldEnd = i
                }

                // A blank line in a table of several columns is no record: skip it, but count it.
                if fieldIndex == 0, fieldEnd == fieldStart, !quoted, skipsBlankLines,
                   i >= end || base[i] == CSVTokenizer.newline || base[i] == CSVTokenizer.carriageReturn {
                    if i >= end { break recordLoop }
                    if base[i] == CSVTokenizer.carriageReturn { i += 1 }
                    if i < end && base[i] == CSVTokenizer.newline { i += 1 }
                    summary.newlines += 1
                    lineStart = i
                    summary.blankLines += 1
                    continue recordLoop
                }

                if fieldIndex >= expected {
                    fail(fieldStart - (quoted ? 1 : 0),
                         "this row has more fields than the header's \(expected): \(countFields(from: recordStart)) found",
                         "check for an unquoted \(delimiterName) inside a value; quote such a value",
                         vi: "dòng này có nhiều trường hơn \(expected) cột của tiêu đề: có \(countFields(from: recordStart)) trường",
                         hintVi: "kiểm tra dấu phân cách (\(delimiterName)) không nằm trong ngoặc kép bên trong một giá trị; hãy đặt giá trị đó trong ngoặc kép")
                    return (summary, i)
                }
                visitor.field(fieldIndex, UnsafeBufferPointer(start: base + fieldStart, count: fieldEnd - fieldStart),
                              quoted: quoted, hasEscapedQuotes: escaped)
                fieldIndex += 1

                if i < end && base[i] == delimiter {
                    i += 1
                    continue fieldLoop
                }
                // End of record: a line end or the end of the input.
                if expectedFields != nil, fieldIndex < expected {
                    fail(i, "this row has \(fieldIndex) field\(fieldIndex == 1 ? "" : "s") where the header has \(expected)",
                         "every row needs \(expected - 1) separator\(expected == 2 ? "" : "s") (\(delimiterName)); add empty fields for missing values",
                         vi: "dòng này có \(fieldIndex) trường trong khi tiêu đề có \(expected)",
                         hintVi: "mỗi dòng cần \(expected - 1) dấu phân cách (\(delimiterName)); để trống trường cho giá trị thiếu")
                    return (summary, i)
                }
                visitor.endRecord(fieldCount: fieldIndex)
                summary.records += 1
                var sawLineEnd = false
                if i < end && base[i] == CSVTokenizer.carriageReturn { i += 1; sawLineEnd = true }
                if i < end && base[i] == CSVTokenizer.newline { i += 1; sawLineEnd = true }
                if sawLineEnd { summary.newlines += 1 }
                lineStart = i
                break fieldLoop
            }
        }
        return (summary, i)
    }

    static let lowBytes: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    static let lowSevenBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    static let newlinePattern = UInt64(newline) &* lowBytes
    static let returnPattern = UInt64(carriageReturn) &* lowBytes

    /// The top bit of every byte of `x` that is zero, and of no other byte.
    ///
    /// The exact form of the "has zero byte" trick: `(x & 0x7F…) + 0x7F…` sets a byte's top bit when its low
    /// seven bits are not all zero, without a carry leaving the byte; OR-ing `x` adds bytes whose top bit is
    /// set; what stays clear is a zero byte. The shorter `(x - 0x01…) & ~x & 0x80…` is not used: its borrow
    /// out of a zero byte also marks the byte above when that byte is 0x01 (`-` after `,` is `0x2D ^ 0x2C`),
    /// which would turn a field's first byte into a separator or line end.
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        ~(((x & lowSevenBits) &+ lowSevenBits) | x) & highBits
    }

    /// The top bit of every byte of `word` that is the delimiter, LF or CR, and perhaps of a byte right
    /// above one of those (Mycroft's test, `(x - 0x01…) & ~x & 0x80…`, three operations a pattern against
    /// five for `zeroBytes`: its borrow out of a zero byte marks the next byte when that one is 0x01). The
    /// lowest mark is always exact; a caller that takes every mark checks the byte (as `scanByMarks` does).
    @inline(__always)
    static func candidateBytes(_ word: UInt64, delimiterPattern: UInt64) -> UInt64 {
        let a = word ^ delimiterPattern, b = word ^ newlinePattern, c = word ^ returnPattern
        return ((a &- lowBytes) & ~a | (b &- lowBytes) & ~b | (c &- lowBytes) & ~c) & highBits
    }


    /// The offset of the first delimiter, LF or CR at or after `from` (or `end`): the end of an unquoted field.
    ///
    /// Eight bytes per step: XOR-ing the word with each wanted byte repeated turns that byte into zero, and
    /// `zeroBytes` marks the zeros exactly.
    @inline(__always)
    static func fieldEnd(_ base: UnsafePointer<UInt8>, from start: Int, end: Int, delimiter: UInt8, delimiterPattern: UInt64) -> Int {
        var i = start
        while i + 8 <= end {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            // Only the lowest mark is taken, and it is exact.
            let marks = candidateBytes(word, delimiterPattern: delimiterPattern)
            if marks != 0 { return i + marks.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < end {
            let byte = base[i]
            if byte == delimiter || byte == newline || byte == carriageReturn { return i }
            i += 1
        }
        return end
    }

    /// Fields in the record starting at `start` (for the error message only).
    private func countFields(from start: Int) -> Int {
        var count = 1, i = start, inQuotes = false
        while i < bytes.count {
            let b = bytes[i]
            if b == CSVTokenizer.quote { inQuotes.toggle() }
            else if !inQuotes && b == delimiter { count += 1 }
            else if !inQuotes && (b == CSVTokenizer.newline || b == CSVTokenizer.carriageReturn) { break }
            i += 1
        }
        return count
    }

    var delimiterName: String { CSVDialect.name(of: delimiter) }
}
