import Foundation

/// Where the table is in a delimited file as Excel and report templates write it: title and unit lines
/// above, a header of one to three rows (merged cells exported as a name then empty cells), the data, and
/// perhaps notes or a second table below. Found by looking at the first records, never assumed; every
/// decision is stated in `notes` for the load report.
struct CSVLayout {
    /// Header names as written (joined for a header of several rows), one per column; nil when the file
    /// has no header row.
    var headerCells: [String]?
    /// Lines of the header rows (empty when there is none).
    var headerLines: [Int]
    var dataStart: Int
    var dataEnd: Int
    /// Line ends before `dataStart`, so errors in the data name their true lines.
    var newlinesBeforeData: Int
    var width: Int
    var notes: [LoadNote]
    /// Columns whose values below the header are numbers (used to tell data from headers and titles).
    var numericColumns: Set<Int>
    /// Blank lines above a header on the file's first lines (reported with the blank lines of the data).
    var blankLinesBeforeHeader = 0

    /// - Throws: `LoadError` when a `header=` or `skip=` option names a line the file does not have.
    static func detect(_ source: SourceBytes, from start: Int, delimiter: UInt8, options: LoadOptions) throws -> CSVLayout {
        let bytes = source.buffer
        var position = start, newlines = 0
        // skip=N passes over N lines, whatever they hold.
        while newlines < options.skip && position < bytes.count {
            if bytes[position] == CSVTokenizer.newline { newlines += 1 }
            else if bytes[position] == CSVTokenizer.carriageReturn && (position + 1 >= bytes.count || bytes[position + 1] != CSVTokenizer.newline) { newlines += 1 }
            position += 1
        }
        if options.skip > 0 && position >= bytes.count {
            throw LoadError(file: source.name, reason: "skip=\(options.skip) passes over every line of the file",
                            hint: "the file has \(newlines) line\(newlines == 1 ? "" : "s"); give a smaller number",
                            vi: "skip=\(options.skip) bỏ qua mọi dòng của tệp", hintVi: "tệp có \(newlines) dòng; hãy cho số nhỏ hơn")
        }
        var layout = try detectTable(source, from: position, newlinesBefore: newlines, delimiter: delimiter, options: options)
        var tableNumber = 1
        while tableNumber < options.table {
            layout.findEnd(source, delimiter: delimiter)
            guard let next = layout.nextTableStart else {
                throw LoadError(file: source.name, reason: "table=\(options.table): the file holds \(tableNumber) table\(tableNumber == 1 ? "" : "s")",
                                hint: "leave out table= to load the first",
                                vi: "table=\(options.table): tệp chỉ có \(tableNumber) bảng", hintVi: "bỏ table= để nạp bảng đầu tiên")
            }
            tableNumber += 1
            let before = CSVPreview.lineEnds(bytes, start..<next)
            layout = try detectTable(source, from: next, newlinesBefore: before, delimiter: delimiter, options: options)
            layout.notes.insert(LoadNote(en: "table \(tableNumber) of the file, from line \(before + 1)",
                                        vi: "bảng thứ \(tableNumber) của tệp, từ dòng \(before + 1)"), at: 0)
        }
        return layout
    }

    /// Where the next table starts, when a second table was found below this one.
    var nextTableStart: Int?

