import Dispatch
import Engine
import Foundation
import Formats
import Language

/// Runs statements from a script, a `-c` argument, standard input or the prompt, writing results to
/// standard output and errors to standard error, each error with its place and a caret.
public final class StatementRunner {
    public let session: Session
    public var echo = false
    /// With `echo`, the script's `#` comment lines are kept as the narrative of a handout (`--echo` sets
    /// it; the golden transcripts, which are about results, leave it off).
    public var narrative = false
    public var keepGoing = false
    /// Errors in red: only at a terminal, and never with NO_COLOR set (batch output stays plain).
    public var colour = false
    /// Leaves out reports, confirmations and, in csv/json/jsonl, the notes sent to standard error.
    public var quiet = false
    /// Whether results go to a terminal: tables are then fitted to its width and long results paged
    /// (`set pager`). Off unless the program's standard output is a terminal (and not `--output`).
    public var terminalOutput = false
    /// Whether any statement failed (the exit status is 1 then).
    public private(set) var failed = false
    /// Where results go: standard output, or the file of `--output`.
    public var results = DescriptorWriter(descriptor: 1)
    var output: (String) -> Void = { _ in }
    var errors: (String) -> Void = { _ in }
    private var scriptDepth = 0
    /// The lessons, made when `lesson` is first typed (a run without lessons never reads their progress);
    /// while one is under way, every statement typed is judged by it.
    public var lessonCoach: LessonCoach?
    /// Results written so far: csv separates one result from the next with an empty line.
    private var resultCount = 0

    public init(session: Session) {
        self.session = session
        output = { [unowned self] text in
            do { try self.results.write(text) } catch { self.endAfterWriteFailure(error as? DescriptorWriter.Failure ?? .init(code: EIO)) }
        }
        errors = { text in
            // Standard error itself cannot be written: there is nowhere left to say so.
            do { try DescriptorWriter(descriptor: 2).write(text) } catch { exit(1) }
        }
        session.scriptRunner = { [unowned self] path, span in try self.runNestedScript(path, span) }
        // The prompt replaces this with the history it keeps; a script's `history` reads the same file.
        session.historyReader = { HistoryFile(path: HistoryFile.defaultPath()).load() }
        session.lessonHost = { [unowned self] argument, span in
            if self.lessonCoach == nil { self.lessonCoach = try LessonCoach(session: self.session) }
            return try self.lessonCoach!.command(argument, at: span)
        }
        session.chartWriter = { chart, path, span in
            try StatementRunner.writeChart(chart, to: session.path(path), span: span, settings: session.settings)
        }
        session.exporter = { result, path, span in
            // `export chart.svg`: the result drawn as `chart` would draw it.
            if path.lowercased().hasSuffix(".svg") {
                return try StatementRunner.writeChart(try session.chart(of: result, at: span), to: session.path(path), span: span, settings: session.settings)
            }
            return try StatementRunner.export(result, to: session.path(path), span: span, settings: session.settings)
        }
    }

    /// Results cannot be written (a full disk, a closed pipe or descriptor): one line on standard error and
    /// exit status 1, rather than running on with nowhere to put the answers.
    private func endAfterWriteFailure(_ failure: DescriptorWriter.Failure) -> Never {
        let message = Catalogue.cannotWriteResults(failure.reason)
        try? DescriptorWriter(descriptor: 2).write(message.text(session.settings.language) + "\n")
        exit(1)
    }

    /// Writes report lines (what a statement did): with the results in table and markdown formats, on
    /// standard error in csv, json and jsonl; not at all with `quiet`.
    public func report(_ lines: [String]) {
        guard !quiet, !lines.isEmpty else { return }
        // Reports are read by people (on standard error too): control characters in names are shown.
        if session.settings.format == .html { return output(HTMLHandout.report(lines)) }
        let text = lines.map { TerminalText.escaped($0) + "\n" }.joined()
        if session.settings.format.isMachineReadable { errors(text) } else { output(text) }
    }

    /// A statement failed and the run stops (unless `keepGoing`).
    struct Stop: Error {}

    /// Runs a whole text (a script): statements split by lines and `;`, `#` comments, `\` continuations.
    /// `directory` is the script's folder, against which its relative paths are taken (nil: the current one).
    /// - Returns: false when a statement failed.
    @discardableResult
    public func runScript(_ text: String, file: String?, directory: String? = nil) -> Bool {
        let outer = session.baseDirectory
        session.baseDirectory = directory
        defer { session.baseDirectory = outer }
        do {
            try runStatements(text, file: file)
            return true
        } catch {
            return false
        }
    }

