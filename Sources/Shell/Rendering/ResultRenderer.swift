import Engine
import Language

/// Writes a result in one format. One type per format, all behind this protocol.
protocol ResultRenderer {
    /// The result as text for standard output (ending in a newline).
    /// - Throws: `Interrupted` when Ctrl-C is pressed while it is made (checked at every row).
    func render(_ result: ResultTable, settings: Settings) throws -> String
    /// Text a statement was asked for (help, explain) in this format, ending in a newline.
    func render(text lines: [String]) -> String
    /// Whether notes go into the output itself (table, markdown) or to standard error (csv, json keep
    /// standard output machine-readable).
    var notesInline: Bool { get }
}

enum Renderers {
    /// The renderer of `format`. `width` is the terminal's width in columns, to which a text table is
    /// fitted; nil when the output is not a terminal (files, pipes, exports), where nothing is cut.
    static func renderer(for format: OutputFormat, width: Int? = nil) -> ResultRenderer {
        switch format {
        case .table: TextTableRenderer(width: width)
        case .line: RecordRenderer()
        case .csv: CSVRenderer()
        case .json: JSONRenderer()
        case .jsonl: JSONLinesRenderer()
        case .markdown: MarkdownRenderer()
        case .html: HTMLRenderer()
        }
    }

    /// The format a file extension names (for `export`).
    static func format(forPath path: String) -> OutputFormat? {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) {
        case "csv": .csv
        case "json": .json
        case "jsonl", "ndjson": .jsonl
        case "md", "markdown": .markdown
        case "txt": .table
        default: nil
        }
    }
}

extension ResultRenderer {
    func render(text lines: [String]) -> String { lines.map { $0 + "\n" }.joined() }
}

/// `note: `, or `lưu ý: ` in Vietnamese, before each note under a table or on standard error.
func notePrefix(_ language: Language) -> String { Catalogue.note.text(language) + ": " }

/// RFC 4180 CSV, numbers at full precision, a header row of column names.
struct CSVRenderer: ResultRenderer {
    var notesInline: Bool { false }

