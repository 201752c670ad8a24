import Engine
import Foundation
import ZIPFoundation

/// Reads a sheet of an .xlsx workbook into a table, through the same header detection, totals rows,
/// repair and type inference as a CSV file (see `XLSXSheetReader`).
public enum XLSXReader {
    /// One sheet of a workbook, as `sheets FILE.xlsx` lists it.
    public struct SheetSummary: Sendable, Equatable {
        public var number: Int
        public var name: String
        /// The used range's rows and columns, as the sheet declares it (nil when it does not).
        public var rows: Int?
        public var columns: Int?
        public var hidden: Bool
    }

    public static func read(path: String, tableName: String, options: LoadOptions) throws -> LoadResult {
        let workbook = try XLSXWorkbook(path: path)
        let sheet = try workbook.sheet(named: options.sheet)
        guard let entry = workbook.archive[sheet.path] else { throw XLSXWorkbook.damaged(path, "the part \(sheet.path) of sheet '\(sheet.name)' is missing") }
        let reader = XLSXSheetReader(sharedStrings: workbook.sharedStrings, dateStyles: workbook.dateStyles, date1904: workbook.date1904)
        reader.shouldStop = CSVReader.shouldStop
        let progress = LoadProgress.current
        progress?.beginSheet(file: path, xmlBytes: Int(entry.uncompressedSize))
        defer { progress?.finish() }
        var secondHalf: XLSXSheetReader?
        if entry.uncompressedSize >= XLSXReader.minimumBytesToSplit && Parallel.workerCount > 1 {
            secondHalf = try readInHalves(workbook, entry, first: reader, path: path, progress: progress)
        } else {
            try XLSXWorkbook.parse(workbook.archive, entry, with: reader, file: path, progress: progress)
        }
        if let secondHalf { reader.absorbCounts(of: secondHalf) }
        if reader.interrupted || CSVReader.shouldStop() {
            throw LoadError(file: path, reason: "loading was interrupted; nothing was loaded", vi: "đã dừng nạp tệp; không có gì được nạp")
        }
        if let row = reader.outOfOrderRow {
            throw XLSXWorkbook.damaged(path, "the cells of row \(row) of sheet '\(sheet.name)' are not in column order")
        }
        let width = max(reader.width, secondHalf?.width ?? 0)
        var text = reader.text(width: width)
        if let secondHalf, let first = secondHalf.firstRow {
            for _ in (reader.lastWrittenRow + 1)..<max(first, reader.lastWrittenRow + 1) { text.append(0x0A) }
            secondHalf.appendBody(to: &text, width: width)
        }
        guard width > 0 else {
            throw LoadError(file: path, reason: "sheet '\(sheet.name)' is empty",
                            hint: workbook.sheets.count > 1 ? "name another sheet: " + workbook.sheets.map { "sheet=\"\($0.name)\"" }.joined(separator: ", ") : nil,
                            vi: "trang tính '\(sheet.name)' trống",
                            hintVi: workbook.sheets.count > 1 ? "hãy chọn trang tính khác: " + workbook.sheets.map { "sheet=\"\($0.name)\"" }.joined(separator: ", ") : nil)
        }
        let source = SourceBytes(bytes: text, name: "\(path) [\(sheet.name)]")
        var result = try CSVReader.read(source, tableName: tableName, delimiter: 0x09, format: "xlsx, sheet '\(sheet.name)'", options: options)
        result.report.file = path
        result.report.vietnameseFormat = "xlsx, trang tính '\(sheet.name)'"
        // Tab as separator is how the sheet is handed to the reader, not something the file said.
        if let i = result.report.notes.firstIndex(of: "separator: tab") { result.report.notes.remove(at: i) }
        if reader.errorCells > 0 {
            let n = reader.errorCells
            result.report.add(LoadNote(en: "\(n) cell\(n == 1 ? "" : "s") with an Excel error (#N/A, #DIV/0!, …) read as missing",
                                       vi: "\(n) ô có lỗi của Excel (#N/A, #DIV/0!, …) được đọc là giá trị thiếu"))
        }
        if !reader.hiddenRows.isEmpty {
            let shown = reader.hiddenRows.prefix(5).map(String.init).joined(separator: ", ") + (reader.hiddenRows.count > 5 ? ", …" : "")
            result.report.add(LoadNote(en: "\(reader.hiddenRows.count) hidden row\(reader.hiddenRows.count == 1 ? "" : "s") (\(shown)) read like the others",
                                       vi: "\(reader.hiddenRows.count) dòng bị ẩn (\(shown)) được đọc như các dòng khác"))
        }
        if sheet.isHidden {
            result.report.add(LoadNote(en: "sheet '\(sheet.name)' is hidden in the workbook", vi: "trang tính '\(sheet.name)' bị ẩn trong sổ tính"))
        }
        if workbook.sheets.count > 1 && options.sheet == nil {
            let others = workbook.sheets.dropFirst().prefix(5).map { "'\($0.name)'" }.joined(separator: ", ")
            result.report.add(LoadNote(en: "the first of \(workbook.sheets.count) sheets; the others: \(others) (say sheet=… to load one)",
                                       vi: "trang tính đầu trong \(workbook.sheets.count) trang; các trang khác: \(others) (ghi sheet=… để nạp)"))
        }
        return result
    }

    /// Sheets whose XML is larger than this are parsed in two halves, one per core.
    static let minimumBytesToSplit: UInt64 = 16 << 20

