import Foundation

/// How much a text reads as Vietnamese: whether each word holding a letter beyond ASCII is a syllable
/// Vietnamese spelling allows (initial consonant, a vowel nucleus from the language's set, a final, and at
/// most one tone, a stop final taking only the acute or dot below). Decoding a file in the wrong legacy
/// encoding turns its letters into others, and the words it gives almost never pass.
struct VietnameseSyllables {
    /// Words that hold a letter beyond ASCII, or a character no Vietnamese text holds.
    var wordsBeyondASCII = 0
    /// Those of them that are Vietnamese syllables.
    var syllables = 0

    /// The share of words beyond ASCII that are syllables (0 when there are none).
    var plausibility: Double { wordsBeyondASCII == 0 ? 0 : Double(syllables) / Double(wordsBeyondASCII) }

    /// Scores every word of `text`.
    init(scoring text: String) {
        var word: [Unicode.Scalar] = []
        func finish() {
            defer { word.removeAll(keepingCapacity: true) }
            guard word.contains(where: { $0.value >= 0x80 }) else { return }
            wordsBeyondASCII += 1
            if Self.isSyllable(word) { syllables += 1 }
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || (0x0300...0x036F).contains(scalar.value) {
                word.append(scalar)
            } else {
                finish()
                // A symbol beyond ASCII that no Vietnamese table holds (¼, ƒ, ‰, …) is a sign of a wrong decoding:
                // it counts as a word that is no syllable.
                if scalar.value >= 0x80 && !Self.ordinaryPunctuation.contains(scalar.value) { wordsBeyondASCII += 1 }
            }
        }
        finish()
    }

    /// Punctuation and signs beyond ASCII that Vietnamese tables do hold: no-break space, quotes, dashes,
    /// ellipsis, bullet, degree, the đồng sign, the euro.
    static let ordinaryPunctuation: Set<UInt32> = [0x00A0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2013, 0x2014, 0x2026, 0x2022, 0x00B0, 0x20AB, 0x20AC]

    /// Each precomposed Vietnamese letter (lowercase) to its letter without tone and its tone mark.
    static let toneless: [UInt32: (letter: Character, tone: UInt32)] = {
        var table: [UInt32: (Character, UInt32)] = [:]
        for base in "aăâeêioôơuưy" {
            for tone: UInt32 in [0x0300, 0x0301, 0x0303, 0x0309, 0x0323] {
                let composed = (String(base) + String(Unicode.Scalar(tone)!)).precomposedStringWithCanonicalMapping.unicodeScalars
                if composed.count == 1 { table[composed.first!.value] = (base, tone) }
            }
        }
        return table
    }()

    static let letters = Set("abcdđeghiklmnopqrstuvxyăâêôơư")
    static let vowels = Set("aăâeêioôơuưy")
    /// Initial consonants, longest first so that `ngh` is taken before `ng` and `n`.
    static let initials = ["ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu",
                           "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"]
    static let finals: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "k"]
    /// Finals after which only the acute and the dot below can stand (`k` as in Đắk Lắk).
    static let stopFinals: Set<String> = ["c", "ch", "p", "t", "k"]
    /// Vowel nuclei (with their closing semivowels), without tone.
    static let nuclei: Set<String> = [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "oo", "ôi", "ơi",
        "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
        "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu",
    ]
    /// Nuclei that cannot end a syllable: they need a final consonant (`ăn`, `tiên`, `muốn`, `người`).
    static let closedNuclei: Set<String> = ["ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê"]
    /// The nuclei `nh` and `ch` can close (`anh`, `ếch`, `tỉnh`, `huỳnh`, `oanh`, `uềnh`).
    static let palatalNuclei: Set<String> = ["a", "ê", "i", "y", "oa", "uê", "uy"]

    /// Whether `word` (letters, any case) is one Vietnamese syllable.
    static func isSyllable(_ word: [Unicode.Scalar]) -> Bool {
        let text = String(String.UnicodeScalarView(word)).lowercased().precomposedStringWithCanonicalMapping
        var plain = ""
        var tones = 0
        var tone: UInt32 = 0
        for scalar in text.unicodeScalars {
            if let entry = toneless[scalar.value] {
                plain.append(entry.letter)
                tones += 1
                tone = entry.tone
            } else {
                guard letters.contains(Character(scalar)) else { return false }
                plain.append(Character(scalar))
            }
        }
        guard tones <= 1 else { return false }
        var rest = Substring(plain)
        if let initial = initials.first(where: { rest.hasPrefix($0) }) {
            // `gi` and `qu` are initials only when a vowel follows them (`gì` is g + ì, `giá` is gi + á).
            let after = rest.dropFirst(initial.count)
            if (initial == "gi" || initial == "qu"), after.first.map({ vowels.contains($0) }) != true {
                rest = rest.dropFirst(1)
            } else {
                rest = after
            }
        }
        let nucleus = String(rest.prefix { vowels.contains($0) })
        let final = String(rest.dropFirst(nucleus.count))
        guard nuclei.contains(nucleus), finals.contains(final) else { return false }
        if final.isEmpty && closedNuclei.contains(nucleus) { return false }
        if (final == "nh" || final == "ch") && !palatalNuclei.contains(nucleus) { return false }
        if stopFinals.contains(final) && tones == 1 && tone != 0x0301 && tone != 0x0323 { return false }
        return true
    }
}
