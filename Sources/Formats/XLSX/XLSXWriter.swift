import CXlsxWriter
import Engine
import Foundation

/// Writes a table as an .xlsx workbook with libxlsxwriter in constant-memory mode (rows are written in
/// order and not kept): a bold, frozen header row, numbers as numbers with a number format that shows the
/// decimals the table shows, text as text. The file appears whole or not at all: it is written beside
/// its final name and moved there when complete.
public enum XLSXWriter {
    /// Excel's limit: a sheet has at most 1,048,576 rows, the header included.
    public static let maximumRows = 1_048_576
    public static let maximumColumns = 16_384

    /// - Parameter numberFormats: one Excel number format per column (nil: the default for its type).
    /// - Throws: `LoadError` (its file is the output path) when the table does not fit a sheet or the file
    ///   cannot be written.
    public static func write(_ table: Table, to path: String, sheetName: String, numberFormats: [String?],
                             shouldStop: () -> Bool = { false }) throws {
        guard table.rowCount + 1 <= maximumRows, table.columns.count <= maximumColumns else {
            throw LoadError(file: path, reason: "the result has \(table.rowCount) rows × \(table.columns.count) columns; an Excel sheet holds at most \(maximumRows - 1) rows below its header and \(maximumColumns) columns",
                            hint: "export it as .csv, or narrow it first (a filter, top N)",
                            vi: "kết quả có \(table.rowCount) dòng × \(table.columns.count) cột; một trang tính Excel chỉ chứa tối đa \(maximumRows - 1) dòng dưới tiêu đề và \(maximumColumns) cột",
                            hintVi: "hãy xuất ra .csv, hoặc thu hẹp trước (một bộ lọc, top N)")
        }
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).partial"
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 1)
        guard let workbook = workbook_new_opt(temporary, &options) else { throw cannotWrite(path, "the file cannot be created") }
        var closed = false
        defer {
            if !closed { workbook_close(workbook) }
            unlink(temporary)
        }
        guard let sheet = workbook_add_worksheet(workbook, sanitizedSheetName(sheetName)) else { throw cannotWrite(path, "the sheet cannot be added") }
        let header = workbook_add_format(workbook)
        format_set_bold(header)
        format_set_text_wrap(header)
        let formats: [UnsafeMutablePointer<lxw_format>?] = table.columns.enumerated().map { c, column in
            guard column.type.isNumeric else { return nil }
            let code = (c < numberFormats.count ? numberFormats[c] : nil) ?? (column.type == .integer ? "#,##0" : "#,##0.00")
            let format = workbook_add_format(workbook)
            format_set_num_format(format, code)
            return format
        }
        worksheet_freeze_panes(sheet, 1, 0)
        for (c, column) in table.columns.enumerated() {
            let width = Double(min(max(column.name.count, 8), 40)) + 2
            worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), width, nil)
            try check(worksheet_write_string(sheet, 0, lxw_col_t(c), column.name, header), path)
        }
        for row in 0..<table.rowCount {
            if row % 4096 == 0 && shouldStop() { throw interrupted(path) }
            let r = lxw_row_t(row + 1)
            for (c, column) in table.columns.enumerated() {
                let col = lxw_col_t(c)
                switch column.value(at: row) {
                case .missing: continue
                case .integer(let i): try check(worksheet_write_number(sheet, r, col, Double(i), formats[c]), path)
                case .decimal(let d):
                    guard d.isFinite else { continue }
                    try check(worksheet_write_number(sheet, r, col, XLSXWriter.withoutBinaryNoise(d), formats[c]), path)
                case .boolean(let b): try check(worksheet_write_boolean(sheet, r, col, b ? 1 : 0, nil), path)
                case .text(let s): try check(worksheet_write_string(sheet, r, col, s, nil), path)
                }
            }
        }
        closed = true
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else { throw cannotWrite(path, String(cString: lxw_strerror(status))) }
        guard rename(temporary, path) == 0 else { throw cannotWrite(path, String(cString: strerror(errno))) }
    }

    /// The value at 15 significant digits, as Excel itself keeps numbers: -0.6049999999999999 (the binary
    /// result of -1.21 / 2) is written as -0.605.
    public static func withoutBinaryNoise(_ x: Double) -> Double {
        guard x.isFinite, x != 0 else { return x }
        return Double(DelimitedText.fifteenDigits(x)) ?? x
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not empty.
    static func sanitizedSheetName(_ name: String) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31)).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        return cleaned.isEmpty ? "Kết quả" : cleaned
    }

    private static func check(_ status: lxw_error, _ path: String) throws {
        if status != LXW_NO_ERROR { throw cannotWrite(path, String(cString: lxw_strerror(status))) }
    }

    static func cannotWrite(_ path: String, _ why: String) -> LoadError {
        LoadError(file: path, reason: "cannot write the workbook: \(why)", hint: "check that the folder exists and can be written, and that the file is not open in Excel",
                  vi: "không ghi được sổ tính: \(why)", hintVi: "hãy kiểm tra thư mục có tồn tại và ghi được không, và tệp không đang mở trong Excel")
    }

    static func interrupted(_ path: String) -> LoadError {
        LoadError(file: path, reason: "the export was interrupted; no file was written", vi: "đã dừng xuất; không có tệp nào được ghi")
    }
}
