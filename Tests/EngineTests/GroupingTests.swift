import Testing
@testable import Engine

@Suite struct GroupingTests {
    func check(_ grouping: Grouping, groups: [Int32], first: [Int32], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(grouping.groupCount == first.count, sourceLocation: sourceLocation)
        #expect(Array(grouping.groupOfRow) == groups, sourceLocation: sourceLocation)
        #expect(Array(grouping.firstRow) == first, sourceLocation: sourceLocation)
    }

    // MARK: one key, dense path

    @Test func textKeyGroupsInFirstAppearanceOrderWithMissingAsAGroup() throws {
        let key = textColumn(["b", "a", "b", nil, "c", "a", nil])
        #expect(DenseKey(key) != nil)
        let grouping = try Grouping(keys: [key], selection: everyRow(key))
        check(grouping, groups: [0, 1, 0, 2, 3, 1, 2], first: [0, 1, 3, 4])
        #expect(grouping.firstRow.map { key.value(at: Int($0)) } == [.text("b"), .text("a"), .missing, .text("c")])
    }

    @Test func textGroupNumbersDoNotFollowDictionaryOrder() throws {
        let key = textColumn(dictionary: ["z", "y", "x"], codes: [2, 0, 2, 1, 0])
        check(try Grouping(keys: [key], selection: everyRow(key)), groups: [0, 1, 0, 2, 1], first: [0, 1, 3])
    }

    @Test func missingTextWhoseSlotHoldsCodeZeroIsNotCodeZero() throws {
        // Row 1 is missing and its slot holds code 0 ("a"): it must not join the "a" group.
        let key = textColumn(dictionary: ["a", "b"], codes: [0, nil, 1, 0])
        check(try Grouping(keys: [key], selection: everyRow(key)), groups: [0, 1, 2, 0], first: [0, 1, 2])
    }

    @Test func booleanKey() throws {
        let key = boolColumn([true, nil, false, true, nil, false])
        check(try Grouping(keys: [key], selection: everyRow(key)), groups: [0, 1, 2, 0, 1, 2], first: [0, 1, 2])
    }

    @Test func integerKeyDense() throws {
        let key = intColumn([10, -5, 10, nil, 7, -5, nil])
        let dense = DenseKey(key)
        #expect(dense?.cardinality == 10 - (-5) + 2)
        #expect(dense?.offset == -5)
        check(try Grouping(keys: [key], selection: everyRow(key)), groups: [0, 1, 0, 2, 3, 1, 2], first: [0, 1, 3, 4])
    }

    @Test func missingIntegerWhoseSlotHoldsZeroIsNotZero() throws {
        let key = intColumn([0, nil, 0, 3])
        check(try Grouping(keys: [key], selection: everyRow(key)), groups: [0, 1, 0, 2], first: [0, 1, 3])
    }

    @Test func denseRangeLimitBoundary() throws {
        // high − low = 65535 is still dense; 65536 is hashed.
        #expect(DenseKey(intColumn([0, 65535]))?.cardinality == 65537)
        #expect(DenseKey(intColumn([0, 65536])) == nil)
        #expect(DenseKey(intColumn([-40000, 25535])) != nil)
        #expect(DenseKey(intColumn([-40000, 25536])) == nil)
        // Missing values do not count towards the range (their slots hold 0 here).
        #expect(DenseKey(intColumn([100_000, nil, 100_005]))?.cardinality == 7)
        #expect(DenseKey(intColumn([nil, nil]))?.cardinality == 2)
        #expect(DenseKey(decColumn([1])) == nil)
    }

    @Test func integerKeyAwayFromZeroStaysDense() throws {
        // Slots of missing rows hold 0, far outside the range [100_000, 100_005].
        let key = intColumn([100_005, nil, 100_000, 100_005])
        check(try Grouping(keys: [key], selection: everyRow(key)), groups: [0, 1, 2, 0], first: [0, 1, 2])
    }

    // MARK: one key, hashed path

