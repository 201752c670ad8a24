import Foundation
import Language
import Testing
@testable import Shell

/// A script's bytes to statements: line ends of every editor, a byte-order mark, the place of a byte that
/// is not UTF-8; and a write that fails is an error, not a crash.
@Suite struct ScriptReadingTests {
    @Test func linesEndInLFCRLFOrCR() {
        #expect(ScriptSplitter.lines(of: "a\r\nb\rc\nd") == ["a", "b", "c", "d"])
        #expect(ScriptSplitter.lines(of: "a\r\n\r\nb\r\n") == ["a", "", "b", ""])
        #expect(ScriptSplitter.lines(of: "a\r\r\nb") == ["a", "", "b"])
        #expect(ScriptSplitter.lines(of: "\u{FEFF}count\r\n") == ["count", ""])
        #expect(ScriptSplitter.lines(of: "") == [""])
    }

    @Test func aContinuationBeforeCRLFJoinsTheLines() {
        let pieces = ScriptSplitter.statements("show province=Ninh Bình \\\r\n  year rate\r\ncount\r\n")
        #expect(pieces.map(\.text) == ["show province=Ninh Bình year rate", "count"])
        #expect(pieces.map(\.line) == [1, 3])
    }

    @Test func theFirstByteThatIsNotUTF8IsPlaced() throws {
        #expect(throws: ScriptText.Failure.notUTF8(path: "q", line: 3, column: 4, byte: 0xFF)) {
            try ScriptText.decode(Array("a\r\nb\rcìn".utf8.prefix(9)) + [0xFF], name: "q")
        }
        // After a byte-order mark the first line's columns count from its first real character.
        #expect(throws: ScriptText.Failure.notUTF8(path: "q", line: 1, column: 2, byte: 0xC3)) {
            try ScriptText.decode([0xEF, 0xBB, 0xBF, 0x61, 0xC3, 0x28], name: "q")
        }
        #expect(try ScriptText.decode(Array("Hoà Bình\r\n".utf8), name: "q") == "Hoà Bình\r\n")
    }

    @Test func aFullDiskIsAnErrorToReport() throws {
        let full = try DescriptorWriter(creating: "/dev/full")
        defer { close(full.descriptor) }
        do {
            try full.write("count\n")
            Issue.record("writing to /dev/full succeeded")
        } catch let failure as DescriptorWriter.Failure {
            #expect(failure.code == ENOSPC)
            #expect(failure.reason == Message(en: "No space left on device", vi: "ổ đĩa đã đầy"))
        }
    }
}
