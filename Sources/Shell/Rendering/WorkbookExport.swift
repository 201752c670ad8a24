import Engine
import Formats
import Language

/// `export FILE.xlsx`: the result as a workbook, each number column with an Excel number format that
/// shows what the table shows (the session's decimals, signs on changes, `%` on relative changes).
enum WorkbookExport {
    static func write(_ result: ResultTable, to path: String, span: SourceSpan, settings: Settings) throws {
        var table = result.table
        // The headers people see (`change (pp)`), not the internal names.
        let renamed = table.columns.map { column -> Column in
            var copy = column
            copy.name = result.header(of: column)
            return copy
        }
        table = try Table(name: table.name, columns: renamed)
        let formats = result.table.columns.map { numberFormat(result.role(of: $0), type: $0.type, decimals: settings.decimals) }
        do {
            try XLSXWriter.write(table, to: path, sheetName: Catalogue.resultSheet.text(settings.language), numberFormats: formats,
                                 shouldStop: CSVReader.shouldStop)
        } catch let error as LoadError {
            throw LanguageError(Catalogue.workbookFailure(error), at: span)
        }
    }

    /// The Excel number format for a column of `role`.
    static func numberFormat(_ role: ColumnRole, type: ColumnType, decimals: Int) -> String? {
        guard type.isNumeric else { return nil }
        let places = type == .integer ? "" : (decimals > 0 ? "." + String(repeating: "0", count: decimals) : "")
        switch role {
        case .label: return "0"
        case .percentChange: return "+0.0\" %\";-0.0\" %\";0.0\" %\""
        case .percentagePoints, .change: return "+#,##0\(places);-#,##0\(places);0\(places)"
        default: return "#,##0\(places)"
        }
    }
}
