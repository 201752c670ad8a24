import Foundation
import Testing

/// The interactive prompt driven through a pseudo-terminal, keystroke by keystroke.
@Suite(.serialized) struct InteractiveEditorTests {
    let state: String

    init() throws {
        state = NSTemporaryDirectory() + "solieu-pty-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
    }

    /// A terminal with no locale set at all: solieu must still choose UTF-8 for libedit.
    var environment: [String: String] {
        ["TERM": "xterm", "HOME": state, "XDG_STATE_HOME": state, "PATH": "/usr/bin:/bin"]
    }

    func start() throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(environment: environment)
        #expect(terminal.waitFor("reports> "), "no prompt: \(terminal.transcript)")
        return terminal
    }

    @Test func typedVietnameseStatementAnswers() throws {
        let t = try start()
        let mark = t.mark
        t.type("compare province=Ninh Bình year=2021..2023 rate" + PseudoTerminal.enter)
        #expect(t.waitFor("−1.21", after: mark), "\(t.transcript)")
        #expect(t.transcript[mark...].contains("Ninh Bình   3.07   1.86"))
    }

    @Test func leftAndBackspaceMoveOverWholeVietnameseLetters() throws {
        let t = try start()
        let mark = t.mark
        // Cursor three characters left sits between B and ì; Backspace deletes the B, which is typed again.
        // Were the editor counting bytes, ì (two bytes) would be cut in half.
        t.type("show year=2021 province=Ninh Bình" + String(repeating: PseudoTerminal.left, count: 3) + PseudoTerminal.backspace + "B" + PseudoTerminal.enter)
        #expect(t.waitFor("Ninh Bình   2021", after: mark), "\(t.transcript[mark...])")
        // Backspace over a toned vowel removes the whole letter.
        let second = t.mark
        t.type("show year=2021 province=Ninh Bìì" + PseudoTerminal.backspace + "nh" + PseudoTerminal.enter)
        #expect(t.waitFor("Ninh Bình   2021", after: second), "\(t.transcript[second...])")
    }

    @Test func tabCompletesAVietnameseValueFromUnaccentedTyping() throws {
        let t = try start()
        let mark = t.mark
        t.type("compare province=ninh b" + PseudoTerminal.tab)
        #expect(t.waitFor("Ninh Bình", after: mark))
        t.type("year=2021..2023 rate" + PseudoTerminal.enter)
        #expect(t.waitFor("−1.21", after: mark), "\(t.transcript[mark...])")
    }

    /// Tab on a column whose name has spaces inserts its alias, or the name in backticks, and the line runs.
    @Test func tabCompletesANameThatNeedsBackticks() throws {
        let t = try start()
        let fixture = TestSession.repositoryRoot + "/Tests/LanguageTests/Golden/fixtures/Báo cáo hộ nghèo 2023.csv"
        t.type("load \(fixture)" + PseudoTerminal.enter)
        #expect(t.waitFor("bao_cao_ho_ngheo_2023> "), "\(t.transcript)")
        let mark = t.mark
        t.type("sum `so ho ngheo - t" + PseudoTerminal.tab)
        #expect(t.waitFor("Số hộ nghèo - Tổng số` ", after: mark), "\(t.transcript[mark...])")
        t.type(PseudoTerminal.enter)
        #expect(t.waitFor("107,342", after: mark), "\(t.transcript[mark...])")
        let second = t.mark
        t.type("count by tinh" + PseudoTerminal.tab + PseudoTerminal.enter)
        #expect(t.waitFor("Ninh Bình", after: second), "\(t.transcript[second...])")
        #expect(!t.transcript[second...].contains("error"))
    }

    @Test func controlCClearsTheLineAndKeepsTheSession() throws {
        let t = try start()
        let mark = t.mark
        t.type("show nonsense=1" + PseudoTerminal.controlC)
        usleep(200_000)
        t.type("count" + PseudoTerminal.enter)
        #expect(t.waitFor("14", after: mark))
        #expect(!t.transcript[mark...].contains("nonsense'"), "the cleared line must not run")
        #expect(t.process.isRunning)
        t.type(PseudoTerminal.controlD)
        #expect(t.waitForExit() == 0)
    }

    @Test func historySurvivesARestart() throws {
        let first = try start()
        first.type("count by source" + PseudoTerminal.enter)
        #expect(first.waitFor("004_5e6b3e2a5e01ab72.txt"))
        first.type(PseudoTerminal.controlD)
        #expect(first.waitForExit() == 0)
        let saved = try String(contentsOfFile: state + "/solieu/history", encoding: .utf8)
        #expect(saved == "count by source\n")

        let second = try start()
        let mark = second.mark
        second.type(PseudoTerminal.up + PseudoTerminal.enter)
        #expect(second.waitFor("004_5e6b3e2a5e01ab72.txt", after: mark), "\(second.transcript[mark...])")
    }

    @Test func aContinuedStatementIsOneHistoryEntry() throws {
        let t = try start()
        t.type("compare province=Ninh Bình \\" + PseudoTerminal.enter)
        #expect(t.waitFor("...> "))
        t.type("year=2021..2023 rate" + PseudoTerminal.enter)
        #expect(t.waitFor("−1.21"))
        t.type(PseudoTerminal.controlD)
        _ = t.waitForExit()
        let saved = try String(contentsOfFile: state + "/solieu/history", encoding: .utf8)
        #expect(saved == "compare province=Ninh Bình year=2021..2023 rate\n")
    }

    @Test func errorsAreRedAtATerminalUnlessNoColor() throws {
        let coloured = try start()
        let mark = coloured.mark
        coloured.type("show provnce=Huế" + PseudoTerminal.enter)
        #expect(coloured.waitFor("did you mean province?", after: mark))
        #expect(coloured.transcript[mark...].contains("\u{1B}[31merror: there is no column 'provnce'"))

        var environment = self.environment
        environment["NO_COLOR"] = "1"
        let plain = try PseudoTerminal(environment: environment)
        #expect(plain.waitFor("reports> "))
        let plainMark = plain.mark
        plain.type("show provnce=Huế" + PseudoTerminal.enter)
        #expect(plain.waitFor("did you mean province?", after: plainMark))
        #expect(!plain.transcript[plainMark...].contains("\u{1B}[31m"))
    }
}
