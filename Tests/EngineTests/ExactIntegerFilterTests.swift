import Testing
@testable import Engine

/// Whole-number constants are compared as 64-bit integers, never through a double: beyond 2^53 two
/// neighbouring integers are one double, and a filter must still tell them apart.
@Suite struct ExactIntegerFilterTests {
    static let twoTo53: Int64 = 9_007_199_254_740_992
    static let values: [Int64?] = [twoTo53, twoTo53 + 1, nil, twoTo53 + 2, .min, .max, .max - 1, .min + 1, 0, -twoTo53 - 1]

    /// The rows a naive row-by-row comparison in Int64 keeps.
    static func reference(_ values: [Int64?], _ comparison: Comparison, _ c: Int64) -> [Int] {
        values.indices.filter { row in
            guard let x = values[row] else { return false }
            switch comparison {
            case .equal: return x == c
            case .notEqual: return x != c
            case .less: return x < c
            case .lessOrEqual: return x <= c
            case .greater: return x > c
            case .greaterOrEqual: return x >= c
            }
        }
    }

    /// The one kernel on both row shapes: every row of the column, and the same rows listed.
    static func kept(_ column: Column, _ comparison: Comparison, _ constant: NumericConstant) throws -> ([Int], [Int]) {
        let selected = rowList(try column.select(comparison, constant, from: everyRow(column)))
        let listed = Selection.rows(ContiguousArray((0..<Int32(column.count)).map { $0 }))
        return (selected, rowList(filterRows(listed, where: [try column.predicate(comparison, constant)]).selection))
    }

    @Test func extremesAndNeighboursBeyondTwoTo53() throws {
        let column = intColumn(Self.values)
        let constants: [Int64] = [Self.twoTo53, Self.twoTo53 + 1, Self.twoTo53 + 3, .min, .max, .max - 1, .min + 1, -Self.twoTo53 - 1, 0]
        for c in constants {
            for comparison in Comparison.allCases {
                let (selected, listed) = try Self.kept(column, comparison, .integer(c))
                let expected = Self.reference(Self.values, comparison, c)
                #expect(selected == expected, "\(comparison.rawValue) \(c)")
                #expect(listed == expected, "listed rows \(comparison.rawValue) \(c)")
            }
        }
        #expect(rowList(try column.select(.equal, .integer(Self.twoTo53 + 1), from: everyRow(column))) == [1])
    }

    /// Random values and constants clustered around 2^53, 2^62 and the ends of Int64, at every width the
    /// column could be stored in, against the naive reference.
    @Test func randomWideIntegersAgainstReference() throws {
        var rng = SplitMix64(seed: 53)
        let centres: [Int64] = [Self.twoTo53, 1 << 62, .max - 50, .min + 50, -Self.twoTo53]
        for _ in 0..<200 {
            let centre = centres[Int(rng.next() % UInt64(centres.count))]
            let values: [Int64?] = (0..<40).map { _ in rng.next() % 9 == 0 ? nil : centre &+ Int64(bitPattern: rng.next() % 41) &- 20 }
            let column = intColumn(values)
            let c = centre &+ Int64(bitPattern: rng.next() % 41) &- 20
            for comparison in Comparison.allCases {
                let (selected, listed) = try Self.kept(column, comparison, .integer(c))
                let expected = Self.reference(values, comparison, c)
                #expect(selected == expected)
                #expect(listed == expected)
            }
        }
    }

    /// A decimal column against a whole number no double holds: `=` matches nothing, `<` and `>` keep the
    /// doubles on the right side of the exact number.
    @Test func decimalColumnAgainstAnUnrepresentableWholeNumber() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<300 {
            // Doubles from 2^53 to 2^62 are whole numbers, so Int64(d) is exact: the reference compares in Int64.
            let base = Int64(1) << Int64(53 + rng.next() % 9)
            let values: [Double?] = (0..<30).map { _ in rng.next() % 7 == 0 ? nil : Double(base + Int64(rng.next() % 4096)) }
            let column = decColumn(values)
            let c = base + Int64(rng.next() % 4096)
            let exact = values.map { $0.map { Int64($0) } }
            for comparison in Comparison.allCases {
                let (selected, listed) = try Self.kept(column, comparison, .integer(c))
                let expected = Self.reference(exact, comparison, c)
                #expect(selected == expected, "\(comparison.rawValue) \(c)")
                #expect(listed == expected)
            }
        }
    }

    @Test func exactOrderOfConstants() {
        let big = NumericConstant.integer(Self.twoTo53 + 1)
        #expect(NumericConstant.isLess(.decimal(9_007_199_254_740_992.0), big))
        #expect(!NumericConstant.isLess(big, .decimal(9_007_199_254_740_992.0)))
        #expect(NumericConstant.isLess(.integer(.max), .decimal(9_223_372_036_854_775_808.0)))
        #expect(NumericConstant.isLess(.decimal(-9_223_372_036_854_775_808.0), .integer(.min + 1)))
        #expect(!NumericConstant.isLess(.decimal(-9_223_372_036_854_775_808.0), .integer(.min)))
        #expect(NumericConstant.isLess(.integer(2), .decimal(2.5)) && NumericConstant.isLess(.decimal(2.5), .integer(3)))
        #expect(NumericConstant.isLess(.integer(-3), .decimal(-2.5)) && NumericConstant.isLess(.decimal(-2.5), .integer(-2)))
        #expect(big.description == "9007199254740993")
    }
}
