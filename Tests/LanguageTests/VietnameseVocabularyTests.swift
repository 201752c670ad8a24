import Engine
import Foundation
@testable import Language
import Testing
@testable import Shell

/// Every golden script run in Vietnamese: its tables (headers, cells and the notes under them) must hold
/// no English word except data values, dataset, column and measure names, and the words of the statements
/// themselves. An English word is one of the catalogue's English texts or of a short list of the words our
/// notes are made of; the same run in English must find such words, so the check cannot pass by seeing none.
@Suite struct VietnameseVocabularyTests {
    /// Words of English text that a Vietnamese table must not show: every word of the catalogue's English
    /// entries, and the words English notes are written with.
    static let englishWords: Set<String> = {
        let notes = """
            the of and or no not row rows more shown from to values value run matches has have is are for in with
            than ranked last ties change per year missing column columns note alias present distinct convention
            dataset origin rank count provinces text integer decimal true false percent comma thousands dot sign
            kept numbers read mix such as one every group groups mean median total only left out
            """
        // A number is a word of neither language; the banner's English line offers Vietnamese in Vietnamese
        // (set language vi cho tiếng Việt), so its words are no English.
        let english = Catalogue.all.filter { $0 != Catalogue.bannerHelp }.map(\.en)
        return Set((english + [notes]).flatMap(words).filter { $0.contains(where: \.isLetter) })
    }()

    /// The words of `text`: runs of letters, digits and `_`, lower-cased; `change_pp` is one word, so a
    /// statement's `sort change_pp` does not make the header word `change` allowed.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
    }

    /// What a script's tables show in `language`, and the words they may show whatever the language.
    static func tables(of script: String, in language: Language) throws -> (text: [String], allowed: Set<String>) {
        let source = try String(contentsOfFile: GoldenScriptTests.folder + script, encoding: .utf8)
        let session = try Transcript.session()
        let runner = StatementRunner(session: session)
        runner.output = { _ in }
        runner.errors = { _ in }
        runner.keepGoing = true
        // The language's own words: verbs, keywords, functions and the options of `set` (`set rows 62`).
        let options = ["language", "format", "decimals", "rows", "timer", "pager", "on", "off", "auto"]
        var allowed = Set(VerbRegistry.allNames + Parser.keywords + AggregateCall.functionNames + options)
        var shown: [String] = []
        for piece in ScriptSplitter.statements(source) {
            allowed.formUnion(words(piece.text))
            // The script's own `set language` would undo the language under test.
            if TextFolding.fold(piece.text).hasPrefix("set language") { continue }
            session.settings.language = language
            session.lastResult = nil
            runner.run(piece.text, line: piece.line, column: piece.column, file: script)
            guard let result = session.lastResult else { continue }
            var settings = session.settings
            settings.language = language
            shown.append(try TextTableRenderer().render(result, settings: settings))
        }
        for dataset in session.datasets.values {
            allowed.formUnion(words(dataset.name + " " + dataset.origin))
            allowed.formUnion(dataset.measures.keys.flatMap(words))
            allowed.formUnion(dataset.columnAliases.values.flatMap(words))
            for column in dataset.table.columns {
                allowed.formUnion(words(column.name))
                // A value as describe shortens it too (`vietnam-en…`): its cut word is data, not English.
                if case .text(let text) = column.storage { allowed.formUnion(text.dictionary.flatMap { words($0) + words(shortened($0)) }) }
            }
        }
        return (shown, allowed)
    }

    /// English words in `text` that are none of `allowed`, with the line each came from.
    static func englishIn(_ text: [String], allowed: Set<String>) -> [String] {
        text.flatMap { $0.split(separator: "\n") }.flatMap { line in
            words(String(line)).filter { englishWords.contains($0) && !allowed.contains($0) }.map { "\($0) in: \(line)" }
        }
    }

    @Test(arguments: GoldenScriptTests.scripts)
    func vietnameseTablesHaveNoEnglishWord(_ script: String) throws {
        let (text, allowed) = try Self.tables(of: script, in: .vi)
        let english = Self.englishIn(text, allowed: allowed)
        #expect(english.isEmpty, "\(script):\n\(english.prefix(20).joined(separator: "\n"))")
    }

    /// The check is real: the same tables in English are full of the words it looks for.
    @Test func englishTablesAreCaught() throws {
        let (text, allowed) = try Self.tables(of: "compare.solieu", in: .en)
        let english = Set(Self.englishIn(text, allowed: allowed).map { String($0.prefix { $0 != " " }) })
        #expect(english.isSuperset(of: ["change", "pp"]), "\(english.sorted())")
        let describe = try Self.tables(of: "describe.solieu", in: .en)
        let described = Set(Self.englishIn(describe.text, allowed: describe.allowed).map { String($0.prefix { $0 != " " }) })
        #expect(described.isSuperset(of: ["present", "distinct", "convention", "integer"]), "\(described.sorted())")
    }

    @Test func everyEntryHasBothTexts() {
        for entry in Catalogue.all {
            #expect(!entry.en.isEmpty && !entry.vi.isEmpty && entry.en != entry.vi, "\(entry)")
        }
    }
}
