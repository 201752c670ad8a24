import Engine
import Formats

extension Verb {
    static let sheets = Verb(
        name: "sheets", aliases: ["trang_tinh"], arguments: .raw,
        syntax: "sheets FILE.xlsx",
        summary: Message(en: "list the sheets of an Excel workbook", vi: "liệt kê các trang tính của một sổ tính Excel"),
        details: Message(
            en: "Each sheet's number, name, size (rows × columns of its used range, as the workbook declares it) and whether it is hidden. Load one with load FILE.xlsx sheet=\"NAME\" (the name without accents or case, or the number); load FILE.xlsx loads the first.",
            vi: "Số thứ tự, tên, kích thước (dòng × cột của vùng có dữ liệu, theo khai báo của sổ tính) và việc trang có bị ẩn không. Nạp một trang bằng load TỆP.xlsx sheet=\"TÊN\" (tên không cần dấu hay chữ hoa, hoặc số thứ tự); load TỆP.xlsx nạp trang đầu tiên."),
        examples: ["sheets docs/examples/so_tinh_theo_vung.xlsx", "load docs/examples/so_tinh_theo_vung.xlsx sheet=\"sap nhap\"", "use reports"],
        action: { statement, session in
            guard let raw = statement.rawArgument, !raw.text.isEmpty else {
                throw LanguageError(Catalogue.sheetsNeedsPath,
                                    at: statement.verb.span, example: "sheets docs/examples/so_tinh_theo_vung.xlsx")
            }
            let path = LoadArguments.unquote(raw.text.trimmingCharacters(in: .whitespaces))
            let list = try XLSXReader.sheets(path: session.path(path))
            let hidden = Catalogue.hidden.text(session.settings.language)
            let table = try Table(name: "sheets", columns: [
                Column(name: "#", type: .integer, values: list.map { .integer(Int64($0.number)) }),
                Column(name: Catalogue.sheet.en, type: .text, values: list.map { .text($0.name) }),
                Column(name: Catalogue.rows.en, type: .integer, values: list.map { $0.rows.map { .integer(Int64($0)) } ?? .missing }),
                Column(name: Catalogue.columns.en, type: .integer, values: list.map { $0.columns.map { .integer(Int64($0)) } ?? .missing }),
                Column(name: Catalogue.hidden.en, type: .text, values: list.map { .text($0.hidden ? hidden : "") }),
            ])
            return .table(ResultTable(table: table, localizedHeaders: Catalogue.headers(Catalogue.sheet, Catalogue.rows, Catalogue.columns, Catalogue.hidden)))
        })
}