    func render(_ result: ResultTable, settings: Settings) throws -> String {
        let table = result.table
        guard !table.columns.isEmpty else { return "" }
        // With one column an empty cell is written "", so that no row is a blank line (blank lines separate results).
        let single = table.columns.count == 1
        var out = table.columns.map { CSVRenderer.field(result.header(of: $0), quoteEmpty: single) }.joined(separator: ",") + "\n"
        for row in 0..<table.rowCount {
            try Interruption.checkpoint()
            out += table.columns.map { CSVRenderer.field(CSVRenderer.cell($0.value(at: row)), quoteEmpty: single) }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// Text as a one-column table headed `text`, a row per line.
    func render(text lines: [String]) -> String {
        "text\n" + lines.map { CSVRenderer.field($0, quoteEmpty: true) + "\n" }.joined()
    }

    /// A cell as CSV text that a reader gives back with its type: missing is empty, a decimal always has a
    /// point (`5.0`, never `5`, which would read as an integer), and a decimal with exactly three digits after
    /// the point gets a fourth (`1.2340`), since `1.234` reads as 1234 where a dot groups thousands.
    static func cell(_ value: Value) -> String {
        guard case .decimal(let d) = value else { return plainCell(value) }
        let text = NumberText.machineDecimal(d)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 2, parts[1].count == 3, parts[1].allSatisfy(\.isNumber), parts[0].filter(\.isNumber).count <= 3 {
            return text + "0"
        }
        return text
    }

    /// `text` as one CSV field: quoted when it holds a comma, quote, LF or CR, its quotes doubled.
    ///
    /// Tested byte by byte, not by `Character`: a grapheme such as `\r\n`, or `,` followed by a combining
    /// mark, is one Character equal to none of these, yet its bytes end a field or a record for any reader.
    /// Leading and trailing spaces are quoted too, so a reader that trims unquoted fields keeps them.
    static func field(_ text: String, quoteEmpty: Bool = false) -> String {
        if text.isEmpty { return quoteEmpty ? "\"\"" : "" }
        let utf8 = text.utf8
        let needsQuotes = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || utf8.first == 0x20 || utf8.last == 0x20
        guard needsQuotes else { return text }
        var out = "\""
        out.reserveCapacity(utf8.count + 2)
        // Doubling quotes by scalar: replacingOccurrences compares Characters and would miss `"` + a combining mark.
        for scalar in text.unicodeScalars {
            if scalar == "\"" { out.unicodeScalars.append(scalar) }
            out.unicodeScalars.append(scalar)
        }
        out += "\""
        return out
    }
}

/// A JSON object: `columns` (names in order), `rows` (one object per row), `notes`.
struct JSONRenderer: ResultRenderer {
    var notesInline: Bool { false }

    func render(_ result: ResultTable, settings: Settings) throws -> String {
        let table = result.table
        let names = table.columns.map { result.header(of: $0) }
        var out = "{\"columns\":[" + names.map(JSONRenderer.string).joined(separator: ",") + "],\"rows\":["
        for row in 0..<table.rowCount {
            try Interruption.checkpoint()
            let fields = table.columns.indices.map { c in JSONRenderer.string(names[c]) + ":" + JSONRenderer.value(table.columns[c].value(at: row)) }
            out += (row > 0 ? "," : "") + "\n{" + fields.joined(separator: ",") + "}"
        }
        out += "],\"notes\":[" + result.notes.map { JSONRenderer.string($0.text(settings.language)) }.joined(separator: ",") + "]}\n"
        return out
    }

    /// Text as `{"text":[lines…]}`.
    func render(text lines: [String]) -> String {
        "{\"text\":[" + lines.map(JSONRenderer.string).joined(separator: ",") + "]}\n"
    }

    static func value(_ v: Value) -> String {
        switch v {
        case .missing: "null"
        case .integer(let i): String(i)
        case .decimal(let d): d.isFinite ? NumberText.machineDecimal(d) : "null"
        case .boolean(let b): b ? "true" : "false"
        case .text(let t): string(t)
        }
    }

    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}


/// A Markdown pipe table with the same formatting as the text table, notes as lines under it.
struct MarkdownRenderer: ResultRenderer {
    var notesInline: Bool { true }

    func render(_ result: ResultTable, settings: Settings) throws -> String {
        let table = result.table
        guard !table.columns.isEmpty else {
            let empty = Catalogue.noRows.text(settings.language) + "\n"
            return empty + result.notes.map { MarkdownRenderer.notePrefix(settings.language) + TerminalText.escaped($0.text(settings.language)) + "\n" }.joined()
        }
        let headers = table.columns.map { MarkdownRenderer.escape(result.header(of: $0, in: settings.language)) }
        var out = "| " + headers.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { $0.type.isNumeric ? "---:|" : "---|" }.joined() + "\n"
        for row in 0..<table.rowCount {
            try Interruption.checkpoint()
            let cells = table.columns.map { column in
                MarkdownRenderer.escape(NumberText.cell(column.value(at: row), role: result.role(of: column), decimals: settings.decimals, language: settings.language))
            }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        if !result.notes.isEmpty { out += result.notes.map { "\n" + MarkdownRenderer.notePrefix(settings.language) + TerminalText.escaped($0.text(settings.language)) + "\n" }.joined() }
        return out
    }

    /// `Note: ` (`Lưu ý: `): capitalised, since in Markdown a note starts a paragraph of its own.
    static func notePrefix(_ language: Language) -> String {
        let word = Catalogue.note.text(language)
        return word.prefix(1).uppercased() + word.dropFirst() + ": "
    }

    /// A cell's text that keeps the table one row per line: `\` and `|` escaped with a backslash (as GitHub
    /// Markdown reads them), each line end (LF, CR or CRLF) written as `<br>`, and any other control
    /// character shown as `TerminalText` shows it (`\x1b`, `⇥`), so none reaches a terminal raw.
    static func escape(_ s: String) -> String {
        var out = ""
        var previousWasReturn = false
        // By scalar: `\r\n` is one Character, and a mark after `|` would hide it from a Character test.
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "|": out += "\\|"
            case "\r": out += "<br>"
            case "\n": if !previousWasReturn { out += "<br>" }
            default:
                if TerminalText.needsEscape(scalar) { out += TerminalText.escaped(String(scalar)) } else { out.unicodeScalars.append(scalar) }
            }
            previousWasReturn = scalar == "\r"
        }
        return out
    }

    func render(text lines: [String]) -> String { lines.map { TerminalText.escaped($0) + "\n" }.joined() }
}

/// A cell for machine formats: full precision, ASCII minus, empty for missing.
func plainCell(_ value: Value) -> String {
    switch value {
    case .missing: ""
    case .decimal(let d): NumberText.formatPlain(d)
    default: value.description
    }
}
