import Engine
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads CSV and TSV (RFC 4180) into a columnar table, in two passes over the bytes, both split across cores:
/// the first learns each column's type and number convention from all its values, the second parses every
/// field straight into its final typed buffer.
public enum CSVReader {
    /// Inputs smaller than this are read on one thread.
    static let minimumBytesToSplit = 4 << 20

    /// Asked between passes; when it answers true the load stops with an "interrupted" error (Ctrl-C at the
    /// prompt sets `Interruption`).
    nonisolated(unsafe) public static var shouldStop: () -> Bool = { Interruption.isRequested }

    static func checkInterruption(_ source: SourceBytes) throws {
        if shouldStop() {
            throw LoadError(file: source.name, reason: "loading was interrupted; nothing was loaded", vi: "đã dừng nạp tệp; không có gì được nạp")
        }
    }

    /// - Parameter delimiter: the separator, or nil to sniff it from the first lines.
    /// - Throws: `LoadError` with the file, line and column of the first problem; no partial table is returned.
    public static func read(_ source: SourceBytes, tableName: String, delimiter: UInt8? = nil, format: String = "CSV",
                            options: LoadOptions = LoadOptions()) throws -> LoadResult {
        let bytes = source.buffer
        var start = 0
        // Every byte is checked for UTF-8 in the end, but cheaply: numbers are ASCII by construction, and
        // text is checked once per distinct value when the dictionaries are merged.
        try checkEncoding(source, start: &start, validateAll: false)
        let delimiter = delimiter ?? CSVDialect.sniff(bytes, from: start)
        var layout = try CSVLayout.detect(source, from: start, delimiter: delimiter, options: options)
        if layout.width == 0 {
            // The first record is malformed: the tokenizer says exactly where.
            var header = HeaderCollector()
            let (headerScan, _) = CSVTokenizer(bytes: bytes, delimiter: delimiter, expectedFields: nil)
                .scan(start..<bytes.count, maximumRecords: 1, into: &header)
            if let error = headerScan.error { throw loadError(source, error, linesBefore: 0, repairable: false) }
            throw LoadError(file: source.name, reason: "the file could not be read", vi: "không đọc được tệp")
        }
        if firstInvalidUTF8(bytes, in: start..<layout.dataStart) != nil { try checkEncoding(source, start: &start) }
        var report = LoadReport(file: source.name, format: format, rowCount: 0, columns: [], notes: [])
        layout.notes.forEach { report.add($0) }
        let headerLine = layout.headerLines.last ?? (layout.newlinesBeforeData + 1)
        let header = try columnNames(layout.headerCells ?? (1...layout.width).map { "column_\($0)" }, source: source, report: &report,
                                     line: headerLine)
        var repairedRejects: Table?
        var repairedLines: [Int]?
        var result: LoadResult
        if options.repair {
            try checkEncoding(source, start: &start)
            let repaired = CSVRepair.repair(source, layout.dataStart..<layout.dataEnd, delimiter: delimiter, width: header.names.count,
                                            firstLine: layout.newlinesBeforeData + 1)
            repairedRejects = try repaired.rejectsTable(named: tableName + "_rejects")
            repairedLines = repaired.lines
            result = try readData(repaired.source, repaired.source.buffer.indices, linesBefore: 0, names: header.names, tableName: tableName,
                                  delimiter: delimiter, format: format, report: report)
            report = result.report
            report.add(repaired.summary(tableName: tableName))
        } else {
            func readTable() throws -> LoadResult {
                try readData(source, layout.dataStart..<layout.dataEnd, linesBefore: layout.newlinesBeforeData, names: header.names,
                             tableName: tableName, delimiter: delimiter, format: format, report: report,
                             blankLinesAbove: layout.blankLinesBeforeHeader)
            }
            // Notes or a second table below the data are looked for only when the data shows a blank line,
            // an empty row or a fault, so a clean file is read once with no extra pass.
            func findEnd() -> Bool {
                let known = layout.notes.count
                guard layout.findEnd(source, delimiter: delimiter) else { return false }
                layout.notes[known...].forEach { report.add($0) }
                return true
            }
            do {
                result = try readTable()
                if result.sawBlankLines || TableCleanup.hasEmptyRow(result.table), findEnd() {
                    result = try readTable()
                }
            } catch let error as LoadError {
                guard findEnd() else { throw error }
                result = try readTable()
            }
            report = result.report
        }
        var table = result.table
        var companions: [Table] = []
        try TableCleanup.dropEmptyColumns(&table, unnamed: header.unnamed, report: &report)
        let rowLines: () -> [Int] = {
            if let repaired = repairedLines { return repaired }
            return CSVPreview.recordLines(bytes, layout.dataStart..<layout.dataEnd, delimiter: delimiter, newlinesBefore: layout.newlinesBeforeData)
        }
        if let totals = try TotalsRows.separate(&table, lines: rowLines, report: &report) {
            companions.append(totals)
        }
        try TableCleanup.dropEmptyRows(&table, report: &report)
        if let rejects = repairedRejects { companions.append(rejects) }
        report.rowCount = table.rowCount
        report.columns = table.columns.map {
            LoadReport.ColumnSummary(name: $0.name, type: $0.type, missing: $0.missingCount, annotations: $0.annotations)
        }
        return LoadResult(table: table, report: report, companions: companions)
    }

