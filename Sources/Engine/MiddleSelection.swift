/// The middle of an unsorted bucket of doubles, found by selection rather than sorting.
///
/// Hoare's FIND (Hoare 1961, Algorithm 65; in the partitioning form of Wirth, *Algorithms + Data Structures
/// = Programs*, §2.3.4) with a median-of-three pivot. Like introselect (Musser 1997) it counts its rounds
/// and sorts what is left after 2·log2(n) + 8 of them, so a pathological input costs O(n log n), never O(n²).
enum MiddleSelection {
    /// The median of `bucket` (the mean of the two middle values when the count is even); NaN is greater
    /// than every number, so a bucket whose middle falls among its NaNs has a NaN median.
    /// Reorders `bucket`. - Precondition: `bucket` is not empty.
    static func median(_ bucket: UnsafeMutableBufferPointer<Double>) -> Double {
        if bucket.count >= sampledMinimum, let found = sampledMedian(bucket) { return found }
        let n = bucket.count
        // NaNs to the end (they compare false with everything, so the selection must not see them).
        var numbers = 0
        for i in 0..<n where !bucket[i].isNaN {
            if i != numbers { bucket.swapAt(i, numbers) }
            numbers += 1
        }
        let upper = n / 2
        guard upper < numbers else { return .nan }
        let values = UnsafeMutableBufferPointer(rebasing: bucket[0..<numbers])
        select(values, upper)
        if n % 2 == 1 { return values[upper] }
        return (greatest(values, before: upper) + values[upper]) / 2
    }

    /// Buckets at least this large are first tried by sampling (`sampledMedian`).
    static let sampledMinimum = 16_384

    /// The median found in one pass, as in Floyd and Rivest's SELECT (CACM 18(3), 1975): a sorted sample of
    /// 4,096 values gives two bounds that very likely hold the middle between them; one branch-free pass
    /// counts the values below the lower bound and copies those between the bounds; the middle is then
    /// selected among the copies, about 6 % of the bucket. The Hoare selection it replaces read and swapped
    /// the bucket several times with a hard-to-predict branch at every value. nil when the middle was not
    /// between the bounds, or too many values were (a value repeated through the middle): the caller then
    /// selects over the whole bucket. Leaves `bucket` unchanged.
    static func sampledMedian(_ bucket: UnsafeMutableBufferPointer<Double>) -> Double? {
        let n = bucket.count, upper = n / 2
        let sampleSize = 4_096
        var sample: [Double] = []
        sample.reserveCapacity(sampleSize)
        for j in 0..<sampleSize {
            // Evenly spread, with the offset within each stride varied so a period in the data is not followed.
            let at = (j * n) / sampleSize + Int(UInt32(truncatingIfNeeded: j &* 2_654_435_761) % UInt32(max(1, n / sampleSize)))
            let v = bucket[min(at, n - 1)]
            if !v.isNaN { sample.append(v) }
        }
        guard sample.count >= 256 else { return nil }
        sample.sort()
        // The middle's rank among all the sampled values is about upper/n of them, give or take √s/2; NaNs
        // sort last, so among the numbers sampled it is at the same index (past them: the middle is a NaN
        // or among the greatest numbers). Four of those give-or-takes either side.
        let s = sample.count
        let at = min(s - 1, upper * sampleSize / n), margin = 2 * Int(Double(s).squareRoot()) + 2
        let low = sample[max(0, at - margin)], high = sample[min(s - 1, at + margin)]
        let capacity = n / 8 + 4_096
        let between = UnsafeMutableBufferPointer<Double>.allocate(capacity: capacity)
        defer { between.deallocate() }
        var below = 0, kept = 0, above = 0
        var start = 0
        while start < n {
            let end = min(n, start + 4_096)
            // A block can add at most its own length; stop before the copies could overflow.
            guard kept + (end - start) <= capacity else { return nil }
            for i in start..<end {
                let v = bucket[i]
                between[kept] = v
                below &+= v < low ? 1 : 0
                above &+= v > high ? 1 : 0
                kept &+= (v >= low ? 1 : 0) & (v <= high ? 1 : 0)
            }
            start = end
        }
        let numbers = below + kept + above
        guard upper < numbers else { return .nan }
        let lowerRank = n % 2 == 1 ? upper : upper - 1
        guard below <= lowerRank, upper < below + kept else { return nil }
        let middle = UnsafeMutableBufferPointer(rebasing: between[0..<kept])
        let k = upper - below
        select(middle, k)
        if n % 2 == 1 { return middle[k] }
        return (greatest(middle, before: k) + middle[k]) / 2
    }

    /// After `select(values, k)` with k > 0: the greatest of the values before `k` (the lower middle).
    private static func greatest(_ values: UnsafeMutableBufferPointer<Double>, before k: Int) -> Double {
        var lower = values[0]
        for i in 1..<k where values[i] > lower { lower = values[i] }
        return lower
    }

    /// Puts the `k`-th smallest value at index `k`, every value before it ≤ it and every value after it ≥ it.
    /// - Precondition: no NaN in `values`; `0 <= k < values.count`.
    static func select(_ values: UnsafeMutableBufferPointer<Double>, _ k: Int) {
        var low = 0, high = values.count - 1
        var rounds = 2 * (Int.bitWidth - values.count.leadingZeroBitCount) + 8
        while low < high {
            if rounds == 0 {
                var rest = UnsafeMutableBufferPointer(rebasing: values[low...high])
                rest.sort()
                return
            }
            rounds -= 1
            let mid = low + (high - low) / 2
            if values[mid] < values[low] { values.swapAt(mid, low) }
            if values[high] < values[low] { values.swapAt(high, low) }
            if values[high] < values[mid] { values.swapAt(high, mid) }
            let pivot = values[mid]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while pivot < values[j] { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // Now values[low...j] ≤ pivot ≤ values[i...high], and anything between equals the pivot.
            if k <= j {
                high = j
            } else if k >= i {
                low = i
            } else {
                return
            }
        }
    }
}
