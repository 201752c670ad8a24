import Engine
import Foundation
@testable import Formats
import Testing
import ZIPFoundation

/// Workbooks written part by part, as Excel lays them out, so every feature the reader handles is in the
/// file exactly as the schema (ECMA-376) has it.
enum WorkbookFixture {
    struct Sheet {
        var name: String
        var xml: String
        var state: String = "visible"
    }

    static func write(_ sheets: [Sheet], sharedStrings: [String] = [], styles: String? = nil, strict: Bool = false,
                      to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        let main = strict ? "http://purl.oclc.org/ooxml/spreadsheetml/main" : "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        func add(_ name: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        let entries = sheets.enumerated().map { i, s in
            "<sheet name=\"\(s.name)\" sheetId=\"\(i + 1)\" state=\"\(s.state)\" r:id=\"rId\(i + 1)\"/>"
        }.joined()
        try add("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"\(main)\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>\(entries)</sheets></workbook>")
        let relations = sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
        try add("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(relations)</Relationships>")
        for (i, sheet) in sheets.enumerated() {
            try add("xl/worksheets/sheet\(i + 1).xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(main)\">\(sheet.xml)</worksheet>")
        }
        if !sharedStrings.isEmpty {
            let items = sharedStrings.map { "<si><t xml:space=\"preserve\">\(escape($0))</t></si>" }.joined()
            try add("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"\(main)\" count=\"\(sharedStrings.count)\">\(items)</sst>")
        }
        if let styles { try add("xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet xmlns=\"\(main)\">\(styles)</styleSheet>") }
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A cell: a shared string (`s`), an inline string, a number, or any other typed value.
    static func shared(_ ref: String, _ index: Int) -> String { "<c r=\"\(ref)\" t=\"s\"><v>\(index)</v></c>" }
    static func inline(_ ref: String, _ text: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(escape(text))</t></is></c>" }
    static func number(_ ref: String, _ value: String, style: Int? = nil) -> String {
        "<c r=\"\(ref)\"\(style.map { " s=\"\($0)\"" } ?? "")><v>\(value)</v></c>"
    }
    static func row(_ r: Int, _ cells: String..., hidden: Bool = false) -> String {
        "<row r=\"\(r)\"\(hidden ? " hidden=\"1\"" : "")>\(cells.joined())</row>"
    }

    /// A cell format list whose format 1 is a dd/mm/yyyy date (custom format 164).
    static let dateStyles = "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs>"

    /// A provincial report sheet: a merged title, a two-row merged header, three district rows with
    /// numbers stored as text in the Vietnamese convention, a date column, and a totals row.
    static func reportSheet() -> (Sheet, [String]) {
        let strings = ["BÁO CÁO KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2023", "STT", "Huyện", "Số hộ nghèo", "Tổng số", "Trong đó DTTS",
                       "Tỷ lệ (%)", "Ngày rà soát", "Kon Plông", "Kon Rẫy", "Đắk Hà", "Tổng cộng"]
        let xml = "<dimension ref=\"A1:F8\"/><sheetData>"
            + row(1, shared("A1", 0))
            + row(3, shared("A3", 1), shared("B3", 2), shared("C3", 3), shared("E3", 6), shared("F3", 7))
            + row(4, shared("C4", 4), shared("D4", 5))
            + row(5, number("A5", "1"), shared("B5", 8), inline("C5", "1.074"), number("D5", "277"), inline("E5", "19,9"), number("F5", "45237", style: 1))
            + row(6, number("A6", "2"), shared("B6", 9), inline("C6", "2.573"), number("D6", "1951"), inline("E6", "33,0"), number("F6", "45238", style: 1))
            + row(7, number("A7", "3"), shared("B7", 10), inline("C7", "2.479"), number("D7", "278"), inline("E7", "32,0"), number("F7", "45239", style: 1))
            + row(8, shared("B8", 11), inline("C8", "6.126"), number("D8", "2506"))
            + "</sheetData><mergeCells count=\"6\"><mergeCell ref=\"A1:F1\"/><mergeCell ref=\"A3:A4\"/><mergeCell ref=\"B3:B4\"/>"
            + "<mergeCell ref=\"C3:D3\"/><mergeCell ref=\"E3:E4\"/><mergeCell ref=\"F3:F4\"/></mergeCells>"
        return (Sheet(name: "Biểu 01", xml: xml), strings)
    }
}

