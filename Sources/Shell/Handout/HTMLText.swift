/// Text for HTML: `&`, `<`, `>` and `"` escaped, control characters shown as `TerminalText` shows them
/// (they have no place in a page, and some are not allowed in HTML at all).
enum HTMLText {
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in TerminalText.escaped(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
