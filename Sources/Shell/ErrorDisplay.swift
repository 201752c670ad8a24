import Foundation
import Formats
import Language

/// Errors as the user sees them: where (FILE:LINE:COL in scripts), what, the line with a caret under the
/// offending token, the nearest correct spellings, and an example that works. Control characters in the
/// statement, the names and the values quoted are shown escaped (`TerminalText`), the caret placed under
/// the escaped text, so an error never sends a raw escape sequence to the terminal.
enum ErrorDisplay {
    /// The first line (where and what) in red and the caret in bold, for a terminal.
    static func coloured(_ text: String, _ colour: Bool) -> String {
        guard colour, let end = text.firstIndex(of: "\n") else { return text }
        return "\u{1B}[31m" + text[..<end] + "\u{1B}[0m" + text[end...]
    }

    static func render(_ error: LanguageError, line text: String, file: String?, language: Language) -> String {
        var place = ""
        if let file, let span = error.span { place = "\(file):\(span.line):\(span.column): " } else if let file { place = "\(file): " }
        let escaped = TerminalText.escaped
        var out = escaped(place) + Catalogue.errorWord.text(language) + ": " + escaped(error.message.text(language)) + "\n"
        if let span = error.span, !text.isEmpty {
            // The columns count the statement's characters; the caret goes under what the screen shows.
            let prefix = String(text.prefix(max(0, span.column - 1)))
            let marked = String(text.dropFirst(max(0, span.column - 1)).prefix(max(1, span.endColumn - span.column)))
            out += "  " + escaped(text) + "\n"
            out += "  " + String(repeating: " ", count: DisplayWidth.of(escaped(prefix)))
                + String(repeating: "^", count: max(1, DisplayWidth.of(escaped(marked)))) + "\n"
        }
        if !error.suggestions.isEmpty {
            let list = error.suggestions.map(escaped)
            out += "  " + (error.suggestionsReplaceSpan ? Catalogue.didYouMean(list) : Catalogue.addFilter(list)).text(language) + "\n"
        }
        if let span = error.span, let best = error.suggestions.first, error.suggestionsReplaceSpan {
            // The statement as it would work: the offending words replaced by the nearest spelling.
            let chars = Array(text)
            let start = max(0, span.column - 1), end = min(chars.count, span.endColumn - 1)
            if start <= end {
                let fixed = String(chars[..<start]) + best + String(chars[end...])
                out += "  " + Catalogue.tryStatement.text(language) + ": " + escaped(fixed.trimmingCharacters(in: .whitespaces)) + "\n"
            }
        } else if let example = error.example {
            out += "  " + Catalogue.example.text(language) + ": " + escaped(example) + "\n"
        }
        return out
    }

    static func render(_ error: LoadError, at place: String?, language: Language) -> String {
        var text = language == .vi ? error.vietnameseDescription : error.description
        if let place, error.position == nil { text = place + ": " + text }
        // Line by line: a load error's hint may take several lines, and its quoted cells any bytes.
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.escaped(String($0)) }.joined(separator: "\n") + "\n"
    }
}
