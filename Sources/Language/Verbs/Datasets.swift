import Foundation
import Engine

extension Verb {
    static let datasets = Verb(
        name: "datasets", arguments: .none,
        syntax: "datasets",
        summary: Message(en: "list the loaded datasets", vi: "liệt kê các bộ dữ liệu đã nạp"),
        details: Message(en: "Each dataset's name, rows, columns and origin; the current one is marked with *.",
                         vi: "Tên, số dòng, số cột và nguồn của từng bộ dữ liệu; bộ đang dùng được đánh dấu *."),
        examples: ["datasets"],
        action: { _, session in
            let names = session.order
            let table = try Table(name: "datasets", columns: [
                Column(name: " ", values: names.map { .text($0 == session.currentName ? "*" : "") }),
                Column(name: "dataset", values: names.map { .text($0) }),
                Column(name: "rows", values: names.map { .integer(Int64(session.datasets[$0]!.table.rowCount)) }),
                Column(name: "columns", values: names.map { .integer(Int64(session.datasets[$0]!.table.columns.count)) }),
                Column(name: "origin", values: names.map { .text(session.datasets[$0]!.origin) }),
            ])
            return .table(ResultTable(table: table))
        })

    static let use = Verb(
        name: "use", arguments: .clauses,
        syntax: "use DATASET",
        summary: Message(en: "make a dataset the current one", vi: "chọn bộ dữ liệu đang dùng"),
        details: Message(en: "Statements after it read this dataset. The prompt shows its name.",
                         vi: "Các câu lệnh sau đó đọc bộ dữ liệu này. Dấu nhắc hiển thị tên của nó."),
        examples: ["use gso", "use reports"],
        action: { statement, session in
            guard statement.clauses.items.count == 1, case .name(let name) = statement.clauses.items[0], statement.clauses.filters.isEmpty else {
                throw LanguageError(Message(en: "use takes one dataset name", vi: "use nhận một tên bộ dữ liệu"),
                                    at: statement.clauses.items.first?.span ?? statement.verb.span,
                                    suggestions: session.order, example: "use reports")
            }
            let dataset = try session.dataset(named: name)
            session.currentName = dataset.name
            return .report([Message(en: "using \(dataset.name): \(englishCount(dataset.table.rowCount, "row")) × \(englishCount(dataset.table.columns.count, "column"))",
                                  vi: "đang dùng \(dataset.name): \(dataset.table.rowCount) dòng × \(dataset.table.columns.count) cột").text(session.settings.language)])
        })

    static let load = Verb(
        name: "load", arguments: .raw,
        syntax: "load PATH [as NAME] [repair] [header=N|none] [skip=N] [table=N] [encoding=NAME]",
        summary: Message(en: "load a CSV, TSV or JSON Lines file as a dataset", vi: "nạp tệp CSV, TSV hoặc JSON Lines thành một bộ dữ liệu"),
        details: Message(
            en: "Reads the file, reports rows × columns and each column's type and number convention (decimal comma, thousands dot, percent), and makes it the current dataset. The separator (, ; tab |) is detected. The header row is found, not assumed: title and unit lines above it and a header of two or three rows (merged cells, joined as `Số hộ nghèo - Tổng số`) are recognised and reported; a file whose first line holds data gets columns column_1 …; a repeated or empty header name is made unique (x, x_2). Totals and subtotals rows (Tổng cộng, Cộng, Toàn tỉnh, …) are kept apart in NAME_totals, each checked against the sum of the rows it totals; empty unnamed columns and empty rows are dropped, notes below the table are left out, and a second table further down is reported (table=2 loads it). Every such decision is in the report. header=N names the header's line (header=none: there is none), skip=N passes over the first N lines. A damaged row is refused with its line and column, and nothing is loaded; with repair, short rows are padded with missing values, long rows keep the header's fields, stray quotes are kept as text, and every line so mended is listed in NAME_rejects with what was wrong and its raw text. A path with spaces needs no quotes.",
            vi: "Đọc tệp, báo số dòng × cột, kiểu và quy ước số của từng cột (dấu phẩy thập phân, dấu chấm hàng nghìn, phần trăm), và chọn làm bộ dữ liệu đang dùng. Dấu phân cách (, ; tab |) được tự nhận. Dòng tiêu đề được tìm, không mặc định: các dòng tên bảng, đơn vị tính phía trên và tiêu đề hai hoặc ba dòng (ô gộp, ghép thành `Số hộ nghèo - Tổng số`) được nhận ra và báo lại; tệp có dòng đầu là dữ liệu thì các cột được đặt tên column_1 …; tên cột trùng hoặc trống được đánh số cho khác nhau (x, x_2). Dòng tổng và tổng phụ (Tổng cộng, Cộng, Toàn tỉnh, …) được để riêng trong NAME_totals, mỗi dòng được đối chiếu với tổng các dòng nó cộng; cột trống không tên và dòng trống bị bỏ, ghi chú dưới bảng không được nạp, và bảng thứ hai phía dưới được báo lại (table=2 để nạp bảng đó). Mọi quyết định đều có trong báo cáo. header=N chỉ dòng tiêu đề (header=none: không có), skip=N bỏ qua N dòng đầu. Dòng hỏng bị từ chối kèm dòng và cột, không nạp gì; với repair, dòng thiếu được thêm ô trống, dòng thừa giữ các trường của tiêu đề, dấu ngoặc kép lạc chỗ được giữ như chữ, và mọi dòng đã sửa được liệt kê trong NAME_rejects kèm lỗi và nội dung gốc. Đường dẫn có dấu cách không cần ngoặc kép."),
        examples: ["load datasets/provinces.csv as gazetteer", "load docs/examples/so_tinh_theo_vung.csv", "use so_tinh_theo_vung_totals", "show",
                   "load docs/examples/tinh_hong.csv repair", "use tinh_hong_rejects", "show", "use reports"],
        action: { statement, session in
            guard let raw = statement.rawArgument, !raw.text.isEmpty else {
                throw LanguageError(Message(en: "load needs a file path", vi: "load cần đường dẫn tệp"), at: statement.verb.span,
                                    example: "load data/households.csv as households")
            }
            let arguments = try LoadArguments.parse(raw.text, span: raw.span)
            let text = arguments.path
            let result = try session.loader(session.path(text), arguments.name, arguments.options)
            let vietnamese = session.settings.language == .vi
            session.add(Dataset(table: result.table, origin: text, loadNotes: result.report.lines(vietnamese: vietnamese)), makeCurrent: true)
            var lines = result.report.lines(vietnamese: vietnamese)
            for companion in result.companions {
                // Rows kept apart (totals, repaired lines) become datasets of their own, beside the data.
                session.add(Dataset(table: companion, origin: text), makeCurrent: false)
                lines.append(Message(en: "also loaded \(companion.name): \(companion.rowCount) row\(companion.rowCount == 1 ? "" : "s") (see it with: use \(companion.name))",
                                     vi: "cũng đã nạp \(companion.name): \(companion.rowCount) dòng (xem bằng: use \(companion.name))").text(session.settings.language))
            }
            return .report(lines + [Message(en: "using \(result.table.name)", vi: "đang dùng \(result.table.name)").text(session.settings.language)])
        })
}
