/// The aggregate functions, each giving one value per group. Missing values are ignored (SQL semantics):
/// `count` of a column counts its present values, and a group with no present value aggregates to missing.
public enum AggregateFunction: String, Sendable, CaseIterable {
    case count
    case countDistinct = "count_distinct"
    case sum, mean, min, max, median, stddev
}

extension Column {
    /// One value per group of `grouping`, named after this column.
    ///
    /// Counts, sums and means are partial aggregates over pieces of the rows, on all cores, merged in piece
    /// order (so the same on every machine); medians bucket the rows by group on all cores and select the
    /// middle of each bucket; distinct counts set bits by dictionary code.
    /// - Throws: `EngineError.typeMismatch` when the function needs numbers and the column holds text;
    ///   `Interrupted` on Ctrl-C.
    /// - Complexity: O(rows) for every function (the median's selection is O(rows) expected), but
    ///   `count_distinct` of decimals or of wide integers, which hashes.
    public func aggregate(_ function: AggregateFunction, _ grouping: Grouping) throws -> Column {
        let storage: ColumnStorage
        var present: ValidityBitmap? = nil
        var summedExactly = false
        switch function {
        case .count:
            storage = .integer(IntegerBuffer(narrowing: try presentCounts(grouping)))
        case .countDistinct:
            storage = .integer(IntegerBuffer(narrowing: try distinctCounts(grouping)))
        case .sum:
            if let exact = try exactDecimalSums(grouping) {
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

    /// Present values per group, counted in pieces on all cores.
    /// - Throws: `Interrupted` on Ctrl-C.
    public func presentCounts(_ grouping: Grouping) throws -> ContiguousArray<Int64> {
        let groups = grouping.groupCount
        let parts = try grouping.partials { piece -> ContiguousArray<Int64> in
            var counts = ContiguousArray<Int64>(repeating: 0, count: groups)
            try counts.withUnsafeMutableBufferPointer { c in
                try grouping.forEachPresentRow(validity, in: piece) { group, _ in c[group] &+= 1 }
            }
            return counts
        }
        return mergedCounts(parts, groups)
    }
}

/// Counts rows per group, missing or not: `count` with no column.
/// - Throws: `Interrupted` on Ctrl-C.
public func countRows(_ grouping: Grouping) throws -> Column {
    let groups = grouping.groupCount
    var counts = ContiguousArray<Int64>(repeating: 0, count: groups)
    if grouping.isSingle {
        counts[0] = Int64(grouping.selection.count)
    } else {
        let pieces = Parallel.aggregationPieces(grouping.groupOfRow.count, perPieceCost: groups)
        let parts = try grouping.groupOfRow.withUnsafeBufferPointer { ofRow in
            try Parallel.mapThrowing(pieces.count) { p -> ContiguousArray<Int64> in
                var part = ContiguousArray<Int64>(repeating: 0, count: groups)
                try part.withUnsafeMutableBufferPointer { c in
                    try Selection.forEachBlock(of: pieces[p]) { block in
                        for i in block { c[Int(ofRow[i])] &+= 1 }
                    }
                }
                return part
            }
        }
        counts = mergedCounts(parts, groups)
    }
    return Column(name: "count", storage: .integer(IntegerBuffer(narrowing: counts)))
}

/// The per-group sums of partial counts.
func mergedCounts(_ parts: [ContiguousArray<Int64>], _ groups: Int) -> ContiguousArray<Int64> {
    guard var total = parts.first else { return ContiguousArray(repeating: 0, count: groups) }
    for part in parts.dropFirst() {
        for g in 0..<groups { total[g] &+= part[g] }
    }
    return total
}