    /// Runs the script file at `path`, its relative paths taken from its own folder.
    /// - Returns: false when a statement failed. - Throws: `ScriptText.Failure` when it cannot be read.
    public func runScriptFile(_ path: String) throws -> Bool {
        let text = try ScriptText.read(path)
        return runScript(text, file: path, directory: StatementRunner.scriptFolder(of: path))
    }

    /// Runs statements read from standard input. - Throws: `ScriptText.Failure` when they are not UTF-8.
    public func runStandardInput() throws -> Bool {
        let bytes = FileHandle.standardInput.readDataToEndOfFile()
        return runScript(try ScriptText.decode(Array(bytes), name: "<stdin>"), file: "<stdin>")
    }

    /// Writes a script's error to standard error.
    public func reportUnreadable(_ failure: ScriptText.Failure) {
        errors(failure.message.text(session.settings.language) + "\n")
    }

    /// The folder relative paths in the script at `path` are taken from: its own, or nil (the current
    /// directory) for a device or pipe (`/dev/stdin`, `<(…)`), whose folder means nothing to its author.
    static func scriptFolder(of path: String) -> String? {
        var info = stat()
        guard !path.hasPrefix("/dev/"), !path.hasPrefix("/proc/"),
              stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    func runStatements(_ text: String, file: String?) throws {
        let lines = ScriptSplitter.lines(of: text)
        var told = 0
        for piece in ScriptSplitter.statements(text) {
            if echo && narrative {
                tellNarrative(ScriptSplitter.commentParagraphs(lines, from: told, before: piece.line))
                told = piece.line
            }
            // An error in the second statement of a line shows the whole line, unless it was continued.
            let line = piece.line <= lines.count && !lines[piece.line - 1].hasSuffix("\\") ? lines[piece.line - 1] : nil
            if !run(piece.text, line: piece.line, column: piece.column, file: file, sourceLine: line) && !keepGoing { throw Stop() }
        }
        if echo && narrative { tellNarrative(ScriptSplitter.commentParagraphs(lines, from: told, before: lines.count + 1)) }
    }

    /// Runs one statement. - Returns: false on error (already reported).
    @discardableResult
    public func run(_ typed: String, line: Int = 1, column: Int = 1, file: String? = nil, sourceLine: String? = nil) -> Bool {
        let language = session.settings.language
        if echo { echoStatement("\(session.currentName ?? "solieu")> \(typed)") }
        let started = DispatchTime.now()
        var text = typed
        do {
            text = try Parameters.substitute(typed, session.parameters, line: line)
            let result = try session.run(text, line: line)
            try write(result)
            lessonFeedback(text, result)
            if session.settings.timer {
                let ms = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
                errors(Catalogue.statementTime(milliseconds: ms).text(language) + "\n")
            }
            if echo { endOfEcho() }
            return true
        } catch var error as LanguageError {
            failed = true
            if column > 1, var span = error.span {
                span.column += column - 1
                span.endColumn += column - 1
                error.span = span
            }
            var shownLine = text
            if column > 1 {
                shownLine = text == typed ? sourceLine ?? "" : ""
                if shownLine.isEmpty { shownLine = String(repeating: " ", count: column - 1) + text }
            }
            showError(ErrorDisplay.render(error, line: shownLine, file: file, language: language))
            lessonFeedback(text, nil)
            if echo { endOfEcho() }
        } catch let error as LoadError {
            failed = true
            showError(ErrorDisplay.render(error, at: file.map { "\($0):\(line)" }, language: language))
            lessonFeedback(text, nil)
            if echo { endOfEcho() }
        } catch is Stop {
            failed = true
            if !keepGoing { return false }
        } catch is Interrupted {
            // Ctrl-C at the prompt: nothing was shown or written, and the prompt says "interrupted".
            return false
        } catch {
            failed = true
            errors("error: \(error)\n")
        }
        return false
    }

    /// What the lesson under way says of a statement the learner ran (not of one inside a script it runs).
    private func lessonFeedback(_ statement: String, _ result: Output?) {
        guard scriptDepth == 0, let lines = lessonCoach?.heard(statement, result) else { return }
        say(lines)
    }

    /// The statement and the blank line after its result, for `--echo`: on standard error in csv, json and
    /// jsonl, which keep standard output for results.
    func echoed(_ text: String) {
        if session.settings.format.isMachineReadable { errors(text) } else { output(text) }
    }

    /// - Throws: `Interrupted` when Ctrl-C stops the rendering (nothing is written then).
    func write(_ output: Output) throws {
        let format = session.settings.format
        let width = terminalOutput ? TerminalSize.current()?.columns : nil
        let renderer = Renderers.renderer(for: format, width: width)
        switch output {
        case .table(let result):
            writeResult(try renderer.render(result, settings: session.settings), format)
            if !renderer.notesInline && !quiet {
                // An empty answer is said on standard error too, so a log shows why a file has no rows.
                if result.table.rowCount == 0 && format != .json {
                    errors(notePrefix + Catalogue.noRows.text(session.settings.language) + "\n")
                }
                for note in result.notes { errors(notePrefix + TerminalText.escaped(note.text(session.settings.language)) + "\n") }
            }
        case .text(let lines):
            writeResult(renderer.render(text: lines), format)
        case .report(let lines):
            report(lines)
        case .chart(let chart):
            writeChart(chart)
        case .nothing:
            break
        }
    }

    private var notePrefix: String { Shell.notePrefix(session.settings.language) }

    /// In csv an empty line separates a result from the one before it (json documents and json lines need
    /// nothing); an empty answer without columns is no text at all in csv, and needs no separator.
    private func writeResult(_ text: String, _ format: OutputFormat) {
        guard !text.isEmpty else { return }
        if format == .csv && resultCount > 0 { output("\n") }
        resultCount += 1
        if terminalOutput && !format.isMachineReadable, let command = Pager.command(), let size = TerminalSize.current(),
           Pager.wanted(lines: text.utf8.lazy.filter { $0 == 0x0A }.count, mode: session.settings.pager, rows: size.rows) {
            if Pager.show(text, command: command) {
                // Ctrl-C inside the pager belongs to it (less stops a search with it); the result was shown.
                Interruption.clear()
                return
            }
            errors(notePrefix + Catalogue.pagerFailed(command).text(session.settings.language) + "\n")
        }
        output(text)
    }

    private func runNestedScript(_ path: String, _ span: SourceSpan?) throws {
        guard scriptDepth < 16 else {
            throw LanguageError(Catalogue.scriptsTooDeep, at: span)
        }
        let resolved = session.path(path)
        let text: String
        do {
            text = try ScriptText.read(resolved)
        } catch let failure as ScriptText.Failure {
            throw LanguageError(Catalogue.cannotRunScript(failure.place, failure.reason),
                                at: span, example: "run quarterly.solieu")
        }
        scriptDepth += 1
        let outer = session.baseDirectory
        session.baseDirectory = StatementRunner.scriptFolder(of: resolved)
        defer {
            scriptDepth -= 1
            session.baseDirectory = outer
        }
        try runStatements(text, file: resolved)
    }

    static func export(_ result: ResultTable, to path: String, span: SourceSpan, settings: Settings) throws -> String {
        let target = ExcelCSVExport.target(path)
        if target.forExcel {
            guard target.path.lowercased().hasSuffix(".csv") else {
                throw LanguageError(Catalogue.excelWordForCSV,
                                    at: span, example: "export q4.csv excel")
            }
            try ExcelCSVExport.write(result, to: target.path, span: span)
            return Catalogue.csvForExcel.text(settings.language)
        }
        if path.lowercased().hasSuffix(".xlsx") {
            try WorkbookExport.write(result, to: path, span: span, settings: settings)
            return "xlsx"
        }
        guard let format = Renderers.format(forPath: path) else {
            throw LanguageError(Catalogue.exportFormats, at: span,
                                example: "export result.csv")
        }
        // Notes are not data: CSV and JSON files keep them out of the rows (JSON has a notes field).
        // Rendered whole before anything is written (and then written to a temporary name and renamed), so
        // Ctrl-C while it is made leaves no file, and a full disk no partial one.
        let text = try Renderers.renderer(for: format).render(result, settings: settings)
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw LanguageError(Catalogue.cannotWrite(path, error), at: span)
        }
        return format.rawValue
    }
}
