import Testing
@testable import Engine

/// Hand-computed aggregates over one small table.
///
///     row  g   v    d      f      t
///     0    x   4    1.5    true   p
///     1    y   –    –      false  q
///     2    x   1    -2.0   –      p
///     3    x   7    0.25   true   –
///     4    y   10   3.0    true   p
///     5    z   –    –      –      r
///     6    x   4    1.5    false  q
///
/// Groups in first-appearance order: x = 0 (rows 0 2 3 6), y = 1 (rows 1 4), z = 2 (row 5; every value missing).
@Suite struct AggregateTests {
    static let g = textColumn(["x", "y", "x", "x", "y", "z", "x"], name: "g")
    static let v = intColumn([4, nil, 1, 7, 10, nil, 4], name: "v")
    static let d = decColumn([1.5, nil, -2.0, 0.25, 3.0, nil, 1.5], name: "d")
    static let f = boolColumn([true, false, nil, true, true, nil, false], name: "f")
    static let t = textColumn(["p", "q", "p", nil, "p", "r", "q"], name: "t")
    static let grouping = try! Grouping(keys: [g], selection: .all(count: 7))

    func agg(_ column: Column, _ function: AggregateFunction) throws -> Column {
        try column.aggregate(function, Self.grouping)
    }

    @Test func groupingIsAsDocumented() throws {
        #expect(Self.grouping.groupCount == 3)
        #expect(Array(Self.grouping.groupOfRow) == [0, 1, 0, 0, 1, 2, 0])
    }

    @Test func countRowsCountsMissingToo() throws {
        let counts = try countRows(Self.grouping)
        #expect(counts.name == "count")
        #expect(integers(counts) == [4, 2, 1])
    }

    @Test func countCountsPresentValuesOnly() throws {
        #expect(integers(try agg(Self.v, .count)) == [4, 1, 0])
        #expect(integers(try agg(Self.d, .count)) == [4, 1, 0])
        #expect(integers(try agg(Self.f, .count)) == [3, 2, 0])
        #expect(integers(try agg(Self.t, .count)) == [3, 2, 1])
        #expect(integers(try agg(Self.g, .count)) == [4, 2, 1])
    }

    @Test func countDistinct() throws {
        #expect(integers(try agg(Self.v, .countDistinct)) == [3, 1, 0])
        #expect(integers(try agg(Self.d, .countDistinct)) == [3, 1, 0])
        #expect(integers(try agg(Self.f, .countDistinct)) == [2, 2, 0])
        #expect(integers(try agg(Self.t, .countDistinct)) == [2, 2, 1])
    }

    @Test func countDistinctTreatsZerosAsOneAndDistinguishesMissing() throws {
        let values = decColumn([0.0, -0.0, nil, 0.0])
        let total = try values.aggregate(.countDistinct, Grouping(single: .all(count: 4)))
        #expect(integers(total) == [1])
        let ints = intColumn([0, nil, 0, 5])
        #expect(integers(try ints.aggregate(.countDistinct, Grouping(single: .all(count: 4)))) == [2])
    }

    @Test func sum() throws {
        let sums = try agg(Self.v, .sum)
        #expect(sums.name == "v")
        #expect(sums.type == .integer)
        #expect(integers(sums) == [16, 10, nil])
        let decimalSums = try agg(Self.d, .sum)
        #expect(decimalSums.type == .decimal)
        #expect(decimals(decimalSums) == [1.25, 3.0, nil])
        let booleanSums = try agg(Self.f, .sum)
        #expect(booleanSums.type == .integer)
        #expect(integers(booleanSums) == [2, 1, nil])
    }

    @Test func sumWidensBeyondTheColumnsWidth() throws {
        let column = intColumn([100, 100, 100])
        guard case .integer(let input) = column.storage else { Issue.record("not integer"); return }
        #expect(input.bitWidth == 8)
        let total = try column.aggregate(.sum, Grouping(single: .all(count: 3)))
        #expect(integers(total) == [300])
    }

    @Test func sumFallsBackToDecimalOnInt64Overflow() throws {
        // Group 0 overflows; the whole result becomes decimal, group 1 included.
        let key = intColumn([0, 0, 1, 1])
        let values = intColumn([Int64.max, 1, 2, 3])
        let sums = try values.aggregate(.sum, try Grouping(keys: [key], selection: .all(count: 4)))
        #expect(sums.type == .decimal)
        #expect(decimals(sums) == [9.223372036854775808e18, 5.0])
    }