    /// Reads the records of `range` (the data, below the header) into typed columns named `names`.
    static func readData(_ source: SourceBytes, _ range: Range<Int>, linesBefore dataLinesBefore: Int, names: [String], tableName: String,
                         delimiter: UInt8, format: String, report: LoadReport, blankLinesAbove: Int = 0) throws -> LoadResult {
        let bytes = source.buffer
        var notes: [LoadNote] = []
        let columnCount = names.count
        // Split the data into chunks at record boundaries, then profile every chunk.
        let tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter, expectedFields: columnCount)
        var (chunks, quoteFree) = chunkRanges(bytes, range)
        let progress = LoadProgress.current
        progress?.begin(file: source.name, dataBytes: range.count, estimatedRows: LoadProgress.estimatedRows(bytes, range))
        defer { progress?.finish() }
        // Looked up once for both passes: which chunks hold no quote and can take the fast path.
        var unquoted = quoteFree ? chunks.map { _ in true } : Parallel.map(chunks.count) { tokenizer.hasNoQuotes(chunks[$0]) }
        var profiling = Parallel.map(chunks.count) { i -> (CSVScanSummary, [ColumnProfile]) in
            var collector = ProfileCollector(columnCount: columnCount)
            let (summary, _) = tokenizer.scan(chunks[i], unquoted: unquoted[i], into: &collector)
            return (summary, collector.finish())
        }
        if profiling.contains(where: { $0.0.endedInsideQuotes }) {
            // A stray quote misled the split: read the data as one chunk.
            chunks = [range]
            unquoted = [false]
            var collector = ProfileCollector(columnCount: columnCount)
            let (summary, _) = tokenizer.scan(chunks[0], into: &collector)
            profiling = [(summary, collector.finish())]
        }
        // Line ends before the data: the header's and those of blank lines above it (already in `newlines`).
        var linesBefore = [dataLinesBefore]
        for (summary, _) in profiling.dropLast() { linesBefore.append(linesBefore.last! + summary.newlines) }
        for (i, (summary, _)) in profiling.enumerated() {
            if let error = summary.error { throw loadError(source, error, linesBefore: linesBefore[i]) }
        }

        try checkInterruption(source)
        var profiles = Array(repeating: ColumnProfile(), count: columnCount)
        for (_, chunkProfiles) in profiling {
            for (c, profile) in chunkProfiles.enumerated() { profiles[c].merge(profile) }
        }
        let plans = profiles.map { ColumnPlan.decide($0, delimiter: delimiter) }
        for (c, plan) in plans.enumerated() where plan.kind == .decimal {
            if let field = profiles[c].firstBeyondDecimal { throw beyondDecimalError(source, field, column: names[c]) }
        }
        let blankLines = profiling.reduce(blankLinesAbove) { $0 + $1.0.blankLines }
        if blankLines > 0 {
            notes.append(LoadNote(en: "\(blankLines) blank line\(blankLines == 1 ? "" : "s") skipped", vi: "đã bỏ qua \(blankLines) dòng trống"))
        }
        let sawBlankLines = blankLines > blankLinesAbove
        if delimiter != 0x2C && delimiter != 0x09 {
            notes.append(LoadNote(en: "separator: \(CSVDialect.name(of: delimiter))", vi: "dấu phân cách: \(CSVDialect.vietnameseName(of: delimiter))"))
        }

