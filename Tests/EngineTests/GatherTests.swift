import Testing
@testable import Engine

@Suite struct GatherTests {
    @Test func gatherIntegersKeepsWidthAndMissing() {
        let column = intColumn([10, nil, 300], name: "n")
        let gathered = column.gathering([2, 0, 0, 1])
        #expect(gathered.name == "n")
        #expect(integers(gathered) == [300, 10, 10, nil])
        guard case .integer(let buffer) = gathered.storage else { Issue.record("not integer"); return }
        #expect(buffer.bitWidth == 16)
    }

    @Test func minusOneGivesMissing() {
        let column = intColumn([10, 20, 30])
        #expect(column.validity == nil)
        let gathered = column.gathering([2, -1, 0, -1])
        #expect(integers(gathered) == [30, nil, 10, nil])
        #expect(gathered.missingCount == 2)
        let text = textColumn(["a", nil, "c"])
        #expect(cells(text.gathering([-1, 2, 1, 0])) == [.missing, .text("c"), .missing, .text("a")])
        let flags = boolColumn([true, false])
        #expect(cells(flags.gathering([1, -1])) == [.boolean(false), .missing])
        let values = decColumn([1.5, nil])
        #expect(cells(values.gathering([-1, 1, 0])) == [.missing, .missing, .decimal(1.5)])
    }

    @Test func noMissingNoBitmap() {
        let column = decColumn([1.5, 2.5, 3.5])
        let gathered = column.gathering([1, 1])
        #expect(gathered.validity == nil)
        #expect(cells(gathered) == [.decimal(2.5), .decimal(2.5)])
        // Gathering only present rows of a column with missing values drops the bitmap too.
        #expect(intColumn([1, nil, 3]).gathering([0, 2]).validity == nil)
    }

    @Test func textKeepsItsDictionary() {
        let column = textColumn(["Hà Nội", "Huế", "Cần Thơ"])
        let gathered = column.gathering([2, 2])
        guard case .text(let text) = gathered.storage else { Issue.record("not text"); return }
        #expect(text.dictionary == ["Hà Nội", "Huế", "Cần Thơ"])
        #expect(cells(gathered) == [.text("Cần Thơ"), .text("Cần Thơ")])
    }

    @Test func annotationsSurvive() {
        let column = Column(name: "p", storage: .decimal([0.1, 0.2]),
                            annotations: ColumnAnnotations(isPercentage: true, convention: "decimal comma"))
        #expect(column.gathering([1, -1]).annotations == column.annotations)
    }

    @Test func gatheringASelection() {
        let column = intColumn([5, 6, 7, 8])
        #expect(integers(column.gathering(Selection.all(count: 4))) == [5, 6, 7, 8])
        #expect(integers(column.gathering(Selection.all(count: 2))) == [5, 6])
        #expect(integers(column.gathering(Selection.rows([3, 1]))) == [8, 6])
        #expect(integers(column.gathering(Selection.rows([]))) == [])
    }

    @Test func tableGatheringAndLimit() throws {
        let table = try Table(name: "h", columns: [intColumn([1, 2, 3], name: "a"), textColumn(["x", nil, "z"], name: "b")])
        let picked = try table.gathering(.rows([2, 1]))
        #expect(picked.rowCount == 2)
        #expect(picked.columnNames == ["a", "b"])
        #expect(picked.row(0) == [.integer(3), .text("z")])
        #expect(picked.row(1) == [.integer(2), .missing])
        let limited = table.limited(to: 2)
        #expect(limited.rowCount == 2)
        #expect(limited.row(1) == [.integer(2), .missing])
        #expect(table.limited(to: 10).rowCount == 3)
    }

    /// A left join against an empty right table gives right rows of -1 only; gathering the (empty) right
    /// columns must give all-missing cells. `gathering` maps -1 to row 0, which an empty column does not have.
    @Test func unmatchedRowsFromAnEmptyColumn() async {
        await #expect(processExitsWith: .success) {
            let empty = intColumn([])
            let gathered = empty.gathering([-1, -1])
            precondition(gathered.count == 2 && gathered.missingCount == 2)
        }
    }

    @Test func leftJoinAgainstAnEmptyTableThenGather() async {
        await #expect(processExitsWith: .success) {
            let left = textColumn(["Huế", "Hà Nội"], name: "tinh")
            let right = textColumn([], name: "tinh")
            let matches = try! hashJoin(left: [left], right: [right], kind: .left)
            precondition(Array(matches.right) == [-1, -1])
            let names = right.gathering(matches.right)
            precondition(names.count == 2 && names.missingCount == 2)
        }
    }
}
