import Foundation
import Language
import Testing
@testable import Shell

/// `export PATH` writes the last result in the format its extension names, numbers at full precision.
@Suite struct ExportTests {
    let runner: StatementRunner
    let folder = NSTemporaryDirectory() + "solieu-export-\(UUID().uuidString)/"
    var output = ""

    init() throws {
        runner = StatementRunner(session: try TestSession.make())
        runner.output = { _ in }
        runner.errors = { _ in }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func exported(_ file: String) throws -> String {
        #expect(runner.run("compare province=Ninh Bình year=2021..2023 rate"))
        #expect(runner.run("export \(folder)\(file)"))
        return try String(contentsOfFile: folder + file, encoding: .utf8)
    }

    @Test func csvKeepsFullPrecision() throws {
        #expect(try exported("r.csv") == """
            province,2021,2023,change (pp),change %,per year (pp)
            Ninh Bình,3.07,1.86,-1.21,-39.41368078175896,-0.6050

            """)
    }

    /// An exported result loaded again: its headers (`change (pp)`, `2021`) are named in backticks or by alias.
    @Test func exportedHeadersCanBeNamedAfterReloading() throws {
        _ = try exported("compare.csv")
        #expect(runner.run("load \(folder)compare.csv"))
        let session = runner.session
        #expect(session.currentName == "compare")
        let dataset = try session.current()
        #expect(dataset.columnAliases == ["2021": "col_2021", "2023": "col_2023", "change (pp)": "change_pp", "change %": "change",
                                          "per year (pp)": "per_year_pp"])
        for statement in ["show change_pp", "show `change (pp)`", "show CHANGE_PP", "show `2021`", "show col_2021"] {
            guard case .table(let result)? = try? session.run(statement) else { Issue.record("\(statement) failed"); continue }
            #expect(result.table.rowCount == 1, "\(statement)")
        }
        guard case .table(let result) = try session.run("show province change_pp col_2023") else { Issue.record("no table"); return }
        #expect(result.table.row(0) == [.text("Ninh Bình"), .decimal(-1.21), .decimal(1.86)])
    }

    @Test func jsonHasRowsAndNotes() throws {
        let object = try JSONSerialization.jsonObject(with: Data(try exported("r.json").utf8)) as! [String: Any]
        let rows = object["rows"] as! [[String: Any]]
        #expect(rows.count == 1)
        #expect(rows[0]["province"] as? String == "Ninh Bình")
        #expect(rows[0]["2023"] as? Double == 1.86)
        #expect(object["notes"] as? [String] == ["no row for 2022 in this range"])
    }

    @Test func markdownIsLaidOutAsShown() throws {
        #expect(try exported("r.md") == """
            | province | 2021 | 2023 | change (pp) | change % | per year (pp) |
            |---|---:|---:|---:|---:|---:|
            | Ninh Bình | 3.07 | 1.86 | −1.21 | −39.4 % | −0.60 |

            Note: no row for 2022 in this range

            """)
    }

    @Test func mistakesAreErrors() {
        var errors = ""
        runner.errors = { errors += $0 }
        #expect(!runner.run("export \(folder)nothing-yet.csv"))
        #expect(errors.contains("there is no result to export yet"))
        #expect(runner.run("count"))
        #expect(!runner.run("export \(folder)r.pdf"))
        #expect(errors.contains("export writes .csv, .json, .jsonl, .md or .xlsx files"))
        #expect(!runner.run("export /nonexistent-folder/r.csv"))
        #expect(errors.contains("cannot write '/nonexistent-folder/r.csv'"))
    }

    /// In Vietnamese the system's reason is Vietnamese too, not Foundation's English sentence.
    @Test func aFileThatCannotBeWrittenSaysWhyInVietnamese() {
        var errors = ""
        runner.errors = { errors += $0 }
        runner.session.settings.language = .vi
        #expect(runner.run("count"))
        #expect(!runner.run("export /nonexistent-folder/r.csv"))
        #expect(errors.contains("lỗi: không ghi được '/nonexistent-folder/r.csv': không có tệp hoặc thư mục này\n"), "\(errors)")
    }
}
