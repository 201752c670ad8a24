import Foundation
import Testing
@testable import Shell

@Suite struct HistoryFileTests {
    func temporaryPath() -> String { NSTemporaryDirectory() + "solieu-history-\(UUID().uuidString)/nested/history" }

    @Test func defaultPathFollowsXDG() {
        #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/x/state"]) == "/x/state/solieu/history")
        #expect(HistoryFile.defaultPath(environment: [:]).hasSuffix("/.local/state/solieu/history"))
    }

    @Test func duplicatesCollapseToTheNewest() {
        let file = HistoryFile(path: temporaryPath())
        for entry in ["count", "describe", "count", "  count  "] { #expect(file.append(entry)) }
        #expect(file.load() == ["describe", "count"])
    }

    @Test func sizeIsCapped() {
        let file = HistoryFile(path: temporaryPath(), capacity: 5)
        for i in 0..<12 { file.append("show limit \(i)") }
        #expect(file.load() == (7..<12).map { "show limit \($0)" })
    }

    @Test func twoShellsMergeTheirEntries() {
        let path = temporaryPath()
        let a = HistoryFile(path: path), b = HistoryFile(path: path)
        a.append("count")
        b.append("describe")
        a.append("datasets")
        #expect(HistoryFile(path: path).load() == ["count", "describe", "datasets"])
    }

    @Test func manyWritersNeverCorruptTheFile() {
        let path = temporaryPath()
        DispatchQueue.concurrentPerform(iterations: 8) { writer in
            for i in 0..<25 { HistoryFile(path: path).append("show limit \(writer * 100 + i)") }
        }
        let entries = HistoryFile(path: path).load()
        #expect(entries.count == 200)
        #expect(Set(entries).count == 200)
        #expect(entries.allSatisfy { $0.hasPrefix("show limit ") })
    }
}

@Suite struct DamagedHistoryFileTests {
    func temporaryPath() throws -> String {
        let folder = NSTemporaryDirectory() + "solieu-history-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/history"
    }

    /// A line that is not UTF-8 is not offered, but is written back byte for byte; nothing else is lost.
    @Test func aBadLineIsSkippedAndKept() throws {
        let path = try temporaryPath()
        let bytes: [UInt8] = Array("count\n".utf8) + [0xC3, 0x28, 0x0A] + Array("describe\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let file = HistoryFile(path: path)
        #expect(file.load() == ["count", "describe"])
        #expect(file.append("datasets"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes + Array("datasets\n".utf8)))
        #expect(file.load() == ["count", "describe", "datasets"])
    }

    /// A history that exists but cannot be read (here a folder in its place, which even root cannot read as
    /// a file) is never replaced: append reports the failure and leaves it as it was.
    @Test func anUnreadableHistoryIsNotReplaced() throws {
        let path = try temporaryPath()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path + "/inside", contents: Data("kept".utf8))
        #expect(!HistoryFile(path: path).append("datasets"))
        #expect(FileManager.default.contents(atPath: path + "/inside") == Data("kept".utf8))
        #expect(HistoryFile(path: path).load() == [])
    }
}
