import Foundation
import Testing
@testable import Shell

/// docs/language.md cannot rot: it must be what the registry generates, and every `solieu` block in it
/// must print exactly what it shows when its statements run again.
@Suite struct DocumentationTests {
    static let path = Transcript.repositoryRoot + "/docs/language.md"

    @Test func languageReferenceIsCurrent() throws {
        setenv("SOLIEU_DATA", Transcript.repositoryRoot + "/datasets", 1)
        let written = try String(contentsOfFile: Self.path, encoding: .utf8)
        let generated = try LanguageReference.markdown()
        #expect(written == generated, "docs/language.md is out of date: run scripts/generate-docs")
    }

    /// The fenced ```solieu blocks of a Markdown file: each a transcript of `dataset> statement` lines and output.
    static func blocks(_ markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]? = nil
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```solieu" { current = []; continue }
            if current != nil, line == "```" { blocks.append(current!.joined(separator: "\n") + "\n"); current = nil; continue }
            current?.append(line)
        }
        return blocks
    }

    static func statements(_ block: String) -> [String] {
        block.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "> "), !line[..<range.lowerBound].contains(" ") else { return nil }
            return String(line[range.upperBound...])
        }
    }

    /// Every document with examples: the generated reference and the hand-written guides.
    static let documents = ["language.md", "provinces.md", "teaching.md"]

    @Test(arguments: documents)
    func everyExampleBlockReproduces(_ document: String) throws {
        setenv("SOLIEU_DATA", Transcript.repositoryRoot + "/datasets", 1)
        let blocks = Self.blocks(try String(contentsOfFile: Transcript.repositoryRoot + "/docs/" + document, encoding: .utf8))
        #expect(blocks.count >= (document == "language.md" ? 15 : 2))
        for block in blocks {
            let statements = Self.statements(block)
            #expect(!statements.isEmpty)
            let again = try LanguageReference.transcript(statements) 
            #expect(again == block, "\(document): example block starting \(statements.first ?? "") prints something else now (run scripts/generate-docs)")
        }
    }
}
