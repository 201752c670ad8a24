import Testing
@testable import Engine

@Suite struct SortTests {
    func sorted(_ keys: [SortKey], _ selection: Selection) throws -> [Int] { rowList(try selection.sorted(by: keys)) }

    @Test func integersAscendingAndDescendingMissingLast() throws {
        let column = intColumn([3, nil, 1, 2, nil, 1])
        #expect(try sorted([SortKey(column)], everyRow(column)) == [2, 5, 3, 0, 1, 4])
        // Descending: ties (the two 1s) and the missing rows keep row order; missing still last.
        #expect(try sorted([SortKey(column, descending: true)], everyRow(column)) == [0, 3, 2, 5, 1, 4])
    }

    @Test func wideIntegers() throws {
        let column = intColumn([Int64.max, Int64.min, 0, -1, 4_000_000_000])
        #expect(try sorted([SortKey(column)], everyRow(column)) == [1, 3, 2, 4, 0])
        #expect(try sorted([SortKey(column, descending: true)], everyRow(column)) == [0, 4, 2, 3, 1])
    }

    @Test func decimals() throws {
        let column = decColumn([0.5, -1.5, nil, 0.5, -0.0, 0.0, 1e-300])
        #expect(try sorted([SortKey(column)], everyRow(column)) == [1, 4, 5, 6, 0, 3, 2])
        #expect(try sorted([SortKey(column, descending: true)], everyRow(column)) == [0, 3, 6, 4, 5, 1, 2])
    }

    @Test func booleans() throws {
        let column = boolColumn([true, false, nil, true, false])
        #expect(try sorted([SortKey(column)], everyRow(column)) == [1, 4, 0, 3, 2])
        #expect(try sorted([SortKey(column, descending: true)], everyRow(column)) == [0, 3, 1, 4, 2])
    }

    @Test func textInVietnameseOrder() throws {
        let names: [String?] = ["Gia Lai", "Đà Nẵng", nil, "Dương", "Bến Tre", "Bắc Kạn", "Bà Rịa", "Đà Nẵng", "An Giang"]
        let column = textColumn(names)
        // An Giang(8) Bà Rịa(6) Bắc Kạn(5) Bến Tre(4) Dương(3) Đà Nẵng(1, 7) Gia Lai(0), missing(2)
        #expect(try sorted([SortKey(column)], everyRow(column)) == [8, 6, 5, 4, 3, 1, 7, 0, 2])
        #expect(try sorted([SortKey(column, descending: true)], everyRow(column)) == [0, 1, 7, 3, 4, 5, 6, 8, 2])
    }

    @Test func textOrderIgnoresDictionaryOrder() throws {
        // Dictionary deliberately in reverse order and with an unused entry.
        let column = textColumn(dictionary: ["y", "unused", "đ", "d", "a"], codes: [0, 2, 3, 4, nil, 2])
        #expect(try sorted([SortKey(column)], everyRow(column)) == [3, 2, 1, 5, 0, 4])
    }

    @Test func allProvincesSortIntoDictionaryOrder() throws {
        let provinces = CollationTests.provinces
        let shuffledIndex = (0..<provinces.count).map { ($0 * 37) % provinces.count }  // 37 is coprime with 63
        let column = textColumn(shuffledIndex.map { provinces[$0] })
        let order = try sorted([SortKey(column)], everyRow(column))
        #expect(order.map { shuffledIndex[$0] } == Array(0..<provinces.count))
    }

    @Test func multiKeyStable() throws {
        let region = textColumn(["b", "a", "b", "a", "a", nil, "b"])
        let n = intColumn([1, 2, 3, 2, nil, 5, 3])
        // region ascending, n descending: a → 1, 3 (both 2, row order), 4 (missing n); b → 2, 6 (both 3), 0; missing region → 5.
        #expect(try sorted([SortKey(region), SortKey(n, descending: true)], .all(count: 7)) == [1, 3, 4, 2, 6, 0, 5])
        #expect(try sorted([SortKey(n), SortKey(region)], .all(count: 7)) == [0, 1, 3, 2, 6, 5, 4])
        #expect(try sorted([SortKey(region, descending: true), SortKey(n)], .all(count: 7)) == [0, 2, 6, 1, 3, 4, 5])
    }

    @Test func stableOnEqualKeys() throws {
        let column = intColumn(Array(repeating: 7, count: 50))
        #expect(try sorted([SortKey(column)], everyRow(column)) == Array(0..<50))
        #expect(try sorted([SortKey(column, descending: true)], everyRow(column)) == Array(0..<50))
        let missing = intColumn(Array(repeating: nil, count: 20))
        #expect(try sorted([SortKey(missing, descending: true)], everyRow(missing)) == Array(0..<20))
    }

    @Test func sortsOnlyTheSelection() throws {
        let n = intColumn([1, 0, 3, 0, nil, 0, 3])
        #expect(try sorted([SortKey(n)], .rows([0, 2, 4, 6])) == [0, 2, 6, 4])
        #expect(try sorted([SortKey(n, descending: true)], .rows([0, 2, 4, 6])) == [2, 6, 0, 4])
    }

    @Test func degenerateInputs() throws {
        let n = intColumn([2, 1])
        #expect(try Selection.all(count: 2).sorted(by: []) == .rows([0, 1]))
        #expect(try Selection.rows([]).sorted(by: [SortKey(n)]) == .rows([]))
        #expect(try Selection.rows([1]).sorted(by: [SortKey(n)]) == .rows([1]))
        #expect(try Selection.all(count: 2).sorted(by: [SortKey(n)]) == .rows([1, 0]))
    }

    /// A NaN (which grouping and hashing already treat as a value of its own) must not stop the other numbers
    /// from sorting: `threeWay` calls NaN equal to everything, which breaks the sort's strict weak ordering.
    @Test func nanDoesNotUnsortTheOtherNumbers() throws {
        let column = decColumn([3, .nan, 1, 2, nil])
        let order = try sorted([SortKey(column)], everyRow(column))
        #expect(order.filter { $0 != 1 } == [2, 3, 0, 4])  // 1, 2, 3, then missing; wherever the NaN goes
        let descending = try sorted([SortKey(column, descending: true)], everyRow(column))
        #expect(descending.filter { $0 != 1 } == [0, 3, 2, 4])
    }

    /// Stability means ties keep the order they arrive in. Sorting by n and then (stably) by region must leave
    /// each region's rows in n order; the comparator breaks ties by row index instead of by position.
    @Test func secondSortKeepsTheFirstSortsOrderAmongTies() throws {
        let region = textColumn(["b", "a", "b", "a"])
        let n = intColumn([2, 9, 1, 3])
        let byN = try Selection.all(count: 4).sorted(by: [SortKey(n)])
        #expect(rowList(byN) == [2, 0, 3, 1])
        // Ties in region keep their current (n) order: a → 3, 1; b → 2, 0.
        #expect(rowList(try byN.sorted(by: [SortKey(region)])) == [3, 1, 2, 0])
    }
}