@Suite struct XLSXReaderTests {
    static func path(_ name: String) -> String { NSTemporaryDirectory() + "solieu-xlsx-\(getpid())-\(name)" }

    static func writeReportWorkbook(_ path: String) throws {
        let (report, strings) = WorkbookFixture.reportSheet()
        let second = WorkbookFixture.Sheet(name: "Tổng hợp", xml: "<sheetData>"
            + WorkbookFixture.row(1, WorkbookFixture.inline("A1", "tỉnh"), WorkbookFixture.inline("B1", "năm"), WorkbookFixture.inline("C1", "tỷ lệ"))
            + WorkbookFixture.row(2, WorkbookFixture.inline("A2", "Kon Tum"), WorkbookFixture.number("B2", "2017"), WorkbookFixture.number("C2", "20.300000000000001"))
            + WorkbookFixture.row(3, WorkbookFixture.inline("A3", "Ninh Bình"), WorkbookFixture.number("B3", "2023"), WorkbookFixture.number("C3", "1.86"))
            + "</sheetData>")
        let hidden = WorkbookFixture.Sheet(name: "Ẩn", xml: "<sheetData>" + WorkbookFixture.row(1, WorkbookFixture.inline("A1", "x")) + "</sheetData>", state: "hidden")
        try WorkbookFixture.write([report, second, hidden], sharedStrings: strings, styles: WorkbookFixture.dateStyles, to: path)
    }

    @Test func reportSheetWithMergedHeaderDatesAndTotals() throws {
        let file = Self.path("report.xlsx")
        try Self.writeReportWorkbook(file)
        let result = try TableLoader.load(path: file, tableName: "baocao")
        #expect(result.table.columnNames == ["STT", "Huyện", "Số hộ nghèo - Tổng số", "Số hộ nghèo - Trong đó DTTS", "Tỷ lệ (%)", "Ngày rà soát"])
        #expect(result.table.rowCount == 3)
        #expect(result.cells("Số hộ nghèo - Tổng số") == [.integer(1074), .integer(2573), .integer(2479)])
        #expect(result.cells("Tỷ lệ (%)") == [.decimal(19.9), .decimal(33.0), .decimal(32.0)])
        #expect(result.cells("Ngày rà soát") == [.text("2023-11-07"), .text("2023-11-08"), .text("2023-11-09")])
        #expect(result.report.notes.contains("line 8 'Tổng cộng' is a totals row: it equals the sum of lines 5-7; kept apart in baocao_totals"))
        #expect(result.report.notes.contains("header: lines 3-4, 2 rows joined (a merged header)"))
        #expect(result.report.notes.contains("the first of 3 sheets; the others: 'Tổng hợp', 'Ẩn' (say sheet=… to load one)"))
        #expect(result.companions.map(\.name) == ["baocao_totals"])
    }

    @Test func otherSheetsByNameOrNumber() throws {
        let file = Self.path("sheets.xlsx")
        try Self.writeReportWorkbook(file)
        for choice in ["Tổng hợp", "tong hop", "TONG", "2"] {
            let result = try TableLoader.load(path: file, tableName: "t", options: LoadOptions(sheet: choice))
            #expect(result.table.columnNames == ["tỉnh", "năm", "tỷ lệ"], "sheet=\(choice)")
            // Excel's 17 digits are shown as Excel shows them: 20.3, not 20.300000000000001.
            #expect(result.cells("tỷ lệ") == [.decimal(20.3), .decimal(1.86)])
        }
        let missing = loadError { try TableLoader.load(path: file, tableName: "t", options: LoadOptions(sheet: "Bieu 2")) }
        #expect(missing?.reason == "the workbook has no sheet 'Bieu 2'")
        #expect(missing?.hint == "the sheets are, nearest first: 'Biểu 01', 'Ẩn', 'Tổng hợp'; e.g. sheet=\"Biểu 01\" or sheet=1")
        let tooFar = loadError { try TableLoader.load(path: file, tableName: "t", options: LoadOptions(sheet: "7")) }
        #expect(tooFar?.reason == "sheet=7: the workbook has 3 sheets")
        let list = try XLSXReader.sheets(path: file)
        #expect(list.map(\.name) == ["Biểu 01", "Tổng hợp", "Ẩn"])
        #expect(list.map(\.hidden) == [false, false, true])
        #expect(list[0].rows == 8 && list[0].columns == 6)
    }

