import Testing
@testable import Engine

@Suite struct TableTests {
    @Test func columnsMustHaveEqualLengths() {
        #expect(throws: EngineError.columnLengthMismatch("a", 2, "b", 3)) {
            try Table(name: "t", columns: [intColumn([1, 2], name: "a"), intColumn([1, 2, 3], name: "b")])
        }
    }

    @Test func columnNamesMustBeUnique() {
        #expect(throws: EngineError.duplicateColumn("a")) {
            try Table(name: "t", columns: [intColumn([1], name: "a"), textColumn(["x"], name: "a")])
        }
    }

    @Test func lookupAndShape() throws {
        let table = try Table(name: "ho", columns: [intColumn([1, nil, 3], name: "so_nguoi"), textColumn(["Huế", "Hà Nội", nil], name: "tinh")])
        #expect(table.rowCount == 3)
        #expect(table.columnNames == ["so_nguoi", "tinh"])
        #expect(table.columnIndex(named: "tinh") == 1)
        #expect(table.column(named: "nope") == nil)
        #expect(table.column(named: "tinh")?.type == .text)
        #expect(table.row(1) == [.missing, .text("Hà Nội")])
        #expect(table.row(2) == [.integer(3), .missing])
        #expect(try Table(name: "empty", columns: []).rowCount == 0)
    }

    @Test func addingAppendsOrReplaces() throws {
        let table = try Table(name: "t", columns: [intColumn([1, 2], name: "a")])
        let added = try table.adding(decColumn([0.5, 1.5], name: "b"))
        #expect(added.columnNames == ["a", "b"])
        let replaced = try added.adding(textColumn(["x", "y"], name: "a"))
        #expect(replaced.columnNames == ["a", "b"])
        #expect(replaced.row(0) == [.text("x"), .decimal(0.5)])
        #expect(throws: EngineError.self) { try table.adding(intColumn([1], name: "c")) }
    }

    @Test func byteCountAddsColumns() throws {
        // Int8 values (3 bytes) + 16-bit values (6 bytes) + one bitmap word (8 bytes).
        let table = try Table(name: "t", columns: [intColumn([1, 2, 3], name: "a"), intColumn([1000, nil, 3], name: "b")])
        #expect(table.byteCount == 3 + 6 + 8)
    }

    @Test func errorMessages() {
        #expect(EngineError.typeMismatch(column: "tinh", expected: "a number", actual: .text).description
                == "column 'tinh' is text, but a number is needed")
        #expect(EngineError.joinKeyCountMismatch(1, 2).description.contains("(1 and 2 given)"))
    }
}
