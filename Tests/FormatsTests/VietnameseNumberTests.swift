import Engine
@testable import Formats
import Testing

/// Vietnamese exports write `6,8` for 6.8 and `29.829` for 29829; the reader decides each column's convention
/// from all its values and says what it decided.
@Suite struct VietnameseNumberTests {
    @Test func decimalComma() throws {
        let result = try readCSV("tỉnh;tỷ lệ\nBắc Kạn;6,8\nKon Tum;10,25\nQuảng Nam;0,5\n")
        #expect(result.type("tỷ lệ") == .decimal)
        #expect(result.cells("tỷ lệ") == [.decimal(6.8), .decimal(10.25), .decimal(0.5)])
        #expect(result.annotations("tỷ lệ") == ColumnAnnotations(convention: "decimal comma", decimalPlaces: 2))
    }

    @Test func thousandsDot() throws {
        let result = try readCSV("tỉnh;hộ nghèo;dân số\nCần Thơ;29.829;1.234.567\nKon Tum;512;12.345.678\n")
        #expect(result.type("hộ nghèo") == .integer)
        #expect(result.cells("hộ nghèo") == [.integer(29829), .integer(512)])
        #expect(result.annotations("hộ nghèo")?.convention == "thousands dot")
        #expect(result.cells("dân số") == [.integer(1_234_567), .integer(12_345_678)])
        #expect(result.annotations("dân số") == ColumnAnnotations(convention: "thousands dot"))
    }

    @Test func thousandsDotAndDecimalComma() throws {
        let result = try readCSV("x;y\n1.234,5;1\n2,25;2\n")
        #expect(result.cells("x") == [.decimal(1234.5), .decimal(2.25)])
        #expect(result.annotations("x") == ColumnAnnotations(convention: "decimal comma, thousands dot", decimalPlaces: 2))
    }

    @Test func percentSuffix() throws {
        let result = try readCSV("a;b;c\n6,8%;6,8 %;5%\n1,86%;10 %;7 %\n")
        for name in ["a", "b"] {
            #expect(result.type(name) == .decimal, "\(name)")
            #expect(result.annotations(name)?.isPercentage == true, "\(name)")
            #expect(result.annotations(name)?.convention == "decimal comma, percent sign", "\(name)")
        }
        #expect(result.cells("a") == [.decimal(6.8), .decimal(1.86)])
        #expect(result.cells("b") == [.decimal(6.8), .decimal(10)])
        #expect(result.type("c") == .integer)
        #expect(result.cells("c") == [.integer(5), .integer(7)])
        #expect(result.annotations("c") == ColumnAnnotations(isPercentage: true, convention: "percent sign"))
    }

    @Test func partlyPercentColumnSaysSo() throws {
        let result = try readCSV("x;y\n6,8%;1\n7,2;2\n")
        #expect(result.cells("x") == [.decimal(6.8), .decimal(7.2)])
        #expect(result.annotations("x")?.isPercentage == true)
        #expect(result.annotations("x")?.decision == "1 of 2 values carry %; all read as percentages")
    }

