import Foundation
import Testing

/// Results at a terminal, driven through a pseudo-terminal 160 columns by 40 rows: long results go
/// through `$PAGER`, wide tables are fitted to the width, Ctrl-C stops a long rendering or export and the
/// session goes on, and `history` lists what was typed.
@Suite(.serialized) struct TerminalOutputTests {
    let state: String

    init() throws {
        state = NSTemporaryDirectory() + "solieu-terminal-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
    }

    func start(_ extra: [String: String] = [:]) throws -> PseudoTerminal {
        var environment = ["TERM": "xterm", "HOME": state, "XDG_STATE_HOME": state, "PATH": "/usr/bin:/bin"]
        environment.merge(extra) { $1 }
        let terminal = try PseudoTerminal(environment: environment)
        #expect(terminal.waitFor("reports> "), "no prompt: \(terminal.transcript)")
        return terminal
    }

    /// A CSV of `rows` rows: `id`, a `label` text and a `value`.
    func writeTable(rows: Int) throws -> String {
        let path = state + "/rows\(rows).csv"
        var text = "id,label,value\n"
        text.reserveCapacity(rows * 24)
        for i in 1...rows { text += "\(i),label \(i % 97),\(i * 3)\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A pager that records it was called and what it was given.
    func recordingPager() throws -> (command: String, calls: String, received: String) {
        let script = state + "/pager.sh", calls = state + "/pager-calls", received = state + "/pager-input"
        try "#!/bin/sh\necho called >> '\(calls)'\ncat > '\(received)'\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        return (script, calls, received)
    }

    @Test func aThousandRowResultGoesThroughThePager() throws {
        let pager = try recordingPager()
        let table = try writeTable(rows: 1000)
        let t = try start(["PAGER": pager.command])
        t.type("load \(table)" + PseudoTerminal.enter)
        #expect(t.waitFor("using rows1000"))
        t.type("set rows 1000" + PseudoTerminal.enter)
        #expect(t.waitFor("rows = 1000"))
        let mark = t.mark
        t.type("show" + PseudoTerminal.enter)
        #expect(t.waitFor("rows1000> ", after: mark))
        let calls = try String(contentsOfFile: pager.calls, encoding: .utf8)
        #expect(calls == "called\n")
        let received = try String(contentsOfFile: pager.received, encoding: .utf8).split(separator: "\n")
        #expect(received.count == 1001)
        #expect(received.first == "  id   label      value")
        #expect(received.last == "1000   label 30   3,000")
        // The rows went to the pager, not past it to the terminal.
        #expect(!t.transcript[mark...].contains("label 30   3,000"))

        // A result that fits the screen is shown directly, and `set pager off` shows even a long one.
        let small = t.mark
        t.type("count" + PseudoTerminal.enter)
        #expect(t.waitFor("1,000", after: small))
        t.type("set pager off" + PseudoTerminal.enter)
        let off = t.mark
        t.type("show" + PseudoTerminal.enter)
        #expect(t.waitFor("1000   label 30   3,000", after: off))
        #expect(try String(contentsOfFile: pager.calls, encoding: .utf8) == "called\n")
        t.type(PseudoTerminal.controlD)
        #expect(t.waitForExit(seconds: 30) == 0)
    }

    @Test func aPagerThatCannotStartLosesNothing() throws {
        let table = try writeTable(rows: 100)
        let t = try start(["PAGER": state + "/no-such-pager"])
        t.type("load \(table)" + PseudoTerminal.enter)
        #expect(t.waitFor("using rows100"))
        t.type("set rows 100" + PseudoTerminal.enter)
        #expect(t.waitFor("rows = 100"))
        let mark = t.mark
        t.type("show" + PseudoTerminal.enter)
        #expect(t.waitFor("100   label 3      300", after: mark), "\(t.transcript[mark...])")
        #expect(t.transcript[mark...].contains("could not be started"))
    }

    @Test func aWideTableIsFittedToTheTerminal() throws {
        let t = try start(["COLUMNS": "70", "PAGER": ""])
        t.type("use gso" + PseudoTerminal.enter)
        #expect(t.waitFor("gso> "))
        let mark = t.mark
        t.type("show province=Hà Giang year=2023 limit 1" + PseudoTerminal.enter)
        #expect(t.waitFor("set format line shows every column", after: mark), "\(t.transcript[mark...])")
        #expect(t.transcript[mark...].contains("02     Hà Giang   2023   29.07             1   gso_V14.49_multidimens…"))
        // The record mode shows every column in full.
        t.type("set format line" + PseudoTerminal.enter)
        let records = t.mark
        t.type("show province=Hà Giang year=2023 limit 1" + PseudoTerminal.enter)
        #expect(t.waitFor("unit_2025:    Tuyên Quang", after: records), "\(t.transcript[records...])")
        #expect(t.transcript[records...].contains("series:       gso_V14.49_multidimensional"))
    }

    @Test func controlCStopsALongRenderingAndTheSessionGoesOn() throws {
        let table = try writeTable(rows: 300_000)
        let t = try start(["PAGER": ""])
        t.type("load \(table)" + PseudoTerminal.enter)
        #expect(t.waitFor("using rows300000", seconds: 30))
        t.type("set rows 300000" + PseudoTerminal.enter)
        #expect(t.waitFor("rows = 300000"))
        let mark = t.mark
        t.type("show" + PseudoTerminal.enter)
        usleep(300_000)
        let pressed = Date()
        t.interrupt()
        #expect(t.waitFor("interrupted", after: mark, seconds: 5), "\(t.transcript[mark...].suffix(500))")
        let waited = Date().timeIntervalSince(pressed)
        #expect(waited < 1.0, "stopped after \(waited) s")
        #expect(!t.transcript[mark...].contains("label"), "no row of the interrupted result was shown")
        // An interrupted export (of the result not shown, still the last one) leaves no file, not even a partial one.
        let exportMark = t.mark
        t.type("export \(state)/all.txt" + PseudoTerminal.enter)
        usleep(300_000)
        t.interrupt()
        #expect(t.waitFor("interrupted", after: exportMark, seconds: 5), "\(t.transcript[exportMark...].suffix(500))")
        let leftOver = try FileManager.default.contentsOfDirectory(atPath: state).filter { $0.hasPrefix("all") || $0.contains(".tmp") }
        #expect(leftOver.isEmpty, "\(leftOver)")
        // The session and its dataset are still there.
        let after = t.mark
        t.type("count" + PseudoTerminal.enter)
        #expect(t.waitFor("300,000", after: after))
        t.type(PseudoTerminal.controlD)
        #expect(t.waitForExit(seconds: 30) == 0)
    }

    @Test func historyListsTheStatementsTypedNumbered() throws {
        let t = try start()
        t.type("count" + PseudoTerminal.enter)
        #expect(t.waitFor("14"))
        t.type("count by year" + PseudoTerminal.enter)
        #expect(t.waitFor("2023"))
        let mark = t.mark
        t.type("history" + PseudoTerminal.enter)
        #expect(t.waitFor("3  history", after: mark), "\(t.transcript[mark...])")
        #expect(t.transcript[mark...].contains("1  count\r\n2  count by year\r\n3  history"))
        let limited = t.mark
        t.type("history 1" + PseudoTerminal.enter)
        #expect(t.waitFor("4  history 1", after: limited))
        #expect(!t.transcript[limited...].contains("count by year"))
    }
}
