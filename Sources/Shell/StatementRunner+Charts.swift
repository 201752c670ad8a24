import Foundation
import Language

extension StatementRunner {
    /// A chart asked for at the prompt or in a script: block characters in text formats (on standard error
    /// in csv, json and jsonl, which keep standard output for data), the SVG picture in an HTML handout.
    func writeChart(_ chart: Chart) {
        let settings = session.settings
        if settings.format == .html {
            return output(HTMLHandout.figure(SVGChart.render(chart, language: settings.language, decimals: settings.decimals)))
        }
        let text = TerminalChart.lines(chart, language: settings.language, decimals: settings.decimals)
            .map { TerminalText.escaped($0) + "\n" }.joined()
        if settings.format.isMachineReadable { errors(text) }
        // In Markdown the bars keep their alignment only in a fence.
        else if settings.format == .markdown { output("```text\n" + text + "```\n") }
        else { output(text) }
    }

    /// Writes `chart` as an SVG file (whole, to a temporary name renamed over the path, as exports are).
    /// - Returns: the format's description. - Throws: `LanguageError` at `span` when it cannot be written.
    static func writeChart(_ chart: Chart, to path: String, span: SourceSpan, settings: Settings) throws -> String {
        let svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + SVGChart.render(chart, language: settings.language, decimals: settings.decimals)
        do {
            try svg.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw LanguageError(Catalogue.cannotWrite(path, error),
                                at: span, example: "chart to chart.svg")
        }
        return "svg"
    }
}
