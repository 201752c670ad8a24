import Foundation
@testable import Language
import Testing

/// One catalogue of messages, kept so by reading the sources.
///
/// The rule: a `Message(en: …, vi: …)` is written only in `Sources/Language/Catalogue/`. The one other
/// place is a verb's help — the `summary:` and `details:` of its `Verb(…)` in `VerbRegistry.swift` and
/// `Sources/Language/Verbs/` — because the verb registry is the one source for verbs (help, completion and
/// docs/language.md read it). In the modules that can see the catalogue (Language, Shell, solieu), a choice
/// of text on the session's language (`language == .vi ? "…" : "…"`, `if language == .vi {`) is a message
/// written outside it too. Formats, Remote and the engines below Language cannot see the catalogue and
/// word their own failures in both languages.
///
/// And every entry the catalogue declares is in `Catalogue.all`, which the tests of both texts and of the
/// Vietnamese vocabulary read: each file's `static let NAME = Message(…)` and `static func NAME(…) -> Message`
/// are counted and compared with that file's list in `Catalogue.sections`, which calls each function with
/// sample arguments. A new message cannot be forgotten there.
@Suite struct CatalogueTests {
    static let sources = Transcript.repositoryRoot + "/Sources/"
    static let catalogueFolder = "Language/Catalogue/"

    /// Every Swift file under Sources, as (path from Sources, text).
    static func swiftFiles() throws -> [(path: String, text: String)] {
        let paths = FileManager.default.enumerator(atPath: sources)?.compactMap { $0 as? String } ?? []
        return try paths.filter { $0.hasSuffix(".swift") }.sorted().map { ($0, try String(contentsOfFile: sources + $0, encoding: .utf8)) }
    }

    /// Messages written outside the catalogue in `text`, as `FILE:LINE: what`. `path` is from Sources/.
    static func strayMessages(in text: String, path: String) -> [String] {
        guard !path.hasPrefix(catalogueFolder) else { return [] }
        let isVerbRegistry = path.hasPrefix("Language/Verbs/") || path == "Language/VerbRegistry.swift"
        let seesCatalogue = ["Language/", "Shell/", "solieu/"].contains { path.hasPrefix($0) }
        var found: [String] = []
        func line(of index: String.Index) -> Int { text[..<index].reduce(1) { $1 == "\n" ? $0 + 1 : $0 } }
        for match in text.matches(of: #/Message\(\s*en:/#) {
            let start = text[..<match.range.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            let before = text[start..<match.range.lowerBound]
            if before.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
            let isHelp = before.contains(#/(summary|details):\s*$/#)
            if isVerbRegistry && isHelp { continue }
            found.append("\(path):\(line(of: match.range.lowerBound)): Message(en: outside the catalogue")
        }
        if seesCatalogue {
            for match in text.matches(of: #/(\.vi|\bvi)\s*\?\s*"|==\s*\.vi\s*\{/#) {
                let start = text[..<match.range.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
                if text[start..<match.range.lowerBound].trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                found.append("\(path):\(line(of: match.range.lowerBound)): a text chosen by language outside the catalogue")
            }
        }
        return found
    }

    @Test func messagesAreWrittenOnlyInTheCatalogue() throws {
        let stray = try Self.swiftFiles().flatMap { Self.strayMessages(in: $0.text, path: $0.path) }
        #expect(stray.isEmpty, "\(stray.count) messages to move into Sources/Language/Catalogue/:\n\(stray.joined(separator: "\n"))")
    }

    /// The check is real: each way of writing a message outside the catalogue is found, at its line.
    @Test func strayMessagesAreFound() {
        let code = """
            let a = Message(en: "one row", vi: "một dòng")
            let b = Message(
                en: "two rows", vi: "hai dòng")
            print(language == .vi ? "lỗi" : "error")
            // Message(en: "a comment is not code", vi: "…")
            if language == .vi { print("lỗi") }
            """
        #expect(Self.strayMessages(in: code, path: "Shell/Example.swift") == [
            "Shell/Example.swift:1: Message(en: outside the catalogue",
            "Shell/Example.swift:2: Message(en: outside the catalogue",
            "Shell/Example.swift:4: a text chosen by language outside the catalogue",
            "Shell/Example.swift:6: a text chosen by language outside the catalogue",
        ])
        #expect(Self.strayMessages(in: code, path: "Language/Catalogue/Catalogue+Example.swift").isEmpty)
        // A verb's help in its registry entry is allowed; the same literal elsewhere in a verb's file is not.
        let verb = """
                summary: Message(en: "count rows", vi: "đếm số dòng"),
                details: Message(
                    en: "The number of rows.", vi: "Số dòng."),
                plan: { _, _ in [Message(en: "count the rows", vi: "đếm số dòng")] },
            """
        #expect(Self.strayMessages(in: verb, path: "Language/Verbs/Aggregate.swift") == ["Language/Verbs/Aggregate.swift:4: Message(en: outside the catalogue"])
        #expect(Self.strayMessages(in: verb, path: "Shell/Example.swift").count == 3)
    }

    /// The declarations of messages in one catalogue file: `static let NAME = Message(` and
    /// `static func NAME(…) -> Message` (a function returning an optional or another type is a helper).
    static func declarations(in text: String) -> [String] {
        text.matches(of: #/static let (\w+) = Message\(|static func (\w+)\([^{]*\)\s*->\s*Message\s*\{/#).map { String($0.output.1 ?? $0.output.2!) }
    }

    @Test func everyDeclaredEntryIsListed() throws {
        // Message.swift beside them is the type, not entries.
        let files = try Self.swiftFiles().filter { $0.path.hasPrefix(Self.catalogueFolder + "Catalogue") }
        let listed = Dictionary(uniqueKeysWithValues: Catalogue.sections.map { ($0.file, $0.messages.count) })
        for file in files {
            let name = String(file.path.dropFirst(Self.catalogueFolder.count))
            let declared = Self.declarations(in: file.text)
            guard let count = listed[name] else {
                Issue.record("\(name) declares \(declared.count) messages and has no list in Catalogue.sections")
                continue
            }
            #expect(count == declared.count, "\(name) declares \(declared.count) messages and lists \(count): every entry once in its list")
        }
        #expect(Set(listed.keys) == Set(files.map { String($0.path.dropFirst(Self.catalogueFolder.count)) }))
        #expect(Catalogue.all.count > 300)
    }

    @Test func declarationsAreCounted() {
        let text = """
            public static let unclosedQuote = Message(en: "this quote is never closed", vi: "dấu ngoặc kép này chưa được đóng")
            public static func notAVerb(_ word: String) -> Message {
            static func aggregateLabel(_ function: String, of inner: Message) -> Message? {
            static func chartTitle(_ value: Message, by category: Message, subject: String = "") -> Message {
            """
        #expect(Self.declarations(in: text) == ["unclosedQuote", "notAVerb", "chartTitle"])
    }
}
