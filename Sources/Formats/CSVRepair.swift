import Engine

/// `load FILE repair`: reads a file with damaged rows record by record, mends each one the same stated
/// way, and writes the mended records as clean CSV for the reader proper. Nothing is dropped: every line
/// that was changed is listed, with what was wrong and its raw text, in the `NAME_rejects` dataset.
///
/// - Short rows are padded with missing values.
/// - Long rows keep the header's fields; the extra ones are kept in the rejects list.
/// - A stray quote (one that opens a field never closed on its line, or text after a closing quote) is
///   read as an ordinary character of the line.
struct CSVRepair {
    struct Reject {
        var line: Int
        var problem: LoadNote
        var raw: String
        var extra: String?
    }

    /// The mended data, ready for the reader.
    var source: SourceBytes
    var rejects: [Reject]
    /// The file line of each record of `source`, for messages about rows.
    var lines: [Int]

    /// - Parameter firstLine: the file line `range` starts on.
    static func repair(_ original: SourceBytes, _ range: Range<Int>, delimiter: UInt8, width: Int, firstLine: Int) -> CSVRepair {
        let bytes = original.buffer
        let tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter, expectedFields: nil)
        var out: [UInt8] = []
        out.reserveCapacity(range.count + range.count / 8)
        var rejects: [Reject] = []
        var lines: [Int] = []
        var position = range.lowerBound
        var line = firstLine

        while position < range.upperBound {
            let lineEnd = physicalLineEnd(bytes, from: position, to: range.upperBound)
            let nextLine = afterLineEnd(bytes, lineEnd, to: range.upperBound)
            if lineEnd == position {  // a blank line
                position = nextLine
                line += 1
                continue
            }
            var collector = RecordCollector()
            let (summary, next) = tokenizer.scanGeneral(position..<range.upperBound, maximumRecords: 1, into: &collector)
            var fields = collector.cells
            var consumedTo = next
            var consumedLines = summary.newlines
            var problems: [LoadNote] = []
            let spansLines = next > nextLine
            let quoteTrouble = summary.error != nil || summary.endedInsideQuotes || (spansLines && fields.count != width)
            if quoteTrouble {
                // Read the line alone, its quotes as plain characters.
                fields = split(bytes, position..<lineEnd, delimiter: delimiter)
                consumedTo = nextLine
                consumedLines = nextLine > lineEnd ? 1 : 0
                problems.append(LoadNote(en: "a stray quote (\") was kept as text", vi: "dấu ngoặc kép (\") lạc chỗ được giữ như chữ"))
            }
            let rawEnd = quoteTrouble ? lineEnd : trimmedEnd(consumedTo, from: position, bytes)
            let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<rawEnd]), as: UTF8.self)
            var extra: String?
            if fields.count < width {
                problems.append(LoadNote(
                    en: "short row: \(fields.count) field\(fields.count == 1 ? "" : "s") where the header has \(width); padded with missing values",
                    vi: "dòng thiếu: \(fields.count) trường trong khi tiêu đề có \(width); phần thiếu để trống"))
                fields += Array(repeating: "", count: width - fields.count)
            } else if fields.count > width {
                problems.append(LoadNote(
                    en: "long row: \(fields.count) fields where the header has \(width); the extra \(fields.count - width) kept here",
                    vi: "dòng thừa: \(fields.count) trường trong khi tiêu đề có \(width); \(fields.count - width) trường thừa được giữ ở đây"))
                extra = fields[width...].joined(separator: String(UnicodeScalar(delimiter)))
                fields = Array(fields[..<width])
            }
            if !problems.isEmpty {
                rejects.append(Reject(line: line, problem: LoadNote(en: problems.map(\.en).joined(separator: "; "), vi: problems.map(\.vi).joined(separator: "; ")),
                                      raw: raw, extra: extra))
            }
            DelimitedText.appendRecord(fields, delimiter: delimiter, to: &out)
            lines.append(line)
            line += max(consumedLines, 1)
            position = consumedTo > position ? consumedTo : nextLine
        }
        return CSVRepair(source: SourceBytes(bytes: out, name: original.name), rejects: rejects, lines: lines)
    }

    /// `offset` with the line end before it taken off: where a record's raw text ends.
    private static func trimmedEnd(_ offset: Int, from start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = offset
        while end > start && (bytes[end - 1] == CSVTokenizer.newline || bytes[end - 1] == CSVTokenizer.carriageReturn) { end -= 1 }
        return end
    }

    /// The offset of the LF or CR ending the line that starts at `from` (or `to`).
    static func physicalLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var i = from
        while i < to && bytes[i] != CSVTokenizer.newline && bytes[i] != CSVTokenizer.carriageReturn { i += 1 }
        return i
    }

    static func afterLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int, to: Int) -> Int {
        var i = end
        if i < to && bytes[i] == CSVTokenizer.carriageReturn { i += 1 }
        if i < to && bytes[i] == CSVTokenizer.newline { i += 1 }
        return i
    }

    /// The line split at every separator, quotes and all.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, delimiter: UInt8) -> [String] {
        UnsafeBufferPointer(rebasing: bytes[range]).split(separator: delimiter, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// The rejects as a dataset: line, what was wrong (in English and Vietnamese), the raw text, the extra fields.
    func rejectsTable(named name: String) throws -> Table {
        try Table(name: name, columns: [
            Column(name: "line", type: .integer, values: rejects.map { .integer(Int64($0.line)) }),
            Column(name: "problem", type: .text, values: rejects.map { .text($0.problem.en) }),
            Column(name: "van_de", type: .text, values: rejects.map { .text($0.problem.vi) }),
            Column(name: "raw", type: .text, values: rejects.map { .text($0.raw) }),
            Column(name: "extra", type: .text, values: rejects.map { $0.extra.map(Value.text) ?? .missing }),
        ])
    }

    /// The one line of the load report about the repair.
    func summary(tableName: String) -> LoadNote {
        guard !rejects.isEmpty else {
            return LoadNote(en: "repair: every row was well formed; nothing was changed", vi: "sửa: mọi dòng đều đúng dạng; không có gì thay đổi")
        }
        let shown = rejects.prefix(5).map { String($0.line) }.joined(separator: ", ") + (rejects.count > 5 ? ", …" : "")
        let n = rejects.count
        return LoadNote(en: "repair: \(n) damaged line\(n == 1 ? "" : "s") (\(shown)) mended and listed in \(tableName)_rejects",
                        vi: "sửa: \(n) dòng hỏng (\(shown)) đã được sửa và liệt kê trong \(tableName)_rejects")
    }
}
