import Foundation
import Testing

/// The progress line of a long load: shown at the prompt when standard error is a terminal, redrawn in place
/// and cleared before the load report; never in a batch run, at a terminal or not.
@Suite(.serialized) struct ProgressLineTests {
    let folder: String
    let file: String

    /// About 11 MB of generated rows: more than a second of loading in a debug build on any machine.
    init() throws {
        folder = NSTemporaryDirectory() + "solieu-progress-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        file = folder + "/big.csv"
        var block = ""
        for i in 0..<1_000 { block += "Tỉnh \(i % 63),\(2015 + i % 9),\(1_000 + i * 7 % 5_000).5,\(1 + i % 7)\n" }
        var data = Data("province,year,income,members\n".utf8)
        let blockData = Data(block.utf8)
        for _ in 0..<450 { data.append(blockData) }
        try data.write(to: URL(fileURLWithPath: file))
    }

    func environment() -> [String: String] {
        ["TERM": "xterm", "HOME": folder, "XDG_STATE_HOME": folder, "PATH": "/usr/bin:/bin"]
    }

    @Test func aLargeLoadAtThePromptShowsOneLineRedrawnInPlaceThenClearedBeforeTheReport() throws {
        let t = try PseudoTerminal(environment: environment())
        #expect(t.waitFor("reports> ", seconds: 30))
        let mark = t.mark
        t.type("load \(file) as big" + PseudoTerminal.enter)
        #expect(t.waitFor("big> ", after: mark, seconds: 120), "\(t.transcript[mark...])")
        let shown = String(t.transcript[mark...])
        #expect(shown.contains("\rloading big.csv: pass "), "no progress line in: \(shown.prefix(2_000))")
        #expect(shown.contains(" MiB/s, about "))
        // Cleared in place (carriage return, erase to the end of the line) before the report and the prompt.
        let last = try #require(shown.range(of: "\rloading big.csv", options: .backwards))
        let prompt = try #require(shown.range(of: "big> ", options: .backwards))
        let after = shown[last.upperBound..<prompt.lowerBound]
        let cleared = try #require(after.range(of: "\r\u{1b}[K"), "\(after)")
        #expect(after[cleared.upperBound...].contains("rows"), "the load report follows the cleared line: \(after)")
        t.type(PseudoTerminal.controlD)
        #expect(t.waitForExit(seconds: 30) == 0)
    }

    @Test func aBatchRunShowsNoProgressEvenWhenStandardErrorIsATerminal() throws {
        let t = try PseudoTerminal(arguments: ["-c", "load \(file) as big", "-c", "count"], environment: environment())
        #expect(t.waitForExit(seconds: 120) == 0)
        #expect(t.transcript.contains("450"), "\(t.transcript.suffix(1_000))")
        #expect(!t.transcript.contains("loading big.csv"), "\(t.transcript.prefix(2_000))")
    }

    @Test func aBatchRunToAPipeShowsNoProgress() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PseudoTerminal.solieuBinary)
        process.arguments = ["-c", "load \(file) as big", "-c", "count"]
        process.environment = environment()
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: stdout, as: UTF8.self).contains("450"))
        let errors = String(decoding: stderr, as: UTF8.self)
        #expect(!errors.contains("loading big.csv") && !errors.contains("\r"), "\(errors)")
    }
}
