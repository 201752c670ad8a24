import Engine
@testable import Formats
import Testing

/// Records, fields, quotes and line ends: what the tokenizer accepts, what it refuses, and where it says so.
@Suite struct CSVStructureTests {
    // MARK: Empty and header-only input

    @Test func emptyFileIsAnError() {
        let error = loadError { try readCSV("") }
        #expect(error?.reason.contains("empty") == true, "\(String(describing: error))")
        #expect(error?.file == "test.csv")
    }

    @Test func byteOrderMarkAloneIsAnEmptyFile() {
        let error = loadError { try readCSV(bytes: [0xEF, 0xBB, 0xBF]) }
        #expect(error?.reason.contains("empty") == true, "\(String(describing: error))")
    }

    @Test func onlyLineEndsMeanNoHeader() {
        for text in ["\r\n", "\n", "\r", "\r\n\r\n\n"] {
            let error = loadError { try readCSV(text) }
            expectError(error, line: 1, column: 1, reason: "no header row")
        }
    }

    @Test func headerOnly() throws {
        for text in ["tỉnh,năm\n", "tỉnh,năm", "tỉnh,năm\r\n"] {
            let result = try readCSV(text)
            #expect(result.table.columnNames == ["tỉnh", "năm"])
            #expect(result.table.rowCount == 0)
            #expect(result.report.rowCount == 0)
            #expect(result.table.columns.allSatisfy { $0.count == 0 })
            #expect(result.summary("năm")?.annotations.decision == "no values: every field is empty or a missing marker")
        }
    }

    // MARK: Ragged rows

    @Test func rowWithFewerFields() {
        let error = loadError { try readCSV("a,b,c\n1,2,3\n4,5\n6,7,8\n") }
        // Points at the line end where the third field is missing.
        expectError(error, line: 3, column: 4, reason: "this row has 2 fields where the header has 3")
        #expect(error?.hint?.contains("2 separators") == true)
    }

    @Test func lastRowWithFewerFieldsAndNoLineEnd() {
        let error = loadError { try readCSV("a,b\n1,2\n3") }
        expectError(error, line: 3, column: 2, reason: "this row has 1 field where the header has 2")
    }

    @Test func rowWithMoreFields() {
        let error = loadError { try readCSV("a,b,c\n1,2,3,4\n") }
        // Points at the first field beyond the header's count.
        expectError(error, line: 2, column: 7, reason: "this row has more fields than the header's 3: 4 found")
    }

    @Test func rowWithMoreFieldsQuoted() {
        let error = loadError { try readCSV("a,b\n1,2\nHà Nội,\"x, y\",\"z\",w\n") }
        // The extra field is the quoted "z": the column is its opening quote's (characters, not bytes).
        expectError(error, line: 3, column: 15, reason: "more fields than the header's 2: 4 found")
    }

    // MARK: Quotes

    @Test func unclosedQuoteAtEndOfFile() {
        let error = loadError { try readCSV("a,b\n1,2\n3,\"abc\ndef\n") }
        expectError(error, line: 3, column: 3, reason: "this quote is never closed")
    }

    @Test func unclosedQuoteInHeader() {
        let error = loadError { try readCSV("a,\"b\n1,2\n") }
        expectError(error, line: 1, column: 3, reason: "this quote is never closed")
    }

    @Test func unclosedQuoteAfterMultilineField() {
        // The first quoted field spans lines 2–3; the unclosed one opens on line 4, column 4 (after "Hà,").
        let error = loadError { try readCSV("a,b\n1,\"x\ny\"\nHà,\"oops\n") }
        expectError(error, line: 4, column: 4, reason: "never closed")
    }

    @Test func textAfterClosingQuote() {
        let error = loadError { try readCSV("a,b\n1,\"x\"y\n") }
        expectError(error, line: 2, column: 6, reason: "text after the closing quote of a field")
    }

    @Test func quoteInsideUnquotedFieldIsLiteral() throws {
        let result = try readCSV("size,n\n5\" screen,1\nab\"c,2\n")
        #expect(result.cells("size") == [.text("5\" screen"), .text("ab\"c")])
    }

    @Test func escapedQuotesDelimitersAndNewlinesInsideQuotes() throws {
        let result = try readCSV("a,b\n\"nói \"\"có\"\"\",\"x,y\"\n\"dòng 1\ndòng 2\",\"\"\"\"\n")
        #expect(result.cells("a") == [.text("nói \"có\""), .text("dòng 1\ndòng 2")])
        #expect(result.cells("b") == [.text("x,y"), .text("\"")])
    }

    /// Line numbers of later errors count the newlines inside quoted fields.
    @Test func lineNumbersAfterNewlinesInsideQuotes() {
        let lf = loadError { try readCSV("a,b\n1,\"x\ny\nz\"\n2,3,4\n") }
        expectError(lf, line: 5, column: 5, reason: "more fields")
        let crlf = loadError { try readCSV("a,b\r\n1,\"x\r\ny\r\nz\"\r\n2,3,4\r\n") }
        expectError(crlf, line: 5, column: 5, reason: "more fields")
        let header = loadError { try readCSV("\"a\nb\",c\n1,2\n3\n") }
        expectError(header, line: 4, column: 2, reason: "1 field where the header has 2")
    }

