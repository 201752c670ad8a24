import Foundation
import Language
import Testing
@testable import Shell

/// Control characters in cells, names, notes and statements never reach a terminal raw: tables, records,
/// markdown and errors show them escaped; csv and json keep the exact text.
@Suite struct TerminalTextTests {
    let runner: StatementRunner
    let folder = NSTemporaryDirectory() + "solieu-ctl-\(UUID().uuidString)/"
    let output = Captured()

    final class Captured: @unchecked Sendable {
        var out = ""
        var err = ""
    }

    /// A cell that would retitle the window and clear the screen, one with a line end and a tab, and a
    /// bidirectional override.
    static let csv = "name,note,value\nA,\"x\u{1B}]0;title\u{07}\u{1B}[2Jy\",1\nB,\"two\r\nlines\there\",2\nC,\"\u{202E}abc\",3\n"

    init() throws {
        runner = StatementRunner(session: try TestSession.make())
        let output = self.output
        runner.output = { output.out += $0 }
        runner.errors = { output.err += $0 }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try TerminalTextTests.csv.write(toFile: folder + "ctl.csv", atomically: true, encoding: .utf8)
        #expect(runner.run("load \(folder)ctl.csv"))
        output.out = ""
    }

    @Test func escapesEachKindOfControlCharacter() {
        #expect(TerminalText.escaped("Ninh Bình") == "Ninh Bình")
        #expect(TerminalText.escaped("a\u{1B}[2Jb") == "a\\x1b[2Jb")
        #expect(TerminalText.escaped("\u{00}\u{07}\u{7F}\u{9B}") == "\\x00\\x07\\x7f\\x9b")
        #expect(TerminalText.escaped("one\ntwo\r\nthree\rfour\u{2028}five") == "one⏎two⏎three⏎four⏎five")
        #expect(TerminalText.escaped("a\tb") == "a⇥b")
        #expect(TerminalText.escaped("\u{202E}evil\u{2066}") == "\\u{202e}evil\\u{2066}")
    }

    @Test func tableShowsControlCharactersEscaped() {
        #expect(runner.run("show"))
        #expect(output.out == """
            name   note                        value
            A      x\\x1b]0;title\\x07\\x1b[2Jy       1
            B      two⏎lines⇥here                  2
            C      \\u{202e}abc                     3

            """)
        #expect(!output.out.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func recordsAndMarkdownShowThemEscaped() {
        #expect(runner.run("set format line"))
        output.out = ""
        #expect(runner.run("show name=B"))
        #expect(output.out == "-- row 1 --\nname:  B\nnote:  two⏎lines⇥here\nvalue: 2\n")
        #expect(runner.run("set format markdown"))
        output.out = ""
        #expect(runner.run("show name=A"))
        #expect(output.out == "| name | note | value |\n|---|---|---:|\n| A | x\\x1b]0;title\\x07\\x1b[2Jy | 1 |\n")
    }

    @Test func csvAndJSONKeepTheExactText() throws {
        #expect(runner.run("set format csv"))
        #expect(runner.run("show name=A,B"))
        #expect(output.out == "name,note,value\nA,x\u{1B}]0;title\u{07}\u{1B}[2Jy,1\nB,\"two\r\nlines\there\",2\n")
        #expect(runner.run("set format json"))
        output.out = ""
        #expect(runner.run("show name=B"))
        let object = try JSONSerialization.jsonObject(with: Data(output.out.utf8)) as! [String: Any]
        let rows = object["rows"] as! [[String: Any]]
        #expect(rows[0]["note"] as? String == "two\r\nlines\there")
    }

    @Test func anErrorInAStatementWithControlBytesPutsTheCaretUnderTheEscapedText() {
        #expect(!runner.run("show name=A\u{1B}[2J"))
        #expect(output.err == """
            error: '\\x1b' has no meaning here
              show name=A\\x1b[2J
                         ^^^^
              example: compare province=Ninh Bình year=2021..2023 rate

            """)
    }

    @Test func aValueNotFoundIsQuotedEscaped() {
        #expect(!runner.run("show name=\"Z\u{07}\""))
        #expect(output.err.contains("Z\\x07"), "\(output.err)")
        #expect(!output.err.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
}
