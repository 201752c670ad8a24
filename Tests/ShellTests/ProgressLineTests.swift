@testable import Formats
import Foundation
@testable import Shell
import Testing

/// The progress line of a long load: shown at the prompt when standard error is a terminal, redrawn in place
/// and cleared before the load report; never in a batch run, at a terminal or not.
@Suite(.serialized) struct ProgressLineTests {
    let folder: String
    let file: String

    /// About 62 MB of generated rows: several seconds of loading in a debug build, so the line has time to show.
    init() throws {
        folder = NSTemporaryDirectory() + "solieu-progress-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        file = folder + "/big.csv"
        var block = ""
        for i in 0..<1_000 { block += "Tỉnh \(i % 63),\(2015 + i % 9),\(1_000 + i * 7 % 5_000).5,\(1 + i % 7)\n" }
        var data = Data("province,year,income,members\n".utf8)
        let blockData = Data(block.utf8)
        for _ in 0..<2_500 { data.append(blockData) }
        try data.write(to: URL(fileURLWithPath: file))
    }

    func environment() -> [String: String] {
        ["TERM": "xterm", "HOME": folder, "XDG_STATE_HOME": folder, "PATH": "/usr/bin:/bin"]
    }

    @Test func aLargeLoadAtThePromptShowsOneLineRedrawnInPlaceThenClearedBeforeTheReport() throws {
        let (t, shown) = try loadAtThePrompt(file, as: "big")
        #expect(shown.contains("\rloading big.csv: pass "), "no progress line in: \(shown.prefix(2_000))")
        #expect(shown.contains(" MiB/s, about "))
        let report = try reportAfterTheClearedLine(shown, line: "\rloading big.csv", prompt: "big> ")
        #expect(report.contains("rows"), "the load report follows the cleared line: \(report)")
        t.type(PseudoTerminal.controlD)
        #expect(t.waitForExit(seconds: 30) == 0)
    }

    /// A prompt session that has typed `load PATH as NAME` and seen the next prompt, and what it printed.
    func loadAtThePrompt(_ path: String, as name: String) throws -> (PseudoTerminal, String) {
        let t = try PseudoTerminal(environment: environment())
        #expect(t.waitFor("reports> ", seconds: 30))
        let mark = t.mark
        t.type("load \(path) as \(name)" + PseudoTerminal.enter)
        #expect(t.waitFor("\(name)> ", after: mark, seconds: 120), "\(t.transcript[mark...])")
        return (t, String(t.transcript[mark...]))
    }

    /// What follows the last drawing of the progress `line` once it is cleared in place (carriage return,
    /// erase to the end of the line), up to the last `prompt`: the load report.
    func reportAfterTheClearedLine(_ shown: String, line: String, prompt: String) throws -> Substring {
        let last = try #require(shown.range(of: line, options: .backwards))
        let end = try #require(shown.range(of: prompt, options: .backwards))
        let after = shown[last.upperBound..<end.lowerBound]
        let cleared = try #require(after.range(of: "\r\u{1b}[K"), "\(after)")
        return after[cleared.upperBound...]
    }

    /// A workbook's load has a step before the two passes: parsing the sheet's XML, which is most of its time.
    @Test func aLargeWorkbookShowsTheSheetStepThenItsLineIsCleared() throws {
        let workbook = folder + "/big.xlsx"
        let make = Process()
        make.executableURL = URL(fileURLWithPath: PseudoTerminal.solieuBinary)
        make.arguments = ["-c", "load \(file) as big", "-c", "show limit 150000", "-c", "export \(workbook)"]
        make.environment = environment()
        make.standardOutput = FileHandle.nullDevice
        try make.run()
        make.waitUntilExit()
        try #require(make.terminationStatus == 0)

        let (t, shown) = try loadAtThePrompt(workbook, as: "book")
        #expect(shown.contains("\rloading big.xlsx: reading the sheet (step 1 of 3), "), "no sheet step in: \(shown.prefix(2_000))")
        let report = try reportAfterTheClearedLine(shown, line: "\rloading big.xlsx", prompt: "book> ")
        #expect(report.contains("150000 rows"), "the load report follows the cleared line: \(report)")
        t.type(PseudoTerminal.controlD)
        #expect(t.waitForExit(seconds: 30) == 0)
    }

    @Test func theLineSaysWhereALoadIs() {
        let sheet = LoadProgress.State(fileName: "/data/ho ngheo.xlsx", step: .sheet, stepNumber: 1, stepCount: 3,
                                       stepBytes: 80 << 20, bytesDone: 20 << 20, fraction: 0.15)
        #expect(ProgressLine.text(sheet, elapsed: 3, inStep: 2).en
                == "loading ho ngheo.xlsx: reading the sheet (step 1 of 3), 20 of 80 MiB, 10 MiB/s, about 17 s left (Ctrl-C stops)")
        #expect(ProgressLine.text(sheet, elapsed: 3, inStep: 2).vi
                == "đang nạp ho ngheo.xlsx: đọc trang tính (bước 1/3), 20/80 MiB, 10 MiB/s, còn khoảng 17 giây (Ctrl-C để dừng)")
        let pass = LoadProgress.State(fileName: "big.csv", step: .pass(2), stepNumber: 2, stepCount: 2,
                                      stepBytes: 600 << 20, bytesDone: 300 << 20, fraction: 0.75)
        #expect(ProgressLine.text(pass, elapsed: 6, inStep: 1.5).en
                == "loading big.csv: pass 2 of 2, 300 of 600 MiB, 200 MiB/s, about 2 s left (Ctrl-C stops)")
        #expect(ProgressLine.waiting(for: "postgresql://an@127.0.0.1:5432/solieu", seconds: 3.7).en
                == "waiting for postgresql://an@127.0.0.1:5432/solieu: 3 s (Ctrl-C cancels the query)")
    }

    @Test func aBatchRunShowsNoProgressEvenWhenStandardErrorIsATerminal() throws {
        let t = try PseudoTerminal(arguments: ["-c", "load \(file) as big", "-c", "count"], environment: environment())
        #expect(t.waitForExit(seconds: 120) == 0)
        #expect(t.transcript.contains("big.csv: 2500000 rows × 4 columns"), "\(t.transcript.suffix(1_000))")
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
        #expect(String(decoding: stdout, as: UTF8.self).contains("big.csv: 2500000 rows × 4 columns"))
        let errors = String(decoding: stderr, as: UTF8.self)
        #expect(!errors.contains("loading big.csv") && !errors.contains("\r"), "\(errors)")
    }
}