    @Test func integerKeyHashed() throws {
        let key = intColumn([100_000, 0, 100_000, nil, 0, -5, nil, 7])
        #expect(DenseKey(key) == nil)
        check(try Grouping(keys: [key], selection: everyRow(key)), groups: [0, 1, 0, 2, 1, 3, 2, 4], first: [0, 1, 3, 5, 7])
    }

    @Test func wideInt64KeyHashed() throws {
        // (Int64.max with any negative value would overflow the range computation: see the crash test below.)
        let key = intColumn([Int64.max, 1, Int64.max, 4_000_000_000, 1, 4_000_000_000])
        check(try Grouping(keys: [key], selection: everyRow(key)), groups: [0, 1, 0, 2, 1, 2], first: [0, 1, 3])
    }

    @Test func decimalKeyHashedZerosMergeAndNaNsMerge() throws {
        let key = decColumn([1.5, 2.0, 1.5, nil, -0.0, 0.0, .nan, .nan, nil, 2.0])
        check(try Grouping(keys: [key], selection: everyRow(key)),
              groups: [0, 1, 0, 2, 3, 3, 4, 4, 2, 1], first: [0, 1, 3, 4, 6])
    }

    @Test func missingDecimalDiffersFromZero() throws {
        let key = decColumn([nil, 0, nil, 0])
        check(try Grouping(keys: [key], selection: everyRow(key)), groups: [0, 1, 0, 1], first: [0, 1])
    }

    @Test func manyGroupsHashed() throws {
        // 5000 distinct wide values, each appearing three times, interleaved: forces collisions and probing.
        let distinct = 5000
        let values = (0..<(3 * distinct)).map { i -> Int64? in Int64(i % distinct) * 1_000_003 - 2_000_000_000 }
        let key = intColumn(values)
        let grouping = try Grouping(keys: [key], selection: everyRow(key))
        #expect(grouping.groupCount == distinct)
        #expect(Array(grouping.groupOfRow) == (0..<(3 * distinct)).map { Int32($0 % distinct) })
        #expect(Array(grouping.firstRow) == (0..<distinct).map { Int32($0) })
    }

    // MARK: several keys

    static let regions: [String?] = ["a", "b", "a", "a", nil, nil, "b", "a"]
    static let sizes: [Int64?] = [1, 1, 1, 2, 1, nil, 1, nil]
    static let expectedGroups: [Int32] = [0, 1, 0, 2, 3, 4, 1, 5]
    static let expectedFirst: [Int32] = [0, 1, 3, 4, 5, 7]

    @Test func textAndIntegerKeysDense() throws {
        let keys = [textColumn(Self.regions), intColumn(Self.sizes)]
        check(try Grouping(keys: keys, selection: .all(count: 8)), groups: Self.expectedGroups, first: Self.expectedFirst)
    }

    @Test func textAndDecimalKeysHashed() throws {
        let keys = [textColumn(Self.regions), decColumn(Self.sizes.map { $0.map(Double.init) })]
        check(try Grouping(keys: keys, selection: .all(count: 8)), groups: Self.expectedGroups, first: Self.expectedFirst)
    }

    @Test func textAndWideIntegerKeysHashed() throws {
        let keys = [textColumn(Self.regions), intColumn(Self.sizes.map { $0.map { $0 * 1_000_000 } })]
        #expect(DenseKey(keys[1]) == nil)
        check(try Grouping(keys: keys, selection: .all(count: 8)), groups: Self.expectedGroups, first: Self.expectedFirst)
    }

    @Test func keyOrderMatters() throws {
        // (x, y) and (y, x) give the same partition; numbering still follows first appearance.
        let x = intColumn([1, 2, 1, 2]), y = boolColumn([true, true, false, true])
        check(try Grouping(keys: [x, y], selection: .all(count: 4)), groups: [0, 1, 2, 1], first: [0, 1, 2])
        check(try Grouping(keys: [y, x], selection: .all(count: 4)), groups: [0, 1, 2, 1], first: [0, 1, 2])
    }

