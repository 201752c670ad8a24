import Foundation
import Testing

/// Golden scripts in the sqllogictest spirit: each `Golden/NAME.solieu` runs with echo and keep-going, and
/// its whole transcript (results, notes, errors with carets) must equal `Golden/NAME.expected` exactly.
/// Set SOLIEU_UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change, then read the diff.
@Suite struct GoldenScriptTests {
    static let folder = Transcript.repositoryRoot + "/Tests/LanguageTests/Golden/"

    static var scripts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".solieu") }.sorted()
    }

    @Test func thereAreGoldenScripts() {
        #expect(Self.scripts.count >= 8)
    }

    @Test(arguments: scripts)
    func transcriptMatches(_ script: String) throws {
        let source = try String(contentsOfFile: Self.folder + script, encoding: .utf8)
        let (actual, _) = try Transcript.run(script: source, file: script)
        let expectedPath = Self.folder + script.replacingOccurrences(of: ".solieu", with: ".expected")
        if ProcessInfo.processInfo.environment["SOLIEU_UPDATE_GOLDEN"] == "1" {
            try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
            return
        }
        let expected = try #require(try? String(contentsOfFile: expectedPath, encoding: .utf8), "missing \(expectedPath)")
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            Issue.record("\(script) differs at line \(line + 1):\n  expected: \(line < e.count ? String(e[line]) : "<end>")\n  actual:   \(line < a.count ? String(a[line]) : "<end>")")
        }
    }
}
