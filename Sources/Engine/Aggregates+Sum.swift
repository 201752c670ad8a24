/// Sums per group: exact 64-bit integers for integer columns (doubles when a group's exact total does not fit
/// in 64 bits), doubles otherwise.
///
/// Partial aggregation: each piece of the rows (`Parallel.aggregationPieces`) sums its own rows per group on
/// its own core, and the partials are added in piece order. Integers are added with wrapping and a carry per
/// group counts the wraps (+1 past the top, −1 past the bottom): the wrapped total plus carry × 2^64 is the
/// exact sum, so it fits in 64 bits exactly when the carries add to zero, whatever order the rows came in.
struct SumKernel: NumericKernel {
    let grouping: Grouping
    let validity: ValidityBitmap?

    struct Result {
        var storage: ColumnStorage
        var present: ValidityBitmap
        /// Present values per group.
        var counts: ContiguousArray<Int32>
        func asDouble(_ group: Int) -> Double {
            switch storage {
            case .integer(let b): Double(b[group])
            case .decimal(let d): d[group]
            default: 0
            }
        }
    }

    private struct IntegerPartial {
        var sums: ContiguousArray<Int64>
        var carries: ContiguousArray<Int64>
        var counts: ContiguousArray<Int32>
    }

    private struct DoublePartial {
        var sums: ContiguousArray<Double>
        var counts: ContiguousArray<Int32>
    }

    func run<T: NumericCell>(_ values: UnsafeBufferPointer<T>) throws -> Result {
        let groups = grouping.groupCount
        // Rows per group tell an empty group (missing) from a sum of zero, without a bitmap write per row.
        func presence(_ counts: ContiguousArray<Int32>) -> ValidityBitmap { ValidityBitmap(counts.lazy.map { $0 > 0 }) }
        if T.isIntegral {
            let parts = try grouping.partials { piece -> IntegerPartial in
                var part = IntegerPartial(sums: ContiguousArray(repeating: 0, count: groups),
                                          carries: ContiguousArray(repeating: 0, count: groups),
                                          counts: ContiguousArray(repeating: 0, count: groups))
                try part.sums.withUnsafeMutableBufferPointer { s in
                    try part.carries.withUnsafeMutableBufferPointer { carry in
                        try part.counts.withUnsafeMutableBufferPointer { n in
                            try grouping.forEachPresentRow(validity, in: piece) { group, row in
                                let value = values[row].asInt64
                                let (total, overflow) = s[group].addingReportingOverflow(value)
                                s[group] = total
                                if overflow { carry[group] &+= value < 0 ? -1 : 1 }
                                n[group] &+= 1
                            }
                        }
                    }
                }
                return part
            }
            var total = parts[0]
            for part in parts.dropFirst() {
                for g in 0..<groups {
                    let (sum, overflow) = total.sums[g].addingReportingOverflow(part.sums[g])
                    total.sums[g] = sum
                    total.carries[g] &+= part.carries[g] &+ (overflow ? (part.sums[g] < 0 ? -1 : 1) : 0)
                    total.counts[g] &+= part.counts[g]
                }
            }
            if total.carries.allSatisfy({ $0 == 0 }) {
                return Result(storage: .integer(IntegerBuffer(narrowing: total.sums)), present: presence(total.counts), counts: total.counts)
            }
        }
        let parts = try grouping.partials { piece -> DoublePartial in
            var part = DoublePartial(sums: ContiguousArray(repeating: 0, count: groups), counts: ContiguousArray(repeating: 0, count: groups))
            try part.sums.withUnsafeMutableBufferPointer { s in
                try part.counts.withUnsafeMutableBufferPointer { n in
                    try grouping.forEachPresentRow(validity, in: piece) { group, row in
                        s[group] += values[row].asDouble
                        n[group] &+= 1
                    }
                }
            }
            return part
        }
        var total = parts[0]
        for part in parts.dropFirst() {
            for g in 0..<groups {
                total.sums[g] += part.sums[g]
                total.counts[g] &+= part.counts[g]
            }
        }
        return Result(storage: .decimal(total.sums), present: presence(total.counts), counts: total.counts)
    }
}
