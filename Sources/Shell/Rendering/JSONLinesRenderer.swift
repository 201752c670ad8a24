import Engine
import Language

/// JSON Lines: one object per row, keys in column order, numbers exact (whole numbers as written, decimals
/// with a point), missing as `null`; notes go to standard error. `load` reads it back as the same table.
struct JSONLinesRenderer: ResultRenderer {
    var notesInline: Bool { false }

    func render(_ result: ResultTable, settings: Settings) throws -> String {
        let table = result.table
        let keys = table.columns.map { JSONRenderer.string(result.header(of: $0)) + ":" }
        var out = ""
        for row in 0..<table.rowCount {
            try Interruption.checkpoint()
            out += "{"
            for (c, column) in table.columns.enumerated() {
                if c > 0 { out += "," }
                out += keys[c] + JSONRenderer.value(column.value(at: row))
            }
            out += "}\n"
        }
        return out
    }

    /// Text as one `{"text":"…"}` object per line.
    func render(text lines: [String]) -> String {
        lines.map { "{\"text\":" + JSONRenderer.string($0) + "}\n" }.joined()
    }
}
