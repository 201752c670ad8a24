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
