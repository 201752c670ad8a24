import Testing
@testable import Engine

@Suite struct ParallelTests {
    /// Ranges must be contiguous, ascending, cover 0..<count exactly, and number one per worker at most.
    func checkRanges(_ count: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let ranges = Parallel.ranges(count)
        #expect(ranges.first?.lowerBound == 0, sourceLocation: sourceLocation)
        #expect(ranges.last?.upperBound == count, sourceLocation: sourceLocation)
        for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound == b.lowerBound, sourceLocation: sourceLocation) }
        #expect(ranges.reduce(0) { $0 + $1.count } == count, sourceLocation: sourceLocation)
        let expectedPieces = max(1, min(Parallel.workerCount, count / Parallel.minimumRowsToSplit))
        #expect(ranges.count == expectedPieces, sourceLocation: sourceLocation)
    }

    @Test(arguments: [0, 1, 2, 199_999, 200_000, 399_999, 400_000, 400_001, 1_000_003, 1_600_000, 5_000_000])
    func rangesCoverEverything(count: Int) { checkRanges(count) }

    @Test func smallInputsStayOnOneThread() {
        #expect(Parallel.ranges(0) == [0..<0])
        #expect(Parallel.ranges(10) == [0..<10])
        #expect(Parallel.ranges(399_999) == [0..<399_999])
        #expect(Parallel.ranges(10, minimumPerRange: 0).count == min(Parallel.workerCount, 10))
    }

    @Test func mapKeepsIndexOrder() {
        #expect(Parallel.map(1) { $0 * 10 } == [0])
        #expect(Parallel.map(7) { $0 * $0 } == [0, 1, 4, 9, 16, 25, 36])
    }

    /// A filter over 450 000 rows is split across workers when there are several; the pieces must come back in
    /// row order, from both `.all` and `.rows` selections, with and without missing values.
    @Test func largeFilterKeepsRowOrder() throws {
        let n = 450_000
        var values = ContiguousArray<Int64>()
        values.reserveCapacity(n)
        for i in 0..<n { values.append(Int64((i &* 7919) % 1000)) }
        var present = [Bool]()
        present.reserveCapacity(n)
        for i in 0..<n { present.append(i % 13 != 0) }
        let dense = Column(name: "x", storage: .integer(IntegerBuffer(narrowing: values)))
        let sparse = Column(name: "x", storage: .integer(IntegerBuffer(narrowing: values)), validity: ValidityBitmap(present))

        let expectedDense = (0..<n).filter { values[$0] < 500 }
        #expect(rowList(try dense.select(.less, 500, from: .all(count: n))) == expectedDense)
        let expectedSparse = (0..<n).filter { present[$0] && values[$0] < 500 }
        #expect(rowList(try sparse.select(.less, 500, from: .all(count: n))) == expectedSparse)

        // From a .rows selection of 440 000 rows (still split).
        let selection = Selection.rows(ContiguousArray((0..<Int32(n)).filter { $0 % 45 != 0 }))
        #expect(selection.count > 2 * Parallel.minimumRowsToSplit)
        #expect(rowList(try sparse.select(.greaterOrEqual, 250, from: selection))
                == (0..<n).filter { $0 % 45 != 0 && present[$0] && values[$0] >= 250 })

        // Every row passing still gives .all, split or not.
        #expect(try dense.select(.greaterOrEqual, 0, from: .all(count: n)) == .all(count: n))
        #expect(sparse.selectMissing(true, from: .all(count: n)).count == (0..<n).filter { $0 % 13 == 0 }.count)
    }
}
