/// Which cells of a column hold a value, one bit per row (Arrow's layout: bit set = present).
///
/// A column without missing values carries no bitmap at all (`nil`), so the common case costs nothing.
public struct ValidityBitmap: Sendable, Equatable {
    public internal(set) var words: ContiguousArray<UInt64>
    public private(set) var count: Int

    /// A bitmap of `count` rows, all present or all missing.
    public init(count: Int, allPresent: Bool) {
        self.count = count
        let fill: UInt64 = allPresent ? ~0 : 0
        words = ContiguousArray(repeating: fill, count: (count + 63) >> 6)
        clearPadding()
    }

    /// A bitmap from one flag per row.
    public init<S: Sequence>(_ present: S) where S.Element == Bool {
        words = []
        count = 0
        for flag in present { append(flag) }
    }

    @inline(__always)
    public func isPresent(_ row: Int) -> Bool {
        words[row >> 6] & (1 << UInt64(row & 63)) != 0
    }

    @inline(__always)
    public mutating func set(_ row: Int, present: Bool) {
        if present {
            words[row >> 6] |= 1 << UInt64(row & 63)
        } else {
            words[row >> 6] &= ~(1 << UInt64(row & 63))
        }
    }

    public mutating func append(_ present: Bool) {
        if count & 63 == 0 { words.append(0) }
        if present { words[count >> 6] |= 1 << UInt64(count & 63) }
        count += 1
    }

    /// Appends another bitmap's bits after this one's.
    public mutating func append(contentsOf other: ValidityBitmap) {
        if count & 63 == 0 {
            words.append(contentsOf: other.words)
            count += other.count
            return
        }
        for row in 0..<other.count { append(other.isPresent(row)) }
    }

    /// Number of present rows. - Complexity: O(count / 64).
    public var presentCount: Int {
        words.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    /// Bits past `count` in the last word stay zero, so `presentCount` and equality are exact.
    private mutating func clearPadding() {
        let tail = count & 63
        if tail != 0, !words.isEmpty { words[words.count - 1] &= (1 << UInt64(tail)) - 1 }
    }

    public var byteCount: Int { words.count * 8 }
}
