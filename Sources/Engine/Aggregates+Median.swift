/// Median per group, without sorting: the values are bucketed by group (a counting sort on the group, in
/// pieces on all cores), then the middle of each bucket is found by selection (`MiddleSelection`), the
/// buckets shared out among the cores. NaN counts as the greatest value (as in DuckDB's ordering).
/// - Complexity: O(rows) expected; O(rows log rows) at worst (the selection's fallback).
struct MedianKernel: NumericKernel {
    let grouping: Grouping
    let validity: ValidityBitmap?

    func run<T: NumericCell>(_ values: UnsafeBufferPointer<T>) throws -> (values: ContiguousArray<Double>, present: ValidityBitmap) {
        let groups = grouping.groupCount
        let pieces = Parallel.aggregationPieces(grouping.selection.count, perPieceCost: groups)
        // Present values per group and piece, then where each piece writes each group's values: buckets are
        // contiguous per group, and within a group the pieces follow one another (so rows keep their order).
        let counts = try Parallel.mapThrowing(pieces.count) { p -> ContiguousArray<Int> in
            var counts = ContiguousArray<Int>(repeating: 0, count: groups)
            try counts.withUnsafeMutableBufferPointer { c in
                try grouping.forEachPresentRow(validity, in: pieces[p]) { group, _ in c[group] &+= 1 }
            }
            return counts
        }
        var starts = ContiguousArray<Int>(repeating: 0, count: groups + 1)
        var writeAt = [ContiguousArray<Int>](repeating: ContiguousArray(repeating: 0, count: groups), count: pieces.count)
        var next = 0
        for g in 0..<groups {
            starts[g] = next
            for p in pieces.indices {
                writeAt[p][g] = next
                next += counts[p][g]
            }
        }
        starts[groups] = next
        // Every slot is written by the scatter below (each present row once), so the buffer is not zeroed first.
        var bucketed = ContiguousArray<Double>(unsafeUninitializedCapacity: next) { _, initialised in initialised = next }
        var medians = ContiguousArray<Double>(repeating: 0, count: groups)
        try bucketed.withUnsafeMutableBufferPointer { buckets in
            _ = try Parallel.mapThrowing(pieces.count) { p in
                var fill = writeAt[p]
                try fill.withUnsafeMutableBufferPointer { at in
                    try grouping.forEachPresentRow(validity, in: pieces[p]) { group, row in
                        buckets[at[group]] = values[row].asDouble
                        at[group] &+= 1
                    }
                }
            }
            // Groups shared out in contiguous runs of about equal rows, one run per worker.
            let runs = Parallel.ranges(next, minimumPerRange: Parallel.minimumRowsToSplit)
            let groupRuns = runs.map { run in groupIndex(atOrAfter: run.lowerBound, starts)..<groupIndex(atOrAfter: run.upperBound, starts) }
            let found = try Parallel.mapThrowing(groupRuns.count) { r -> [(Int, Double)] in
                var out: [(Int, Double)] = []
                for g in groupRuns[r] where starts[g + 1] > starts[g] {
                    try Interruption.checkpoint()
                    let bucket = UnsafeMutableBufferPointer(rebasing: buckets[starts[g]..<starts[g + 1]])
                    out.append((g, MiddleSelection.median(bucket)))
                }
                return out
            }
            for run in found { for (g, m) in run { medians[g] = m } }
        }
        var present = ValidityBitmap(count: groups, allPresent: false)
        for g in 0..<groups where starts[g + 1] > starts[g] { present.set(g, present: true) }
        return (medians, present)
    }

    /// The first group whose bucket starts at or after `position` (`starts.count - 1` past the last).
    private func groupIndex(atOrAfter position: Int, _ starts: ContiguousArray<Int>) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] < position { low = mid + 1 } else { high = mid }
        }
        // A group that starts before `position` but is cut by it belongs to the run before.
        return low
    }
}
