/// The aggregate functions, each giving one value per group. Missing values are ignored (SQL semantics):
/// `count` of a column counts its present values, and a group with no present value aggregates to missing.
public enum AggregateFunction: String, Sendable, CaseIterable {
    case count
    case countDistinct = "count_distinct"
    case sum, mean, min, max, median, stddev
}

extension Column {
    /// One value per group of `grouping`, named after this column.
    /// - Throws: `EngineError.typeMismatch` when the function needs numbers and the column holds text.
    /// - Complexity: O(rows) for all but `median` (O(rows log rows)) and `count_distinct` (hashing).
    public func aggregate(_ function: AggregateFunction, _ grouping: Grouping) throws -> Column {
        let storage: ColumnStorage
        var present: ValidityBitmap? = nil
        var summedExactly = false
        switch function {
        case .count:
            storage = .integer(IntegerBuffer(narrowing: presentCounts(grouping)))
        case .countDistinct:
            storage = .integer(IntegerBuffer(narrowing: distinctCounts(grouping)))
        case .sum:
            if let exact = exactDecimalSums(grouping) {
                storage = exact.storage
                present = exact.present
                summedExactly = true
                break
            }
            let result = try apply(SumKernel(grouping: grouping, validity: validity))
            storage = result.storage
            present = result.present
        case .mean:
            let sums = try apply(SumKernel(grouping: grouping, validity: validity))
            let counts = sums.counts
            storage = .decimal(ContiguousArray((0..<grouping.groupCount).map { g in
                counts[g] == 0 ? 0 : sums.asDouble(g) / Double(counts[g])
            }))
            present = sums.present
        case .min, .max:
            let result = try apply(ExtremeKernel(grouping: grouping, validity: validity, wantsMaximum: function == .max))
            storage = result.storage
            present = result.present
        case .median:
            let result = try apply(MedianKernel(grouping: grouping, validity: validity))
            storage = .decimal(result.values)
            present = result.present
        case .stddev:
            let result = try apply(WelfordKernel(grouping: grouping, validity: validity))
            storage = .decimal(result.deviations)
            present = result.present
        }
        var annotations = aggregatedAnnotations(function)
        if function == .sum && !summedExactly { annotations.decimalPlaces = nil }
        return Column(name: name, storage: storage, validity: present, annotations: annotations)
    }

    /// A percentage stays a percentage under sum-free aggregates; counts are plain numbers. Exact decimals
    /// stay exact under sum (added as integers), min and max; a mean, median or stddev is only a double.
    private func aggregatedAnnotations(_ function: AggregateFunction) -> ColumnAnnotations {
        switch function {
        case .count, .countDistinct: ColumnAnnotations()
        case .sum, .min, .max:
            ColumnAnnotations(isPercentage: annotations.isPercentage,
                              decimalPlaces: type == .decimal ? annotations.decimalPlaces : nil)
        default: ColumnAnnotations(isPercentage: annotations.isPercentage)
        }
    }

    /// Present values per group.
    public func presentCounts(_ grouping: Grouping) -> ContiguousArray<Int64> {
        var counts = ContiguousArray<Int64>(repeating: 0, count: grouping.groupCount)
        counts.withUnsafeMutableBufferPointer { c in
            grouping.forEachPresentRow(validity) { group, _ in c[group] += 1 }
        }
        return counts
    }

    /// Distinct present values per group (text by dictionary code, numbers by value).
    func distinctCounts(_ grouping: Grouping) -> ContiguousArray<Int64> {
        var counts = ContiguousArray<Int64>(repeating: 0, count: grouping.groupCount)
        var seen = Set<GroupedKey>()
        grouping.forEachPresentRow(validity) { group, row in
            if seen.insert(GroupedKey(group: Int32(group), key: distinctKey(row))).inserted { counts[group] += 1 }
        }
        return counts
    }

    private func distinctKey(_ row: Int) -> Int64 {
        switch storage {
        case .text(let text): text.codes[row]
        case .integer(let buffer): buffer[row]
        case .boolean(let values): values[row] ? 1 : 0
        case .decimal(let values): values[row] == 0 ? 0 : Int64(bitPattern: values[row].bitPattern)
        }
    }
}

/// Counts rows per group, missing or not: `count` with no column.
public func countRows(_ grouping: Grouping) -> Column {
    var counts = ContiguousArray<Int64>(repeating: 0, count: grouping.groupCount)
    if grouping.isSingle {
        counts[0] = Int64(grouping.selection.count)
    } else {
        counts.withUnsafeMutableBufferPointer { c in
            for group in grouping.groupOfRow { c[Int(group)] += 1 }
        }
    }
    return Column(name: "count", storage: .integer(IntegerBuffer(narrowing: counts)))
}

struct GroupedKey: Hashable {
    let group: Int32
    let key: Int64
}