    @Test func denseProductOverLimitFallsBackToHashing() throws {
        // Two integer keys of range 60 000 each: 3.6e9 combined slots, far over the dense limit.
        let a = intColumn([0, 60_000, 0, 60_000, 0])
        let b = intColumn([60_000, 0, 60_000, 0, 0])
        #expect(DenseKey(a) != nil && DenseKey(b) != nil)
        check(try Grouping(keys: [a, b], selection: .all(count: 5)), groups: [0, 1, 0, 1, 2], first: [0, 1, 4])
    }

    @Test func threeKeys() throws {
        let a = boolColumn([true, true, true, false, true])
        let b = textColumn(["x", "x", "y", "x", "x"])
        let c = intColumn([1, 2, 1, 1, 1])
        check(try Grouping(keys: [a, b, c], selection: .all(count: 5)), groups: [0, 1, 2, 3, 0], first: [0, 1, 2, 3])
    }

    // MARK: selections

    @Test func groupingASelection() throws {
        let key = textColumn(["a", "b", "a", "c", "b", "c"])
        let grouping = try Grouping(keys: [key], selection: .rows([1, 3, 4, 5]))
        // Aligned with the selection: rows 1 (b), 3 (c), 4 (b), 5 (c).
        check(grouping, groups: [0, 1, 0, 1], first: [1, 3])
        #expect(grouping.selection == .rows([1, 3, 4, 5]))
        let hashed = try Grouping(keys: [decColumn([1, 2, 1, 3, 2, 3])], selection: .rows([1, 3, 4, 5]))
        check(hashed, groups: [0, 1, 0, 1], first: [1, 3])
    }

    @Test func emptySelection() throws {
        let key = textColumn(["a", "b"])
        let grouping = try Grouping(keys: [key], selection: .rows([]))
        #expect(grouping.groupCount == 0)
        #expect(grouping.groupOfRow.isEmpty)
        let hashed = try Grouping(keys: [decColumn([1, 2])], selection: .rows([]))
        #expect(hashed.groupCount == 0)
    }

    /// Checked through what it means (one group, its first row, its size and sum), not through `groupOfRow`,
    /// whose storage for the single group is an implementation detail.
    @Test func noKeysIsOneGroup() throws {
        let values = intColumn([1, 2, 3, 4, 5, 6, 7])
        let grouping = try Grouping(keys: [], selection: .rows([2, 4, 6]))
        #expect(grouping.groupCount == 1)
        #expect(Array(grouping.firstRow) == [2])
        #expect(integers(try countRows(grouping)) == [3])
        #expect(integers(try values.aggregate(.sum, grouping)) == [3 + 5 + 7])
        let single = Grouping(single: .all(count: 7))
        #expect(single.groupCount == 1)
        #expect(Array(single.firstRow) == [0])
        #expect(integers(try countRows(single)) == [7])
        #expect(integers(try values.aggregate(.sum, single)) == [28])
    }

    // MARK: crash on integer keys whose range overflows Int64

    /// An integer key holding both very negative and very positive values (e.g. 64-bit hashes or IDs):
    /// `high - low` in DenseKey.init overflows Int64 and traps. The process must survive and find 2 groups.
    @Test func integerKeySpanningMoreThanInt64Range() async throws {
        await #expect(processExitsWith: .success) {
            let key = intColumn([-5_000_000_000_000_000_000, 5_000_000_000_000_000_000, -5_000_000_000_000_000_000])
            let grouping = try Grouping(keys: [key], selection: .all(count: 3))
            precondition(grouping.groupCount == 2)
            precondition(Array(grouping.groupOfRow) == [0, 1, 0])
        }
    }

    /// The same with Int64.max (e.g. a sentinel) and a single negative value.
    @Test func integerKeyWithInt64MaxAndANegativeValue() async throws {
        await #expect(processExitsWith: .success) {
            let key = intColumn([Int64.max, -1, Int64.max])
            let grouping = try Grouping(keys: [key], selection: .all(count: 3))
            precondition(grouping.groupCount == 2)
        }
    }
}