    @Test func negativeOverflowFallsBackToDecimal() throws {
        let values = intColumn([Int64.min, -1, nil])
        let sums = try values.aggregate(.sum, Grouping(single: .all(count: 3)))
        #expect(sums.type == .decimal)
        #expect(decimals(sums) == [-9.223372036854775809e18])
    }

    @Test func mean() throws {
        let means = try agg(Self.v, .mean)
        #expect(means.type == .decimal)
        #expect(decimals(means) == [4.0, 10.0, nil])
        #expect(decimals(try agg(Self.d, .mean)) == [0.3125, 3.0, nil])
        let flagMeans = decimals(try agg(Self.f, .mean))
        #expect(flagMeans[1] == 0.5 && flagMeans[2] == nil)
        #expect(approxEqual(flagMeans[0] ?? .nan, 2.0 / 3.0))
    }

    @Test func meanOfHugeIntegers() throws {
        let values = intColumn([Int64.max, Int64.max])
        #expect(decimals(try values.aggregate(.mean, Grouping(single: .all(count: 2)))) == [9.223372036854775807e18])
    }

    @Test func minAndMaxKeepTheColumnType() throws {
        let mins = try agg(Self.v, .min), maxes = try agg(Self.v, .max)
        #expect(mins.type == .integer && maxes.type == .integer)
        #expect(integers(mins) == [1, 10, nil])
        #expect(integers(maxes) == [7, 10, nil])
        #expect(decimals(try agg(Self.d, .min)) == [-2.0, 3.0, nil])
        #expect(decimals(try agg(Self.d, .max)) == [1.5, 3.0, nil])
        let flagMin = try agg(Self.f, .min), flagMax = try agg(Self.f, .max)
        #expect(flagMin.type == .boolean)
        #expect(cells(flagMin) == [.boolean(false), .boolean(false), .missing])
        #expect(cells(flagMax) == [.boolean(true), .boolean(true), .missing])
    }

    @Test func extremesOfAllNegativeOrAllPositiveValues() throws {
        let key = textColumn(["a", "a", "b", "b"])
        let grouping = try Grouping(keys: [key], selection: .all(count: 4))
        let negatives = decColumn([-3.5, -1.25, 1e300, 2e300])
        #expect(decimals(try negatives.aggregate(.max, grouping)) == [-1.25, 2e300])
        #expect(decimals(try negatives.aggregate(.min, grouping)) == [-3.5, 1e300])
        let wide = intColumn([Int64.min, -7, Int64.max, 7])
        #expect(integers(try wide.aggregate(.min, grouping)) == [Int64.min, 7])
        #expect(integers(try wide.aggregate(.max, grouping)) == [-7, Int64.max])
    }

    /// A group whose only values are NaN has no maximum of −∞ (nor a minimum of +∞): NaN or missing would be
    /// honest; the kernel returns its starting value because every comparison with NaN is false.
    @Test func extremesOfOnlyNaNAreNotInfinite() throws {
        let values = decColumn([.nan, .nan])
        let grouping = Grouping(single: .all(count: 2))
        for function in [AggregateFunction.max, .min] {
            let cell = try values.aggregate(function, grouping).value(at: 0)
            #expect(cell.number.map { $0.isNaN } ?? true, "\(function.rawValue) of NaN values gave \(cell)")
        }
    }

    @Test func median() throws {
        let medians = try agg(Self.v, .median)
        #expect(medians.type == .decimal)
        #expect(decimals(medians) == [4.0, 10.0, nil])  // x: 1 4 4 7 → (4 + 4) / 2
        #expect(decimals(try agg(Self.d, .median)) == [0.875, 3.0, nil])  // x: -2 0.25 1.5 1.5
        #expect(decimals(try agg(Self.f, .median)) == [1.0, 0.5, nil])
    }

    @Test func medianOddAndEven() throws {
        let key = intColumn([1, 1, 1, 2, 2, 2, 2])
        let values = intColumn([3, 1, 2, 10, 1, 3, 2])
        let medians = try values.aggregate(.median, try Grouping(keys: [key], selection: .all(count: 7)))
        #expect(decimals(medians) == [2.0, 2.5])
        let unordered = decColumn([9.5, -1, 4, 100, nil, 2])
        #expect(decimals(try unordered.aggregate(.median, Grouping(single: .all(count: 6)))) == [4.0])
    }

