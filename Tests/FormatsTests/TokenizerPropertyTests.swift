import CStructuralScan
import Engine
@testable import Formats
import Testing

/// The fast scan of quote-free data (`scanUnquoted`: windows of marks found by SSE2, and the eight-bytes-at-a-time
/// `scanByMarks` for windows it does not accept) must find exactly the records the general byte-by-byte
/// tokenizer finds, on any input: every byte after a separator (`-` `:` `}` `;` are one bit away from `,` `;`
/// `|`), every position in the eight-byte word, every line end, stray rows, windows of any size.
@Suite struct TokenizerPropertyTests {
    /// Everything a visitor is told, in order, so two tokenizers can be compared event for event.
    struct RecordingVisitor: CSVFieldVisitor {
        var events: [UInt8] = []
        var records = 0
        mutating func field(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, hasEscapedQuotes: Bool) {
            // index, flags, length, bytes: unambiguous when concatenated.
            events.append(UInt8(truncatingIfNeeded: index))
            events.append((quoted ? 1 : 0) | (hasEscapedQuotes ? 2 : 0))
            events.append(UInt8(truncatingIfNeeded: bytes.count))
            events.append(contentsOf: bytes)
        }
        mutating func endRecord(fieldCount: Int) {
            events.append(0xFF)
            events.append(UInt8(truncatingIfNeeded: fieldCount))
            records += 1
        }
    }

    static let separators: [UInt8] = [0x2C, 0x3B, 0x7C, 0x09]  // , ; | tab

    /// Unquoted field texts, chosen to sit one bit away from the separators and line ends (`-` is `,` ^ 0x01,
    /// `:` is `;` ^ 0x01, `}` is `|` ^ 0x01, 0x0B and 0x0C are LF and CR ^ 0x01/0x01), Vietnamese letters, and
    /// lengths that move the next separator through the word.
    static let plainFields: [[UInt8]] = [
        "", "-", "-5.81", "-1,21", ":", ":x", "}", "}}", "-:}", "\u{0B}", "\u{0C}", "\u{08}", "+", "/", "=", "{",
        "a", "ab", "abcdefg", "abcdefgh", "abcdefghijklmno", "2017", "3.07", "Ninh Bình", "Kon Tum", "Hòa Bình",
        "ệ", "Đắk Lắk", "hộ nghèo", "\u{7F}", "\u{80}", "x y",
    ].map { Array($0.utf8) }

    /// With a literal quote inside an unquoted field (Excel's `5"`), which only the general tokenizer reads.
    static let fieldsWithQuotes = plainFields + [Array("5\"".utf8), Array("a\"b".utf8)]

    /// Builds one random small file; `allowQuotes` false keeps every byte off the quote, so `scan` takes the fast path.
    static func randomFile(_ rng: inout SeededGenerator, separator: UInt8, columns: Int, allowQuotes: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        // A lead of 0-7 bytes puts the first separator at every position of the first word.
        let lead = Int(rng.next() % 8)
        let rows = 1 + Int(rng.next() % 6)
        for row in 0..<rows {
            let roll = rng.next()
            if roll % 11 == 0 { appendLineEnd(&out, &rng) }  // a blank line
            // Now and then a row with a field too few or too many: the fast scan must stop and hand over.
            var fields = columns
            if roll % 37 == 1 { fields = max(1, columns - 1) } else if roll % 37 == 2 { fields = columns + 1 }
            for f in 0..<fields {
                if f > 0 { out.append(separator) }
                if row == 0 && f == 0 { out.append(contentsOf: repeatElement(0x61, count: lead)) }
                let pick = rng.next()
                if allowQuotes && pick % 5 == 0 {
                    out.append(0x22)
                    for _ in 0..<(pick >> 8) % 4 {
                        switch rng.next() % 6 {
                        case 0: out.append(separator)
                        case 1: out += [0x22, 0x22]
                        case 2: out.append(0x0A)
                        case 3: out += [0x0D, 0x0A]
                        default: out += plainFields[Int(rng.next() % UInt64(plainFields.count))]
                        }
                    }
                    out.append(0x22)
                } else {
                    // Sometimes another separator's byte inside the field: it is text here.
                    if pick % 7 == 1 { out.append(separators[Int((pick >> 16) % 4)] == separator ? 0x2D : separators[Int((pick >> 16) % 4)]) }
                    let choices = allowQuotes ? fieldsWithQuotes : plainFields
                    out += choices[Int((pick >> 24) % UInt64(choices.count))]
                }
            }
            if row < rows - 1 || rng.next() % 2 == 0 { appendLineEnd(&out, &rng) }
        }
        return out
    }

