import Foundation
import Language
@testable import Shell

/// The questions of the golden scripts: every statement of those scripts that asks something of the
/// built-in data (filters, aggregates, compare, trend, rank, let and measure, explain), to be asked of
/// the same tables wherever they live and answered the same.
enum GoldenQuestions {
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Scripts whose statements query the built-in datasets (the others load files or show help).
    static let scripts = ["aggregates", "compare", "filters", "trend_rank", "series", "let_measure", "explain_help", "formats", "composable"]

    /// Verbs that read a dataset's rows, plus those that set up the session for them.
    static let verbs: Set<String> = ["show", "count", "sum", "mean", "avg", "min", "max", "median", "stddev", "compare", "trend",
                                     "rank", "let", "measure", "use", "set", "explain"]

    /// The statements to ask, with where they come from.
    static func statements() throws -> [(place: String, text: String)] {
        var out: [(String, String)] = []
        for script in scripts {
            let path = repositoryRoot + "/Tests/LanguageTests/Golden/\(script).solieu"
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() {
                let text = line.trimmingCharacters(in: .whitespaces)
                guard let verb = text.split(separator: " ").first.map(String.init), verbs.contains(verb.lowercased()) else { continue }
                out.append(("\(script).solieu:\(number + 1)", text))
            }
        }
        return out
    }

    /// A session with the built-in datasets, as the program starts.
    static func memorySession() throws -> Session {
        setenv("SOLIEU_DATA", repositoryRoot + "/datasets", 1)
        let session = Session()
        try BuiltinData.load(into: session)
        return session
    }

    /// A session whose datasets are the tables at `url`, with the built-in gazetteer.
    static func remoteSession(_ url: String, gazetteer: Gazetteer?, prepare: (Session) -> Void = { _ in }) throws -> (Session, String) {
        let session = Session()
        session.gazetteer = gazetteer
        Connectors.install(into: session)
        prepare(session)
        let report = transcript(session, ["connect \(url)"])
        session.currentName = "reports"
        return (session, report)
    }

    /// Every golden question asked of `memory`-fresh sessions and of sessions connected to `address`, script
    /// by script: the differences, as readable blocks (none when the engines agree).
    static func differences(address: String, gazetteer: Gazetteer?, engine: String,
                            prepare: (Session) -> Void = { _ in }) throws -> (differences: [String], asked: Int) {
        var differences: [String] = []
        let statements = try GoldenQuestions.statements()
        for script in scripts {
            let memory = try memorySession()
            let (remote, report) = try remoteSession(address, gazetteer: gazetteer, prepare: prepare)
            guard report.contains("connected to") else { return (["\(script): connect failed:\n\(report)"], 0) }
            for (place, statement) in statements where place.hasPrefix(script + ".") {
                let expected = transcript(memory, [statement])
                let actual = transcript(remote, [statement])
                if expected != actual { differences.append("\(place): \(statement)\n--- in memory\n\(expected)--- on \(engine)\n\(actual)") }
            }
        }
        return (differences, statements.count)
    }

    /// Each statement's output as `solieu --echo --keep-going` writes it.
    static func transcript(_ session: Session, _ statements: [String]) -> String {
        let runner = StatementRunner(session: session)
        var text = ""
        runner.output = { text += $0 }
        runner.errors = { text += $0 }
        runner.echo = true
        runner.keepGoing = true
        for statement in statements { runner.run(statement) }
        return text
    }
}
