import Foundation
import Language
import Testing
@testable import Shell

/// The corrected statement an error offers (`try: …`) must itself run. Every error of the golden scripts is
/// reproduced statement by statement; each `try:` line it prints (the same lines as the expected transcript)
/// is then run on a session replayed to the state the error was reported in, and must give no error at all:
/// no parse error, no unknown column, nothing.
@Suite struct TryLineTests {
    struct Offer {
        /// Index of the statement whose error offered the line.
        var statement: Int
        var line: String
        var error: String
    }

    static let prefix = "  try: "

    static func pieces(_ script: String) throws -> [ScriptSplitter.Piece] {
        ScriptSplitter.statements(try String(contentsOfFile: GoldenScriptTests.folder + script, encoding: .utf8))
    }

    /// A runner on a fresh session that writes nothing; `errors` collects what it would print on standard error.
    static func quietRunner(_ errors: @escaping (String) -> Void = { _ in }) throws -> StatementRunner {
        let runner = StatementRunner(session: try Transcript.session())
        runner.output = { _ in }
        runner.errors = errors
        return runner
    }

    /// Runs the script one statement at a time and collects the `try:` lines its errors print.
    static func offers(_ script: String) throws -> [Offer] {
        var printed = ""
        let runner = try quietRunner { printed += $0 }
        var offers: [Offer] = []
        for (index, piece) in try pieces(script).enumerated() {
            printed = ""
            runner.run(piece.text, line: piece.line, column: piece.column, file: script)
            for line in printed.split(separator: "\n") where line.hasPrefix(prefix) {
                offers.append(Offer(statement: index, line: String(line.dropFirst(prefix.count)), error: printed))
            }
        }
        return offers
    }

    @Test(arguments: GoldenScriptTests.scripts)
    func everyTryLineRuns(_ script: String) throws {
        let offers = try Self.offers(script)
        let expectedPath = GoldenScriptTests.folder + script.replacingOccurrences(of: ".solieu", with: ".expected")
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8).split(separator: "\n")
            .filter { $0.hasPrefix(Self.prefix) }.map { String($0.dropFirst(Self.prefix.count)) }
        #expect(offers.map(\.line) == expected, "\(script): the try: lines differ from the expected transcript")
        if script == "names.solieu" {
            // The corrections this guards most: names that need backticks, aliases, misspelt names.
            for line in ["sum `Số hộ nghèo`", "show `Tỉnh/Thành phố`=Kon Tum", "sum so_ho_ngheo", "mean `Tỷ lệ (%)`", "let `Hộ mới` = 3"] {
                #expect(offers.map(\.line).contains(line), "names.solieu no longer offers 'try: \(line)'")
            }
        }
        let pieces = try Self.pieces(script)
        // One replay walks forward through the script; a try: line that would change the session (a new
        // column, the current dataset) runs on a replay of its own, so later lines see the script's state.
        let walking = try Self.quietRunner()
        var walked = 0
        for offer in offers {
            let changesSession = Self.sessionChangingVerbs.contains(String(offer.line.prefix(while: { $0 != " " })))
            let replay = changesSession ? try Self.quietRunner() : walking
            for piece in pieces[(changesSession ? 0 : walked)..<offer.statement] {
                replay.run(piece.text, line: piece.line, column: piece.column, file: script)
            }
            if !changesSession { walked = offer.statement }
            do {
                _ = try replay.session.run(offer.line)
            } catch {
                Issue.record("\(script): 'try: \(offer.line)', offered for\n\(offer.error)fails in turn: \(error)")
            }
        }
    }

    static let sessionChangingVerbs: Set<String> = ["let", "measure", "load", "use", "set", "run", "rollup"]
}