    @Test func reportStatesTheConvention() throws {
        let result = try readCSV("tỉnh;hộ nghèo;tỷ lệ\nCần Thơ;29.829;6,8%\nKon Tum;1.234.567;10,5%\n")
        #expect(result.report.lines == [
            "loaded test.csv: 2 rows × 3 columns (CSV)",
            "  tỉnh      text",
            "  hộ nghèo  integer (thousands dot)",
            "  tỷ lệ     decimal (decimal comma, percent sign)",
            "  note: separator: semicolon (;)",
        ])
    }

    /// `1.234` alone proves nothing: read the Vietnamese way, and the decision is stated.
    @Test func ambiguousDotIsThousands() throws {
        let result = try readCSV("x;y\n1.234;a\n29.829;b\n5;c\n")
        #expect(result.type("x") == .integer)
        #expect(result.cells("x") == [.integer(1234), .integer(29829), .integer(5)])
        #expect(result.annotations("x") == ColumnAnnotations(
            convention: "thousands dot",
            decision: "'1.234' read as 1234 (thousands dot, the Vietnamese convention); no value contradicts it"))
    }

    /// Beside `1500`, written without a separator, `1.234` can only be a decimal.
    @Test func ambiguousDotBesideUngroupedThousandsIsDecimal() throws {
        let result = try readCSV("x;y\n1.234;a\n1500;b\n")
        #expect(result.type("x") == .decimal)
        #expect(result.cells("x") == [.decimal(1.234), .decimal(1500)])
        #expect(result.annotations("x")?.decision
            == "'1.234' read as a decimal (1 point 234): other values of 1000 or more have no thousands separator")
        #expect(result.annotations("x")?.convention == nil)
    }

    @Test func ambiguousCommaInSemicolonFileIsDecimal() throws {
        let result = try readCSV("x;y\n1,234;a\n2;b\n")
        #expect(result.type("x") == .decimal)
        #expect(result.cells("x") == [.decimal(1.234), .decimal(2)])
        #expect(result.annotations("x") == ColumnAnnotations(
            convention: "decimal comma",
            decision: "'1,234' read as 1.234 (decimal comma, the Vietnamese convention); no value contradicts it",
            decimalPlaces: 3))
    }

    @Test func quotedAmbiguousCommaInCommaFileIsThousands() throws {
        let result = try readCSV("x,y\n\"1,234\",a\n2,b\n")
        #expect(result.type("x") == .integer)
        #expect(result.cells("x") == [.integer(1234), .integer(2)])
        #expect(result.annotations("x") == ColumnAnnotations(
            convention: "thousands comma",
            decision: "'1,234' read as 1234 (thousands comma, as in this comma-separated file); no value contradicts it"))
    }

    @Test func mixedConventionsStayText() throws {
        let result = try readCSV("x;y\n6,8;1\n6.8;2\n")
        #expect(result.type("x") == .text)
        #expect(result.cells("x") == [.text("6,8"), .text("6.8")])
        #expect(result.annotations("x")?.decision == "kept as text: values mix the 6,8 and 6.8 conventions")
    }

    @Test func mixedAmbiguousMarksBesideUngroupedThousandsStayText() throws {
        let result = try readCSV("x;y\n1.234;1\n1,234;2\n1500;3\n")
        #expect(result.type("x") == .text)
        #expect(result.annotations("x")?.decision == "kept as text: values mix 1.234 and 1,234 and neither can be a thousands separator")
    }

    @Test func negativeNumbers() throws {
        let result = try readCSV("a;b;c\n-1,5;-12;−2\n\u{2212}2,25;−1.234;-3\n+4;+5;7\n")
        #expect(result.cells("a") == [.decimal(-1.5), .decimal(-2.25), .decimal(4)])
        #expect(result.cells("b") == [.integer(-12), .integer(-1234), .integer(5)])
        #expect(result.integerWidth("b") == 16)
        #expect(result.cells("c") == [.integer(-2), .integer(-3), .integer(7)])
    }

    @Test func exponents() throws {
        let result = try readCSV("a,b,c\n1.5e3,2E-2,1e5\n-2.5e-1,3,7\n")
        #expect(result.cells("a") == [.decimal(1500), .decimal(-0.25)])
        #expect(result.cells("b") == [.decimal(0.02), .decimal(3)])
        #expect(result.cells("c") == [.decimal(100_000), .decimal(7)])
    }

    /// With an exponent, `1.234e3` has a decimal point: 1234, not 1234000.
    @Test func exponentMakesTheDotADecimalPoint() throws {
        let result = try readCSV("x\n1.234e3\n")
        #expect(result.cells("x") == [.decimal(1234)])
        #expect(result.annotations("x")?.decision == nil)
    }

    /// A number beyond what a double holds (it would read as infinity) in a numeric column is an error at its
    /// place; in a text column it is text like any other. A tiny one reads as 0.
    @Test func longExponents() throws {
        expectError(loadError { try readCSV("x\n2\n1e123456\n") }, line: 3, column: 1,
                    reason: "column 'x': the number '1e123456' is beyond the range of a decimal number (about ±1.8e308)")
        let text = try readCSV("x\n1e123456\nhai\n")
        #expect(text.cells("x") == [.text("1e123456"), .text("hai")])
        let tiny = try readCSV("x\n1e-123456\n2\n")
        #expect(tiny.cells("x") == [.decimal(0), .decimal(2)])
    }

    @Test func integersBeyondInt64AreDecimals() throws {
        let result = try readCSV("x\n12345678901234567890\n-9223372036854775808\n5\n")
        #expect(result.type("x") == .decimal)
        #expect(result.cells("x") == [.decimal(12_345_678_901_234_567_890), .decimal(-9_223_372_036_854_775_808), .decimal(5)])
        let thousands = try readCSV("x;y\n12.345.678.901.234.567.890;1\n")
        #expect(thousands.cells("x") == [.decimal(12_345_678_901_234_567_890)])
    }

    @Test func manySignificantDigits() throws {
        let result = try readCSV("x;y\n3,14159265358979323846;1\n0,1;2\n")
        #expect(result.cells("x") == [.decimal(3.14159265358979323846), .decimal(0.1)])
    }

    @Test func wholeVietnameseFile() throws {
        let result = try readCSV("tỉnh;năm;tỷ lệ\nNinh Bình;2021;3,07%\nNinh Bình;2023;1,86%\n")
        #expect(result.table.columnNames == ["tỉnh", "năm", "tỷ lệ"])
        #expect(result.table.rowCount == 2)
        #expect(result.cells("tỉnh") == [.text("Ninh Bình"), .text("Ninh Bình")])
        #expect(result.dictionary("tỉnh") == ["Ninh Bình"])
        #expect(result.cells("năm") == [.integer(2021), .integer(2023)])
        #expect(result.integerWidth("năm") == 16)
        #expect(result.cells("tỷ lệ") == [.decimal(3.07), .decimal(1.86)])
        #expect(result.annotations("tỷ lệ") == ColumnAnnotations(isPercentage: true, convention: "decimal comma, percent sign", decimalPlaces: 2))
        #expect(result.report.notes == ["separator: semicolon (;)"])
        #expect(result.report.lines == [
            "loaded test.csv: 2 rows × 3 columns (CSV)",
            "  tỉnh   text",
            "  năm    integer",
            "  tỷ lệ  decimal (decimal comma, percent sign)",
            "  note: separator: semicolon (;)",
        ])
    }
}
