import Testing
@testable import Engine

@Suite struct FilterKernelTests {
    // Rows:                          0   1   2    3  4    5  6  7    8     9
    static let small: [Int64?] = [5, -3, nil, 4, 127, 0, 4, nil, -128, 10]  // fits Int8
    static let present = [0, 1, 3, 4, 5, 6, 8, 9]

    static let integerCases: [(Comparison, Double, [Int])] = [
        (.equal, 4, [3, 6]),
        (.notEqual, 4, [0, 1, 4, 5, 8, 9]),
        (.less, 4, [1, 5, 8]),
        (.lessOrEqual, 4, [1, 3, 5, 6, 8]),
        (.greater, 4, [0, 4, 9]),
        (.greaterOrEqual, 4, [0, 3, 4, 6, 9]),
        // Non-integral constants: `> 4.5` is `>= 5`, `< 4.5` is `<= 4`, `= 4.5` matches nothing.
        (.equal, 4.5, []),
        (.notEqual, 4.5, present),
        (.less, 4.5, [1, 3, 5, 6, 8]),
        (.lessOrEqual, 4.5, [1, 3, 5, 6, 8]),
        (.greater, 4.5, [0, 4, 9]),
        (.greaterOrEqual, 4.5, [0, 4, 9]),
        (.less, -3.5, [8]),
        (.lessOrEqual, -3.5, [8]),
        (.greater, -3.5, [0, 1, 3, 4, 5, 6, 9]),
        (.greaterOrEqual, -3.5, [0, 1, 3, 4, 5, 6, 9]),
        (.greater, -3, [0, 3, 4, 5, 6, 9]),
        (.greaterOrEqual, -3, [0, 1, 3, 4, 5, 6, 9]),
        (.equal, -0.0, [5]),
        // Constants outside Int8's range on an Int8 column.
        (.greater, 200, []),
        (.greaterOrEqual, 128, []),
        (.less, 200, present),
        (.lessOrEqual, 128, present),
        (.equal, 128, []),
        (.equal, -129, []),
        (.notEqual, 128, present),
        (.notEqual, -129, present),
        (.less, -129, []),
        (.lessOrEqual, -129, []),
        (.greater, -1000, present),
        (.greaterOrEqual, -128, present),
        (.less, -128, []),
        (.lessOrEqual, -128, [8]),
        (.greater, 127, []),
        (.greaterOrEqual, 127, [4]),
        (.equal, 127, [4]),
        (.equal, -128, [8]),
        (.greater, 126.5, [4]),
        (.less, -127.5, [8]),
        (.less, 1e300, present),
        (.greater, -1e300, present),
        (.greater, 1e300, []),
        (.less, .infinity, present),
        (.greaterOrEqual, .infinity, []),
        (.lessOrEqual, -.infinity, []),
        (.greater, -.infinity, present),
        // NaN: nothing equals it or is ordered against it; every present value differs from it.
        (.equal, .nan, []),
        (.less, .nan, []),
        (.greaterOrEqual, .nan, []),
        (.notEqual, .nan, present),
    ]

    @Test(arguments: integerCases)
    func integerComparison(comparison: Comparison, constant: Double, expected: [Int]) throws {
        let column = intColumn(Self.small)
        #expect(rowList(try column.select(comparison, constant, from: everyRow(column))) == expected)
    }

    /// The same comparisons at every stored width: values are scaled so the column needs 16, 32 or 64 bits.
    @Test(arguments: [(Int64(100), 16), (1_000_000, 32), (10_000_000_000, 64)])
    func integerComparisonAtEveryWidth(scale: Int64, width: Int) throws {
        let column = intColumn(Self.small.map { $0.map { $0 * scale } })
        guard case .integer(let buffer) = column.storage else { Issue.record("not integer"); return }
        #expect(buffer.bitWidth == width)
        let s = Double(scale)
        #expect(rowList(try column.select(.equal, 4 * s, from: everyRow(column))) == [3, 6])
        #expect(rowList(try column.select(.notEqual, 4 * s, from: everyRow(column))) == [0, 1, 4, 5, 8, 9])
        #expect(rowList(try column.select(.less, 4 * s, from: everyRow(column))) == [1, 5, 8])
        #expect(rowList(try column.select(.lessOrEqual, 4 * s, from: everyRow(column))) == [1, 3, 5, 6, 8])
        #expect(rowList(try column.select(.greater, 4.5 * s, from: everyRow(column))) == [0, 4, 9])
        #expect(rowList(try column.select(.greaterOrEqual, 4 * s + 0.5, from: everyRow(column))) == [0, 4, 9])
        #expect(rowList(try column.select(.equal, 4 * s + 0.5, from: everyRow(column))) == [])
    }