    private static func detectTable(_ source: SourceBytes, from start: Int, newlinesBefore: Int, delimiter: UInt8,
                                    options: LoadOptions) throws -> CSVLayout {
        let bytes = source.buffer
        let preview = CSVPreview.read(bytes, start..<bytes.count, delimiter: delimiter, newlinesBefore: newlinesBefore)
        let records = preview.records
        guard !records.isEmpty else {
            if preview.stoppedAtError {
                // A syntax error in the first record: the reader proper reports it exactly.
                return CSVLayout(headerCells: nil, headerLines: [], dataStart: start, dataEnd: bytes.count, newlinesBeforeData: newlinesBefore,
                                 width: 0, notes: [], numericColumns: [], blankLinesBeforeHeader: 0)
            }
            throw LoadError(file: source.name, position: SourcePosition(file: source.name, line: newlinesBefore + 1, column: 1),
                            reason: "the file has no header row (it holds only blank lines)",
                            hint: "the first line must name the columns, e.g. province\(String(UnicodeScalar(delimiter)))year",
                            vi: "tệp không có dòng tiêu đề (chỉ có dòng trống)",
                            hintVi: "dòng đầu tiên phải ghi tên các cột, ví dụ province\(String(UnicodeScalar(delimiter)))year")
        }
        var width = dataWidth(records)
        let numeric = numericColumns(records, width: width)
        var notes: [LoadNote] = []

        // The first data record, and the header rows above it.
        var headerIndices: [Int] = []
        var dataIndex: Int
        var blankLinesBeforeHeader = 0
        switch options.header {
        case .line(let line):
            guard let index = records.firstIndex(where: { $0.line == line }) else {
                throw LoadError(file: source.name, reason: "header=\(line): line \(line) is blank, inside another record, or past the first \(records.count) records",
                                hint: "lines \(records.first!.line)–\(records.last!.line) hold records; name one of them",
                                vi: "header=\(line): dòng \(line) trống, nằm trong một bản ghi khác hoặc quá xa đầu tệp",
                                hintVi: "các dòng \(records.first!.line)–\(records.last!.line) có dữ liệu; hãy chọn một dòng trong đó")
            }
            headerIndices = [index]
            dataIndex = index + 1
        case .none:
            dataIndex = records.firstIndex { $0.width == width } ?? 0
        case .detect:
            dataIndex = firstDataIndex(records, width: width, numeric: numeric)
            if dataIndex == 0 {
                if looksLikeHeader(records, width: width, numeric: numeric) {
                    headerIndices = [0]
                    dataIndex = 1
                } else {
                    notes.append(LoadNote(
                        en: "no header row: line \(records[0].line) holds values like the rows below it; the columns are named column_1 … column_\(width) (say header=\(records[0].line) if that line is the header)",
                        vi: "không có dòng tiêu đề: dòng \(records[0].line) chứa giá trị giống các dòng dưới; các cột được đặt tên column_1 … column_\(width) (ghi header=\(records[0].line) nếu dòng đó là tiêu đề)"))
                }
            } else {
                headerIndices = headerRows(records, above: dataIndex, width: width)
            }
        }

        var headerCells: [String]?
        if !headerIndices.isEmpty {
            // A header wider than the data keeps its names: the rows are then short, an error (or repaired).
            let named = headerIndices.map { records[$0].cells.lastIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { $0 + 1 } ?? 0 }.max() ?? 0
            let headerWidth = max(named, records[headerIndices.last!].width)
            // Data wider than its header keeps the extra columns only when they are empty in the rows seen
            // (Excel's trailing separators; dropped later); otherwise the header decides, and a row with a
            // value past it is an error (or repaired).
            let extrasEmpty = records[dataIndex...].allSatisfy { row in (headerWidth..<max(row.width, headerWidth)).allSatisfy { row.cell($0).trimmingCharacters(in: .whitespaces).isEmpty } }
            if width < headerWidth || !extrasEmpty { width = max(named, headerWidth) }
            headerCells = joinedHeader(headerIndices.map { records[$0] }, width: width)
            let firstHeader = headerIndices.first!
            if firstHeader > 0 {
                let titles = records[..<firstHeader]
                let span = lines(titles.first!.line, titles.last!.line)
                let quoted = titles.map { "'\(shorten($0.firstText))'" }.joined(separator: ", ")
                notes.append(LoadNote(en: "\(span.en) above the header \(titles.count == 1 ? "is a title" : "are a title"), not data: \(quoted)",
                                      vi: "\(span.vi) phía trên dòng tiêu đề là tên bảng, không phải dữ liệu: \(quoted)"))
            }
            let lines = headerIndices.map { records[$0].line }
            if headerIndices.count > 1 {
                notes.append(LoadNote(en: "header: lines \(lineSpan(lines.first!, lines.last!)), \(headerIndices.count) rows joined (a merged header)",
                                     vi: "dòng tiêu đề: các dòng \(lineSpan(lines.first!, lines.last!)), ghép \(headerIndices.count) dòng (tiêu đề có ô gộp)"))
            } else if firstHeader > 0 || options.header != .detect {
                notes.append(LoadNote(en: "header: line \(lines[0])", vi: "dòng tiêu đề: dòng \(lines[0])"))
            }
            blankLinesBeforeHeader = firstHeader == 0 ? records[0].blankLinesAbove : 0
        } else if dataIndex > 0 {
            let titles = records[..<dataIndex]
            let span = lines(titles.first!.line, titles.last!.line)
            notes.append(LoadNote(en: "\(span.en) above the data \(titles.count == 1 ? "is a title" : "are a title"), not data",
                                  vi: "\(span.vi) phía trên dữ liệu là tên bảng, không phải dữ liệu"))
        }

        let dataStart: Int, newlinesBeforeData: Int
        if dataIndex < records.count {
            // Right after the header, so blank lines between it and the data are counted by the reader.
            dataStart = headerIndices.isEmpty ? records[dataIndex].start : records[headerIndices.last!].end
            newlinesBeforeData = records[dataIndex].newlinesBefore - (headerIndices.isEmpty ? 0 : records[dataIndex].blankLinesAbove)
        } else {
            dataStart = preview.end
            newlinesBeforeData = preview.newlinesBeforeEnd
        }
        let layout = CSVLayout(headerCells: headerCells, headerLines: headerIndices.map { records[$0].line }, dataStart: dataStart,
                               dataEnd: bytes.count, newlinesBeforeData: newlinesBeforeData, width: width, notes: notes, numericColumns: numeric,
                               blankLinesBeforeHeader: blankLinesBeforeHeader)
        return layout
    }

