import Engine
import Formats
import Foundation
import Language

/// `export FILE.csv excel`: CSV as Excel on a Vietnamese Windows opens it by double-click: a UTF-8
/// byte-order mark (without it Excel reads the letters as Windows-1258), `;` between fields and a decimal
/// comma (the list and decimal separators of the vi-VN locale), CRLF line ends. Numbers are written in
/// full, at 15 significant digits as Excel keeps them, without thousands separators (which Excel could
/// take for decimals); fields are quoted by their bytes, so no separator, quote or line end is missed.
enum ExcelCSVExport {
    /// - Throws: `Interrupted` on Ctrl-C.
    static func render(_ result: ResultTable) throws -> [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        let table = result.table
        DelimitedText.appendRecord(table.columns.map { result.header(of: $0) }, delimiter: separator, lineEnd: lineEnd, to: &out)
        for row in 0..<table.rowCount {
            try Interruption.checkpoint()
            DelimitedText.appendRecord(table.columns.map { cell($0.value(at: row)) }, delimiter: separator, lineEnd: lineEnd, to: &out)
        }
        return out
    }

    static func cell(_ value: Value) -> String {
        switch value {
        case .missing: return ""
        case .integer(let i): return String(i)
        case .decimal(let d):
            guard d.isFinite else { return "" }
            return decimalComma(d)
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .text(let s): return s
        }
    }

    /// `-0.605` → `-0,605`: the value at 15 significant digits, in plain notation, with a decimal comma.
    static func decimalComma(_ d: Double) -> String {
        DelimitedText.fifteenDigits(d).replacingOccurrences(of: ".", with: ",")
    }

    /// The vi-VN list separator, and Windows' line end.
    static let separator: UInt8 = 0x3B
    static let lineEnd: [UInt8] = [0x0D, 0x0A]

    /// `q4.csv excel` or `q4.csv for excel` → the path and true; anything else → itself and false.
    static func target(_ text: String) -> (path: String, forExcel: Bool) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for suffix in [" for excel", " excel"] where trimmed.lowercased().hasSuffix(suffix) {
            return (String(trimmed.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces), true)
        }
        return (trimmed, false)
    }

    /// Written to a temporary name and renamed, so an interrupted or failed export leaves no partial file.
    static func write(_ result: ResultTable, to path: String, span: SourceSpan) throws {
        let bytes = try render(result)
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw LanguageError(Catalogue.cannotWrite(path, error), at: span)
        }
    }
}
