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
