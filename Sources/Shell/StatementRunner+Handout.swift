import Language

/// What `--echo` writes around the results, in each format: the statement (fenced in Markdown, boxed in
/// HTML), the narrative of the script's comments, and, in an HTML handout, errors and lesson feedback too.
extension StatementRunner {
    /// The statement as typed after its prompt.
    func echoStatement(_ prompt: String) {
        switch session.settings.format {
        case .html: output(HTMLHandout.statement(prompt))
        // A fence keeps the statement apart from the table under it, which would otherwise continue its paragraph.
        case .markdown: output("```\n" + TerminalText.escaped(prompt) + "\n```\n\n")
        default: echoed(prompt + "\n")
        }
    }

    /// The blank line after a statement's result (an HTML page needs none).
    func endOfEcho() {
        if session.settings.format != .html { echoed("\n") }
    }

    /// Comment paragraphs of the script as narrative: as written (`# …`) in text formats, paragraphs in
    /// Markdown and HTML.
    func tellNarrative(_ paragraphs: [[String]]) {
        for paragraph in paragraphs {
            switch session.settings.format {
            case .html: output(HTMLHandout.narrative(paragraph))
            case .markdown: output(paragraph.map(TerminalText.escaped).joined(separator: "\n") + "\n\n")
            default: echoed(paragraph.map { TerminalText.escaped($0.isEmpty ? "#" : "# " + $0) + "\n" }.joined() + "\n")
            }
        }
    }

    /// An error on standard error (in red at a terminal) and, in an HTML handout, in the page where it happened.
    func showError(_ text: String) {
        errors(ErrorDisplay.coloured(text, colour))
        if session.settings.format == .html { output(HTMLHandout.error(text)) }
    }

    /// Lines the shell says to the person at it (a lesson's feedback).
    func say(_ lines: [String]) {
        if session.settings.format == .html { return output(HTMLHandout.report(lines)) }
        echoed(lines.map { TerminalText.escaped($0) + "\n" }.joined())
    }

    /// The start of an HTML page, before the first statement (`--format html`).
    public func beginDocument(title: String) {
        output(HTMLHandout.header(title: title, language: session.settings.language))
    }

    /// The end of the HTML page, after the last statement.
    public func endDocument() {
        output(HTMLHandout.footer)
    }
}
