import Engine
@testable import Formats
import Testing

/// Column names from the header row.
@Suite struct CSVHeaderTests {
    /// A name the header repeats is numbered, never refused, and the report says so.
    @Test func duplicateHeaderNamesAreNumbered() throws {
        let result = try readCSV("tỉnh,năm,tỉnh\nA,1,B\n")
        #expect(result.table.columnNames == ["tỉnh", "năm", "tỉnh_2"])
        #expect(result.cells("tỉnh_2") == [.text("B")])
        #expect(result.report.notes == ["the header repeats a name, made unique: 'tỉnh' → tỉnh_2"])
        // Every column named alike, as some instrument exports write it; a written x_2 is not taken twice.
        let same = try readCSV("x,x,x_2,x\n1,2,3,4\n")
        #expect(same.table.columnNames == ["x", "x_3", "x_2", "x_4"])
    }

    /// Blank lines above the header move it down; they are counted with the others.
    @Test func duplicateHeaderBelowBlankLines() throws {
        let result = try readCSV("\n\r\na,b,a\n1,2,3\n")
        #expect(result.table.columnNames == ["a", "b", "a_2"])
        #expect(result.report.notes == ["the header repeats a name, made unique: 'a' → a_2", "2 blank lines skipped"])
    }

    /// A NUL or other control byte cannot be part of a column name; a quoted line end becomes a space, as
    /// a wrapped Excel header cell should read.
    @Test func controlBytesInTheHeaderAreAnError() throws {
        let error = loadError { try readCSV(bytes: Array("a,b".utf8) + [0x00] + Array("c\n1,2\n".utf8)) }
        expectError(error, line: 1, column: 1, reason: "header cell 2 holds a control character (0x00)")
        let multiline = try readCSV("\"Số hộ\nnghèo\",c\n1,2\n")
        #expect(multiline.table.columnNames == ["Số hộ nghèo", "c"])
    }

    /// Names are trimmed and NFC-normalised before they are compared.
    @Test func duplicatesAfterTrimmingAndNormalisation() throws {
        let spaces = try readCSV("a, a\n1,2\n")
        #expect(spaces.table.columnNames == ["a", "a_2"])
        let forms = try readCSV("H\u{F2}a,Ho\u{300}a\n1,2\n")
        #expect(forms.table.columnNames == ["H\u{F2}a", "H\u{F2}a_2"])
    }

    @Test func emptyHeaderCellIsNamedByPosition() throws {
        let result = try readCSV("a,,c,\"\"\n1,2,3,4\n")
        #expect(result.table.columnNames == ["a", "column_2", "c", "column_4"])
        #expect(result.cells("column_2") == [.integer(2)])
        #expect(result.report.notes == ["header cells 2, 4 are empty; named column_N after the position"])
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