    /// Inflates the sheet, cuts its rows in two at a `<row` tag near the middle, and parses the halves at
    /// once, each wrapped as a small document of its own (expat parses one document on one core; the rows
    /// of a sheet depend on nothing before them but the shared strings and styles, read already). The
    /// part after the rows (merged cells) goes to the first half's reader.
    /// - Returns: the reader of the second half, or nil when the sheet could not be cut (then `first` read it all).
    private static func readInHalves(_ workbook: XLSXWorkbook, _ entry: Entry, first: XLSXSheetReader, path: String,
                                     progress: LoadProgress?) throws -> XLSXSheetReader? {
        var xml = Data(capacity: Int(entry.uncompressedSize))
        do {
            _ = try workbook.archive.extract(entry, bufferSize: 1 << 20, skipCRC32: true) { xml.append($0) }
        } catch {
            throw XLSXWorkbook.damaged(path, "\(entry.path) cannot be inflated (\(error))")
        }
        return try xml.withUnsafeBytes { raw -> XLSXSheetReader? in
            let bytes = raw.bindMemory(to: UInt8.self)
            func find(_ needle: String, from start: Int, backwards: Bool = false) -> Int? {
                let n = Array(needle.utf8)
                guard n.count <= bytes.count else { return nil }
                var i = backwards ? min(start, bytes.count - n.count) : start
                while i >= 0 && i <= bytes.count - n.count {
                    if bytes[i] == n[0] {
                        var k = 1
                        while k < n.count && bytes[i + k] == n[k] { k += 1 }
                        if k == n.count { return i }
                    }
                    i += backwards ? -1 : 1
                }
                return nil
            }
            guard let open = find("<sheetData", from: 0), let openEnd = find(">", from: open),
                  let close = find("</sheetData>", from: bytes.count - 1, backwards: true), close > openEnd,
                  let middle = find("<row", from: openEnd + (close - openEnd) / 2), middle < close,
                  let rootClose = find("</", from: bytes.count - 1, backwards: true), rootClose > close else {
                try feed(raw, wrapped: false, to: first, path: path, part: entry.path, progress: progress)
                return nil
            }
            let second = XLSXSheetReader(sharedStrings: workbook.sharedStrings, dateStyles: workbook.dateStyles, date1904: workbook.date1904)
            second.holdsRows = false
            second.shouldStop = first.shouldStop
            let parts = [(openEnd + 1)..<middle, middle..<close]
            let readers = [first, second]
            let failures = Parallel.map(2) { i -> Error? in
                do {
                    try feed(UnsafeRawBufferPointer(rebasing: raw[parts[i]]), wrapped: true, to: readers[i], path: path, part: entry.path,
                             progress: progress)
                } catch { return error }
                return nil
            }
            if let failure = failures.compactMap({ $0 }).first { throw failure }
            // The merged cells and anything else after the rows.
            let after = (close + "</sheetData>".utf8.count)..<rootClose
            try feed(UnsafeRawBufferPointer(rebasing: raw[after]), wrapped: true, to: first, path: path, part: entry.path)
            return second
        }
    }

    /// Parses `piece`, a whole document or (`wrapped`) the content of one wrapping element, a mebibyte at a
    /// time so that `progress` hears how far it is.
    private static func feed(_ piece: UnsafeRawBufferPointer, wrapped: Bool, to handler: XMLStreamHandler, path: String, part: String,
                             progress: LoadProgress? = nil) throws {
        let stream = XMLStream(handler: handler)
        do {
            if wrapped { try stream.feed(Data("<part>".utf8)) }
            var start = 0
            repeat {
                let end = min(start + (1 << 20), piece.count)
                try stream.feed(UnsafeRawBufferPointer(rebasing: piece[start..<end]), isFinal: !wrapped && end == piece.count)
                progress?.sheetParsed(end - start)
                start = end
            } while start < piece.count
            if wrapped { try stream.feed(Data("</part>".utf8), isFinal: true) }
        } catch is XMLStreamStopped {
            return
        } catch let error as XMLStreamError {
            throw XLSXWorkbook.damaged(path, "\(part) is not well-formed XML (\(error.message) at line \(error.line), column \(error.column))")
        }
    }

    /// The sheets of a workbook with their declared size.
    public static func sheets(path: String) throws -> [SheetSummary] {
        let workbook = try XLSXWorkbook(path: path)
        return try workbook.sheets.enumerated().map { i, sheet in
            var size: (rows: Int, columns: Int)?
            if let entry = workbook.archive[sheet.path] {
                let probe = DimensionProbe()
                try XLSXWorkbook.parse(workbook.archive, entry, with: probe, file: path)
                size = probe.size
            }
            return SheetSummary(number: i + 1, name: sheet.name, rows: size?.rows, columns: size?.columns, hidden: sheet.isHidden)
        }
    }
}

/// Reads a sheet's `<dimension ref="A1:J200001"/>` and stops before the data.
private final class DimensionProbe: XMLStreamHandler {
    var size: (rows: Int, columns: Int)?
    func start(_ name: UnsafeBufferPointer<UInt8>, _ attributes: XMLAttributes) {
        if name.is("dimension"), let ref = attributes.string("ref") {
            let parts = ref.split(separator: ":").map(String.init)
            if let a = XLSXSheetReader.cellReference(parts[0]) {
                let b = parts.count > 1 ? XLSXSheetReader.cellReference(parts[1]) ?? a : a
                size = (b.row - a.row + 1, b.column - a.column + 1)
            }
        }
        if name.is("sheetData") { isDone = true }
    }
    var isDone = false
    func end(_ name: UnsafeBufferPointer<UInt8>) {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}
