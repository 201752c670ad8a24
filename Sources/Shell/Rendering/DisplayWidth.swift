/// Columns a string takes in a terminal: most characters 1, East Asian wide characters 2, combining marks 0.
/// Vietnamese letters with their marks are one column each whether precomposed or not.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        var width = 0
        for character in text {
            guard let first = character.unicodeScalars.first else { continue }
            let v = first.value
            if (0x0300...0x036F).contains(v) || v == 0x200B || v == 0xFE0F { continue }
            width += isWide(v) ? 2 : 1
        }
        return width
    }

    /// East Asian Wide and Fullwidth ranges (Unicode UAX #11), the ones that occur in practice.
    private static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x20000...0x3FFFD).contains(v)
    }

    static func padLeft(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - of(text))) + text
    }

    static func padRight(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - of(text)))
    }

    /// `text` cut to at most `width` columns, ending in `…` when anything was cut.
    static func truncated(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var out = ""
        var used = 0
        for character in text {
            let w = of(String(character))
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }
}
