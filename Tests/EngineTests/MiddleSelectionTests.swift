import Testing
@testable import Engine

/// The median by selection against the median of a full sort, on shapes that break careless quickselects.
@Suite struct MiddleSelectionTests {
    func sortedMedian(_ values: [Double]) -> Double {
        let numbers = values.filter { !$0.isNaN }.sorted()
        let n = values.count, upper = n / 2
        guard upper < numbers.count else { return .nan }
        return n % 2 == 1 ? numbers[upper] : (numbers[upper - 1] + numbers[upper]) / 2
    }

    func selected(_ values: [Double]) -> Double {
        var copy = values
        return copy.withUnsafeMutableBufferPointer { MiddleSelection.median($0) }
    }

    func expectSame(_ values: [Double], _ label: String) {
        let want = sortedMedian(values), got = selected(values)
        #expect(want.isNaN ? got.isNaN : got == want, "\(label): \(got) vs \(want) (n = \(values.count))")
    }

    @Test func fixedShapes() {
        #expect(selected([5]) == 5)
        #expect(selected([2, 1]) == 1.5)
        #expect(selected([3, 1, 2]) == 2)
        #expect(selected([7, 7, 7, 7]) == 7)
        #expect(selected([1, .nan, 3]) == 3)  // NaN is the greatest: 1, 3, NaN
        #expect(selected([.nan, .nan, 1]).isNaN)
        #expect(selected([4, 1, .nan, 2]) == 3)  // 1, 2 | 4, NaN
        for n in [2, 3, 10, 101, 1_000, 4_096] {
            let ascending = (0..<n).map(Double.init)
            expectSame(ascending, "ascending")
            expectSame(ascending.reversed(), "descending")
            expectSame((0..<n).map { Double($0 % 3) }, "three values repeated")
            // Organ pipe: up then down, a classic bad case for middle pivots.
            expectSame((0..<n).map { Double(min($0, n - $0)) }, "organ pipe")
        }
    }

    /// Buckets large enough to be tried by sampling, with shapes that make the sample's bounds miss the
    /// middle or hold too much between them (a repeated middle value, many NaNs, a period in the data),
    /// so the fallback is reached too.
    @Test(arguments: [16_384, 16_385, 50_000, 131_071, 200_000])
    func largeBucketsMatchASort(n: Int) {
        var rng = SplitMix64(seed: UInt64(n))
        expectSame((0..<n).map { _ in (rng.unit() - 0.5) * 1e6 }, "uniform")
        expectSame((0..<n).map { _ in Double(rng.int(in: 0...40)) }, "41 values")
        expectSame((0..<n).map { Double($0) }, "ascending")
        expectSame((0..<n).map { Double(n - $0) }, "descending")
        expectSame(Array(repeating: 2.5, count: n), "one value")
        expectSame((0..<n).map { $0 % 2 == 0 ? 1 : 2 }, "two values alternating")
        expectSame((0..<n).map { _ in rng.chance(0.45) ? .nan : rng.unit() }, "45 % NaN")
        expectSame((0..<n).map { _ in rng.chance(0.55) ? .nan : rng.unit() }, "55 % NaN")
        expectSame((0..<n).map { Double(($0 * 4_096 / n) % 2 == 0 ? $0 : -$0) }, "a period of the sample's stride")
        expectSame((0..<n).map { $0 < n / 2 - 3 ? -1 : $0 > n / 2 + 3 ? 1 : Double($0) }, "a narrow middle")
        // The sampled path itself answers, and agrees with the sort: on numbers, on numbers with NaNs (the
        // middle then far up among the numbers), and when the middle is a NaN.
        for nanShare in [0.0, 0.2, 0.48, 0.6] {
            var values = (0..<n).map { _ in rng.chance(nanShare) ? .nan : rng.unit() * 100 }
            let want = sortedMedian(values)
            let sampled = values.withUnsafeMutableBufferPointer { MiddleSelection.sampledMedian($0) }
            #expect(sampled.map { want.isNaN ? $0.isNaN : $0 == want } == true,
                    "\(nanShare) NaN: sampled \(String(describing: sampled)) vs \(want)")
        }
    }

    @Test(arguments: 0..<200)
    func randomBucketsMatchASort(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &+ 77)
        let n = rng.int(in: 1...(seed % 10 == 0 ? 20_000 : 300))
        let distinct = rng.int(in: 1...max(1, n))
        let values: [Double] = (0..<n).map { _ in
            if rng.chance(0.02) { return .nan }
            return rng.chance(0.5) ? Double(rng.int(in: 0...distinct)) : (rng.unit() - 0.5) * 1e6
        }
        expectSame(values, "seed \(seed)")
    }
}
