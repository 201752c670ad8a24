import Foundation

/// Sort order for Vietnamese text, as in a Vietnamese dictionary: the alphabet
/// a ă â b c d đ e ê … o ô ơ … u ư …, then the tones ngang, huyền, hỏi, ngã, sắc, nặng (a à ả ã á ạ),
/// then case. Plain code-point order would put `Đà Nẵng` after `Yên Bái`.
public enum VietnameseCollation {
    /// A key whose lexicographic order is the Vietnamese order of the strings (memoised: the same
    /// province names are ranked again by every grouped result).
    public static func key(_ text: String) -> [UInt32] {
        cacheLock.lock()
        if let known = cache[text] { cacheLock.unlock(); return known }
        cacheLock.unlock()
        let computed = computeKey(text)
        cacheLock.lock()
        if cache.count > 100_000 { cache.removeAll() }
        cache[text] = computed
        cacheLock.unlock()
        return computed
    }

    nonisolated(unsafe) private static var cache: [String: [UInt32]] = [:]
    private static let cacheLock = NSLock()

    private static func computeKey(_ text: String) -> [UInt32] {
        var primary: [UInt32] = []
        var tones: [UInt32] = []
        var cases: [UInt32] = []
        var scalars = Array(text.decomposedStringWithCanonicalMapping.unicodeScalars)
        scalars.append(" ")  // sentinel so the last letter is flushed
        var base: Unicode.Scalar? = nil
        var modifier: UInt32 = 0
        var tone: UInt32 = 0
        func flush() {
            guard let letter = base else { return }
            let lower = Character(letter).lowercased().unicodeScalars.first!
            primary.append(weight(of: lower, modifier: modifier))
            tones.append(tone)
            cases.append(lower == letter ? 0 : 1)
            base = nil; modifier = 0; tone = 0
        }
        for (i, scalar) in scalars.enumerated() {
            if let m = letterModifiers[scalar.value], base != nil {
                modifier = m
            } else if let t = toneMarks[scalar.value], base != nil {
                tone = t
            } else {
                flush()
                if i < scalars.count - 1 { base = scalar }
            }
        }
        return primary + [0] + tones + [0] + cases
    }

    /// The Vietnamese rank of every string of a dictionary (equal strings share a rank).
    public static func ranks(of dictionary: [String]) -> [Int32] {
        let keys = dictionary.map(key)
        let order = dictionary.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        var ranks = [Int32](repeating: 0, count: dictionary.count)
        for (rank, index) in order.enumerated() {
            if rank > 0, keys[order[rank - 1]] == keys[index] {
                ranks[index] = ranks[order[rank - 1]]
            } else {
                ranks[index] = Int32(rank)
            }
        }
        return ranks
    }

    /// Whether `a` sorts before `b` in Vietnamese order.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        key(a).lexicographicallyPrecedes(key(b))
    }

    // Breve, circumflex and horn make new letters (ă â ê ô ơ ư); the tone marks only rank within a letter.
    private static let letterModifiers: [UInt32: UInt32] = [0x0306: 1, 0x0302: 2, 0x031B: 3]
    private static let toneMarks: [UInt32: UInt32] = [0x0300: 1, 0x0309: 2, 0x0303: 3, 0x0301: 4, 0x0323: 5]

    private static func weight(of lower: Unicode.Scalar, modifier: UInt32) -> UInt32 {
        switch lower {
        case " ": return 1
        case "0"..."9": return 10 + lower.value - 48
        case "đ": return 100 + 3 * 4 + 1  // after d (3 × 4), before e
        case "a"..."z": return 100 + (lower.value - 97) * 4 + modifier
        default: return 1000 + lower.value
        }
    }
}
