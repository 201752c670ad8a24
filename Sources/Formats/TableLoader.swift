import Engine

/// Loads a table from a file, choosing the reader by the file's extension.
public enum TableLoader {
    /// Extensions and the readers they select; anything else is read as CSV with a sniffed separator.
    public static let supportedExtensions = ["csv", "tsv", "tab", "txt", "jsonl", "ndjson"]

    /// - Throws: `LoadError` for a file that cannot be read or parsed, with its position.
    public static func load(path: String, tableName: String? = nil, options: LoadOptions = LoadOptions()) throws -> LoadResult {
        let source = try SourceBytes(path: path)
        let name = tableName ?? defaultTableName(path)
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
