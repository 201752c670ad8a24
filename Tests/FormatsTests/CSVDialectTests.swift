import Engine
@testable import Formats
import Testing

/// The separator: sniffed from the first lines, or given (TSV).
@Suite struct CSVDialectTests {
    static func sniff(_ text: String) -> UInt8 {
        let source = SourceBytes(text: text, name: "s.csv")
        return CSVDialect.sniff(source.buffer, from: 0)
    }

    @Test func sniffsEachCandidate() {
        #expect(Self.sniff("a,b,c\n1,2,3\n") == 0x2C)
        #expect(Self.sniff("a;b;c\n1,5;2;3\n4,5;6;7\n") == 0x3B)
        #expect(Self.sniff("a\tb\n1,5\t2\n") == 0x09)
        #expect(Self.sniff("a|b\n1;2|3\n") == 0x7C)
        // No candidate splits the lines: a one-column file, read with commas.
        #expect(Self.sniff("tỉnh\nHà Nam\n") == 0x2C)
        // Separators inside quotes do not count.
        #expect(Self.sniff("\"a,b\";c\n\"1,2\";3\n") == 0x3B)
    }

    @Test func readsEachSeparator() throws {
        for (separator, note) in [(",", nil), (";", "separator: semicolon (;)"), ("\t", nil), ("|", "separator: bar (|)")] as [(String, String?)] {
            let text = ["tỉnh", "năm", "hộ nghèo"].joined(separator: separator) + "\n"
                + ["Kon Tum", "2021", "1500"].joined(separator: separator) + "\n"
                + ["\"Bắc Kạn\"", "2022", "2300"].joined(separator: separator) + "\n"
            let result = try readCSV(text)
            #expect(result.table.columnNames == ["tỉnh", "năm", "hộ nghèo"], "separator \(separator.debugDescription)")
            #expect(result.cells("tỉnh") == [.text("Kon Tum"), .text("Bắc Kạn")])
            #expect(result.cells("hộ nghèo") == [.integer(1500), .integer(2300)])
            #expect(result.report.notes == (note.map { [$0] } ?? []), "separator \(separator.debugDescription)")
        }
    }

    /// Semicolons win over the decimal commas in the values.
    @Test func semicolonFileWithDecimalCommas() throws {
        let result = try readCSV("tỉnh;tỷ lệ\nBắc Kạn;6,8\nKon Tum;10,5\n")
        #expect(result.table.columnNames == ["tỉnh", "tỷ lệ"])
        #expect(result.cells("tỷ lệ") == [.decimal(6.8), .decimal(10.5)])
    }

    @Test func tsvWithExplicitTab() throws {
        let source = SourceBytes(text: "tỉnh\tgiá trị\tghi chú\nHà Nam\t1,5\ta, b; c\nNam Định\t2\t\"x\ty\"\n", name: "t.tsv")
        let result = try CSVReader.read(source, tableName: "t", delimiter: 0x09, format: "TSV")
        #expect(result.table.columnNames == ["tỉnh", "giá trị", "ghi chú"])
        #expect(result.cells("giá trị") == [.decimal(1.5), .decimal(2)])
        #expect(result.cells("ghi chú") == [.text("a, b; c"), .text("x\ty")])
        #expect(result.report.format == "TSV")
        #expect(result.report.notes == [])
        #expect(result.report.lines.first == "loaded t.tsv: 2 rows × 3 columns (TSV)")
    }

    /// A given separator is used even when another would split the lines more evenly.
    @Test func givenSeparatorOverridesSniffing() throws {
        let result = try readCSV("a,b;c\n1,2;3\n", delimiter: 0x3B)
        #expect(result.table.columnNames == ["a,b", "c"])
        #expect(result.cells("a,b") == [.decimal(1.2)])
    }
}
