import Testing
@testable import Engine

/// Aggregation in pieces (`Parallel.aggregationPieces`) merged at the end must give what one pass gives.
@Suite struct PartialAggregationTests {
    @Test func piecesDependOnTheRowsNotTheCores() {
        #expect(Parallel.aggregationPieces(0) == [0..<0])
        #expect(Parallel.aggregationPieces(399_999) == [0..<399_999])
        #expect(Parallel.aggregationPieces(400_000) == [0..<200_000, 200_000..<400_000])
        #expect(Parallel.aggregationPieces(10_000_000).count == Parallel.maximumAggregationPieces)
        // Many groups: each piece must hold 16 rows per group its partial keeps.
        #expect(Parallel.aggregationPieces(1_000_000, perPieceCost: 50_000) == [0..<1_000_000])
        let pieces = Parallel.aggregationPieces(1_000_003)
        #expect(pieces.first?.lowerBound == 0 && pieces.last?.upperBound == 1_000_003)
        for (a, b) in zip(pieces, pieces.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
    }

    /// 600,000 rows in three pieces; the values in the first piece and the rest cancel, so every prefix
    /// overflows 64 bits but the exact sums fit: they must come back as exact integers.
    @Test func integerSumsThatWrapInAPieceButFitOverallStayExact() throws {
        let n = 600_000
        let big = Int64.max / 4
        let values = ContiguousArray((0..<n).map { i -> Int64 in i < 8 ? big : (i < 16 ? -big : Int64(i % 7)) })
        let keys = ContiguousArray((0..<n).map { Int32($0 % 2) })
        let column = Column(name: "v", storage: .integer(.int64(values)))
        let key = Column(name: "k", storage: .text(DictionaryText(codes: .int32(keys), dictionary: ["a", "b"])))
        let grouping = try Grouping(keys: [key], selection: .all(count: n))
        let sums = try column.aggregate(.sum, grouping)
        var want: [Int64] = [0, 0]
        for i in 16..<n { want[i % 2] += Int64(i % 7) }
        #expect(integers(sums) == want.map { Optional($0) })
        // The same values with one more `big` in group 0: its exact sum no longer fits, so all are decimals.
        var over = values
        over[20] = big
        over[22] = big
        over[24] = big
        over[26] = big
        let overSums = try Column(name: "v", storage: .integer(.int64(over))).aggregate(.sum, grouping)
        #expect(overSums.type == .decimal)
    }

    /// Groups first met in a later piece are numbered after the earlier pieces' groups, as in one pass.
    @Test func groupsKeepTheOrderOfFirstAppearanceAcrossPieces() throws {
        let n = 900_000
        // Piece 1 (rows 0..<300,000) sees only "x"; later pieces meet "z" before "y".
        let codes = ContiguousArray((0..<n).map { i -> Int8 in i < 300_000 ? 0 : (i < 700_000 ? 2 : (i % 2 == 0 ? 1 : 2)) })
        let key = Column(name: "k", storage: .text(DictionaryText(codes: .int8(codes), dictionary: ["x", "y", "z"])))
        let grouping = try Grouping(keys: [key], selection: .all(count: n))
        #expect(grouping.groupCount == 3)
        #expect(Array(grouping.firstRow) == [0, 300_000, 700_000])
        #expect(grouping.groupOfRow[299_999] == 0 && grouping.groupOfRow[300_000] == 1 && grouping.groupOfRow[700_000] == 2)
        #expect(grouping.groupOfRow[700_001] == 1)
        #expect(integers(try countRows(grouping)) == [300_000, 500_000, 100_000])
    }
}