    /// LF, CRLF, or now and then a lone CR (which the fast scan hands to the general tokenizer).
    static func appendLineEnd(_ out: inout [UInt8], _ rng: inout SeededGenerator) {
        switch rng.next() % 9 {
        case 0...4: out.append(0x0A)
        case 5...7: out += [0x0D, 0x0A]
        default: out.append(0x0D)
        }
    }

    /// Runs `scan` (fast path where it can) and `scanGeneral` on `bytes`; returns a description of the first
    /// difference, or nil when both saw the same fields, records, line counts and error.
    static func difference(_ bytes: [UInt8], separator: UInt8, columns: Int, windowBytes: Int = 1 << 16, fastRecords: inout Int) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            let tokenizer = CSVTokenizer(bytes: buffer, delimiter: separator, expectedFields: columns)
            var fast = RecordingVisitor(), general = RecordingVisitor(), unquotedOnly = RecordingVisitor()
            let (fastSummary, fastEnd) = tokenizer.scan(0..<buffer.count, into: &fast)
            let (generalSummary, generalEnd) = tokenizer.scanGeneral(0..<buffer.count, maximumRecords: .max, into: &general)
            if tokenizer.hasNoQuotes(0..<buffer.count) {
                // What the fast scan accepted alone must be a prefix of what the general tokenizer found.
                let (_, stoppedAt) = tokenizer.scanUnquoted(0..<buffer.count, expected: columns, windowBytes: windowBytes, into: &unquotedOnly)
                fastRecords += unquotedOnly.records
                if stoppedAt > buffer.count { return "scanUnquoted stopped past the end" }
                if !general.events.starts(with: unquotedOnly.events) { return "scanUnquoted's records are not the general tokenizer's" }
            }
            if fast.events != general.events { return "different fields or records" }
            if fastEnd != generalEnd { return "ended at \(fastEnd) and \(generalEnd)" }
            if fastSummary.records != generalSummary.records || fastSummary.newlines != generalSummary.newlines
                || fastSummary.blankLines != generalSummary.blankLines {
                return "summaries differ: \(fastSummary) and \(generalSummary)"
            }
            let a = fastSummary.error, b = generalSummary.error
            if (a == nil) != (b == nil) || a?.offset != b?.offset || a?.newlinesBefore != b?.newlinesBefore
                || a?.lineStart != b?.lineStart || a?.reason != b?.reason {
                return "errors differ: \(String(describing: a)) and \(String(describing: b))"
            }
            return nil
        }
    }

    @Test func fastScanAndGeneralTokenizerAgreeOnRandomFiles() {
        var rng = SeededGenerator(seed: 0x5EED_CA11)
        var failures = 0
        var fastRecords = 0
        let files = 100_000
        for n in 0..<files {
            let separator = TokenizerPropertyTests.separators[n % 4]
            let columns = 1 + Int(rng.next() % 5)
            let bytes = TokenizerPropertyTests.randomFile(&rng, separator: separator, columns: columns, allowQuotes: n % 4 == 3)
            if let problem = TokenizerPropertyTests.difference(bytes, separator: separator, columns: columns, fastRecords: &fastRecords) {
                failures += 1
                if failures <= 3 {
                    Issue.record("file \(n) (\(columns) columns, separator 0x\(String(separator, radix: 16))): \(problem)\n\(String(decoding: bytes, as: UTF8.self).debugDescription)")
                }
            }
        }
        #expect(failures == 0)
        // The fast scan must really have been exercised, not have handed every file to the general tokenizer.
        #expect(fastRecords > files, "the fast scan accepted only \(fastRecords) records")
    }

    /// Files of many rows read in windows of a few bytes to a few hundred: rows cut by no window, windows
    /// that hold one line or a line longer than a window, windows taken whole next to windows with a blank
    /// line, a lone CR or a row with a field too many, in LF and CRLF files.
    @Test(arguments: [7, 16, 64, 100, 257])
    func windowedScanAgreesWithGeneralTokenizer(windowBytes: Int) {
        var rng = SeededGenerator(seed: 0x3174_0000 + UInt64(windowBytes))
        var failures = 0
        var fastRecords = 0
        for n in 0..<3_000 {
            let separator = TokenizerPropertyTests.separators[n % 4]
            let columns = 1 + Int(rng.next() % 5)
            var bytes: [UInt8] = []
            for _ in 0..<(1 + rng.next() % 12) {
                var part = TokenizerPropertyTests.randomFile(&rng, separator: separator, columns: columns, allowQuotes: false)
                if part.last != 0x0A && part.last != 0x0D { part.append(0x0A) }
                // Most parts all LF or all CRLF, so that windows are taken whole as well as refused.
                if n % 3 < 2 { part = TokenizerPropertyTests.withLineEnds(part, crlf: n % 3 == 1) }
                bytes += part
            }
            if let problem = TokenizerPropertyTests.difference(bytes, separator: separator, columns: columns, windowBytes: windowBytes,
                                                               fastRecords: &fastRecords) {
                failures += 1
                if failures <= 3 { Issue.record("file \(n), window \(windowBytes): \(problem)\n\(String(decoding: bytes, as: UTF8.self).debugDescription)") }
            }
        }
        #expect(failures == 0)
        #expect(fastRecords > 3_000, "the fast scan accepted only \(fastRecords) records")
    }

    /// `bytes` with every line end (LF, CRLF or a lone CR) made LF, or CRLF.
    static func withLineEnds(_ bytes: [UInt8], crlf: Bool) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A || bytes[i] == 0x0D {
                if bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                out += crlf ? [0x0D, 0x0A] : [0x0A]
            } else {
                out.append(bytes[i])
            }
            i += 1
        }
        return out
    }

    /// The C routine that finds the marks, against a byte-by-byte loop: every length up to 300 (the vector
    /// loop's 64-byte steps, the tail, 0 to 64 marks in a step) and bytes next to the marks' values.
    @Test func markScanFindsEveryDelimiterAndLineEnd() {
        var rng = SeededGenerator(seed: 0x3A5C)
        let alphabet: [UInt8] = [0x2C, 0x3B, 0x09, 0x0A, 0x0D, 0x2D, 0x0B, 0x0C, 0x61, 0x80, 0xFF, 0x00]
        for length in 0...300 {
            for trial in 0..<20 {
                let delimiter = TokenizerPropertyTests.separators[trial % 4]
                // From no mark at all to nothing but marks.
                let density = UInt64(trial % 5)
                let bytes: [UInt8] = (0..<length).map { _ in
                    rng.next() % 5 < density ? [delimiter, 0x0A, 0x0D][Int(rng.next() % 3)] : alphabet[Int(rng.next() % UInt64(alphabet.count))]
                }
                let expected = bytes.indices.filter { bytes[$0] == delimiter || bytes[$0] == 0x0A || bytes[$0] == 0x0D }.map { Int32($0) }
                var positions = [Int32](repeating: -7, count: length + 16)
                var counts = solieu_mark_counts()
                let found = bytes.withUnsafeBufferPointer { b in
                    positions.withUnsafeMutableBufferPointer { solieu_csv_marks(b.baseAddress, length, delimiter, $0.baseAddress, &counts) }
                }
                #expect(Array(positions[0..<found]) == expected, "length \(length), trial \(trial)")
                #expect(counts.lineFeeds == bytes.filter { $0 == 0x0A }.count && counts.carriageReturns == bytes.filter { $0 == 0x0D }.count)
            }
        }
    }

    /// The issue's reproductions: a field starting with the byte one above the separator, in every position
    /// of the word, read through the whole reader.
    @Test(arguments: [(",", "-"), (";", ":"), ("|", "}")])
    func fieldStartingOneAboveTheSeparatorIsText(separator: String, neighbour: String) throws {
        for lead in 0..<8 {
            let pad = String(repeating: "x", count: lead)
            let text = "province\(separator)year\(separator)change\n\(pad)Kon Tum\(separator)2017\(separator)\(neighbour)5.81\n"
                + "Ninh Bình\(separator)2023\(separator)\(neighbour)1.21\n"
            let result = try readCSV(text, delimiter: Array(separator.utf8)[0])
            #expect(result.table.rowCount == 2)
            #expect(result.cells("province") == [.text("\(pad)Kon Tum"), .text("Ninh Bình")])
            let expected: [Value] = neighbour == "-" ? [.decimal(-5.81), .decimal(-1.21)] : [.text("\(neighbour)5.81"), .text("\(neighbour)1.21")]
            #expect(result.cells("change") == expected, "lead \(lead)")
        }
    }

    /// The chunked, multi-core path over quote-free data full of fields that start one bit away from the
    /// separator, against the reference parser cell by cell.
    @Test(arguments: ["mixed", "LF", "CRLF"])
    func chunkedReadOfNegativeNumbersMatchesReference(lineEnds: String) throws {
        var rng = SeededGenerator(seed: 42)
        var bytes = Array("id;change;note\n".utf8)
        bytes.reserveCapacity(CSVReader.minimumBytesToSplit + (1 << 16))
        var row = 0
        while bytes.count < CSVReader.minimumBytesToSplit + (1 << 16) {
            let note = [":", ":a", "-", "}", "Ninh Bình", ":Kon Tum"][Int(rng.next() % 6)]
            let crlf = lineEnds == "CRLF" || (lineEnds == "mixed" && rng.next() % 3 == 0)
            bytes += Array("\(row);-\(rng.next() % 1000),\(rng.next() % 100);\(note)\(crlf ? "\r\n" : "\n")".utf8)
            row += 1
        }
        let result = try readCSV(bytes: bytes, delimiter: 0x3B)
        let reference = try #require(referenceParse(bytes, delimiter: 0x3B))
        let records = Array(reference.records.dropFirst())
        #expect(result.table.rowCount == records.count)
        let change = result.cells("change"), note = result.cells("note")
        let changeMismatches = records.indices.filter { change[$0] != .decimal(Double(records[$0][1].replacingOccurrences(of: ",", with: "."))!) }
        // A lone dash is how Excel exports show an empty cell: the reader takes it for a missing value.
        let noteMismatches = records.indices.filter { note[$0] != (records[$0][2] == "-" ? .missing : .text(records[$0][2])) }
        #expect(changeMismatches.isEmpty && noteMismatches.isEmpty, "first bad rows: \(changeMismatches.prefix(3)) \(noteMismatches.prefix(3))")
    }

    @Test func exactZeroByteTestMarksOnlyZeroBytes() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            // Words made mostly of 0x00 and 0x01 bytes, where the borrow-prone test goes wrong.
            var word: UInt64 = 0
            for k in 0..<8 { word |= UInt64([0x00, 0x01, 0x80, 0x81, 0x7F, 0xFF][Int(rng.next() % 6)]) << UInt64(8 * k) }
            var expected: UInt64 = 0
            for k in 0..<8 where (word >> UInt64(8 * k)) & 0xFF == 0 { expected |= 0x80 << UInt64(8 * k) }
            #expect(CSVTokenizer.zeroBytes(word) == expected, "word 0x\(String(word, radix: 16))")
        }
    }
}
