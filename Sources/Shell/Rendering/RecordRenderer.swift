import Engine
import Language

/// `set format line`: one record at a time, one `column: value` per line, for results too wide for a
/// table. Records are headed `-- row N --` and separated by an empty line; values are formatted as in the
/// table and never cut; control characters are shown escaped (`TerminalText`).
struct RecordRenderer: ResultRenderer {
    var notesInline: Bool { true }

    func render(_ result: ResultTable, settings: Settings) throws -> String {
        let table = result.table
        let language = settings.language
        let shown = min(table.rowCount, settings.maxRows)
        let names = table.columns.map { TerminalText.escaped(result.header(of: $0, in: settings.language)) + ":" }
        let nameWidth = names.map(DisplayWidth.of).max() ?? 0
        let labels = names.map { DisplayWidth.padRight($0, to: nameWidth) + " " }
        let roles = table.columns.map { result.role(of: $0) }
        var out = ""
        for row in 0..<shown {
            try Interruption.checkpoint()
            if row > 0 { out += "\n" }
            out += Catalogue.recordHeading(row + 1).text(language) + "\n"
            for (c, column) in table.columns.enumerated() {
                let value = TerminalText.escaped(NumberText.cell(column.value(at: row), role: roles[c], decimals: settings.decimals, language: settings.language))
                out += labels[c] + value + "\n"
            }
        }
        if table.rowCount == 0 { out += Catalogue.noRows.text(language) + "\n" }
        if shown < table.rowCount {
            out += notePrefix(language) + Catalogue.hiddenRows(table.rowCount - shown, total: table.rowCount).text(language) + "\n"
        }
        for note in result.notes { out += notePrefix(language) + TerminalText.escaped(note.text(language)) + "\n" }
        return out
    }

    func render(text lines: [String]) -> String { lines.map { TerminalText.escaped($0) + "\n" }.joined() }
}
