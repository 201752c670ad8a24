/// Minimum or maximum per group, in the column's own type.
struct ExtremeKernel: NumericKernel {
    let grouping: Grouping
    let validity: ValidityBitmap?
    let wantsMaximum: Bool

    func run<T: NumericCell>(_ values: UnsafeBufferPointer<T>) throws -> (storage: ColumnStorage, present: ValidityBitmap) {
        var present = ValidityBitmap(count: grouping.groupCount, allPresent: false)
        if T.self == Double.self {
            var best = ContiguousArray<Double>(repeating: wantsMaximum ? -.infinity : .infinity, count: grouping.groupCount)
            var seen = [Bool](repeating: false, count: grouping.groupCount)
            // NaN counts as the greatest value (as in DuckDB): it wins a max and loses a min unless alone.
            try grouping.forEachPresentRow(validity) { group, row in
                let v = values[row].asDouble
                let current = best[group]
                if !seen[group] {
                    best[group] = v
                } else if wantsMaximum {
                    if !current.isNaN && (v.isNaN || v > current) { best[group] = v }
                } else if current.isNaN ? !v.isNaN : v < current {
                    best[group] = v
                }
                seen[group] = true
            }
            present = ValidityBitmap(seen)
            for group in 0..<grouping.groupCount where !seen[group] { best[group] = 0 }
            return (.decimal(best), present)
        }
        var best = ContiguousArray<Int64>(repeating: wantsMaximum ? .min : .max, count: grouping.groupCount)
        var seen = [Bool](repeating: false, count: grouping.groupCount)
        try grouping.forEachPresentRow(validity) { group, row in
            let v = values[row].asInt64
            if wantsMaximum ? v > best[group] : v < best[group] { best[group] = v }
            seen[group] = true
        }
        present = ValidityBitmap(seen)
        for group in 0..<grouping.groupCount where !present.isPresent(group) { best[group] = 0 }
        if T.self == Bool.self { return (.boolean(ContiguousArray(best.map { $0 != 0 })), present) }
        return (.integer(IntegerBuffer(narrowing: best)), present)
    }
}

/// Sample standard deviation per group by Welford's online algorithm (Welford 1962; Knuth TAOCP vol. 2,
/// §4.2.2), which stays accurate where the naive sum-of-squares formula cancels catastrophically.
/// A group with fewer than two values has no sample deviation and is missing.
struct WelfordKernel: NumericKernel {
    let grouping: Grouping
    let validity: ValidityBitmap?

    func run<T: NumericCell>(_ values: UnsafeBufferPointer<T>) throws -> (deviations: ContiguousArray<Double>, present: ValidityBitmap) {
        let groups = grouping.groupCount
        var count = ContiguousArray<Double>(repeating: 0, count: groups)
        var mean = ContiguousArray<Double>(repeating: 0, count: groups)
        var m2 = ContiguousArray<Double>(repeating: 0, count: groups)
        try grouping.forEachPresentRow(validity) { g, row in
            let x = values[row].asDouble
            count[g] += 1
            let delta = x - mean[g]
            mean[g] += delta / count[g]
            m2[g] += delta * (x - mean[g])
        }
        var present = ValidityBitmap(count: groups, allPresent: false)
        var deviations = ContiguousArray<Double>(repeating: 0, count: groups)
        for g in 0..<groups where count[g] >= 2 {
            deviations[g] = (m2[g] / (count[g] - 1)).squareRoot()
            present.set(g, present: true)
        }
        return (deviations, present)
    }
}