    @Test func booleansErrorsHiddenRowsAndSharedRichText() throws {
        let file = Self.path("cells.xlsx")
        let xml = "<sheetData>"
            + WorkbookFixture.row(1, WorkbookFixture.inline("A1", "xã"), WorkbookFixture.inline("B1", "đạt"), WorkbookFixture.inline("C1", "số hộ"))
            + WorkbookFixture.row(2, WorkbookFixture.inline("A2", "A"), "<c r=\"B2\" t=\"b\"><v>1</v></c>", "<c r=\"C2\" t=\"e\"><v>#N/A</v></c>")
            + WorkbookFixture.row(3, WorkbookFixture.inline("A3", "B"), "<c r=\"B3\" t=\"b\"><v>0</v></c>", WorkbookFixture.number("C3", "12"), hidden: true)
            + WorkbookFixture.row(4, "<c r=\"A4\" t=\"str\"><f>\"C\"</f><v>C</v></c>", "<c r=\"B4\" t=\"b\"><v>1</v></c>", "<c r=\"C4\" t=\"e\"><v>#DIV/0!</v></c>")
            + "</sheetData>"
        try WorkbookFixture.write([WorkbookFixture.Sheet(name: "S", xml: xml)], to: file)
        let result = try TableLoader.load(path: file, tableName: "c")
        #expect(result.cells("xã") == [.text("A"), .text("B"), .text("C")])
        #expect(result.cells("đạt") == [.boolean(true), .boolean(false), .boolean(true)])
        #expect(result.cells("số hộ") == [.missing, .integer(12), .missing])
        #expect(result.report.notes.contains("2 cells with an Excel error (#N/A, #DIV/0!, …) read as missing"))
        #expect(result.report.notes.contains("1 hidden row (3) read like the others"))
    }

