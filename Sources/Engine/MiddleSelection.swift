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
        let n = bucket.count
        // NaNs to the end (they compare false with everything, so the selection must not see them).
        var numbers = 0
        for i in 0..<n where !bucket[i].isNaN {
            bucket.swapAt(i, numbers)
            numbers += 1
        }
        let upper = n / 2
        guard upper < numbers else { return .nan }
        let values = UnsafeMutableBufferPointer(rebasing: bucket[0..<numbers])
        select(values, upper)
        if n % 2 == 1 { return values[upper] }
        // Everything before `upper` is now at most values[upper]: the lower middle is the greatest of them.
        var lower = values[0]
        for i in 1..<upper where values[i] > lower { lower = values[i] }
        return (lower + values[upper]) / 2
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