    /// The records that show what the data looks like: the lower half of a long preview (title lines sit
    /// at the top), every record of a short one.
    static func lowerPart(_ records: [CSVPreview.Record]) -> ArraySlice<CSVPreview.Record> {
        records.count >= 8 ? records[(records.count / 2)...] : records[...]
    }

    /// The number of fields most records have; on a tie, the width of the first record naming two or more
    /// columns, else the wider.
    static func dataWidth(_ records: [CSVPreview.Record]) -> Int {
        var counts: [Int: Int] = [:]
        for record in lowerPart(records) { counts[record.width, default: 0] += 1 }
        let most = counts.values.max()!
        let tied = Set(counts.filter { $0.value == most }.keys)
        if tied.count > 1, let first = records.first(where: { $0.nonEmptyCount >= 2 && tied.contains($0.width) }) { return first.width }
        return tied.max()!
    }

    /// Columns that hold numbers in (nearly) every non-empty cell of the lower half of the preview.
    static func numericColumns(_ records: [CSVPreview.Record], width: Int) -> Set<Int> {
        // The lower half even of a short preview: header rows must not outvote three data rows.
        let lower = (records.count >= 4 ? records[(records.count / 2)...] : records[...]).filter { $0.width == width }
        var result = Set<Int>()
        for column in 0..<width {
            var numbers = 0, texts = 0
            for record in lower {
                switch record.kind(column) {
                case .number: numbers += 1
                case .text, .boolean: texts += 1
                case .missing: break
                }
            }
            // A totals label or a note in a numeric column is tolerated; a column of words is not numeric.
            if numbers > 0 && numbers * 5 >= (numbers + texts) * 4 { result.insert(column) }
        }
        return result
    }

    /// Whether a record sits in the data: the table's width, no word where the data has numbers.
    static func fitsData(_ record: CSVPreview.Record, width: Int, numeric: Set<Int>) -> Bool {
        record.width == width && !numeric.contains { record.kind($0) == .text || record.kind($0) == .boolean }
    }

    /// The first record that reads as data: it fits the data and holds a number where the data does, and
    /// so does the record after it. In a table of words only, the record after the first one that names
    /// two or more columns.
    static func firstDataIndex(_ records: [CSVPreview.Record], width: Int, numeric: Set<Int>) -> Int {
        if numeric.isEmpty {
            let header = records.firstIndex { $0.width == width && $0.nonEmptyCount >= min(2, width) } ?? 0
            return header + 1 < records.count || records.count == 1 ? (records.count == 1 ? 1 : header + 1) : header + 1
        }
        for (i, record) in records.enumerated() where fitsData(record, width: width, numeric: numeric) {
            // A row with no number yet (its figures missing) is data when it follows a row of names that
            // does not fit the data: that row is the header.
            let followsHeader = i > 0 && !fitsData(records[i - 1], width: width, numeric: numeric)
                && !records[i - 1].kinds.contains(.number) && records[i - 1].nonEmptyCount >= min(2, width)
            guard followsHeader || numeric.contains(where: { record.kind($0) == .number }) else { continue }
            // A row of numbers right above a row of names is the upper row of a header (years over columns).
            if i + 1 < records.count, records[i + 1].width == width, numeric.contains(where: { records[i + 1].kind($0) == .text }),
               i + 2 < records.count, fitsData(records[i + 2], width: width, numeric: numeric) { continue }
            return i
        }
        return 0
    }