    // MARK: Very long fields

    @Test func oneMegabyteFields() throws {
        let size = 1 << 20
        let plain = String(repeating: "abcdefghij", count: size / 10)
        var quotedContent = ""
        quotedContent.reserveCapacity(size + 16)
        for i in 0..<(size / 16) { quotedContent += i % 2 == 0 ? "x,y;z\nw \"\"q\"\" " : "Hòa Bình, 12\r\n  " }
        let unescaped = quotedContent.replacingOccurrences(of: "\"\"", with: "\"")
        let text = "id,unquoted,quoted\n1,\(plain),\"\(quotedContent)\"\n2,short,\"\"\n"
        let result = try readCSV(text)
        #expect(result.table.rowCount == 2)
        #expect(result.cells("id") == [.integer(1), .integer(2)])
        #expect(result.cells("unquoted") == [.text(plain), .text("short")])
        guard case .text(let long)? = result.cells("quoted").first else { Issue.record("no quoted cell"); return }
        #expect(long.utf8.count == unescaped.utf8.count)
        #expect(Array(long.utf8) == Array(unescaped.utf8))
        #expect(result.cells("quoted").last == .missing)
    }

    // MARK: Line ends and blank lines

    @Test func lineEndsCRLFLFAndCROnlyGiveTheSameTable() throws {
        let lines = ["tỉnh,năm,tỷ lệ", "Bắc Kạn,2021,\"6,8\"", "Kon Tum,2022,3.5", "\"Ninh\nBình\",2023,1.86"]
        var tables: [[[Value]]] = []
        for end in ["\n", "\r\n", "\r"] {
            for lastEnd in [end, ""] {
                let result = try readCSV(lines.joined(separator: end) + lastEnd)
                #expect(result.table.columnNames == ["tỉnh", "năm", "tỷ lệ"])
                tables.append((0..<result.table.rowCount).map { result.table.row($0) })
            }
        }
        #expect(tables[0] == [
            [.text("Bắc Kạn"), .integer(2021), .text("6,8")],
            [.text("Kon Tum"), .integer(2022), .text("3.5")],
            [.text("Ninh\nBình"), .integer(2023), .text("1.86")],
        ])
        for table in tables { #expect(table == tables[0]) }
    }

    @Test func crOnlyLineNumbers() {
        let error = loadError { try readCSV("a,b\r1,2\r3\r") }
        expectError(error, line: 3, column: 2, reason: "1 field where the header has 2")
    }

    /// In a CR-only file a CR inside quotes ends a line too, so later errors keep their line numbers.
    @Test func crOnlyLineNumbersAfterCRInsideQuotes() {
        let error = loadError { try readCSV("a,b\r1,\"x\ry\"\r1,2,3\r") }
        expectError(error, line: 4, column: 5, reason: "more fields")
    }

    @Test func mixedLineEnds() throws {
        let result = try readCSV("a,b\r\n1,2\n3,4\r5,6")
        #expect(result.cells("a") == [.integer(1), .integer(3), .integer(5)])
        #expect(result.cells("b") == [.integer(2), .integer(4), .integer(6)])
    }

    @Test func blankLinesAreSkippedAndReported() throws {
        let result = try readCSV("a,b\n\n1,2\r\n\r\n3,4\n\n")
        #expect(result.cells("a") == [.integer(1), .integer(3)])
        #expect(result.report.notes == ["3 blank lines skipped"])
        let one = try readCSV("a,b\n1,2\n\n3,4\n")
        #expect(one.report.notes == ["1 blank line skipped"])
        let none = try readCSV("a,b\n1,2\n")
        #expect(none.report.notes == [])
    }

    @Test func blankLinesBeforeTheHeader() throws {
        let result = try readCSV("\n\r\na,b\n1,2\n")
        #expect(result.table.columnNames == ["a", "b"])
        #expect(result.cells("a") == [.integer(1)])
        #expect(result.report.notes == ["2 blank lines skipped"])
        // Later errors still name the right line: the header is line 3, "1,2" line 4, "1,2,3" line 5.
        let error = loadError { try readCSV("\n\na,b\n1,2\n1,2,3\n") }
        expectError(error, line: 5, column: 5, reason: "more fields")
    }

    /// In a one-column file a blank line is an empty value, not a skipped line.
    @Test func blankLineInOneColumnFileIsMissingValue() throws {
        let result = try readCSV("x\n1\n\n3\n")
        #expect(result.cells("x") == [.integer(1), .missing, .integer(3)])
        #expect(result.summary("x")?.missing == 1)
        #expect(result.report.notes == [])
    }

    @Test func lastLineWithoutNewline() throws {
        let result = try readCSV("a,b\n1,2\n3,\"x\"")
        #expect(result.cells("a") == [.integer(1), .integer(3)])
        #expect(result.cells("b") == [.text("2"), .text("x")])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let result = try readCSV(bytes: [0xEF, 0xBB, 0xBF] + Array("tỉnh,năm\nHà Nam,2021\n".utf8))
        #expect(result.table.columnNames == ["tỉnh", "năm"])
        #expect(result.cells("tỉnh") == [.text("Hà Nam")])
        #expect(result.cells("năm") == [.integer(2021)])
    }
}
