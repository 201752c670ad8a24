import Engine
@testable import Formats
import Testing

/// Files as report templates and Excel write them: titles, merged headers, totals, notes, damaged rows.
@Suite struct CSVLayoutTests {
    static let districts = ["Kon Plông", "Kon Rẫy", "Đắk Hà", "Đắk Tô", "Tu Mơ Rông", "Ngọc Hồi", "Đắk Glei", "Sa Thầy",
                            "Ia H'Drai", "TP. Kon Tum", "Hoà Bình", "Ninh Bình"]
    static let poor = [1_074, 2_573, 2_479, 153, 2_356, 2_026, 2_051, 716, 721, 162, 2_521, 227]
    static let minority = [277, 1_951, 278, 130, 969, 1_117, 823, 247, 545, 26, 185, 220]

    /// Three title lines, a two-row merged header with spaces and parentheses, twelve district rows, a
    /// totals row and a signature line, as Excel saves a report sheet as CSV (`;`, decimal comma, CRLF).
    static func report(total: Int = poor.reduce(0, +)) -> String {
        var lines = [
            "BÁO CÁO KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2023;;;;;",
            "Đơn vị tính: hộ;;;;;",
            ";;;;;",
            "STT;Huyện/Thành phố;Số hộ nghèo;;Tỷ lệ hộ nghèo (%);Ghi chú",
            ";;Tổng số;Trong đó DTTS;;",
        ]
        for (i, name) in districts.enumerated() {
            let thousands = poor[i] >= 1000 ? "\(poor[i] / 1000).\(String(format: "%03d", poor[i] % 1000))" : "\(poor[i])"
            lines.append("\(i + 1);\(name);\(thousands);\(minority[i]);\(10 + i),5;")
        }
        let totalText = "\(total / 1000).\(String(format: "%03d", total % 1000))"
        lines += [";Tổng cộng;\(totalText);\(minority.reduce(0, +));12,3;", ";;;;;", "Người lập biểu;;;;;"]
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    @Test func reportWithTitleMergedHeaderAndTotals() throws {
        let result = try readCSV(Self.report(), name: "baocao.csv")
        #expect(result.table.columnNames == ["STT", "Huyện/Thành phố", "Số hộ nghèo - Tổng số", "Số hộ nghèo - Trong đó DTTS",
                                             "Tỷ lệ hộ nghèo (%)", "Ghi chú"])
        #expect(result.table.rowCount == 12)
        #expect(result.cells("Huyện/Thành phố") == Self.districts.map { .text($0) })
        #expect(result.cells("Số hộ nghèo - Tổng số") == Self.poor.map { .integer(Int64($0)) })
        #expect(result.type("Tỷ lệ hộ nghèo (%)") == .decimal)
        #expect(result.report.notes == [
            "lines 1-2 above the header are a title, not data: 'BÁO CÁO KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2023', 'Đơn vị tính: hộ'",
            "header: lines 4-5, 2 rows joined (a merged header)",
            "line 20 below the table is a note, not data: 'Người lập biểu'",
            "separator: semicolon (;)",
            "line 18 'Tổng cộng' is a totals row: it equals the sum of lines 6-17; kept apart in t_totals",
        ])
        let totals = try #require(result.companions.first)
        #expect(totals.name == "t_totals")
        #expect(totals.rowCount == 1)
        #expect(totals.column(named: "line")?.value(at: 0) == .integer(18))
        #expect(totals.column(named: "Số hộ nghèo - Tổng số")?.value(at: 0) == .integer(17_059))
        #expect(result.report.lines(vietnamese: true).contains("  ghi chú: dòng 18 'Tổng cộng' là dòng tổng: bằng tổng các dòng 6-17; để riêng trong t_totals"))
    }

    @Test func totalsThatDoNotAddUpAreReportedByColumn() throws {
        let result = try readCSV(Self.report(total: 17_071), name: "baocao.csv")
        #expect(result.table.rowCount == 12)
        #expect(result.report.notes.last ==
            "line 18 'Tổng cộng' is a totals row but differs from the sum of lines 6-17 in 'Số hộ nghèo - Tổng số' by 12 (17071 written, 17059 summed); kept apart in t_totals")
    }

    @Test func subtotalsEachCheckTheirOwnRows() throws {
        let text = "huyện,xã,số hộ\nA,x1,10\nA,x2,5\nCộng huyện A,,15\nB,y1,7\nCộng huyện B,,7\nTổng cộng,,22\n"
        let result = try readCSV(text, name: "t.csv")
        #expect(result.cells("số hộ") == [.integer(10), .integer(5), .integer(7)])
        #expect(result.report.notes == [
            "line 4 'Cộng huyện A' is a totals row: it equals the sum of lines 2-3; kept apart in t_totals",
            "line 6 'Cộng huyện B' is a totals row: it equals the sum of line 5; kept apart in t_totals",
            "line 7 'Tổng cộng' is a totals row: it equals the sum of lines 2-5; kept apart in t_totals",
        ])
    }

    /// A word such as `Cộng` in a notes column, after the district's name, is no totals label.
    @Test func aTotalsWordAfterTheFirstTextCellIsData() throws {
        let result = try readCSV("huyện,số hộ,ghi chú\nA,10,Cộng\nB,5,\n")
        #expect(result.table.rowCount == 2)
        #expect(result.companions.isEmpty)
    }

    @Test func fileWithoutHeaderRow() throws {
        let result = try readCSV("Kon Tum,2017,5.81\nNinh Bình,2023,1.21\nBắc Kạn,2020,7\n")
        #expect(result.table.columnNames == ["column_1", "column_2", "column_3"])
        #expect(result.table.rowCount == 3)
        #expect(result.cells("column_2") == [.integer(2017), .integer(2023), .integer(2020)])
        #expect(result.report.notes == [
            "no header row: line 1 holds values like the rows below it; the columns are named column_1 … column_3 (say header=1 if that line is the header)",
        ])
        let forced = try CSVReader.read(SourceBytes(text: "Kon Tum,2017\nNinh Bình,2023\n", name: "f.csv"), tableName: "f",
                                        options: LoadOptions(header: .line(1)))
        #expect(forced.table.columnNames == ["Kon Tum", "2017"])
        let none = try CSVReader.read(SourceBytes(text: "tỉnh,năm\nNinh Bình,2023\n", name: "f.csv"), tableName: "f",
                                      options: LoadOptions(header: .none))
        #expect(none.table.columnNames == ["column_1", "column_2"])
        #expect(none.table.rowCount == 2)
    }

    /// Years naming the columns are a header, not a row of numbers.
    @Test func yearsAsColumnNames() throws {
        let result = try readCSV("tỉnh,2021,2022,2023\nKon Tum,5.1,4.2,3.3\nNinh Bình,3.07,2.5,1.86\n")
        #expect(result.table.columnNames == ["tỉnh", "2021", "2022", "2023"])
        #expect(result.table.rowCount == 2)
    }

    @Test func skipAndHeaderOptions() throws {
        let text = "Biểu 01\nnguồn: Sở LĐTB&XH\ntỉnh,năm,tỷ lệ\nKon Tum,2017,5.81\n"
        let skipped = try CSVReader.read(SourceBytes(text: text, name: "f.csv"), tableName: "f", options: LoadOptions(skip: 2))
        #expect(skipped.table.columnNames == ["tỉnh", "năm", "tỷ lệ"])
        let header = try CSVReader.read(SourceBytes(text: text, name: "f.csv"), tableName: "f", options: LoadOptions(header: .line(3)))
        #expect(header.table.columnNames == ["tỉnh", "năm", "tỷ lệ"])
        #expect(header.report.notes.contains("header: line 3"))
        let wrong = loadError { try CSVReader.read(SourceBytes(text: text, name: "f.csv"), tableName: "f", options: LoadOptions(header: .line(9))) }
        #expect(wrong?.reason.hasPrefix("header=9: line 9 is blank") == true)
        let tooMany = loadError { try CSVReader.read(SourceBytes(text: text, name: "f.csv"), tableName: "f", options: LoadOptions(skip: 40)) }
        #expect(tooMany?.reason == "skip=40 passes over every line of the file")
    }

    /// Excel's used range runs past the table: empty unnamed columns and empty rows are dropped, and said so.
    @Test func emptyTrailingColumnsAndRowsAreDropped() throws {
        let result = try readCSV("tỉnh;năm;;\nKon Tum;2017;;\n;;;\nNinh Bình;2023;;\n")
        #expect(result.table.columnNames == ["tỉnh", "năm"])
        #expect(result.table.rowCount == 2)
        #expect(result.report.notes.contains("2 empty columns without a name dropped (columns 3, 4)"))
        #expect(result.report.notes.contains("1 row with every cell empty dropped"))
    }

    @Test func secondTableIsReportedAndLoadedOnRequest() throws {
        let text = "tỉnh,năm,hộ nghèo\nKon Tum,2017,100\nNinh Bình,2023,50\n\nBiểu 2: hộ cận nghèo,,\ntỉnh,năm,hộ cận nghèo\nKon Tum,2017,70\n"
        let first = try readCSV(text, name: "two.csv")
        #expect(first.table.rowCount == 2)
        #expect(first.report.notes.contains("line 5 starts another table ('Biểu 2: hộ cận nghèo'); only the first was loaded (say table=2 to load that one)"))
        let second = try CSVReader.read(SourceBytes(text: text, name: "two.csv"), tableName: "two", options: LoadOptions(table: 2))
        #expect(second.table.columnNames == ["tỉnh", "năm", "hộ cận nghèo"])
        #expect(second.cells("hộ cận nghèo") == [.integer(70)])
        let third = loadError { try CSVReader.read(SourceBytes(text: text, name: "two.csv"), tableName: "two", options: LoadOptions(table: 3)) }
        #expect(third?.reason == "table=3: the file holds 2 tables")
    }

    /// A damaged row is an error that says how to load the rest; `repair` loads every good row and lists
    /// the short row, the long row and the stray quote in the rejects.
    @Test func repairLoadsEveryGoodRowAndListsTheRest() throws {
        let text = "province,year,count\nKon Tum,2017,5\nNinh Bình,2023\nBắc Kạn,2020,7,9\nCần Thơ,\"2021,4\nQuảng Nam,2019,3\n"
        let error = loadError { try readCSV(text, name: "dmg.csv") }
        expectError(error, line: 3, column: 15, reason: "this row has 2 fields where the header has 3")
        #expect(error?.hint?.hasSuffix("or load every good row and list this one apart: load dmg.csv repair") == true)

        let result = try CSVReader.read(SourceBytes(text: text, name: "dmg.csv"), tableName: "dmg", options: LoadOptions(repair: true))
        #expect(result.table.rowCount == 5)
        #expect(result.cells("province") == ["Kon Tum", "Ninh Bình", "Bắc Kạn", "Cần Thơ", "Quảng Nam"].map { .text($0) })
        #expect(result.cells("count") == [.integer(5), .missing, .integer(7), .integer(4), .integer(3)])
        #expect(result.report.notes.contains("repair: 3 damaged lines (3, 4, 5) mended and listed in dmg_rejects"))
        let rejects = try #require(result.companions.first { $0.name == "dmg_rejects" })
        #expect((0..<3).map { rejects.column(named: "line")!.value(at: $0) } == [.integer(3), .integer(4), .integer(5)])
        #expect(rejects.column(named: "raw")!.value(at: 2) == .text("Cần Thơ,\"2021,4"))
        #expect(rejects.column(named: "extra")!.value(at: 1) == .text("9"))
        #expect(rejects.column(named: "problem")!.value(at: 0) == .text("short row: 2 fields where the header has 3; padded with missing values"))
        #expect(rejects.column(named: "problem")!.value(at: 2) == .text("a stray quote (\") was kept as text"))
    }

    @Test func repairOfAGoodFileSaysSo() throws {
        let result = try CSVReader.read(SourceBytes(text: "a,b\n1,2\n", name: "ok.csv"), tableName: "ok", options: LoadOptions(repair: true))
        #expect(result.table.rowCount == 1)
        #expect(result.report.notes == ["repair: every row was well formed; nothing was changed"])
    }
}
