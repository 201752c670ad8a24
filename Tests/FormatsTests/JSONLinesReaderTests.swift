import Engine
@testable import Formats
import Testing

/// JSON Lines: one flat object per line; keys are columns in first-seen order.
@Suite struct JSONLinesReaderTests {
    @Test func typesNullsMissingKeysAndBlankLines() throws {
        let text = """
        {"a": 1, "b": 2.5, "c": true, "d": null, "e": "Hà Nam"}

        {"b": 3, "a": -4, "f": false}
        \r
        {"e": "Kon Tum", "a": 7, "b": 1e2}
        """
        let result = try readJSONL(text)
        #expect(result.table.columnNames == ["a", "b", "c", "d", "e", "f"])
        #expect(result.table.rowCount == 3)
        #expect(result.type("a") == .integer)
        #expect(result.cells("a") == [.integer(1), .integer(-4), .integer(7)])
        #expect(result.type("b") == .decimal)
        #expect(result.cells("b") == [.decimal(2.5), .decimal(3), .decimal(100)])
        #expect(result.type("c") == .boolean)
        #expect(result.cells("c") == [.boolean(true), .missing, .missing])
        #expect(result.cells("d") == [.missing, .missing, .missing])
        #expect(result.cells("e") == [.text("Hà Nam"), .missing, .text("Kon Tum")])
        #expect(result.cells("f") == [.missing, .boolean(false), .missing])
        #expect(result.report.columns.map(\.missing) == [0, 0, 2, 3, 1, 2])
        #expect(result.report.notes == ["2 blank lines skipped"])
        #expect(result.report.format == "JSON Lines")
        #expect(result.report.rowCount == 3)
    }

    @Test func keyOrderIsKept() throws {
        let result = try readJSONL("{\"zeta\": 1, \"alpha\": 2, \"mu\": 3}\n{\"beta\": 4, \"alpha\": 5}\n")
        #expect(result.table.columnNames == ["zeta", "alpha", "mu", "beta"])
        #expect(result.cells("beta") == [.missing, .integer(4)])
    }

    @Test func vietnameseKeysAndValuesAreNFC() throws {
        let result = try readJSONL("{\"Ho\u{300}a\": \"Ho\u{300}a Bi\u{300}nh\"}\n{\"H\u{F2}a\": \"H\u{F2}a B\u{EC}nh\"}\n")
        #expect(result.table.columnNames.map { Array($0.unicodeScalars) } == [Array("H\u{F2}a".unicodeScalars)])
        #expect(result.table.rowCount == 2)
        let column = try #require(result.table.columns.first)
        guard case .text(let text) = column.storage else { Issue.record("not text"); return }
        #expect(text.dictionary.map { Array($0.unicodeScalars) } == [Array("H\u{F2}a B\u{EC}nh".unicodeScalars)])
    }

    @Test func nestedValueIsAnErrorWithItsPlace() {
        let error = loadError { try readJSONL("{\"a\": 1}\n{\"a\": 2, \"b\": [1, 2]}\n") }
        expectError(error, line: 2, column: 10, reason: "the value of 'b' is a nested object or list")
        let object = loadError { try readJSONL("{\"tỉnh\": {\"tên\": \"x\"}}\n") }
        expectError(object, line: 1, column: 2, reason: "the value of 'tỉnh' is a nested object or list")
    }

    @Test func invalidJSONLineIsAnErrorWithItsLine() {
        let error = loadError { try readJSONL("{\"a\": 1}\n\n{\"a\": 2\n{\"a\": 3}\n") }
        expectError(error, line: 3, column: 1, reason: "this line is not valid JSON")
    }

    @Test func lineThatIsNotAnObject() {
        for line in ["[1, 2]", "42", "\"x\"", "null"] {
            let error = loadError { try readJSONL("{\"a\": 1}\n\(line)\n") }
            expectError(error, line: 2, column: 1, reason: "this line is JSON but not an object")
        }
    }

    @Test func mixedKindsBecomeTextWithADecision() throws {
        let result = try readJSONL("{\"x\": 1}\n{\"x\": \"một\"}\n{\"x\": true}\n")
        #expect(result.type("x") == .text)
        #expect(result.cells("x") == [.text("1"), .text("một"), .text("true")])
        #expect(result.annotations("x")?.decision == "kept as text: values mix boolean and number and text")
    }

    @Test func integersBeyondInt64AreDecimals() throws {
        let result = try readJSONL("{\"x\": 12345678901234567890}\n{\"x\": 9223372036854775807}\n")
        #expect(result.type("x") == .decimal)
        #expect(result.cells("x") == [.decimal(12_345_678_901_234_567_890), .decimal(9_223_372_036_854_775_807)])
    }

    @Test func encodingIsChecked() {
        let error = loadError {
            try JSONLinesReader.read(SourceBytes(bytes: Array("{\"a\": \"H".utf8) + [0xD2] + Array("a\"}\n".utf8), name: "x.jsonl"), tableName: "t")
        }
        expectError(error, line: 1, column: 9, reason: "not UTF-8: byte 8 (0xD2)")
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let result = try JSONLinesReader.read(SourceBytes(bytes: [0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}\r\n{\"a\": 2}\r\n".utf8), name: "x.jsonl"), tableName: "t")
        #expect(result.table.columnNames == ["a"])
        #expect(result.cells("a") == [.integer(1), .integer(2)])
    }

    @Test func onlyBlankLinesGiveAnEmptyTable() throws {
        let result = try readJSONL("\n\n")
        #expect(result.table.columns.isEmpty)
        #expect(result.report.rowCount == 0)
        #expect(result.report.notes == ["2 blank lines skipped"])
    }
}

extension JSONLinesReaderTests {
    /// Rows need columns: a file of empty objects is refused rather than reported as rows the table lacks.
    @Test func onlyEmptyObjectsIsAnError() {
        let error = loadError { try readJSONL("{}\n{}\n") }
        #expect(error?.reason == "no line names a column: every object is empty ({})")
    }

    @Test func emptyObjectBesideOthersIsARowOfMissingValues() throws {
        let result = try readJSONL("{}\n{\"a\": 1}\n")
        #expect(result.cells("a") == [.missing, .integer(1)])
        #expect(result.report.rowCount == 2)
    }
}