    @Test func int16ColumnBoundaries() throws {
        let column = intColumn([Int64(Int16.max), Int64(Int16.min), 0, nil])
        guard case .integer(let buffer) = column.storage else { Issue.record("not integer"); return }
        #expect(buffer.bitWidth == 16)
        #expect(rowList(try column.select(.greater, 32767, from: everyRow(column))) == [])
        #expect(rowList(try column.select(.greaterOrEqual, 32767, from: everyRow(column))) == [0])
        #expect(rowList(try column.select(.less, -32768, from: everyRow(column))) == [])
        #expect(rowList(try column.select(.less, 40000, from: everyRow(column))) == [0, 1, 2])
        #expect(rowList(try column.select(.equal, 32768, from: everyRow(column))) == [])
    }

    // Rows:                                0     1    2    3    4    5     6       7     8
    static let decimalValues: [Double?] = [1.5, -0.5, nil, 2.0, 4.5, nil, 4.4999, -0.0, 0.0]

    static let decimalCases: [(Comparison, Double, [Int])] = [
        (.equal, 4.5, [4]),
        (.notEqual, 4.5, [0, 1, 3, 6, 7, 8]),
        (.less, 4.5, [0, 1, 3, 6, 7, 8]),
        (.lessOrEqual, 4.5, [0, 1, 3, 4, 6, 7, 8]),
        (.greater, 4.5, []),
        (.greaterOrEqual, 4.5, [4]),
        (.equal, 0, [7, 8]),
        (.greater, 0, [0, 3, 4, 6]),
        (.less, 0, [1]),
        (.equal, 2, [3]),
        (.greater, 4.4999, [4]),
        (.notEqual, .nan, [0, 1, 3, 4, 6, 7, 8]),
        (.equal, .nan, []),
    ]

    @Test(arguments: decimalCases)
    func decimalComparison(comparison: Comparison, constant: Double, expected: [Int]) throws {
        let column = decColumn(Self.decimalValues)
        #expect(rowList(try column.select(comparison, constant, from: everyRow(column))) == expected)
    }

    @Test func missingNeverMatchesEvenWhenTheSlotHoldsTheConstant() throws {
        // Missing slots hold 0, so `= 0`, `<= 0` and `>= 0` must consult the bitmap.
        let ints = intColumn([nil, 0, nil])
        #expect(rowList(try ints.select(.equal, 0, from: everyRow(ints))) == [1])
        #expect(rowList(try ints.select(.lessOrEqual, 0, from: everyRow(ints))) == [1])
        #expect(rowList(try ints.select(.notEqual, 1, from: everyRow(ints))) == [1])
        let decs = decColumn([nil, 0, nil])
        #expect(rowList(try decs.select(.greaterOrEqual, 0, from: everyRow(decs))) == [1])
        #expect(rowList(try decs.select(.notEqual, 5, from: everyRow(decs))) == [1])
        let allMissing = intColumn([nil, nil])
        for comparison in Comparison.allCases {
            #expect(try allMissing.select(comparison, 0, from: everyRow(allMissing)).count == 0)
        }
    }

    @Test func filtersNarrowAGivenSelection() throws {
        let column = intColumn(Self.small)
        let from = Selection.rows([0, 2, 3, 6, 9])
        #expect(rowList(try column.select(.greater, 4, from: from)) == [0, 9])
        #expect(rowList(try column.select(.notEqual, 4, from: from)) == [0, 9])
        #expect(rowList(try column.select(.equal, 4, from: from)) == [3, 6])
        #expect(rowList(try column.select(.less, 100, from: .rows([]))) == [])
        let decimals = decColumn(Self.decimalValues)
        #expect(rowList(try decimals.select(.less, 3, from: .rows([2, 3, 4, 7]))) == [3, 7])
    }