    @Test func stddevIsTheSampleDeviation() throws {
        let deviations = try agg(Self.v, .stddev)
        #expect(deviations.type == .decimal)
        let values = decimals(deviations)
        #expect(approxEqual(values[0] ?? .nan, 2.449489742783178))  // √(18 / 3)
        #expect(values[1] == nil)  // a single value has no sample deviation
        #expect(values[2] == nil)
        let d = decimals(try agg(Self.d, .stddev))
        #expect(approxEqual(d[0] ?? .nan, 1.6504418600281967))
        #expect(d[1] == nil && d[2] == nil)
        let f = decimals(try agg(Self.f, .stddev))
        #expect(approxEqual(f[0] ?? .nan, 0.5773502691896257))
        #expect(approxEqual(f[1] ?? .nan, 0.7071067811865476))
        #expect(f[2] == nil)
    }

    @Test func stddevIsAccurateFarFromZero() throws {
        // The naive Σx² − n·mean² formula loses every digit here; Welford keeps them.
        let offset = 1e9
        let values = decColumn([4, 7, 13, 16].map { offset + $0 })
        let result = decimals(try values.aggregate(.stddev, Grouping(single: .all(count: 4))))
        #expect(approxEqual(result[0] ?? .nan, 5.477225575051661))  // √30
        let constant = decColumn([0.1, 0.1, 0.1])
        #expect(decimals(try constant.aggregate(.stddev, Grouping(single: .all(count: 3)))) == [0.0])
    }

    @Test func numericAggregatesRejectText() throws {
        for function in [AggregateFunction.sum, .mean, .min, .max, .median, .stddev] {
            #expect(throws: EngineError.typeMismatch(column: "t", expected: "numbers", actual: .text)) {
                try Self.t.aggregate(function, Self.grouping)
            }
        }
    }

    @Test func emptySelectionWithoutKeysIsOneGroupOfNothing() throws {
        let grouping = Grouping(single: .rows([]))
        #expect(integers(try countRows(grouping)) == [0])
        #expect(integers(try Self.v.aggregate(.count, grouping)) == [0])
        #expect(integers(try Self.v.aggregate(.countDistinct, grouping)) == [0])
        for function in [AggregateFunction.sum, .mean, .min, .max, .median, .stddev] {
            #expect(cells(try Self.v.aggregate(function, grouping)) == [.missing])
            #expect(cells(try Self.d.aggregate(function, grouping)) == [.missing])
        }
    }

    @Test func aggregatesOverASelection() throws {
        // Rows 0, 3, 4: x → 4, 7; y → 10.
        let grouping = try Grouping(keys: [Self.g], selection: .rows([0, 3, 4]))
        #expect(integers(try Self.v.aggregate(.sum, grouping)) == [11, 10])
        #expect(integers(try countRows(grouping)) == [2, 1])
        #expect(decimals(try Self.d.aggregate(.mean, grouping)) == [0.875, 3.0])
    }

    @Test func aggregatesWithoutKeys() throws {
        let grouping = Grouping(single: .all(count: 7))
        #expect(integers(try Self.v.aggregate(.sum, grouping)) == [26])
        #expect(integers(try Self.v.aggregate(.count, grouping)) == [5])
        #expect(decimals(try Self.v.aggregate(.mean, grouping)) == [5.2])
        #expect(decimals(try Self.v.aggregate(.median, grouping)) == [4.0])
        #expect(integers(try Self.v.aggregate(.countDistinct, grouping)) == [4])
    }

    @Test func annotations() throws {
        let share = Column(name: "share", storage: .decimal([0.5, 0.25]),
                           annotations: ColumnAnnotations(isPercentage: true, convention: "decimal comma"))
        let grouping = Grouping(single: .all(count: 2))
        #expect(try share.aggregate(.mean, grouping).annotations.isPercentage)
        #expect(try share.aggregate(.max, grouping).annotations.isPercentage)
        #expect(try share.aggregate(.count, grouping).annotations == ColumnAnnotations())
        #expect(try share.aggregate(.countDistinct, grouping).annotations == ColumnAnnotations())
    }
}
