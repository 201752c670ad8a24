/// The separator of a delimited file, sniffed from its first lines when the file does not say.
public enum CSVDialect {
    /// Candidates in order of preference when several fit equally well.
    static let candidates: [UInt8] = [0x2C, 0x3B, 0x09, 0x7C]  // , ; tab |

    public static func name(of delimiter: UInt8) -> String {
        switch delimiter {
        case 0x2C: "comma (,)"
        case 0x3B: "semicolon (;)"
        case 0x09: "tab"
        case 0x7C: "bar (|)"
        default: "'\(Character(Unicode.Scalar(delimiter)))'"
        }
    }

    public static func vietnameseName(of delimiter: UInt8) -> String {
        switch delimiter {
        case 0x2C: "dấu phẩy (,)"
        case 0x3B: "dấu chấm phẩy (;)"
        case 0x09: "tab"
        case 0x7C: "gạch đứng (|)"
        default: "'\(Character(Unicode.Scalar(delimiter)))'"
        }
    }

    /// The candidate that splits the first lines (outside quotes) into as many fields as the first line that
    /// has a separator, preferring more fields; a comma when nothing splits (a one-column file).
    /// - Complexity: reads at most the first 64 KiB.
    static func sniff(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
        let end = min(bytes.count, start + 65_536)
        var lines: [[UInt8: Int]] = []
        var counts: [UInt8: Int] = [:]
        var inQuotes = false
        var i = start
        var lineHasContent = false
        while i < end && lines.count < 50 {
            let b = bytes[i]
            if b == CSVTokenizer.quote { inQuotes.toggle() }
            if !inQuotes && (b == CSVTokenizer.newline || b == CSVTokenizer.carriageReturn) {
                if lineHasContent { lines.append(counts) }
                counts = [:]
                lineHasContent = false
            } else {
                lineHasContent = true
                if !inQuotes && candidates.contains(b) { counts[b, default: 0] += 1 }
            }
            i += 1
        }
        if lineHasContent && i == bytes.count { lines.append(counts) }
        // Title lines above a table often hold no separator at all: the reference is the first line with one.
        guard let reference = lines.first(where: { !$0.isEmpty }) else { return 0x2C }
        var best: UInt8 = 0x2C
        var bestScore = 0
        for candidate in candidates {
            let first = reference[candidate] ?? 0
            guard first > 0 else { continue }
            // Lines agreeing with the reference's count; a file whose rows all agree wins over one that mostly does.
            let agreeing = lines.filter { ($0[candidate] ?? 0) == first }.count
            let score = agreeing * 1000 + min(first, 999)
            if score > bestScore {
                best = candidate
                bestScore = score
            }
        }
        return best
    }
}