/// Sums per group: exact 64-bit integers for integer columns (falling back to doubles on overflow), doubles otherwise.
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

    func run<T: NumericCell>(_ values: UnsafeBufferPointer<T>) -> Result {
        // Rows per group, to tell an empty group (missing) from a sum of zero, without a bitmap write per row.
        var seen = ContiguousArray<Int32>(repeating: 0, count: grouping.groupCount)
        func presence() -> ValidityBitmap { ValidityBitmap(seen.lazy.map { $0 > 0 }) }
        if T.isIntegral {
            var sums = ContiguousArray<Int64>(repeating: 0, count: grouping.groupCount)
            var overflowed = false
            sums.withUnsafeMutableBufferPointer { s in
                seen.withUnsafeMutableBufferPointer { n in
                    grouping.forEachPresentRow(validity) { group, row in
                        let (total, overflow) = s[group].addingReportingOverflow(values[row].asInt64)
                        s[group] = total
                        overflowed = overflowed || overflow
                        n[group] &+= 1
                    }
                }
            }
            if !overflowed { return Result(storage: .integer(IntegerBuffer(narrowing: sums)), present: presence(), counts: seen) }
            seen = ContiguousArray(repeating: 0, count: grouping.groupCount)
        }
        var sums = ContiguousArray<Double>(repeating: 0, count: grouping.groupCount)
        sums.withUnsafeMutableBufferPointer { s in
            seen.withUnsafeMutableBufferPointer { n in
                grouping.forEachPresentRow(validity) { group, row in
                    s[group] += values[row].asDouble
                    n[group] &+= 1
                }
            }
        }
        return Result(storage: .decimal(sums), present: presence(), counts: seen)
    }
}

/// Minimum or maximum per group, in the column's own type.
struct ExtremeKernel: NumericKernel {
    let grouping: Grouping
    let validity: ValidityBitmap?
    let wantsMaximum: Bool

    func run<T: NumericCell>(_ values: UnsafeBufferPointer<T>) -> (storage: ColumnStorage, present: ValidityBitmap) {
        var present = ValidityBitmap(count: grouping.groupCount, allPresent: false)
        if T.self == Double.self {
            var best = ContiguousArray<Double>(repeating: wantsMaximum ? -.infinity : .infinity, count: grouping.groupCount)
            var seen = [Bool](repeating: false, count: grouping.groupCount)
            // NaN counts as the greatest value (as in DuckDB): it wins a max and loses a min unless alone.
            grouping.forEachPresentRow(validity) { group, row in
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
        grouping.forEachPresentRow(validity) { group, row in
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

/// Median per group: values are bucketed by group (a counting sort), then each bucket is sorted.
struct MedianKernel: NumericKernel {
    let grouping: Grouping
    let validity: ValidityBitmap?

    func run<T: NumericCell>(_ values: UnsafeBufferPointer<T>) -> (values: ContiguousArray<Double>, present: ValidityBitmap) {
        let groups = grouping.groupCount
        var starts = ContiguousArray<Int>(repeating: 0, count: groups + 1)
        grouping.forEachPresentRow(validity) { group, _ in starts[group + 1] += 1 }
        for g in 0..<groups { starts[g + 1] += starts[g] }
        var fill = starts
        var bucketed = ContiguousArray<Double>(repeating: 0, count: starts[groups])
        grouping.forEachPresentRow(validity) { group, row in
            bucketed[fill[group]] = values[row].asDouble
            fill[group] += 1
        }
        var medians = ContiguousArray<Double>(repeating: 0, count: groups)
        var present = ValidityBitmap(count: groups, allPresent: false)
        for g in 0..<groups where starts[g + 1] > starts[g] {
            bucketed[starts[g]..<starts[g + 1]].sort()
            let n = starts[g + 1] - starts[g], mid = starts[g] + n / 2
            medians[g] = n % 2 == 1 ? bucketed[mid] : (bucketed[mid - 1] + bucketed[mid]) / 2
            present.set(g, present: true)
        }
        return (medians, present)
    }
}

/// Sample standard deviation per group by Welford's online algorithm (Welford 1962; Knuth TAOCP vol. 2,
/// §4.2.2), which stays accurate where the naive sum-of-squares formula cancels catastrophically.
/// A group with fewer than two values has no sample deviation and is missing.
struct WelfordKernel: NumericKernel {
    let grouping: Grouping
    let validity: ValidityBitmap?

    func run<T: NumericCell>(_ values: UnsafeBufferPointer<T>) -> (deviations: ContiguousArray<Double>, present: ValidityBitmap) {
        let groups = grouping.groupCount
        var count = ContiguousArray<Double>(repeating: 0, count: groups)
        var mean = ContiguousArray<Double>(repeating: 0, count: groups)
        var m2 = ContiguousArray<Double>(repeating: 0, count: groups)
        grouping.forEachPresentRow(validity) { g, row in
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
