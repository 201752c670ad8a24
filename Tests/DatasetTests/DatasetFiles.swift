import Engine
import Foundation
import Formats

/// Paths of the repository's own data, found from this source file so the tests run from any directory.
enum Repository {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func dataset(_ name: String) -> String { root + "/datasets/" + name }

    static func load(_ name: String) throws -> LoadResult { try TableLoader.load(path: dataset(name)) }
}

/// What datasets/README.md documents for one file: its row count and every column's type.
struct DocumentedDataset {
    var file: String
    var rows: Int
    var columns: [(name: String, type: String)]

    /// Reads the README: a `## file.csv` heading, a `Rows: N` line, then a table whose rows start with
    /// `` | `column` | type | ``.
    static func all() throws -> [DocumentedDataset] {
        let text = try String(contentsOfFile: Repository.dataset("README.md"), encoding: .utf8)
        var result: [DocumentedDataset] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("## "), line.hasSuffix(".csv") {
                result.append(DocumentedDataset(file: String(line.dropFirst(3)), rows: -1, columns: []))
            } else if line.hasPrefix("Rows: "), !result.isEmpty, result[result.count - 1].rows < 0 {
                result[result.count - 1].rows = Int(line.dropFirst(6)) ?? -2
            } else if line.hasPrefix("| `"), !result.isEmpty {
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                guard cells.count >= 2, cells[0].hasPrefix("`"), ColumnType(rawValue: cells[1]) != nil else { continue }
                let name = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
                // Each file's first table is its column table; later tables (sources, derived values) have other shapes.
                if !result[result.count - 1].columns.contains(where: { $0.name == name }) {
                    result[result.count - 1].columns.append((name, cells[1]))
                }
            }
        }
        return result
    }
}
