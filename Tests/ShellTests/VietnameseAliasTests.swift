import Engine
import Foundation
import Testing
@testable import Language
@testable import Shell

/// The Vietnamese names of verbs and keywords: each finds its verb, none is taken by anything else the
/// user types (another verb, a keyword, a function, a column of the built-in data), and help, completion
/// and the language reference know them.
@Suite struct VietnameseAliasTests {
    static let expected: [String: String] = [
        "so_sanh": "compare", "sosanh": "compare", "so_sánh": "compare", "xu_huong": "trend", "xu_hướng": "trend",
        "xep_hang": "rank", "xếp_hạng": "rank", "dem": "count", "đếm": "count", "tong": "sum", "tổng": "sum",
        "trung_binh": "mean", "trung_bình": "mean", "hien_thi": "show", "hiển_thị": "show", "xem": "show",
        "mo_ta": "describe", "mô_tả": "describe", "nap": "load", "nạp": "load", "dung": "use", "dùng": "use",
    ]

    static func cells(_ column: Column) -> [Value] { (0..<column.count).map { column.value(at: $0) } }

    @Test func eachAliasFindsItsVerb() {
        for (alias, verb) in Self.expected {
            #expect(VerbRegistry.verb(named: alias)?.name == verb, "\(alias)")
        }
        #expect(Parser.canonicalKeyword("theo") == "by")
        #expect(Parser.canonicalKeyword("sắp_xếp") == "sort")
        #expect(Parser.canonicalKeyword("giới_hạn") == "limit")
        #expect(Parser.canonicalKeyword("giảm_dần") == "desc")
    }

    @Test func noAliasIsTakenByAnotherWord() throws {
        let session = try TestSession.make()
        var columns = Set<String>()
        for dataset in session.datasets.values {
            for column in dataset.table.columns { columns.formUnion([TextFolding.fold(column.name), NameSpelling.key(column.name)]) }
            columns.formUnion(dataset.columnAliases.values.map(TextFolding.fold))
        }
        var seen: [String: String] = [:]
        for verb in VerbRegistry.all {
            for name in [verb.name] + verb.aliases {
                #expect(seen[name] == nil, "\(name) is both \(seen[name] ?? "") and \(verb.name)")
                seen[name] = verb.name
                if name != verb.name {
                    #expect(TextFolding.fold(name) == name, "alias \(name) is not written folded")
                    #expect(!Parser.isKeyword(name), "alias \(name) is a keyword")
                    // `avg` is mean's alias and the same function's name: the one word means one thing.
                    #expect(!AggregateCall.functionNames.contains(name) || (name, verb.name) == ("avg", "mean"), "alias \(name) is a function")
                    #expect(!columns.contains(name), "alias \(name) is a column of the built-in data")
                }
            }
        }
        for alias in Parser.keywordAliases.keys {
            #expect(!columns.contains(alias), "keyword \(alias) is a column of the built-in data")
            #expect(VerbRegistry.verb(named: alias) == nil, "keyword \(alias) is a verb")
            #expect(!AggregateCall.functionNames.contains(alias), "keyword \(alias) is a function")
        }
    }

    /// `dung` is `use` as a statement's first word and still true in a boolean filter.
    @Test func dungIsUseAndTrue() throws {
        let session = try TestSession.make()
        guard case .report(let lines) = try session.run("dùng reports") else { Issue.record("no report"); return }
        #expect(lines.last?.hasPrefix("using reports") == true, "\(lines)")
        _ = try session.run("let high = rate > 5")
        guard case .table(let dung) = try session.run("show high=đúng province year"),
              case .table(let truth) = try session.run("show high=true province year") else { Issue.record("no table"); return }
        #expect(dung.table.rowCount > 0)
        #expect(dung.table.columns.map(Self.cells) == truth.table.columns.map(Self.cells))
    }

    /// A Vietnamese header names its column as the English one does: the same order either way.
    @Test func sortByEitherHeader() throws {
        let session = try TestSession.make()
        _ = try session.run("use reports")
        func provinces(_ statement: String) throws -> [Value] {
            guard case .table(let result) = try session.run(statement) else { return [] }
            return Self.cells(result.table.columns[0])
        }
        let english = try provinces("compare year=2021..2022 rate by province sort change_pp")
        #expect(english.count >= 2)
        #expect(try provinces("so_sanh year=2021..2022 rate theo province sap_xep thay_doi_dpt") == english)
        #expect(try provinces("compare year=2021..2022 rate by province sort `thay đổi (đpt)`") == english)
        let descending = try provinces("compare year=2021..2022 rate by province sort change_pp desc")
        #expect(descending != english)
        #expect(try provinces("so_sanh year=2021..2022 rate theo province sap_xep thay_doi_dpt giam_dan") == descending)
    }

    @Test func helpCompletionAndReferenceKnowThem() throws {
        let session = try TestSession.make()
        session.settings.language = .vi
        guard case .text(let help) = try session.run("tro_giup so_sanh") else { Issue.record("no help"); return }
        #expect(help[0] == "compare BỘ_LỌC CHỈ_SỐ… [by CÁC_CỘT]")
        #expect(help.contains("Tên khác: so_sanh, sosanh"), "\(help)")
        let completer = Completer(session: session)
        #expect(completer.complete("so_").candidates == ["so_sanh"])
        #expect(completer.complete("xu").candidates == ["xu_huong", "xuhuong", "xuat"])
        let files = completer.complete("load \(TestSession.repositoryRoot)/Tests/LanguageTests/Golden/fix").candidates
        #expect(!files.isEmpty)
        #expect(completer.complete("nap \(TestSession.repositoryRoot)/Tests/LanguageTests/Golden/fix").candidates == files)
        let reference = try LanguageReference.markdown()
        #expect(reference.contains("`compare FILTERS MEASURE… [by COLUMNS]` (also: `so_sanh`, `sosanh`)"))
        #expect(reference.contains("`theo` (by)"))
    }
}
