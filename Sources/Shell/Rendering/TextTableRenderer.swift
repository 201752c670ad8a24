import Engine
import Language

/// An aligned text table: text left, numbers right, columns three spaces apart, notes underneath.
/// Control characters in cells, headers and notes are shown escaped (`TerminalText`). At a terminal
/// (`width` given) the table is fitted to it (`TableFit`): long cells are cut with `…`, and columns that
/// still do not fit are left out with a note naming them.
struct TextTableRenderer: ResultRenderer {
    /// The terminal's width in columns; nil (a file, a pipe, an export): every cell in full.
    var width: Int? = nil
    var notesInline: Bool { true }
    /// Spaces between two columns.
    static let gap = 3

    func render(_ result: ResultTable, settings: Settings) throws -> String {
        let table = result.table
        let language = settings.language
        let shown = min(table.rowCount, settings.maxRows)
        var headers = table.columns.map { TerminalText.escaped(result.header(of: $0, in: settings.language)) }
        var cells: [[String]] = []
        cells.reserveCapacity(table.columns.count)
        for column in table.columns {
            let role = result.role(of: column)
            var texts: [String] = []
            texts.reserveCapacity(shown)
            for row in 0..<shown {
                try Interruption.checkpoint()
                texts.append(TerminalText.escaped(NumberText.cell(column.value(at: row), role: role, decimals: settings.decimals, language: settings.language)))
            }
            cells.append(texts)
        }
        var rightAligned = table.columns.map { $0.type.isNumeric }
        var widths = headers.indices.map { c in max(DisplayWidth.of(headers[c]), cells[c].map(DisplayWidth.of).max() ?? 0) }
        var fittingNotes: [String] = []
        if let width, !widths.isEmpty {
            let fit = TableFit(natural: widths, available: width, gap: TextTableRenderer.gap)
            if fit.widths.count < widths.count {
                let left = headers[fit.widths.count...]
                fittingNotes.append(Catalogue.droppedColumns(Array(left), width: width).text(language))
                headers.removeLast(left.count)
                cells.removeLast(left.count)
                rightAligned.removeLast(left.count)
            }
            widths = fit.widths
            for c in widths.indices {
                headers[c] = DisplayWidth.truncated(headers[c], to: widths[c])
                for row in cells[c].indices where DisplayWidth.of(cells[c][row]) > widths[c] {
                    cells[c][row] = DisplayWidth.truncated(cells[c][row], to: widths[c])
                }
            }
        }
        func line(_ values: [String]) -> String {
            let padded = values.indices.map { c -> String in
                let isLast = c == values.count - 1
                if rightAligned[c] { return DisplayWidth.padLeft(values[c], to: widths[c]) }
                return isLast ? values[c] : DisplayWidth.padRight(values[c], to: widths[c])
            }
            return String(padded.joined(separator: "   ").reversed().drop(while: { $0 == " " }).reversed())
        }
        // An empty answer found before its columns were known (a filter kept no row) has no header.
        var out = table.columns.isEmpty ? "" : line(headers) + "\n"
        for row in 0..<shown {
            try Interruption.checkpoint()
            out += line(cells.map { $0[row] }) + "\n"
        }
        cells.removeAll()
        if table.rowCount == 0 { out += Catalogue.noRows.text(language) + "\n" }
        if shown < table.rowCount {
            out += notePrefix(language) + Catalogue.hiddenRows(table.rowCount - shown, total: table.rowCount).text(language) + "\n"
        }
        for note in fittingNotes { out += notePrefix(language) + note + "\n" }
        for note in result.notes { out += notePrefix(language) + TerminalText.escaped(note.text(language)) + "\n" }
        return out
    }

    /// Help, explain and the list of options, with control characters shown.
    func render(text lines: [String]) -> String { lines.map { TerminalText.escaped($0) + "\n" }.joined() }
}
