import Testing
@testable import Engine

@Suite struct SelectionTests {
    @Test func countAndRowIndices() {
        #expect(Selection.all(count: 4).count == 4)
        #expect(rowList(.all(count: 4)) == [0, 1, 2, 3])
        #expect(rowList(.all(count: 0)) == [])
        #expect(Selection.rows([2, 5]).count == 2)
        #expect(rowList(.rows([2, 5])) == [2, 5])
    }

    @Test func prefix() {
        #expect(Selection.all(count: 10).prefix(3) == .all(count: 3))
        #expect(Selection.all(count: 2).prefix(5) == .all(count: 2))
        #expect(Selection.all(count: 2).prefix(0) == .all(count: 0))
        #expect(Selection.rows([4, 7, 9]).prefix(2) == .rows([4, 7]))
        #expect(Selection.rows([4, 7, 9]).prefix(10) == .rows([4, 7, 9]))
        #expect(Selection.rows([4, 7, 9]).prefix(0) == .rows([]))
    }

    @Test func unionMergesAscendingWithoutDuplicates() {
        let a = Selection.rows([1, 3, 5, 7])
        let b = Selection.rows([0, 3, 4, 7, 9])
        #expect(a.union(b) == .rows([0, 1, 3, 4, 5, 7, 9]))
        #expect(b.union(a) == .rows([0, 1, 3, 4, 5, 7, 9]))
    }

    @Test func unionWithEmptyAndDisjoint() {
        #expect(Selection.rows([]).union(.rows([])) == .rows([]))
        #expect(Selection.rows([2, 4]).union(.rows([])) == .rows([2, 4]))
        #expect(Selection.rows([]).union(.rows([2, 4])) == .rows([2, 4]))
        #expect(Selection.rows([5, 6]).union(.rows([1, 2])) == .rows([1, 2, 5, 6]))
        #expect(Selection.rows([3]).union(.rows([3])) == .rows([3]))
    }

    @Test func unionWithAllIsAll() {
        #expect(Selection.all(count: 5).union(.rows([1])) == .all(count: 5))
        #expect(Selection.rows([1]).union(.all(count: 5)) == .all(count: 5))
    }

    @Test func forEachRowVisitsInOrder() {
        var seen: [Int] = []
        Selection.rows([9, 2, 4]).forEachRow { seen.append($0) }
        #expect(seen == [9, 2, 4])
        seen = []
        Selection.all(count: 3).forEachRow { seen.append($0) }
        #expect(seen == [0, 1, 2])
    }
}
