import Engine
@testable import Formats
import Testing

/// A column's type is decided from all its values: integer, decimal, boolean or text.
@Suite struct TypeInferenceTests {
    @Test func fourTypes() throws {
        let result = try readCSV("i,d,b,t\n1,1.5,true,Hà Nam\n-2,2.25,false,12a\n30,3,TRUE,x\n")
        #expect(result.type("i") == .integer)
        #expect(result.type("d") == .decimal)
        #expect(result.type("b") == .boolean)
        #expect(result.type("t") == .text)
        #expect(result.cells("i") == [.integer(1), .integer(-2), .integer(30)])
        #expect(result.cells("d") == [.decimal(1.5), .decimal(2.25), .decimal(3)])
        #expect(result.cells("b") == [.boolean(true), .boolean(false), .boolean(true)])
        #expect(result.cells("t") == [.text("Hà Nam"), .text("12a"), .text("x")])
        #expect(result.report.columns.map(\.type) == [.integer, .decimal, .boolean, .text])
        #expect(result.report.columns.allSatisfy { $0.missing == 0 })
        // Only the decimal column has places to know: 1.5 and 2.25 make two.
        #expect(result.report.columns.map(\.annotations) == [ColumnAnnotations(), ColumnAnnotations(decimalPlaces: 2), ColumnAnnotations(), ColumnAnnotations()])
    }

    @Test func codesWithLeadingZerosStayText() throws {
        let result = try readCSV("mã,zip,n\n01,08123,0\n14,10000,7\n")
        #expect(result.type("mã") == .text)
        #expect(result.cells("mã") == [.text("01"), .text("14")])
        #expect(result.cells("zip") == [.text("08123"), .text("10000")])
        #expect(result.annotations("mã")?.decision == "kept as text: codes with leading zeros (such as 01)")
        // A lone 0 is a number, not a code.
        #expect(result.cells("n") == [.integer(0), .integer(7)])
    }

    @Test func missingMarkersAndTheirCounts() throws {
        let markers = ["", "..", "-", "–", "—", "NA", "N/A", "na", "n/a", " .. "]
        var text = "id,số,tên\n"
        for (i, marker) in markers.enumerated() { text += "\(i),\(marker),\(marker)\n" }
        text += "\(markers.count),42,Kon Tum\n\(markers.count + 1),\"\",\"\"\n"
        let result = try readCSV(text)
        #expect(result.type("số") == .integer)
        #expect(result.type("tên") == .text)
        #expect(result.cells("số") == Array(repeating: .missing, count: markers.count) + [.integer(42), .missing])
        #expect(result.cells("tên") == Array(repeating: .missing, count: markers.count) + [.text("Kon Tum"), .missing])
        #expect(result.summary("số")?.missing == 11)
        #expect(result.summary("tên")?.missing == 11)
        #expect(result.summary("id")?.missing == 0)
        #expect(result.report.lines.contains("  số   integer (11 missing)"), "\(result.report.lines)")
    }

    @Test func allMissingColumnIsTextWithADecision() throws {
        let result = try readCSV("a,b\n1,\n2,NA\n")
        #expect(result.type("b") == .text)
        #expect(result.cells("b") == [.missing, .missing])
        #expect(result.summary("b")?.missing == 2)
        #expect(result.annotations("b")?.decision == "no values: every field is empty or a missing marker")
    }

    @Test func narrowestIntegerWidth() throws {
        let cases: [(values: [String], width: Int)] = [
            (["0", "127", "-128"], 8),
            (["128"], 16),
            (["-129"], 16),
            (["2021", "-32768", "32767"], 16),
            (["32768"], 32),
            (["-2147483648", "2147483647"], 32),
            (["2147483648"], 64),
            (["-9223372036854775807", "9223372036854775807"], 64),
            (["29.829", "1.234.567"], 32),  // thousands dots: 29829 and 1234567
        ]
        for (values, width) in cases {
            let result = try readCSV("x;y\n" + values.map { "\($0);a" }.joined(separator: "\n") + "\n")
            #expect(result.type("x") == .integer, "\(values)")
            #expect(result.integerWidth("x") == width, "\(values)")
        }
        let extremes = try readCSV("x\n-9223372036854775807\n9223372036854775807\n")
        #expect(extremes.cells("x") == [.integer(-9_223_372_036_854_775_807), .integer(.max)])
        let byte = try readCSV("x\n-128\n127\n")
        #expect(byte.cells("x") == [.integer(-128), .integer(127)])
    }

    @Test func booleanColumns() throws {
        let result = try readCSV("en,vi,hoa,dung,yn\ntrue,có,Có,đúng,yes\nfalse,không,Không,sai,no\nTRUE,,KHÔNG,Đúng,YES\nFalse,có,có,sai,No\n")
        #expect(result.type("en") == .boolean)
        #expect(result.cells("en") == [.boolean(true), .boolean(false), .boolean(true), .boolean(false)])
        #expect(result.type("vi") == .boolean)
        #expect(result.cells("vi") == [.boolean(true), .boolean(false), .missing, .boolean(true)])
        #expect(result.summary("vi")?.missing == 1)
        // Upper-case Vietnamese letters are not folded: KHÔNG is no boolean, so the column is text.
        #expect(result.type("hoa") == .text)
        #expect(result.type("dung") == .boolean)
        #expect(result.cells("dung") == [.boolean(true), .boolean(false), .boolean(true), .boolean(false)])
        #expect(result.type("yn") == .boolean)
    }

    @Test func booleansBesideNumbersAreText() throws {
        let result = try readCSV("x\ntrue\n1\n")
        #expect(result.type("x") == .text)
        #expect(result.cells("x") == [.text("true"), .text("1")])
        #expect(result.annotations("x")?.decision == "kept as text: values mix 1 numbers and 1 true/false values")
    }

    @Test func numbersBesideTextAreTextWithADecision() throws {
        let result = try readCSV("x\n12\n7\nkhông rõ\n")
        #expect(result.type("x") == .text)
        #expect(result.cells("x") == [.text("12"), .text("7"), .text("không rõ")])
        #expect(result.annotations("x")?.decision == "kept as text: 2 numbers but also values such as 'không rõ'")
    }

    /// Numbers keep their value when padded with spaces; text keeps its spaces.
    @Test func spacesAroundValues() throws {
        let result = try readCSV("n,t\n 12 ,  Hà Nam \n3, x\n")
        #expect(result.cells("n") == [.integer(12), .integer(3)])
        #expect(result.cells("t") == [.text("  Hà Nam "), .text(" x")])
    }

    @Test func quotedNumbersAreNumbers() throws {
        let result = try readCSV("n,d\n\"12\",\"1.5\"\n\"-3\",2\n")
        #expect(result.cells("n") == [.integer(12), .integer(-3)])
        #expect(result.cells("d") == [.decimal(1.5), .decimal(2)])
    }

    @Test func decimalsWithoutLeadingDigit() throws {
        let result = try readCSV("x\n.5\n-.25\n0.125\n")
        #expect(result.cells("x") == [.decimal(0.5), .decimal(-0.25), .decimal(0.125)])
    }

    @Test func malformedNumbersAreText() throws {
        for value in ["1.2.3", "5.", "12,34,5", "1..2", "1e", "1,5e3", "+", "1-2", "1 2"] {
            let result = try readCSV("x;y\n\(value);1\n")
            #expect(result.type("x") == .text, "\(value)")
            #expect(result.cells("x") == [.text(value)], "\(value)")
        }
    }
}
