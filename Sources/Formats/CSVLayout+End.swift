#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CSVLayout {
    /// Finds where the data ends when something other than data follows a blank line: notes under the
    /// table (`Người lập biểu`, `Ghi chú: số liệu sơ bộ`) or a second table. Only blank lines are looked
    /// at.
    /// - Returns: whether the data was found to end before the end of the file.
    @discardableResult
    mutating func findEnd(_ source: SourceBytes, delimiter: UInt8) -> Bool {
        let bytes = source.buffer
        guard width > 0, dataStart < bytes.count else { return false }
        var quotesBefore = 0, counted = dataStart
        for blank in blankLines(bytes, from: dataStart, delimiter: delimiter) {
            // A blank line inside a quoted cell is text, not a break.
            quotesBefore += CSVReader.countQuotes(bytes, counted..<blank)
            counted = blank
            if quotesBefore & 1 == 1 { continue }
            let tail = CSVPreview.read(bytes, blank..<bytes.count, delimiter: delimiter, newlinesBefore: 0, maximumRecords: 20)
            guard let first = tail.records.first else { return false }  // only blank lines to the end
            if CSVLayout.fitsData(first, width: width, numeric: numericColumns) && !isSparse(first) { continue }
            let line = CSVPreview.lineEnds(bytes, 0..<first.start) + 1
            let reachedEnd = tail.end >= bytes.count && tail.records.count < 20
            if reachedEnd && tail.records.allSatisfy(isSparse) {
                let last = CSVPreview.lineEnds(bytes, 0..<tail.records.last!.start) + 1
                let quoted = tail.records.prefix(3).map { "'\(CSVLayout.shorten($0.firstText))'" }.joined(separator: ", ")
                let span = CSVLayout.lines(line, last)
                notes.append(LoadNote(en: "\(span.en) below the table \(line == last ? "is a note" : "are notes"), not data: \(quoted)",
                                      vi: "\(span.vi) dưới bảng là ghi chú, không phải dữ liệu: \(quoted)"))
            } else {
                let quoted = "'\(CSVLayout.shorten(first.firstText))'"
                notes.append(LoadNote(en: "line \(line) starts another table (\(quoted)); only the first was loaded (say table=2 to load that one)",
                                      vi: "dòng \(line) bắt đầu một bảng khác (\(quoted)); chỉ bảng đầu tiên được nạp (ghi table=2 để nạp bảng đó)"))
                nextTableStart = first.start
            }
            dataEnd = blank
            return true
        }
        return false
    }

    /// A record with at most one cell in three filled and no number: a note or a signature line.
    func isSparse(_ record: CSVPreview.Record) -> Bool {
        !record.kinds.contains(.number) && record.nonEmptyCount <= max(1, width / 3)
    }

    /// Offsets where a blank line starts (an empty line, or one of separators and spaces only), in order;
    /// at most a few thousand. One pass with `memchr` from line end to line end: called only when the
    /// reader found a blank line or an empty row, or failed, never on a clean file.
    func blankLines(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8) -> [Int] {
        guard let base = bytes.baseAddress else { return [] }
        var found: [Int] = []
        var lineStart = start
        while lineStart < bytes.count && found.count < 4096 {
            var i = lineStart
            while i < bytes.count, bytes[i] == delimiter || bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            if i >= bytes.count || bytes[i] == CSVTokenizer.newline || bytes[i] == CSVTokenizer.carriageReturn {
                if i < bytes.count || i > lineStart { found.append(lineStart) }
            }
            guard let newline = memchr(base + i, Int32(CSVTokenizer.newline), bytes.count - i) else { break }
            lineStart = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return found
    }
}