    /// Whether the first record, though it has numbers where the data has them, is a header all the same:
    /// its numbers are years naming columns (`Tỉnh,2021,2022,2023`) above values that are not years.
    static func looksLikeHeader(_ records: [CSVPreview.Record], width: Int, numeric: Set<Int>) -> Bool {
        let first = records[0]
        guard records.count > 1 else { return true }
        let yearColumns = numeric.filter { first.kind($0) == .number }
        guard !yearColumns.isEmpty else { return false }
        func isYear(_ cell: String) -> Bool { Int(cell.trimmingCharacters(in: .whitespaces)).map { (1900...2100).contains($0) } ?? false }
        let allYears = yearColumns.allSatisfy { isYear(first.cell($0)) }
        let yearsDistinct = Set(yearColumns.map { first.cell($0) }).count == yearColumns.count
        let belowAreYears = yearColumns.allSatisfy { c in records.dropFirst().allSatisfy { $0.kind(c) != .number || isYear($0.cell(c)) } }
        return allYears && yearsDistinct && yearColumns.count >= 2 && !belowAreYears
    }

    /// The header rows right above the data: the row above it, and up to two more above that which look
    /// like the upper rows of a merged header (two or more names, no blank line between).
    static func headerRows(_ records: [CSVPreview.Record], above dataIndex: Int, width: Int) -> [Int] {
        var rows = [dataIndex - 1]
        var k = dataIndex - 2
        while k >= 0 && rows.count < 3 {
            let upper = records[k], lower = records[k + 1]
            guard lower.blankLinesAbove == 0, upper.width <= width, upper.width > 1, upper.nonEmptyCount >= 2,
                  upper.width == lower.width || upper.nonEmptyCount < upper.width,
                  !upper.kinds.contains(.number) || upper.cells.allSatisfy({ $0.isEmpty || Int($0.trimmingCharacters(in: .whitespaces)) != nil }),
                  // A merged upper row leaves gaps under its spans; a full row above a full row is a title or data.
                  upper.cells.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) || showsMergedCells(upper, lower)
            else { break }
            rows.insert(k, at: 0)
            k -= 1
        }
        return rows
    }

    /// Whether two rows carry the marks of merged cells filled in (as a workbook's merges are): a name
    /// repeated under itself (merged down) or beside itself (merged across).
    static func showsMergedCells(_ upper: CSVPreview.Record, _ lower: CSVPreview.Record) -> Bool {
        (0..<upper.width).contains { c in
            let name = upper.cell(c).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { return false }
            return lower.cell(c).trimmingCharacters(in: .whitespaces) == name || (c > 0 && upper.cell(c - 1).trimmingCharacters(in: .whitespaces) == name)
        }
    }

    /// Header rows joined into one name per column: a merged cell (a name followed by empty cells) spans
    /// the columns after it that have a name in the row below; parts are joined with " - ".
    static func joinedHeader(_ rows: [CSVPreview.Record], width: Int) -> [String] {
        var filled: [[String]] = rows.map { row in (0..<width).map { clean(row.cell($0)) } }
        for r in 0..<(filled.count - 1) {
            for c in 1..<max(width, 1) where filled[r][c].isEmpty && !filled[r][c - 1].isEmpty {
                // The span goes on only over columns that the row below names, as a merged cell does.
                let belowNamed = (r + 1..<filled.count).contains { !filled[$0][c].isEmpty }
                let leftBelowNamed = (r + 1..<filled.count).contains { !filled[$0][c - 1].isEmpty }
                if belowNamed && leftBelowNamed { filled[r][c] = filled[r][c - 1] }
            }
        }
        return (0..<width).map { c in
            var parts: [String] = []
            for r in filled.indices where !filled[r][c].isEmpty && parts.last != filled[r][c] { parts.append(filled[r][c]) }
            return parts.joined(separator: " - ")
        }
    }

    /// A header cell with line breaks and runs of spaces made single spaces (Excel headers wrap).
    static func clean(_ cell: String) -> String {
        cell.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func shorten(_ text: String) -> String {
        let cleaned = clean(text)
        return cleaned.count > 60 ? String(cleaned.prefix(57)) + "…" : cleaned
    }

    static func lineSpan(_ first: Int, _ last: Int) -> String { first == last ? "\(first)" : "\(first)-\(last)" }

    /// "line 4" or "lines 1-3", and the Vietnamese "dòng 4" or "các dòng 1-3".
    static func lines(_ first: Int, _ last: Int) -> (en: String, vi: String) {
        first == last ? ("line \(first)", "dòng \(first)") : ("lines \(first)-\(last)", "các dòng \(first)-\(last)")
    }
}
