/// One key of a multi-key sort.
public struct SortKey: Sendable {
    public var column: Column
    public var descending: Bool

    public init(_ column: Column, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }
}

extension Selection {
    /// The selected rows reordered by `keys`: stable (ties keep their order), missing values last in either
    /// direction, text in Vietnamese dictionary order.
    /// - Complexity: O(n log n) comparisons, each O(keys).
    /// The result lists rows in sorted order, so it is not ascending: filter it before sorting, not after.
    /// - Throws: `Interrupted` on Ctrl-C (looked at every `Interruption.blockRows` comparisons).
    public func sorted(by keys: [SortKey]) throws -> Selection {
        let rows = rowIndices
        guard !keys.isEmpty, rows.count > 1 else { return .rows(rows) }
        let comparators = keys.map(RowComparator.init)
        // Positions in this selection are sorted, so ties keep the order they had here (stability), even
        // when this selection is itself the result of an earlier sort.
        var positions = ContiguousArray(0..<Int32(rows.count))
        var comparisons = 0
        try rows.withUnsafeBufferPointer { r in
            try positions.withUnsafeMutableBufferPointer { buffer in
                try buffer.sort { a, b in
                    comparisons &+= 1
                    if comparisons & (Interruption.blockRows - 1) == 0 { try Interruption.checkpoint() }
                    let rowA = Int(r[Int(a)]), rowB = Int(r[Int(b)])
                    for comparator in comparators {
                        let order = comparator.compare(rowA, rowB)
                        if order != 0 { return order < 0 }
                    }
                    return a < b
                }
            }
        }
        return .rows(ContiguousArray(positions.lazy.map { rows[Int($0)] }))
    }
}

/// Compares two rows of one sort key: -1, 0 or 1.
struct RowComparator {
    let column: Column
    let descending: Bool
    /// Vietnamese rank of each dictionary code, for text columns.
    let textRanks: [Int32]

    init(_ key: SortKey) {
        column = key.column
        descending = key.descending
        if case .text(let text) = key.column.storage {
            textRanks = VietnameseCollation.ranks(of: text.dictionary)
        } else {
            textRanks = []
        }
    }

    @inline(__always)
    func compare(_ a: Int, _ b: Int) -> Int {
        let aPresent = column.isPresent(a), bPresent = column.isPresent(b)
        if !aPresent || !bPresent {
            return aPresent == bPresent ? 0 : (aPresent ? -1 : 1)  // missing last, whatever the direction
        }
        let order: Int
        switch column.storage {
        case .integer(let buffer): order = threeWay(buffer[a], buffer[b])
        case .decimal(let values): order = threeWayNaNLast(values[a], values[b])
        case .boolean(let values): order = threeWay(values[a] ? 1 : 0, values[b] ? 1 : 0)
        case .text(let text): order = threeWay(textRanks[Int(text.codes[a])], textRanks[Int(text.codes[b])])
        }
        return descending ? -order : order
    }
}

/// Doubles in order with NaN after every number (and equal to itself), so a NaN cannot unsort the rest.
@inline(__always)
func threeWayNaNLast(_ a: Double, _ b: Double) -> Int {
    if a.isNaN || b.isNaN { return a.isNaN == b.isNaN ? 0 : (a.isNaN ? 1 : -1) }
    return threeWay(a, b)
}

@inline(__always)
func threeWay<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (b < a ? 1 : 0) }
