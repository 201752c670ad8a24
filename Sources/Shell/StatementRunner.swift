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
    public var keepGoing = false
    /// Errors in red: only at a terminal, and never with NO_COLOR set (batch output stays plain).
    public var colour = false
    /// Whether any statement failed (the exit status is 1 then).
    public private(set) var failed = false
    var output: (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }
    var errors: (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    private var scriptDepth = 0

    public init(session: Session) {
        self.session = session
        session.scriptRunner = { [unowned self] path, span in try self.runNestedScript(path, span) }
        session.exporter = { result, path, span in try StatementRunner.export(result, to: path, span: span, settings: session.settings) }
    }

    /// A statement failed and the run stops (unless `keepGoing`).
    struct Stop: Error {}

    /// Runs a whole text (a script): statements split by lines and `;`, `#` comments, `\` continuations.
    /// - Returns: false when a statement failed.
    @discardableResult
    public func runScript(_ text: String, file: String?) -> Bool {
        do {
            try runStatements(ScriptSplitter.statements(text), file: file)
            return true
        } catch {
            return false
        }
    }

    func runStatements(_ statements: [ScriptSplitter.Piece], file: String?) throws {
        for piece in statements {
            if !run(piece.text, line: piece.line, column: piece.column, file: file) && !keepGoing { throw Stop() }
        }
    }

    /// Runs one statement. - Returns: false on error (already reported).
    @discardableResult
    public func run(_ text: String, line: Int = 1, column: Int = 1, file: String? = nil) -> Bool {
        let language = session.settings.language
        if echo { output("\(session.currentName ?? "solieu")> \(text)\n") }
        let started = DispatchTime.now()
        do {
            let result = try session.run(text, line: line)
            write(result)
            if session.settings.timer {
                let ms = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
                errors(String(format: language == .vi ? "thời gian: %.2f ms\n" : "time: %.2f ms\n", ms))
            }
            if echo { output("\n") }
            return true
        } catch var error as LanguageError {
            failed = true
            if column > 1, var span = error.span {
                span.column += column - 1
                span.endColumn += column - 1
                error.span = span
            }
            let shownLine = column > 1 ? String(repeating: " ", count: column - 1) + text : text
            errors(ErrorDisplay.coloured(ErrorDisplay.render(error, line: shownLine, file: file, language: language), colour))
            if echo { output("\n") }
        } catch let error as LoadError {
            failed = true
            errors(ErrorDisplay.coloured(ErrorDisplay.render(error, at: file.map { "\($0):\(line)" }, language: language), colour))
            if echo { output("\n") }
        } catch is Stop {
            failed = true
            if !keepGoing { return false }
        } catch {
            failed = true
            errors("error: \(error)\n")
        }
        return false
    }

    func write(_ output: Output) {
        switch output {
        case .table(let result):
            let renderer = Renderers.renderer(for: session.settings.format)
            self.output(renderer.render(result, settings: session.settings))
            if !renderer.notesInline {
                for note in result.notes { errors("note: " + note.text(session.settings.language) + "\n") }
            }
        case .text(let lines):
            self.output(lines.map { $0 + "\n" }.joined())
        case .nothing:
            break
        }
    }

    private func runNestedScript(_ path: String, _ span: SourceSpan?) throws {
        guard scriptDepth < 16 else {
            throw LanguageError(Message(en: "scripts run each other more than 16 deep; is one running itself?",
                                        vi: "các kịch bản gọi nhau quá 16 tầng; có kịch bản nào tự gọi chính nó?"), at: span)
        }
        guard let text = StatementRunner.readScript(path) else {
            throw LanguageError(Message(en: "cannot read the script '\(path)': it is missing, a folder, or not UTF-8 text",
                                        vi: "không đọc được kịch bản '\(path)': tệp không có, là thư mục, hoặc không phải văn bản UTF-8"), at: span,
                                example: "run quarterly.solieu")
        }
        scriptDepth += 1
        defer { scriptDepth -= 1 }
        do {
            try runStatements(ScriptSplitter.statements(text), file: path)
        } catch is Stop {
            throw Stop()
        }
    }

    /// A script's text (any readable file or device, `/dev/stdin` included), or nil when it cannot be read
    /// or is not UTF-8.
    public static func readScript(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return String(validating: handle.readDataToEndOfFile(), as: UTF8.self)
    }

    static func export(_ result: ResultTable, to path: String, span: SourceSpan, settings: Settings) throws -> String {
        let target = ExcelCSVExport.target(path)
        if target.forExcel {
            guard target.path.lowercased().hasSuffix(".csv") else {
                throw LanguageError(Message(en: "'excel' writes a .csv file for Excel; an .xlsx workbook needs no such word", vi: "'excel' ghi tệp .csv cho Excel; sổ tính .xlsx không cần từ này"),
                                    at: span, example: "export q4.csv excel")
            }
            try ExcelCSVExport.write(result, to: target.path, span: span)
            return "CSV for Excel: UTF-8 with BOM, ; and decimal comma"
        }
        if path.lowercased().hasSuffix(".xlsx") {
            try WorkbookExport.write(result, to: path, span: span, settings: settings)
            return "xlsx"
        }
        guard let format = Renderers.format(forPath: path) else {
            throw LanguageError(Message(en: "export writes .csv, .json, .jsonl, .md or .xlsx files", vi: "export ghi tệp .csv, .json, .jsonl, .md hoặc .xlsx"), at: span,
                                example: "export result.csv")
        }
        // Notes are not data: CSV and JSON files keep them out of the rows (JSON has a notes field).
        let text = Renderers.renderer(for: format).render(result, settings: settings)
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw LanguageError(Message(en: "cannot write '\(path)': \(error.localizedDescription)", vi: "không ghi được '\(path)': \(error.localizedDescription)"), at: span)
        }
        return format.rawValue
    }
}

/// Splits a script into statements: one per line, several on a line with `;`, `#` comments dropped,
/// a line ending in `\` continued on the next. Quotes protect `;` and `#`.
enum ScriptSplitter {
    struct Piece: Equatable {
        var text: String
        var line: Int
        /// Column of the statement's first character on its line.
        var column: Int
    }

    static func statements(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
        if lines.first?.hasPrefix("#!") == true { lines[0] = "" }
        var index = 0
        while index < lines.count {
            var line = lines[index]
            let lineNumber = index + 1
            // A trailing backslash continues the statement on the next line.
            while line.hasSuffix("\\") && index + 1 < lines.count {
                line.removeLast()
                index += 1
                line += " " + lines[index].trimmingCharacters(in: .whitespaces)
            }
            index += 1
            var current = ""
            var start = 1
            var column = 1
            var inQuotes = false
            var previous: Character = " "
            for character in line {
                if character == "\"" { inQuotes.toggle() }
                if !inQuotes && character == "#" && previous.isWhitespace { break }
                if !inQuotes && character == ";" {
                    add(current, lineNumber, start, &pieces)
                    current = ""
                    start = column + 1
                } else {
                    current.append(character)
                }
                previous = character
                column += 1
            }
            add(current, lineNumber, start, &pieces)
        }
        return pieces
    }

    private static func add(_ text: String, _ line: Int, _ start: Int, _ pieces: inout [Piece]) {
        let leading = text.prefix(while: { $0 == " " || $0 == "\t" }).count
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty { pieces.append(Piece(text: trimmed, line: line, column: start + leading)) }
    }
}
