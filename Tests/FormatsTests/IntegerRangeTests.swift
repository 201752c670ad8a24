import Engine
@testable import Formats
import Testing

/// Whole numbers keep all 64 bits; a column is decimal only when a value needs it; a number beyond the
/// range of a decimal is an error at its place, never infinity.
@Suite struct IntegerRangeTests {
    @Test func int64ExtremesStayIntegers() throws {
        let result = try readCSV("a,b\n9007199254740993,1\n-9223372036854775808,2\n9223372036854775807,3\n-9223372036854775807,4\n")
        #expect(result.type("a") == .integer)
        #expect(result.integerWidth("a") == 64)
        #expect(result.cells("a") == [.integer(9_007_199_254_740_993), .integer(.min), .integer(.max), .integer(.min + 1)])
        #expect(result.annotations("a")?.decision == nil)
        // With thousands marks, and on its own, the smallest Int64 is still an integer.
        let grouped = try readCSV("a;b\n-9.223.372.036.854.775.808;1\n1.000;2\n")
        #expect(grouped.cells("a") == [.integer(.min), .integer(1000)])
        #expect(try readCSV("a\n-9223372036854775808\n").cells("a") == [.integer(.min)])
    }

    /// One past either end of Int64: decimal, and the load report says the values are rounded.
    @Test func wholeNumbersBeyondInt64AreDecimalsWithANote() throws {
        for (text, value) in [("-9223372036854775809", -9_223_372_036_854_775_809.0), ("9223372036854775808", 9_223_372_036_854_775_808.0),
                              ("12345678901234567890", 12_345_678_901_234_567_890.0)] {
            let result = try readCSV("a\n\(text)\n5\n")
            #expect(result.type("a") == .decimal)
            #expect(result.cells("a") == [.decimal(value), .decimal(5)])
            #expect(result.annotations("a")?.decision
                    == "1 whole number beyond the 64-bit integer range (±9223372036854775807), such as '\(text)': read as decimal, to about 16 significant digits")
        }
        // A column that is decimal anyway still says which values were rounded.
        let mixed = try readCSV("a\n1.5\n99999999999999999999\n99999999999999999998\n")
        #expect(mixed.annotations("a")?.decision?.hasPrefix("2 whole numbers beyond the 64-bit integer range") == true)
    }

    /// Numbers of 309 digits and more, written out or with an exponent, around the largest double.
    @Test func numbersBeyondTheDecimalRangeAreErrorsAtTheirPlace() throws {
        let largest = "17976931348623157" + String(repeating: "0", count: 292)  // 1.7976931348623157e308, the largest double
        #expect(try readCSV("x\n\(largest)\n").cells("x") == [.decimal(.greatestFiniteMagnitude)])
        #expect(try readCSV("x\n1.7976931348623157e308\n-1e308\n").cells("x") == [.decimal(.greatestFiniteMagnitude), .decimal(-1e308)])
        let cases: [(String, Int, Int)] = [
            ("x,y\n1,2\n3," + "18" + String(repeating: "0", count: 307) + "\n", 3, 3),   // 1.8e308, 309 digits
            ("x\n1\n2e308\n", 3, 1),
            ("x\n1\n-0.5e310\n", 3, 1),
            ("x\n1\n" + String(repeating: "9", count: 1_000_000) + "\n", 3, 1),            // a million digits
            ("x;y\n1;2\nHà;1." + Array(repeating: "000", count: 110).joined(separator: ".") + "\n", 3, 4),  // thousands dots
        ]
        for (text, line, column) in cases {
            let error = loadError { try readCSV(text) }
            expectError(error, line: line, column: column, reason: "is beyond the range of a decimal number (about ±1.8e308)")
            #expect(error?.hint == "a value this large is most likely a damaged cell: correct it, or leave the cell empty if the value is unknown")
            #expect(error?.reasonVi?.contains("vượt quá phạm vi của số thập phân") == true)
        }
        let long = loadError { try readCSV("x\n" + String(repeating: "1", count: 400) + "\n") }
        #expect(long?.reason == "column 'x': the number '111111111111111111111111…' (400 characters) is beyond the range of a decimal number (about ±1.8e308)")
    }

    /// The first pass of a large file is split across cores; the error is still at the first bad value's line.
    @Test func beyondTheDecimalRangeInALaterChunk() throws {
        var text = "id,x\n"
        var line = 1
        while text.utf8.count < CSVReader.minimumBytesToSplit + 100_000 {
            text += "\(line),\(line).5\n"
            line += 1
        }
        text += "\(line),1e999\n\(line + 1),2e999\n"
        expectError(loadError { try readCSV(text) }, line: line + 1, column: "\(line),".count + 1, reason: "the number '1e999'")
    }
}
