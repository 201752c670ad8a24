import Engine
import Language

/// A result as an HTML table with its notes under it, numbers formatted as the text table formats them
/// and aligned right; the page around it is `HTMLHandout`'s.
struct HTMLRenderer: ResultRenderer {
    var notesInline: Bool { true }

    func render(_ result: ResultTable, settings: Settings) throws -> String {
        let table = result.table
        var out = ""
        if table.columns.isEmpty || table.rowCount == 0 {
            out += "<p class=\"empty\">" + HTMLText.escaped(Catalogue.noRows.text(settings.language)) + "</p>\n"
        }
        if !table.columns.isEmpty {
            out += "<table>\n<thead><tr>"
            for column in table.columns {
                out += "<th\(column.type.isNumeric ? " class=\"number\"" : "")>" + HTMLText.escaped(result.header(of: column)) + "</th>"
            }
            out += "</tr></thead>\n<tbody>\n"
            for row in 0..<table.rowCount {
                try Interruption.checkpoint()
                out += "<tr>"
                for column in table.columns {
                    let text = NumberText.cell(column.value(at: row), role: result.role(of: column), decimals: settings.decimals, language: settings.language)
                    out += "<td\(column.type.isNumeric ? " class=\"number\"" : "")>" + HTMLText.escaped(text) + "</td>"
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        return out + HTMLHandout.notes(result.notes.map { $0.text(settings.language) }, language: settings.language)
    }

    func render(text lines: [String]) -> String {
        "<pre class=\"text\">" + lines.map(HTMLText.escaped).joined(separator: "\n") + "</pre>\n"
    }
}
