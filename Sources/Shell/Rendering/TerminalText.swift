/// Text as it may safely reach a terminal. A cell, a column name or a typed value can hold control
/// characters (a damaged export, a pasted escape sequence): written raw, `ESC]0;…BEL` retitles the window
/// and `ESC[2J` clears the screen. Table, markdown and error output show them instead:
///
/// - a line end (`\n`, `\r\n`, `\r`, U+2028, U+2029) as `⏎`, a tab as `⇥`, so a cell stays on its row;
/// - any other C0 control, DEL and a C1 control as `\xHH` (`\x1b` for Escape, `\x07` for BEL);
/// - the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which reorder what follows
///   them on screen, as `\u{HHHH}`.
///
/// csv, json and jsonl output and exported files keep the exact text.
enum TerminalText {
    /// `text` with its control characters made visible; the same string when it has none (the common case
    /// costs one pass over its scalars and no copy).
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var previousWasReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasReturn = scalar == "\r" }
            switch scalar.value {
            case 0x0A where previousWasReturn:
                continue  // `\r\n` is one line end, shown once.
            case 0x0A, 0x0D, 0x2028, 0x2029:
                out += "⏎"
            case 0x09:
                out += "⇥"
            case 0x00...0x1F, 0x7F...0x9F:
                out += "\\x" + hex(scalar.value, digits: 2)
            case 0x202A...0x202E, 0x2066...0x2069:
                out += "\\u{" + hex(scalar.value, digits: 4) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `scalar` is shown escaped.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