        // Second pass: parse into preallocated buffers, each chunk at its own rows.
        var firstRows = [0]
        for (summary, _) in profiling { firstRows.append(firstRows.last! + summary.records) }
        let rowCount = firstRows.last!
        try RowLimit.check(rowCount, file: source.name)
        progress?.beginSecondPass(rows: rowCount)
        var filled: [ColumnFiller] = []
        var encodingFault = false
        var presence: [ValidityBitmap?] = []
        let arrays = ColumnBuffers.withSinks(plans, rows: rowCount) { sinks in
            filled = Parallel.map(chunks.count) { i -> ColumnFiller in
                var filler = ColumnFiller(sinks: sinks, firstRow: firstRows[i])
                _ = tokenizer.scan(chunks[i], unquoted: unquoted[i], into: &filler)
                return filler
            }
            encodingFault = !filled.allSatisfy { $0.interners.allSatisfy { $0.allValidUTF8() } }
            let keep = !encodingFault && !shouldStop()
            if keep {
                // Presence bytes become bitmaps here, while the sinks are at hand.
                presence = sinks.map { $0.present.map { ValidityBitmap($0) } }
            }
            return keep
        }
        guard let arrays else {
            try checkInterruption(source)
            var start = 0
            try checkEncoding(source, start: &start)  // finds the first bad byte and throws with its place
            throw LoadError(file: source.name, reason: "the file could not be read", vi: "không đọc được tệp")
        }
        let columns = (0..<columnCount).map { c in
            buildColumn(name: names[c], filled: arrays[c], validity: presence[c], annotations: plans[c].annotations,
                        interners: filled.map { $0.interners[c] }, firstRows: firstRows)
        }
        if let (row, column) = filled.compactMap(\.mismatch).first {
            throw LoadError(file: source.name, reason: "row \(row + 1), column '\(names[column])': a value does not read as \(plans[column].type.rawValue)",
                            hint: "this is a fault in solieu's reader; please report it with the file",
                            vi: "dòng \(row + 1), cột '\(names[column])': một giá trị không đọc được thành \(LoadReport.vietnameseWords[plans[column].type.rawValue] ?? plans[column].type.rawValue)",
                            hintVi: "đây là lỗi của bộ đọc của solieu; hãy báo lỗi kèm tệp")
        }
        let table = try Table(name: tableName, columns: columns)
        let summaries = columns.map {
            LoadReport.ColumnSummary(name: $0.name, type: $0.type, missing: $0.missingCount, annotations: $0.annotations)
        }
        var report = report
        report.rowCount = rowCount
        report.columns = summaries
        for note in notes { report.add(note) }
        var result = LoadResult(table: table, report: report)
        result.sawBlankLines = sawBlankLines
        return result
    }

    /// Skips a UTF-8 byte-order mark; refuses UTF-16 and anything that is not UTF-8, naming the byte.
    /// `TableLoader` converts other encodings to UTF-8 before a reader runs, so these errors reach a user only
    /// for bytes that no encoding read (or `encoding=utf-8`); the error records the byte so that the loader can
    /// try the Vietnamese legacy encodings when the bad byte lies past the part it checked.
    static func checkEncoding(_ source: SourceBytes, start: inout Int, validateAll: Bool = true) throws {
        let bytes = source.buffer
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            throw LoadError(file: source.name, position: SourcePosition(file: source.name, line: 1, column: 1),
                            reason: "the file is UTF-16, not UTF-8",
                            hint: "load it with encoding=utf-16, or leave encoding= out: the byte-order mark says it is UTF-16",
                            vi: "tệp mã hoá UTF-16, không phải UTF-8",
                            hintVi: "hãy nạp với encoding=utf-16, hoặc bỏ encoding=: dấu thứ tự byte ở đầu tệp cho biết đó là UTF-16")
        }
        if bytes.count == start {
            throw LoadError(file: source.name, reason: "the file is empty: there is no header row",
                            hint: "a CSV file starts with a line naming its columns",
                            vi: "tệp trống: không có dòng tiêu đề", hintVi: "tệp CSV bắt đầu bằng một dòng ghi tên các cột")
        }
        guard validateAll else { return }
        let ranges = utf8SafeRanges(bytes, start..<bytes.count)
        let invalid = Parallel.map(ranges.count) { firstInvalidUTF8(bytes, in: ranges[$0]) }.compactMap { $0 }.first
        if let offset = invalid {
            let shown = bytes[offset..<min(offset + 4, bytes.count)].map { String(format: "%02X", $0) }.joined(separator: " ")
            var error = LoadError(file: source.name, position: source.position(of: offset),
                                  reason: "the file is not UTF-8: byte \(offset) (0x\(shown.prefix(2))) starts no valid character (bytes: \(shown))",
                                  hint: "the file is probably in a Vietnamese legacy encoding: name it with encoding= (cp1258 for Windows-1258, tcvn3 for TCVN3/ABC, vni or viscii), or save the file from Excel as CSV UTF-8",
                                  vi: "tệp không phải UTF-8: byte \(offset) (0x\(shown.prefix(2))) không bắt đầu một ký tự hợp lệ (các byte: \(shown))",
                                  hintVi: "tệp có lẽ dùng bảng mã cũ: hãy ghi bảng mã bằng encoding= (cp1258 cho Windows-1258, tcvn3 cho TCVN3/ABC, vni hoặc viscii), hoặc lưu tệp từ Excel dạng CSV UTF-8")
            error.undecodedByte = offset
            throw error
        }
    }

    /// Splits `range` near equal parts, each starting at a line start.
    private static func utf8SafeRanges(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
        guard range.count >= minimumBytesToSplit else { return [range] }
        var cuts = [range.lowerBound]
        for piece in Parallel.ranges(range.count, minimumPerRange: minimumBytesToSplit / 2).dropFirst() {
            var cut = range.lowerBound + piece.lowerBound
            while cut < range.upperBound && bytes[cut] & 0xC0 == 0x80 { cut += 1 }
            if cut > cuts.last! { cuts.append(cut) }
        }
        cuts.append(range.upperBound)
        return zip(cuts, cuts.dropFirst()).map { $0..<$1 }.filter { !$0.isEmpty }
    }

    /// Splits the data into one chunk per core, each starting right after a line end that lies outside quotes
    /// (judged by the parity of the quotes before it). A stray quote can mislead that judgement; the tokenizer
    /// then ends a chunk inside quotes and the caller falls back to one chunk.
    /// - Returns: the chunks, and whether the data was found to hold no quote at all (false when not looked at).
    static func chunkRanges(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (chunks: [Range<Int>], quoteFree: Bool) {
        guard range.count >= minimumBytesToSplit, Parallel.workerCount > 1 else { return ([range], false) }
        let pieces = Parallel.ranges(range.count, minimumPerRange: minimumBytesToSplit / 2).map {
            (range.lowerBound + $0.lowerBound)..<(range.lowerBound + $0.upperBound)
        }
        // Most files have no quotes at all: memchr (vectorised in the C library) says so fastest, and then
        // every line end is a record boundary.
        let hasQuotes = Parallel.map(pieces.count) { i in
            memchr(bytes.baseAddress! + pieces[i].lowerBound, Int32(CSVTokenizer.quote), pieces[i].count) != nil
        }
        let quoteCounts = hasQuotes.contains(true) ? Parallel.map(pieces.count) { i in countQuotes(bytes, pieces[i]) } : pieces.map { _ in 0 }
        var cuts = [range.lowerBound]
        var quotesBefore = 0
        for i in 1..<pieces.count {
            quotesBefore += quoteCounts[i - 1]
            var k = pieces[i].lowerBound
            var parity = quotesBefore & 1
            while k < range.upperBound {
                let b = bytes[k]
                if b == CSVTokenizer.quote { parity ^= 1 }
                if b == CSVTokenizer.newline && parity == 0 { k += 1; break }
                k += 1
            }
            if k > cuts.last! && k < range.upperBound { cuts.append(k) }
        }
        cuts.append(range.upperBound)
        return (zip(cuts, cuts.dropFirst()).map { $0..<$1 }, !hasQuotes.contains(true))
    }

    /// The number of `"` bytes in `range`, eight bytes per step (`CSVTokenizer.zeroBytes` marks them exactly).
    static func countQuotes(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let pattern = UInt64(CSVTokenizer.quote) &* CSVTokenizer.lowBytes
        var count = 0
        var i = range.lowerBound
        while i + 8 <= range.upperBound {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ pattern
            count += CSVTokenizer.zeroBytes(x).nonzeroBitCount
            i += 8
        }
        while i < range.upperBound {
            if base[i] == CSVTokenizer.quote { count += 1 }
            i += 1
        }
        return count
    }

    /// Header cells as column names: NFC, trimmed; an empty cell is named after its position, and a name
    /// that repeats an earlier one is numbered (`x`, `x_2`, …); each change is stated in the report.
    /// - Returns: the names, and the positions of columns whose header cell was empty.
    static func columnNames(_ cells: [String], source: SourceBytes, report: inout LoadReport, line: Int = 1) throws
        -> (names: [String], unnamed: Set<Int>) {
        var names: [String] = []
        var unnamed = Set<Int>()
        var taken = Set<String>()
        var renamed: [(from: String, to: String)] = []
        var empties: [Int] = []
        // Names as written come first, so a numbered name never takes one that a later column has.
        let cleaned = cells.map { $0.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping }
        let written = Set(cleaned)
        for (i, cell) in cleaned.enumerated() {
            var name = cell
            // Line ends and tabs can stand in a quoted header cell; NUL and other control bytes cannot.
            if let control = name.unicodeScalars.first(where: { ($0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value)) || $0.value == 0x7F }) {
                let byte = String(format: "0x%02X", control.value)
                throw LoadError(file: source.name, position: SourcePosition(file: source.name, line: line, column: 1),
                                reason: "header cell \(i + 1) holds a control character (\(byte)), which cannot be part of a column name",
                                hint: "the file may not be a text export; remove the character or re-export the file, or say header=none",
                                vi: "ô tiêu đề \(i + 1) chứa ký tự điều khiển (\(byte)), không thể nằm trong tên cột",
                                hintVi: "tệp có thể không phải là tệp văn bản xuất ra; hãy xoá ký tự đó hoặc xuất lại tệp, hoặc ghi header=none")
            }
            if name.isEmpty {
                name = "column_\(i + 1)"
                unnamed.insert(i)
                empties.append(i + 1)
            }
            if taken.contains(name) {
                var n = 2
                while taken.contains("\(name)_\(n)") || written.contains("\(name)_\(n)") { n += 1 }
                renamed.append((name, "\(name)_\(n)"))
                name = "\(name)_\(n)"
            }
            taken.insert(name)
            names.append(name)
        }
        if !empties.isEmpty && empties.count < cells.count {
            let list = empties.map(String.init).joined(separator: ", ")
            report.add(LoadNote(en: "header cell\(empties.count == 1 ? "" : "s") \(list) \(empties.count == 1 ? "is" : "are") empty; named column_N after the position",
                                vi: "ô tiêu đề \(list) trống; đặt tên column_N theo vị trí"))
        }
        if !renamed.isEmpty {
            let list = renamed.prefix(5).map { "'\($0.from)' → \($0.to)" }.joined(separator: ", ") + (renamed.count > 5 ? ", …" : "")
            report.add(LoadNote(en: "the header repeats \(renamed.count == 1 ? "a name" : "names"), made unique: \(list)",
                                vi: "dòng tiêu đề có tên cột trùng, đã đánh số cho khác nhau: \(list)"))
        }
        return (names, unnamed)
    }

    /// The error for a number too large for a decimal (it would read as infinity), at the field's place.
    static func beyondDecimalError(_ source: SourceBytes, _ field: BeyondDecimalField, column: String) -> LoadError {
        let shown = field.prefix + (field.length > 24 ? "…" : "")
        let size = field.length > 24 ? " (\(field.length) characters)" : ""
        // A field of a repaired row may lie outside the file's bytes: then the error names the file only.
        let offset = source.buffer.baseAddress.map { field.start - $0 } ?? -1
        let position = offset >= 0 && offset < source.count ? source.position(of: offset) : nil
        return LoadError(file: source.name, position: position,
                         reason: "column '\(column)': the number '\(shown)'\(size) is beyond the range of a decimal number (about ±1.8e308)",
                         hint: "a value this large is most likely a damaged cell: correct it, or leave the cell empty if the value is unknown",
                         vi: "cột '\(column)': số '\(shown)'\(size.replacingOccurrences(of: "characters", with: "ký tự")) vượt quá phạm vi của số thập phân (khoảng ±1,8e308)",
                         hintVi: "giá trị lớn như vậy nhiều khả năng là ô bị hỏng: hãy sửa lại, hoặc để trống ô nếu chưa biết giá trị")
    }

    /// A syntax error at its place; for a data row, the hint also says how to load the other rows.
    static func loadError(_ source: SourceBytes, _ error: CSVSyntaxError, linesBefore: Int, repairable: Bool = true) -> LoadError {
        let line = linesBefore + error.newlinesBefore + 1
        let column = source.characterColumn(lineStart: error.lineStart, offset: error.offset)
        let path = source.name.contains(" ") ? "\"\(source.name)\"" : source.name
        let repair = repairable ? "; or load every good row and list this one apart: load \(path) repair" : ""
        let repairVi = repairable ? "; hoặc nạp mọi dòng tốt và liệt kê riêng dòng này: load \(path) repair" : ""
        return LoadError(file: source.name, position: SourcePosition(file: source.name, line: line, column: column),
                         reason: error.reason, hint: error.hint.map { $0 + repair }, vi: error.reasonVi, hintVi: error.hintVi.map { $0 + repairVi })
    }
}