    @Test func refusalsSayWhatToDo() throws {
        let encrypted = Self.path("locked.xlsx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)).write(to: URL(fileURLWithPath: encrypted))
        #expect(loadError { try TableLoader.load(path: encrypted) }?.reason.hasPrefix("this is a password-protected workbook or a legacy Excel 97-2003 (.xls) file") == true)
        let legacy = Self.path("old.xls")
        try Data([0xD0, 0xCF]).write(to: URL(fileURLWithPath: legacy))
        #expect(loadError { try TableLoader.load(path: legacy) }?.hint == "open it in Excel or LibreOffice and choose Save As → Excel Workbook (.xlsx), then load the .xlsx")
        let good = Self.path("good.xlsx")
        try Self.writeReportWorkbook(good)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: good))
        // Cut short, as a download that stopped: never a crash, always an error that names the workbook.
        for cut in [10, bytes.count / 3, bytes.count / 2, bytes.count - 30] {
            let damaged = Self.path("cut\(cut).xlsx")
            try bytes.prefix(cut).write(to: URL(fileURLWithPath: damaged))
            let error = loadError { try TableLoader.load(path: damaged) }
            #expect(error?.reason.hasPrefix("this .xlsx workbook cannot be read") == true, "cut at \(cut): \(String(describing: error))")
        }
        let strict = Self.path("strict.xlsx")
        try WorkbookFixture.write([WorkbookFixture.Sheet(name: "S", xml: "<sheetData/>")], strict: true, to: strict)
        #expect(loadError { try TableLoader.load(path: strict) }?.reason == "this workbook is saved as Strict Open XML, which solieu does not read")
        let empty = Self.path("empty.xlsx")
        try WorkbookFixture.write([WorkbookFixture.Sheet(name: "Trống", xml: "<sheetData/>")], to: empty)
        #expect(loadError { try TableLoader.load(path: empty) }?.reason == "sheet 'Trống' is empty")
    }

    /// A sheet whose formatting runs a million rows past its data (a format applied to whole columns).
    @Test func millionEmptyFormattedRows() throws {
        let file = Self.path("formatted.xlsx")
        var xml = "<sheetData>" + WorkbookFixture.row(1, WorkbookFixture.inline("A1", "tỉnh"), WorkbookFixture.inline("B1", "năm"))
            + WorkbookFixture.row(2, WorkbookFixture.inline("A2", "Kon Tum"), WorkbookFixture.number("B2", "2017"))
        xml.reserveCapacity(50_000_000)
        for r in 3...1_000_000 { xml += "<row r=\"\(r)\" s=\"1\" customFormat=\"1\"/>" }
        xml += "</sheetData>"
        try WorkbookFixture.write([WorkbookFixture.Sheet(name: "S", xml: xml)], to: file)
        let result = try TableLoader.load(path: file, tableName: "f")
        #expect(result.table.rowCount == 1)
        #expect(result.cells("tỉnh") == [.text("Kon Tum")])
    }

    /// A sheet past 16 MB is parsed in two halves at once; the rows on either side of the cut, and every
    /// value, come out as one pass would give them.
    @Test func largeSheetReadInHalves() throws {
        let file = Self.path("large.xlsx")
        var xml = "<sheetData>" + WorkbookFixture.row(1, WorkbookFixture.inline("A1", "mã"), WorkbookFixture.inline("B1", "tỉnh"), WorkbookFixture.inline("C1", "số hộ"))
        xml.reserveCapacity(24_000_000)
        let rows = 150_000
        for r in 2...(rows + 1) {
            xml += "<row r=\"\(r)\"><c r=\"A\(r)\"><v>\(r)</v></c><c r=\"B\(r)\" t=\"inlineStr\"><is><t>Tỉnh số \(r % 63) có tên khá dài để dòng dài hơn</t></is></c><c r=\"C\(r)\"><v>\(r % 1000)</v></c></row>"
        }
        xml += "</sheetData>"
        try WorkbookFixture.write([WorkbookFixture.Sheet(name: "S", xml: xml)], to: file)
        let result = try TableLoader.load(path: file, tableName: "l")
        #expect(result.table.rowCount == rows)
        let ids = (0..<rows).map { result.table.columns[0].value(at: $0) }
        #expect(ids == (2...(rows + 1)).map { .integer(Int64($0)) })
        let total = (0..<rows).reduce(Int64(0)) { sum, row in
            if case .integer(let v) = result.table.columns[2].value(at: row) { return sum + v }
            return sum
        }
        #expect(total == (2...(rows + 1)).reduce(Int64(0)) { $0 + Int64($1 % 1000) })
        #expect(result.table.columns[1].value(at: rows - 1) == .text("Tỉnh số \((rows + 1) % 63) có tên khá dài để dòng dài hơn"))
    }

    @Test func excelDates() {
        #expect(XLSXDates.isoText(serial: 45_237, date1904: false) == "2023-11-07")
        #expect(XLSXDates.isoText(serial: 1, date1904: false) == "1900-01-01")
        #expect(XLSXDates.isoText(serial: 61, date1904: false) == "1900-03-01")
        #expect(XLSXDates.isoText(serial: 0.5, date1904: false) == "12:00:00")
        #expect(XLSXDates.isoText(serial: 45_237.75, date1904: false) == "2023-11-07 18:00:00")
        #expect(XLSXDates.isoText(serial: 0, date1904: true) == "1904-01-01")
        #expect(XLSXDates.isDateFormat(id: 14, code: nil))
        #expect(XLSXDates.isDateFormat(id: 164, code: "dd/mm/yyyy"))
        #expect(!XLSXDates.isDateFormat(id: 165, code: "#,##0\" hộ\""))
        #expect(!XLSXDates.isDateFormat(id: 166, code: "[Red]0.00%"))
        #expect(XLSXDates.isDateFormat(id: 167, code: "[h]:mm"))
    }
}
