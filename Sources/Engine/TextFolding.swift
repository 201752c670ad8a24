import Foundation

/// Accent-, case- and spacing-insensitive forms of text, for matching what a user types against data.
///
/// `fold` drops every diacritic (`Ninh Bình`, `ninh binh`, `NINH  BÌNH` all fold to `ninh binh`); `đ`/`Đ`
/// are folded by hand because Unicode gives them no decomposition. `toneNormalized` keeps the letters'
/// own marks and the tone but not where the tone sits, so the old and new spellings `Hoà`/`Hòa` agree
/// while `Hà` and `Hạ` stay different.
public enum TextFolding {
    /// Lower case, no diacritics, đ → d, dashes and dots as spaces (`Bà Rịa–Vũng Tàu`, `TP.HCM`), runs of
    /// white space as one space, trimmed.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x2D && $0 != 0x2E }) { return collapseSpaces(text.lowercased()) }
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if isCombiningMark(scalar) { continue }
            switch scalar {
            case "đ", "Đ", "ð", "Ð": scalars.append("d")
            case "-", "–", "—", ".": scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return collapseSpaces(String(scalars).lowercased())
    }

    /// Lower case with the letters' marks (ă â ê ô ơ ư đ) and each word's tone, wherever the tone was
    /// written; spaces collapsed. Two spellings of one word get the same form.
    public static func toneNormalized(_ text: String) -> String {
        var words: [String] = []
        for word in collapseSpaces(text.lowercased()).split(separator: " ") {
            var letters = String.UnicodeScalarView()
            var tone: Unicode.Scalar? = nil
            for scalar in String(word).decomposedStringWithCanonicalMapping.unicodeScalars {
                if toneMarks.contains(scalar.value) { tone = scalar } else { letters.append(scalar) }
            }
            var form = String(letters).precomposedStringWithCanonicalMapping
            if let tone { form += "#" + String(tone.value, radix: 16) }
            words.append(form)
        }
        return words.joined(separator: " ")
    }

    /// Whether the text carries any diacritic or đ (so the user typed Vietnamese marks on purpose).
    public static func hasDiacritics(_ text: String) -> Bool {
        text.decomposedStringWithCanonicalMapping.unicodeScalars.contains {
            isCombiningMark($0) || $0 == "đ" || $0 == "Đ"
        }
    }

    /// The five Vietnamese tone marks as combining characters: grave, acute, tilde, hook above, dot below.
    static let toneMarks: Set<UInt32> = [0x0300, 0x0301, 0x0303, 0x0309, 0x0323]

    public static func isCombining(_ scalar: Unicode.Scalar) -> Bool { isCombiningMark(scalar) }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        (0x0300...0x036F).contains(scalar.value) || (0x1DC0...0x1DFF).contains(scalar.value)
    }

    static func collapseSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