    @Test func chainedFiltersAreAnd() throws {
        let column = intColumn(Self.small)
        let first = try column.select(.greater, -10, from: everyRow(column))
        let second = try column.select(.less, 10, from: first)
        #expect(rowList(second) == [0, 1, 3, 5, 6])
    }

    @Test func allPassingRowsStayAll() throws {
        let column = intColumn([1, 2, 3])
        #expect(try column.select(.greater, 0, from: everyRow(column)) == .all(count: 3))
        #expect(try column.select(.greater, 1, from: everyRow(column)) == .rows([1, 2]))
        let withMissing = intColumn([1, nil, 3])
        #expect(try withMissing.select(.greater, 0, from: everyRow(withMissing)) == .rows([0, 2]))
    }

    @Test func emptyColumn() throws {
        let column = intColumn([])
        #expect(try column.select(.greater, 0, from: everyRow(column)).count == 0)
        #expect(try column.select(.notEqual, 0, from: everyRow(column)).count == 0)
        #expect(try decColumn([]).select(.less, 0, from: .all(count: 0)).count == 0)
    }

    @Test func numericComparisonRejectsTextAndBoolean() {
        let text = textColumn(["a"], name: "tinh")
        #expect(throws: EngineError.typeMismatch(column: "tinh", expected: "a number", actual: .text)) {
            try text.select(.less, 1, from: .all(count: 1))
        }
        let flags = boolColumn([true], name: "ngheo")
        #expect(throws: EngineError.typeMismatch(column: "ngheo", expected: "a number", actual: .boolean)) {
            try flags.select(.equal, 1, from: .all(count: 1))
        }
    }

    // MARK: integersIn

    @Test func integersIn() throws {
        let column = intColumn(Self.small)
        #expect(rowList(try column.select(integersIn: 0...5, from: everyRow(column))) == [0, 3, 5, 6])
        #expect(rowList(try column.select(integersIn: -128...(-128), from: everyRow(column))) == [8])
        #expect(rowList(try column.select(integersIn: -1000...1000, from: everyRow(column))) == Self.present)
        #expect(rowList(try column.select(integersIn: 128...300, from: everyRow(column))) == [])
        #expect(rowList(try column.select(integersIn: -300...(-129), from: everyRow(column))) == [])
        #expect(rowList(try column.select(integersIn: Int64.min...Int64.max, from: .rows([1, 2, 4]))) == [1, 4])
        #expect(throws: EngineError.self) { try decColumn([1]).select(integersIn: 0...1, from: .all(count: 1)) }
    }

    // MARK: codesIn

    @Test func codesIn() throws {
        let column = textColumn(["Hà Nội", nil, "Huế", "Hà Nội", "Cần Thơ", "Huế"])
        guard case .text(let text) = column.storage else { Issue.record("not text"); return }
        #expect(text.dictionary == ["Hà Nội", "Huế", "Cần Thơ"])
        // Row 1 is missing and its slot holds code 0 (Hà Nội): it must still not match.
        #expect(rowList(try column.select(codesIn: [true, false, true], from: everyRow(column))) == [0, 3, 4])
        #expect(rowList(try column.select(codesIn: [false, true, false], from: everyRow(column))) == [2, 5])
        #expect(rowList(try column.select(codesIn: [false, false, false], from: everyRow(column))) == [])
        #expect(rowList(try column.select(codesIn: [true, true, true], from: everyRow(column))) == [0, 2, 3, 4, 5])
        #expect(rowList(try column.select(codesIn: [true, true, false], from: .rows([1, 2, 3, 4]))) == [2, 3])
        #expect(throws: EngineError.typeMismatch(column: "i", expected: "text", actual: .integer)) {
            try intColumn([1]).select(codesIn: [true], from: .all(count: 1))
        }
    }

    @Test func codesInWithWideCodes() throws {
        // 300 dictionary entries: codes are stored in 16 bits.
        let dictionary = (0..<300).map { "x\($0)" }
        let column = textColumn(dictionary: dictionary, codes: [299, 5, nil, 150, 299])
        guard case .text(let text) = column.storage else { Issue.record("not text"); return }
        #expect(text.codes.bitWidth == 16)
        var mask = [Bool](repeating: false, count: 300)
        mask[299] = true
        mask[0] = true  // the missing slot's code
        #expect(rowList(try column.select(codesIn: mask, from: everyRow(column))) == [0, 4])
    }

    // MARK: boolean

    @Test func booleanSelection() throws {
        let column = boolColumn([true, false, nil, true, false])
        #expect(rowList(try column.select(boolean: true, from: everyRow(column))) == [0, 3])
        // The missing slot holds `false`: it must not match `false`.
        #expect(rowList(try column.select(boolean: false, from: everyRow(column))) == [1, 4])
        #expect(rowList(try column.select(boolean: true, from: .rows([1, 2, 3]))) == [3])
        #expect(throws: EngineError.self) { try intColumn([1]).select(boolean: true, from: .all(count: 1)) }
    }

    // MARK: selectMissing

    @Test func selectMissing() {
        let column = intColumn(Self.small)
        #expect(rowList(column.selectMissing(true, from: everyRow(column))) == [2, 7])
        #expect(rowList(column.selectMissing(false, from: everyRow(column))) == Self.present)
        #expect(rowList(column.selectMissing(true, from: .rows([0, 7, 9]))) == [7])
        #expect(rowList(column.selectMissing(false, from: .rows([0, 7, 9]))) == [0, 9])
        let full = textColumn(["a", "b"])
        #expect(full.selectMissing(true, from: everyRow(full)) == .rows([]))
        #expect(full.selectMissing(false, from: everyRow(full)) == .all(count: 2))
        #expect(full.selectMissing(false, from: .rows([1])) == .rows([1]))
        let empty = intColumn([nil, nil])
        #expect(empty.selectMissing(true, from: everyRow(empty)) == .all(count: 2))
    }

    @Test func unionOfTwoFiltersIsOr() throws {
        let column = intColumn(Self.small)
        let low = try column.select(.less, 0, from: everyRow(column))
        let high = try column.select(.greater, 9, from: everyRow(column))
        #expect(rowList(low.union(high)) == [1, 4, 8, 9])
    }

    // MARK: large integers (constants beyond Double's exact integers or beyond Int64)

    /// Int64 column [9_210_000_000_000_000_000, Int64.max]: 9.21e18 is exactly representable as a Double and
    /// lies within Int64, so `= 9.21e18` must find row 0.
    @Test func equalityNearInt64MaxFindsTheEqualValue() throws {
        let column = intColumn([9_210_000_000_000_000_000, Int64.max])
        #expect(rowList(try column.select(.equal, 9.21e18, from: everyRow(column))) == [0])
        #expect(rowList(try column.select(.less, 9.21e18, from: everyRow(column))) == [])
        #expect(rowList(try column.select(.greaterOrEqual, 9.21e18, from: everyRow(column))) == [0, 1])
    }

    /// Constants beyond Int64's range: no Int64 is greater than 1e19 or equal to it.
    @Test(arguments: [
        (Comparison.greater, 1e19, [Int]()),
        (.equal, 1e19, []),
        (.greaterOrEqual, .infinity, []),
        (.greater, .infinity, []),
        (.less, -1e19, []),
        (.lessOrEqual, -.infinity, []),
        (.less, 1e19, [0, 1, 2]),
        (.greater, -1e19, [0, 1, 2]),
    ])
    func constantsBeyondInt64(comparison: Comparison, constant: Double, expected: [Int]) throws {
        let column = intColumn([Int64.max, Int64.min, 0])
        #expect(rowList(try column.select(comparison, constant, from: everyRow(column))) == expected)
    }

    /// 2^53 + 1 is not representable as a Double; `x > 2^53` must still exclude x = 2^53 itself.
    @Test func strictComparisonAbove2To53() throws {
        let p: Int64 = 1 << 53
        let column = intColumn([p, p + 1, p - 1])
        #expect(rowList(try column.select(.greater, Double(p), from: everyRow(column))) == [1])
        #expect(rowList(try column.select(.less, Double(p), from: everyRow(column))) == [2])
        #expect(rowList(try column.select(.greaterOrEqual, Double(p), from: everyRow(column))) == [0, 1])
        let q: Int64 = 1 << 54
        let wide = intColumn([q, q - 2, q + 4])
        #expect(rowList(try wide.select(.less, Double(q), from: everyRow(wide))) == [1])
    }
}
