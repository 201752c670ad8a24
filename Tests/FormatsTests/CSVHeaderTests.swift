import Engine
@testable import Formats
import Testing

/// Column names from the header row.
@Suite struct CSVHeaderTests {
    @Test func duplicateHeaderNamesAreAnError() {
        let error = loadError { try readCSV("tỉnh,năm,tỉnh\nA,1,B\n") }
        expectError(error, line: 1, column: 1, reason: "the header names two columns 'tỉnh' (columns 1 and 3)")
    }

    /// Blank lines above the header move it down; the error names the header's own line.
    @Test func duplicateHeaderBelowBlankLines() {
        let error = loadError { try readCSV("\n\r\na,b,a\n1,2,3\n") }
        expectError(error, line: 3, column: 1, reason: "two columns 'a' (columns 1 and 3)")
    }

    /// A NUL or other control byte cannot be part of a column name; a quoted line end can.
    @Test func controlBytesInTheHeaderAreAnError() throws {
        let error = loadError { try readCSV(bytes: Array("a,b".utf8) + [0x00] + Array("c\n1,2\n".utf8)) }
        expectError(error, line: 1, column: 1, reason: "header cell 2 holds a control character (0x00)")
        let multiline = try readCSV("\"a\nb\",c\n1,2\n")
        #expect(multiline.table.columnNames == ["a\nb", "c"])
    }

    /// Names are trimmed and NFC-normalised before they are compared.
    @Test func duplicatesAfterTrimmingAndNormalisation() {
        let spaces = loadError { try readCSV("a, a\n1,2\n") }
        expectError(spaces, line: 1, column: 1, reason: "two columns 'a' (columns 1 and 2)")
        let forms = loadError { try readCSV("H\u{F2}a,Ho\u{300}a\n1,2\n") }
        expectError(forms, line: 1, column: 1, reason: "(columns 1 and 2)")
    }

    @Test func emptyHeaderCellIsNamedByPosition() throws {
        let result = try readCSV("a,,c,\"\"\n1,2,3,4\n")
        #expect(result.table.columnNames == ["a", "column_2", "c", "column_4"])
        #expect(result.cells("column_2") == [.integer(2)])
        #expect(result.report.notes == [
            "header cell 2 is empty; the column is named column_2",
            "header cell 4 is empty; the column is named column_4",
        ])
    }

    @Test func namesAreTrimmedAndNFC() throws {
        let result = try readCSV("  tỉnh ,Ho\u{300}a\t\n1,2\n")
        #expect(result.table.columnNames.map { Array($0.unicodeScalars) } == [Array("tỉnh".unicodeScalars), Array("H\u{F2}a".unicodeScalars)])
    }

    /// A space before a quote makes the field unquoted: the quotes are then part of the name (RFC 4180).
    @Test func spaceBeforeQuoteKeepsTheQuotes() throws {
        let result = try readCSV("a, \"b\"\n1,2\n")
        #expect(result.table.columnNames == ["a", "\"b\""])
    }

    @Test func quotedHeaderWithSeparatorAndEscapedQuote() throws {
        let result = try readCSV("\"tỷ lệ, %\",\"tên \"\"cũ\"\"\"\n1,x\n")
        #expect(result.table.columnNames == ["tỷ lệ, %", "tên \"cũ\""])
    }
}
