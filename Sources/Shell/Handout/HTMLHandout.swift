import Language

/// The page of `--format html`: a handout of a teaching script, self-contained (the style sheet inline,
/// no script, nothing fetched from a network), laid out for A4 paper. It is also well-formed XML (void
/// elements closed with `/>`), so an XML parser checks it as strictly as a browser reads it. The narrative is the script's `#`
/// comments (with `--echo`), then each statement, its table or chart, its notes and any error, in order.
public enum HTMLHandout {
    /// Printable on A4: 18 mm margins, tables and charts never split across pages, statements in a box. The
    /// chart colours (SVGChart.palette) appear nowhere else, so a screenshot shows where the chart is.
    static let style = """
    @page { size: A4; margin: 18mm; }
    body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #111; max-width: 174mm; margin: 0 auto; }
    h1 { font-size: 17pt; margin: 0 0 0.6em; }
    p.narrative { margin: 0.9em 0 0.4em; }
    pre { font-family: "DejaVu Sans Mono", monospace; font-size: 9.5pt; white-space: pre-wrap; }
    pre.statement { background: #f2f4f7; border-left: 3px solid #5b6b7d; padding: 0.35em 0.6em; margin: 0.8em 0 0.4em; }
    pre.error { color: #a40000; border-left: 3px solid #a40000; padding: 0.3em 0.6em; }
    table { border-collapse: collapse; margin: 0.3em 0 0.5em; font-size: 10pt; break-inside: avoid; }
    th, td { border-bottom: 1px solid #ccc; padding: 0.15em 0.7em; text-align: left; }
    th { border-bottom: 2px solid #333; }
    .number { text-align: right; font-variant-numeric: tabular-nums; }
    ul.notes { margin: 0.2em 0 0.8em; padding-left: 1.2em; font-size: 9.5pt; color: #333; }
    p.report, p.empty { font-size: 9.5pt; color: #333; }
    figure.chart { margin: 0.5em 0 1em; break-inside: avoid; }
    figure.chart svg { max-width: 100%; height: auto; }
    """

    static func header(title: String, language: Language) -> String {
        "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>\(HTMLText.escaped(title))</title>\n"
            + "<style>\n\(style)\n</style>\n</head>\n<body>\n<h1>\(HTMLText.escaped(title))</h1>\n"
    }

    static let footer = "</body>\n</html>\n"

    /// The page's title: the script's file name, or the program's.
    public static func title(for scripts: [String], language: Language) -> String {
        let names = scripts.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        return names.isEmpty ? Catalogue.handoutTitle.text(language) : names.joined(separator: ", ")
    }

    static func narrative(_ paragraph: [String]) -> String {
        "<p class=\"narrative\">" + paragraph.map(HTMLText.escaped).joined(separator: "\n") + "</p>\n"
    }

    static func statement(_ prompt: String) -> String {
        "<pre class=\"statement\"><code>" + HTMLText.escaped(prompt) + "</code></pre>\n"
    }

    static func notes(_ notes: [String], language: Language) -> String {
        guard !notes.isEmpty else { return "" }
        return "<ul class=\"notes\">\n" + notes.map { "<li>" + HTMLText.escaped(notePrefix(language) + $0) + "</li>\n" }.joined() + "</ul>\n"
    }

    static func report(_ lines: [String]) -> String {
        "<p class=\"report\">" + lines.map(HTMLText.escaped).joined(separator: "<br/>\n") + "</p>\n"
    }

    static func error(_ text: String) -> String {
        // Line by line: the caret line must stay under the statement it points into.
        "<pre class=\"error\">" + text.split(separator: "\n").map { HTMLText.escaped(String($0)) }.joined(separator: "\n") + "</pre>\n"
    }

    /// An SVG chart, put in the page as it is (inline SVG needs no file beside the page).
    static func figure(_ svg: String) -> String {
        "<figure class=\"chart\">\n" + svg + "</figure>\n"
    }
}
