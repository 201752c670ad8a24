import Foundation
import Formats
import Language

/// The datasets that ship with solieu, found next to the program wherever it is run from.
public enum BuiltinData {
    /// Name in the session → file in datasets/.
    public static let files: [(name: String, file: String)] = [
        ("reports", "reports.csv"),
        ("gso", "gso_poverty_by_province.csv"),
        ("gso_regions", "gso_poverty_aggregates.csv"),
        ("provinces", "provinces.csv"),
    ]

    /// The datasets folder: `$SOLIEU_DATA`, else the first `datasets/` (or `share/solieu/datasets/`) found
    /// walking up from the executable's real location, so a build run from any directory finds it.
    public static func directory() -> String? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["SOLIEU_DATA"], fm.fileExists(atPath: env + "/reports.csv") { return env }
        var url = URL(fileURLWithPath: executablePath()).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            for candidate in ["datasets", "share/solieu/datasets"] {
                let path = url.appendingPathComponent(candidate).path
                if fm.fileExists(atPath: path + "/reports.csv") { return path }
            }
            url.deleteLastPathComponent()
        }
        return nil
    }

    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Loads every built-in dataset into `session`, making `reports` current.
    /// - Throws: `LoadError` when the folder is missing or a file does not load.
    public static func load(into session: Session) throws {
        guard let directory = directory() else {
            throw LoadError(file: "datasets", reason: "the built-in datasets were not found next to the program",
                            hint: "set SOLIEU_DATA to the folder holding reports.csv")
        }
        // The gazetteer first, so every dataset after it has its province column recognised.
        let gazetteer = try TableLoader.load(path: directory + "/provinces.csv", tableName: "provinces")
        let aliases = try TableLoader.load(path: directory + "/province_aliases.csv", tableName: "province_aliases")
        session.gazetteer = Gazetteer(provinces: gazetteer.table, aliases: aliases.table)
        for (name, file) in files {
            let result = try TableLoader.load(path: directory + "/" + file, tableName: name)
            session.add(Dataset(table: result.table, origin: "datasets/" + file, loadNotes: result.report.lines))
        }
        session.currentName = "reports"
    }
}
