import ArgumentParser
import Dispatch
import Engine
import Foundation
import Formats
import Language
import Shell

/// solieu's command line: scripts, `-c` statements, standard input, or the interactive prompt.
struct SolieuCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solieu",
        abstract: "Ask questions of Vietnam's poverty-reduction figures.",
        discussion: """
        With no script and no -c, statements are read from standard input when it is not a terminal, and \
        the interactive prompt starts when it is. The built-in datasets (reports, gso, gso_regions, \
        provinces) are loaded first; reports is current. Exit status: 0, or 1 when any statement failed.
        """,
        version: "0.1.0")

    @Argument(help: ArgumentHelp("Script files (.solieu) to run in order.", valueName: "script"))
    var scripts: [String] = []

    @Option(name: .customShort("c"), help: ArgumentHelp("A statement to run (repeatable).", valueName: "statement"))
    var statements: [String] = []

    @Option(help: "How results are written: table, csv, json, jsonl (JSON Lines) or markdown.")
    var format: String = "table"

    @Flag(help: "Print each statement before its result (for handouts).")
    var echo = false

    @Flag(name: .customLong("keep-going"), help: "Run every statement even after an error (the exit status is still 1).")
    var keepGoing = false

    @Option(name: .customLong("load"), help: ArgumentHelp("Load a file before anything else (repeatable).", valueName: "path"))
    var files: [String] = []

    @Flag(help: "After each --load, print the time taken and the memory the table holds.")
    var stats = false

    @Flag(name: .customLong("language-reference"), help: .hidden)
    var languageReference = false

    /// Prints the transcript of the statements on standard input, as the documentation shows examples.
    @Flag(name: .customLong("doc-transcript"), help: .hidden)
    var docTranscript = false

    func validate() throws {
        guard OutputFormat(rawValue: format) != nil else {
            throw ValidationError("--format takes table, csv, json, jsonl or markdown, not '\(format)'")
        }
    }

    func run() throws {
        if languageReference {
            print(try LanguageReference.markdown(), terminator: "")
            return
        }
        if docTranscript {
            let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            print(try LanguageReference.transcript(input.split(separator: "\n").map(String.init)))
            return
        }
        let session = Session()
        session.settings.format = OutputFormat(rawValue: format)!
        do {
            try BuiltinData.load(into: session)
        } catch let error as LoadError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(1)
        }
        let runner = StatementRunner(session: session)
        runner.echo = echo
        runner.keepGoing = keepGoing
        for path in files {
            let started = DispatchTime.now()
            guard runner.run("load \(path)") else { throw ExitCode(1) }
            if stats, let dataset = try? session.current() {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                let bytes = dataset.table.byteCount, rows = max(dataset.table.rowCount, 1)
                print("stats: load \(String(format: "%.3f", seconds)) s; columns hold \(bytes) bytes (\(String(format: "%.2f", Double(bytes) / Double(rows))) bytes/row); resident memory after load \(ProcessMemory.residentBytes() / 1_048_576) MiB")
            }
        }
        var ranSomething = !files.isEmpty
        for statement in statements {
            ranSomething = true
            if !runner.run(statement) && !keepGoing { throw ExitCode(1) }
        }
        for script in scripts {
            ranSomething = true
            guard let text = StatementRunner.readScript(script) else {
                FileHandle.standardError.write(Data("\(script): error: cannot read this script file: it is missing, a folder, or not UTF-8 text\n".utf8))
                throw ExitCode(1)
            }
            if !runner.runScript(text, file: script) && !keepGoing { throw ExitCode(1) }
        }
        if !ranSomething {
            if isatty(0) == 0 {
                let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                runner.runScript(input, file: "<stdin>")
            } else {
                InteractiveShell(runner: runner).run()
            }
        }
        if runner.failed { throw ExitCode(1) }
    }
}

SolieuCommand.main()
