import Foundation
import Formats
import Language

/// The datasets that ship with solieu. They are compiled into the program (`EmbeddedDatasets`), so a copy
/// of the binary works anywhere; `$SOLIEU_DATA` names a folder to read them from instead, for trying a
/// change to datasets/ before running scripts/generate-builtin-data.
public enum BuiltinData {
    /// Name in the session → file in datasets/.
    public static let files: [(name: String, file: String)] = [
        ("reports", "reports.csv"),
        ("gso", "gso_poverty_by_province.csv"),
        ("gso_regions", "gso_poverty_aggregates.csv"),
        ("provinces", "provinces.csv"),
    ]

    /// The folder of `$SOLIEU_DATA` when it holds reports.csv, else nil (the compiled-in files are used).
    static func overrideDirectory() -> String? {
        guard let folder = ProcessInfo.processInfo.environment["SOLIEU_DATA"],
              FileManager.default.fileExists(atPath: folder + "/reports.csv") else { return nil }
        return folder
    }

    /// Reads one built-in file as a table named `name`.
    /// - Throws: `LoadError` when it does not load.
    static func table(_ file: String, named name: String) throws -> LoadResult {
        if let folder = overrideDirectory() { return try TableLoader.load(path: folder + "/" + file, tableName: name) }
        guard let bytes = EmbeddedDatasets.bytes(of: file) else {
            throw LoadError(file: "datasets/" + file, reason: "this file is not built into the program",
                            hint: "run scripts/generate-builtin-data and build again",
                            vi: "tệp này không có sẵn trong chương trình", hintVi: "hãy chạy scripts/generate-builtin-data rồi dựng lại")
        }
        return try CSVReader.read(SourceBytes(bytes: bytes, name: "datasets/" + file), tableName: name)
    }

    /// Loads every built-in dataset into `session`, making `reports` current.
    /// - Throws: `LoadError` when a file does not load.
    public static func load(into session: Session) throws {
        // The gazetteer first, so every dataset after it has its province column recognised.
        let gazetteer = try table("provinces.csv", named: "provinces")
        let aliases = try table("province_aliases.csv", named: "province_aliases")
        session.gazetteer = Gazetteer(provinces: gazetteer.table, aliases: aliases.table)
        for (name, file) in files {
            let result = try table(file, named: name)
            session.add(Dataset(table: result.table, origin: "datasets/" + file, loadNotes: result.report.lines))
        }
        session.currentName = "reports"
    }
}
