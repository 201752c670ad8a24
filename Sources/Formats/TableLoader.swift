import Engine

/// Loads a table from a file, choosing the reader by the file's extension.
public enum TableLoader {
    /// Extensions and the readers they select; anything else is read as CSV with a sniffed separator.
    public static let supportedExtensions = ["csv", "tsv", "tab", "txt", "jsonl", "ndjson", "xlsx", "xlsm"]

    /// Reads the file in the encoding `options.encoding` names, or in the one detected (UTF-8, UTF-16 by its
    /// byte-order mark, or a Vietnamese legacy encoding by its letters), converted to UTF-8 before the reader
    /// runs; an encoding other than UTF-8 is stated in the report's notes. A workbook's text is Unicode inside
    /// its XML, so `encoding=` does not apply to it.
    /// - Throws: `LoadError` for a file that cannot be read or parsed, with its position, and for an unknown
    ///   encoding name.
    public static func load(path: String, tableName: String? = nil, options: LoadOptions = LoadOptions()) throws -> LoadResult {
        let name = tableName ?? defaultTableName(path)
        switch fileExtension(path) {
        case "xlsx", "xlsm": return try XLSXReader.read(path: path, tableName: name, options: options)
        case "xls":
            throw LoadError(file: path, reason: "this is a legacy Excel 97-2003 workbook (.xls), which solieu does not read",
                            hint: "open it in Excel or LibreOffice and choose Save As → Excel Workbook (.xlsx), then load the .xlsx",
                            vi: "đây là sổ tính Excel 97-2003 (.xls) cũ, solieu không đọc được",
                            hintVi: "hãy mở bằng Excel hoặc LibreOffice, chọn Save As → Excel Workbook (.xlsx), rồi nạp tệp .xlsx")
        default: break
        }
        let raw = try SourceBytes(path: path)
        // A file cut short while it was read shows only afterwards, as zeros: that is the error then.
        do {
            let result = try load(raw, path: path, tableName: name, options: options)
            try raw.checkIntact()
            return result
        } catch {
            try raw.checkIntact()
            throw error
        }
    }

    private static func load(_ raw: SourceBytes, path: String, tableName name: String, options: LoadOptions) throws -> LoadResult {
        if raw.buffer.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            // A workbook under another name (a download that lost its extension): read it as one.
            return try XLSXReader.read(path: path, tableName: name, options: options)
        }
        let requested = try options.encoding.map { try TextEncoding.requested($0, file: path) }
        var (source, decision) = try Transcoder.utf8(raw, requested: requested)
        var result: LoadResult
        do {
            result = try read(source, path: path, tableName: name, options: options)
        } catch let error as LoadError where requested == nil && decision == nil && error.undecodedByte != nil {
            // The checked beginning was UTF-8 but a byte further on is not: the whole file is another encoding.
            (source, decision) = try Transcoder.detectLegacy(raw, firstInvalid: error.undecodedByte!)
            result = try read(source, path: path, tableName: name, options: options)
        } catch let error as LoadError where requested == .utf8 && error.undecodedByte != nil {
            throw Transcoder.pointingToBetterReading(error, raw, instead: .utf8)
        }
        if let decision {
            result.report.notes.insert(decision.note, at: 0)
            result.report.vietnameseNotes[decision.note] = decision.noteVi
        }
        return result
    }

    /// The text reader for the file's extension, on bytes already in UTF-8.
    private static func read(_ source: SourceBytes, path: String, tableName name: String, options: LoadOptions) throws -> LoadResult {
        switch fileExtension(path) {
        case "jsonl", "ndjson": return try JSONLinesReader.read(source, tableName: name)
        case "tsv", "tab": return try CSVReader.read(source, tableName: name, delimiter: 0x09, format: "TSV", options: options)
        default: return try CSVReader.read(source, tableName: name, options: options)
        }
    }

    /// `datasets/gso_poverty_by_province.csv` → `gso_poverty_by_province`.
    public static func defaultTableName(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }

    static func fileExtension(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: ".") else { return "" }
        return file[file.index(after: dot)...].lowercased()
    }
}
