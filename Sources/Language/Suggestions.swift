import Engine

/// Nearest spellings for a name or value that matched nothing ("did you mean Ninh Bình?").
public enum Suggestions {
    /// Up to `limit` candidates close to `typed`, compared folded (no accents, no case), closest first.
    /// A candidate is close when its edit distance is at most a third of the longer word (at least 2), or when
    /// one starts with the other.
    public static func nearest(_ typed: String, among candidates: [String], limit: Int = 3) -> [String] {
        let target = TextFolding.fold(typed)
        guard !target.isEmpty else { return [] }
        var scored: [(String, Int)] = []
        var seen = Set<String>()
        for candidate in candidates where seen.insert(candidate).inserted {
            let folded = TextFolding.fold(candidate)
            let distance = editDistance(Array(target), Array(folded))
            let allowance = max(2, max(target.count, folded.count) / 3)
            if distance <= allowance {
                scored.append((candidate, distance))
            } else if target.count >= 3 && (folded.hasPrefix(target) || target.hasPrefix(folded)) {
                scored.append((candidate, allowance + 1))
            }
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
    }

    /// Damerau–Levenshtein distance (optimal string alignment): insertions, deletions, substitutions and
    /// transpositions of neighbours each cost 1, so `rat` → `rate` is 1 and `raet` → `rate` is 1.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
