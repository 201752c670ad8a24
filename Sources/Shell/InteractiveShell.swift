import Engine
import Foundation
import Formats
import Language

/// The prompt: reads statements (with libedit on a terminal, plain lines otherwise), runs them, shows the
/// results, until Ctrl-D on an empty line or `quit`.
public struct InteractiveShell {
    let runner: StatementRunner
    let history: HistoryFile

    public init(runner: StatementRunner, history: HistoryFile = HistoryFile(path: HistoryFile.defaultPath())) {
        self.runner = runner
        self.history = history
    }

    /// Whether the line editor can be used: standard input is a terminal that is not `dumb`.
    public static var canEdit: Bool {
        isatty(0) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    public func run() {
        let session = runner.session
        let environment = ProcessInfo.processInfo.environment
        runner.colour = isatty(2) != 0 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        print(Banner.lines(session).joined(separator: "\n"))
        let editor = InteractiveShell.canEdit ? LineEditor(completer: Completer(session: session), entries: history.load()) : nil
        // Ctrl-C stops a running statement at its next checkpoint (`Interruption`) instead of ending the program.
        session.historyReader = { [history] in history.load() }
        var pending = ""
        var historyFailureReported = false
        while true {
            let prompt = pending.isEmpty ? "\(session.currentName ?? "solieu")> " : "...> "
            let input: LineEditor.Input
            if let editor {
                input = editor.read(prompt: prompt)
            } else {
                print(prompt, terminator: "")
                fflush(stdout)
                input = readLine().map { .line($0) } ?? .endOfInput
            }
            switch input {
            case .endOfInput:
                print("")
                return
            case .interrupted:
                // Ctrl-C clears the line (and any statement being continued) and gives a fresh prompt.
                print("")
                pending = ""
                continue
            case .line(let line):
                let (statement, complete) = InteractiveShell.join(pending, line)
                guard complete else { pending = statement; continue }
                pending = ""
                let trimmed = statement.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { continue }
                if ["quit", "exit", "thoat", "thoát"].contains(trimmed.lowercased()) { return }
                editor?.remember(trimmed)
                if !history.append(trimmed) && !historyFailureReported {
                    // Said once: the session goes on, and repeating it after every statement would bury the results.
                    historyFailureReported = true
                    runner.errors(Catalogue.historyNotSaved(history.path)
                                    .text(session.settings.language) + "\n")
                }
                Interruption.clear()
                let progress = ProgressLine.start(language: session.settings.language)
                runner.runScript(trimmed, file: nil)
                progress?.stop()
                if Interruption.isRequested {
                    Interruption.clear()
                    print(Catalogue.interrupted.text(session.settings.language))
                }
            }
        }
    }

    /// Adds `line` to a statement being continued. A line ending in `\` or leaving a quote open continues.
    static func join(_ pending: String, _ line: String) -> (text: String, complete: Bool) {
        var text = pending.isEmpty ? line : pending + " " + line.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("\\") {
            text.removeLast()
            while text.last == " " { text.removeLast() }
            return (text, false)
        }
        let quotes = text.filter { $0 == "\"" }.count
        return (text, quotes % 2 == 0)
    }
}

/// The start-up banner: at most three lines saying what is loaded and how to get help.
public enum Banner {
    public static func lines(_ session: Session) -> [String] {
        let current = try? session.current()
        let others = session.order.filter { $0 != session.currentName }
        return [Catalogue.bannerLoaded(current.map { ($0.name, $0.table.rowCount) }, others: others), Catalogue.bannerHelp]
            .map { $0.text(session.settings.language) }
    }
}
