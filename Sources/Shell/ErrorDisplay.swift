import Foundation
import Formats
import Language

/// Errors as the user sees them: where (FILE:LINE:COL in scripts), what, the line with a caret under the
/// offending token, the nearest correct spellings, and an example that works.
enum ErrorDisplay {
    /// The first line (where and what) in red and the caret in bold, for a terminal.
    static func coloured(_ text: String, _ colour: Bool) -> String {
        guard colour, let end = text.firstIndex(of: "\n") else { return text }
        return "\u{1B}[31m" + text[..<end] + "\u{1B}[0m" + text[end...]
    }

    static func render(_ error: LanguageError, line text: String, file: String?, language: Language) -> String {
        let vi = language == .vi
        var place = ""
        if let file, let span = error.span { place = "\(file):\(span.line):\(span.column): " } else if let file { place = "\(file): " }
        var out = place + (vi ? "lỗi: " : "error: ") + error.message.text(language) + "\n"
        if let span = error.span, !text.isEmpty {
            out += "  " + text + "\n"
            let prefix = String(text.prefix(max(0, span.column - 1)))
            let marked = String(text.dropFirst(max(0, span.column - 1)).prefix(max(1, span.endColumn - span.column)))
            out += "  " + String(repeating: " ", count: DisplayWidth.of(prefix)) + String(repeating: "^", count: max(1, DisplayWidth.of(marked))) + "\n"
        }
        if !error.suggestions.isEmpty {
            let list = error.suggestions.joined(separator: vi ? " hoặc " : " or ")
            if error.suggestionsReplaceSpan {
                out += "  " + (vi ? "có phải ý bạn là \(list)?" : "did you mean \(list)?") + "\n"
            } else {
                out += "  " + (vi ? "thêm bộ lọc: \(list)" : "add a filter: \(list)") + "\n"
            }
        }
        if let span = error.span, let best = error.suggestions.first, error.suggestionsReplaceSpan {
            // The statement as it would work: the offending words replaced by the nearest spelling.
            let chars = Array(text)
            let start = max(0, span.column - 1), end = min(chars.count, span.endColumn - 1)
            if start <= end {
                let fixed = String(chars[..<start]) + best + String(chars[end...])
                out += "  " + (vi ? "thử: " : "try: ") + fixed.trimmingCharacters(in: .whitespaces) + "\n"
            }
        } else if let example = error.example {
            out += "  " + (vi ? "ví dụ: " : "example: ") + example + "\n"
        }
        return out
    }

    static func render(_ error: LoadError, at place: String?, language: Language) -> String {
        var text = language == .vi ? error.vietnameseDescription : error.description
        if let place, error.position == nil { text = place + ": " + text }
        return text + "\n"
    }
}
