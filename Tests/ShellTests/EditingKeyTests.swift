import Foundation
import Testing

/// Home, End, Delete and the word moves as each common terminal sends them: a line is typed, the key
/// sent, more typed, and the statement that runs must be the edited one (`count by source`, whose answer
/// names the report file 004_…).
@Suite(.serialized) struct EditingKeyTests {
    static let escape = "\u{1B}"
    /// Sent after a line to move the cursor to its start the way every terminal agrees on.
    static let controlA = "\u{01}"

    struct Case: CustomStringConvertible {
        let key: String
        let terminal: String
        let sequence: String
        /// Typed before the key, and after it; the two must combine into `count by source`.
        let before: String
        let after: String
        var description: String { "\(key) from \(terminal)" }
    }

    static let home = ["ESC[H": "xterm", "ESCOH": "xterm (application mode)", "ESC[1~": "tmux, screen, Linux console, PuTTY", "ESC[7~": "rxvt"]
    static let end = ["ESC[F": "xterm", "ESCOF": "xterm (application mode)", "ESC[4~": "tmux, screen, Linux console, PuTTY", "ESC[8~": "rxvt"]

    static var cases: [Case] {
        var cases: [Case] = []
        for (sequence, terminal) in home.sorted(by: { $0.key < $1.key }) {
            cases.append(Case(key: "Home", terminal: terminal, sequence: sequence, before: "ount by source", after: "c"))
        }
        for (sequence, terminal) in end.sorted(by: { $0.key < $1.key }) {
            // Ctrl-A first, so that End has somewhere to move from.
            cases.append(Case(key: "End", terminal: terminal, sequence: sequence, before: "count by sourc" + controlA, after: "e"))
        }
        cases.append(Case(key: "Delete", terminal: "every terminal", sequence: "ESC[3~", before: "count by sourcex\u{1B}[D", after: ""))
        cases.append(Case(key: "Ctrl-Left", terminal: "xterm", sequence: "ESC[1;5D", before: "count by ource", after: "s"))
        cases.append(Case(key: "Ctrl-Left", terminal: "rxvt", sequence: "ESCOd", before: "count by ource", after: "s"))
        cases.append(Case(key: "Ctrl-Right", terminal: "xterm", sequence: "ESC[1;5C", before: "count source" + controlA, after: " by"))
        cases.append(Case(key: "Ctrl-Right", terminal: "rxvt", sequence: "ESCOc", before: "count source" + controlA, after: " by"))
        return cases
    }

    @Test(arguments: cases) func keyEditsTheLine(_ key: Case) throws {
        let state = NSTemporaryDirectory() + "solieu-keys-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: state) }
        let terminal = try PseudoTerminal(environment: ["TERM": "xterm", "HOME": state, "XDG_STATE_HOME": state, "PATH": "/usr/bin:/bin"])
        #expect(terminal.waitFor("reports> "), "no prompt: \(terminal.transcript)")
        let mark = terminal.mark
        terminal.type(key.before + key.sequence.replacingOccurrences(of: "ESC", with: EditingKeyTests.escape) + key.after + PseudoTerminal.enter)
        #expect(terminal.waitFor("004_5e6b3e2a5e01ab72.txt", after: mark), "\(key): \(terminal.transcript[mark...])")
        #expect(!terminal.transcript[mark...].contains("error"), "\(key): \(terminal.transcript[mark...])")
        terminal.type(PseudoTerminal.controlD)
        // Generous: thirteen of these run beside the rest of the suite on a shared machine.
        #expect(terminal.waitForExit(seconds: 30) == 0)
        // The statement kept in the history is exactly the edited line.
        let saved = try String(contentsOfFile: state + "/solieu/history", encoding: .utf8)
        #expect(saved == "count by source\n", "\(key)")
    }
}
