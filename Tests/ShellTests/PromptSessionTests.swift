import Foundation
import Testing

/// The prompt as a session ends and keeps its history: exit status, a damaged history file, a history
/// that cannot be written. Driven through a pseudo-terminal.
@Suite(.serialized) struct PromptSessionTests {
    let state: String

    init() throws {
        state = NSTemporaryDirectory() + "solieu-prompt-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
    }

    func environment(stateHome: String? = nil) -> [String: String] {
        ["TERM": "xterm", "HOME": state, "XDG_STATE_HOME": stateHome ?? state, "PATH": "/usr/bin:/bin"]
    }

    /// A typo is put right on the next line: leaving the prompt afterwards is a success, by Ctrl-D or `quit`.
    @Test func aTypoDoesNotMakeTheExitStatusOne() throws {
        for leave in [PseudoTerminal.controlD, "quit" + PseudoTerminal.enter] {
            let t = try PseudoTerminal(environment: environment())
            #expect(t.waitFor("reports> "))
            t.type("cuont" + PseudoTerminal.enter)
            #expect(t.waitFor("did you mean count?"), "\(t.transcript)")
            t.type(leave)
            #expect(t.waitForExit() == 0)
        }
    }

    /// One line that is not UTF-8 among good ones: the good ones are offered (Up recalls the newest), and after
    /// a statement the file still holds every old line, the bad one included, plus the new one.
    @Test func aDamagedHistoryKeepsItsGoodEntries() throws {
        let folder = state + "/solieu"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var old = Data()
        for i in 0..<200 { old.append(contentsOf: Array("show limit \(i)\n".utf8)) }
        old.append(contentsOf: [0x63, 0x6F, 0xFF, 0xFE, 0x0A])  // "co" and two bytes that are never UTF-8
        old.append(contentsOf: Array("count by source\n".utf8))
        try old.write(to: URL(fileURLWithPath: folder + "/history"))

        let t = try PseudoTerminal(environment: environment())
        #expect(t.waitFor("reports> "))
        let mark = t.mark
        t.type(PseudoTerminal.up + PseudoTerminal.enter)
        #expect(t.waitFor("004_5e6b3e2a5e01ab72.txt", after: mark), "\(t.transcript[mark...])")
        t.type("count" + PseudoTerminal.enter)
        #expect(t.waitFor("   14", after: mark))
        t.type(PseudoTerminal.controlD)
        #expect(t.waitForExit() == 0)

        let saved = try Data(contentsOf: URL(fileURLWithPath: folder + "/history"))
        var expected = Data()
        for i in 0..<200 { expected.append(contentsOf: Array("show limit \(i)\n".utf8)) }
        expected.append(contentsOf: [0x63, 0x6F, 0xFF, 0xFE, 0x0A])
        expected.append(contentsOf: Array("count by source\ncount\n".utf8))
        #expect(saved == expected)
    }

    /// A history folder that cannot be made (its parent is a file): said once, and the session goes on.
    @Test func aHistoryThatCannotBeWrittenIsReportedOnce() throws {
        let blocker = state + "/not-a-folder"
        FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        let t = try PseudoTerminal(environment: environment(stateHome: blocker))
        #expect(t.waitFor("reports> "))
        let mark = t.mark
        t.type("count" + PseudoTerminal.enter)
        #expect(t.waitFor("   14", after: mark))
        t.type("count by year" + PseudoTerminal.enter)
        #expect(t.waitFor("2025       1", after: mark))
        t.type(PseudoTerminal.controlD)
        #expect(t.waitForExit() == 0)
        let notes = t.transcript[mark...].components(separatedBy: "the history cannot be saved to \(blocker)/solieu/history").count - 1
        #expect(notes == 1, "\(t.transcript[mark...])")
    }
}
