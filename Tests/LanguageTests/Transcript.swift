import Foundation
import Language
@testable import Shell

/// Runs statements the way `solieu --echo --keep-going` does and returns everything written, standard
/// output and standard error interleaved in order, as a transcript.
enum Transcript {
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A session with the built-in datasets, as the program starts.
    static func session() throws -> Session {
        setenv("SOLIEU_DATA", repositoryRoot + "/datasets", 1)
        let session = Session()
        try BuiltinData.load(into: session)
        return session
    }

    static func run(script: String, file: String? = nil, echo: Bool = true) throws -> (text: String, failed: Bool) {
        let runner = StatementRunner(session: try session())
        var text = ""
        runner.output = { text += $0 }
        runner.errors = { text += $0 }
        runner.echo = echo
        runner.keepGoing = true
        runner.runScript(script, file: file)
        return (text, runner.failed)
    }
}
