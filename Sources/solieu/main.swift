import ArgumentParser
import Dispatch
import Engine
import Foundation
import Formats
import Language
import Shell

/// Exit statuses, as a scheduler reads them.
enum ExitStatus {
    static let success: Int32 = 0
    /// A statement failed (an error in a script, or a write that failed).
    static let statementFailed: Int32 = 1
    /// The command line is wrong (an unknown option, a bad --format or --set).
    static let usage: Int32 = 2
    /// A file named on the command line cannot be read (a script, --load, --init) or --output cannot be written.
    static let unreadableInput: Int32 = 3
}

/// solieu's command line: scripts, `-c` statements, standard input, or the interactive prompt.
struct SolieuCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solieu",
        abstract: "Ask questions of Vietnam's poverty-reduction figures.",
        discussion: """
        With no script and no -c, statements are read from standard input when it is not a terminal, and \
        the interactive prompt starts when it is. The built-in datasets (reports, gso, gso_regions, \
        provinces) are loaded first; reports is current. Relative paths in a script's load, run and export \
        are taken from the script's folder. The init file $XDG_CONFIG_HOME/solieu/init.solieu (by default \
        ~/.config/solieu/init.solieu) runs first unless --no-init; LANG=vi_VN.UTF-8 starts in Vietnamese.

        Exit status:
          0  success (an empty result is a success)
          1  a statement failed, or the results could not be written
          2  a usage error on the command line
          3  a script, --load or --init file cannot be read, or the --output file cannot be written
        """,
        version: "0.1.0")

    @Argument(help: ArgumentHelp("Script files (.solieu) to run in order.", valueName: "script"))
    var scripts: [String] = []

    @Option(name: .customShort("c"), help: ArgumentHelp("Statements to run, separated by ; (repeatable).", valueName: "statement"))
    var statements: [String] = []

    @Option(help: "How results are written: table, line (a record at a time), csv, json (a document per result), jsonl (an object per row), markdown or html (a page: a handout with --echo).")
    var format: String = "table"

    @Option(help: ArgumentHelp("Write the results to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("A parameter for $NAME or ${NAME} in statements (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Option(name: .customLong("init"), help: ArgumentHelp("Run this file first instead of the init file.", valueName: "file"))
    var initFile: String?

    @Flag(name: .customLong("no-init"), help: "Do not run the init file.")
    var noInit = false

    @Flag(help: "Leave out load reports, confirmations and, in csv, json and jsonl, the notes on standard error.")
    var quiet = false

    @Flag(help: "Print each statement before its result and keep the script's # comments as narrative (for handouts; with --format markdown or html).")
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
            throw ValidationError("--format takes table, line, csv, json, jsonl, markdown or html, not '\(format)'")
        }
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "="), equals != parameter.startIndex,
                  parameter[..<equals].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw ValidationError("--set takes NAME=VALUE (a name of letters, digits and _), not '\(parameter)'")
            }
        }
        if initFile != nil && noInit { throw ValidationError("--init and --no-init cannot be used together") }
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
        Connectors.install(into: session)
        session.settings.format = OutputFormat(rawValue: format)!
        session.settings.language = UserEnvironment.language()
        for parameter in parameters {
            let equals = parameter.firstIndex(of: "=")!
            session.parameters[String(parameter[..<equals])] = String(parameter[parameter.index(after: equals)...])
        }
        do {
            try BuiltinData.load(into: session)
        } catch let error as LoadError {
            writeError(error.description + "\n")
            throw ExitCode(ExitStatus.statementFailed)
        }
        let runner = StatementRunner(session: session)
        runner.echo = echo
        runner.narrative = echo
        runner.keepGoing = keepGoing
        runner.quiet = quiet
        let language = session.settings.language
        func cannotRead(_ path: String, _ reason: Message) -> ExitCode {
            let line = Catalogue.cannotReadFile(path, reason)
            writeError(line.text(language) + "\n")
            return ExitCode(ExitStatus.unreadableInput)
        }
        // Every file named on the command line is checked before anything runs, so a scheduler's log
        // shows a missing file as status 3, not as a half-run report.
        for path in files + scripts + [initFile].compactMap({ $0 }) {
            if let reason = UserEnvironment.unreadableReason(path) { throw cannotRead(path, reason) }
        }
        if let output {
            do {
                runner.results = try DescriptorWriter(creating: output)
            } catch let failure as DescriptorWriter.Failure {
                let line = Catalogue.cannotWriteFile(output, failure.reason)
                writeError(line.text(language) + "\n")
                throw ExitCode(ExitStatus.unreadableInput)
            }
        }
        // Tables are fitted to the terminal, and long results paged, only when the results go to one.
        runner.terminalOutput = output == nil && isatty(1) != 0
        // An HTML handout is one page: its head before the first statement, its end after the last, also when
        // a statement stops the run.
        if session.settings.format == .html { runner.beginDocument(title: HTMLHandout.title(for: scripts, language: language)) }
        defer { if session.settings.format == .html { runner.endDocument() } }
        let stop = ExitCode(ExitStatus.statementFailed)
        let initPath = initFile ?? (noInit ? nil : UserEnvironment.initFilePath())
        if let initPath, initFile != nil || FileManager.default.fileExists(atPath: initPath) {
            // The init file sets things up; its confirmations (`language = vi`) would only be noise.
            let wasQuiet = runner.quiet
            runner.quiet = true
            defer { runner.quiet = wasQuiet }
            do {
                guard try runner.runScriptFile(initPath) else { throw stop }
            } catch let failure as ScriptText.Failure {
                runner.reportUnreadable(failure)
                throw ExitCode(ExitStatus.unreadableInput)
            }
        }
        for path in files {
            let started = DispatchTime.now()
            guard runner.run("load \(path)") else { throw stop }
            if stats, let dataset = try? session.current() {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                let bytes = dataset.table.byteCount, rows = max(dataset.table.rowCount, 1)
                runner.report(["stats: load \(String(format: "%.3f", seconds)) s; columns hold \(bytes) bytes (\(String(format: "%.2f", Double(bytes) / Double(rows))) bytes/row); resident memory after load \(ProcessMemory.residentBytes() / 1_048_576) MiB"])
            }
        }
        var ranSomething = !files.isEmpty
        for statement in statements {
            ranSomething = true
            if !runner.runScript(statement, file: nil) && !keepGoing { throw stop }
        }
        for script in scripts {
            ranSomething = true
            do {
                if try !runner.runScriptFile(script) && !keepGoing { throw stop }
            } catch let failure as ScriptText.Failure {
                runner.reportUnreadable(failure)
                throw ExitCode(ExitStatus.unreadableInput)
            }
        }
        if !ranSomething {
            if isatty(0) == 0 {
                do {
                    _ = try runner.runStandardInput()
                } catch let failure as ScriptText.Failure {
                    runner.reportUnreadable(failure)
                    throw ExitCode(ExitStatus.unreadableInput)
                }
            } else {
                // At the prompt a typo is corrected on the next line; leaving it is a success.
                InteractiveShell(runner: runner).run()
                return
            }
        }
        if runner.failed { throw stop }
    }
}

/// Writes `text` to standard error, quietly giving up when it cannot be written.
func writeError(_ text: String) {
    try? DescriptorWriter(descriptor: 2).write(text)
}

// swift-argument-parser reports usage errors with EX_USAGE (64); solieu documents 2, as most tools do.
do {
    var command = try SolieuCommand.parseAsRoot()
    try command.run()
} catch {
    let code = SolieuCommand.exitCode(for: error)
    if code == .validationFailure {
        writeError(SolieuCommand.fullMessage(for: error) + "\n")
        exit(ExitStatus.usage)
    }
    SolieuCommand.exit(withError: error)
}
