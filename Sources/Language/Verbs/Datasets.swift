import Foundation
import Engine
import Formats

extension Verb {
    static let datasets = Verb(
        name: "datasets", aliases: ["bo_du_lieu", "bodulieu"], arguments: .none,
        syntax: "datasets",
        summary: Message(en: "list the loaded datasets", vi: "liệt kê các bộ dữ liệu đã nạp"),
        details: Message(en: "Each dataset's name, rows, columns and origin; the current one is marked with *.",
                         vi: "Tên, số dòng, số cột và nguồn của từng bộ dữ liệu; bộ đang dùng được đánh dấu *."),
        examples: ["datasets"],
        action: { _, session in
            let names = session.order
            let table = try Table(name: "datasets", columns: [
                Column(name: " ", values: names.map { .text($0 == session.currentName ? "*" : "") }),
                Column(name: Catalogue.dataset.en, values: names.map { .text($0) }),
                Column(name: Catalogue.rows.en, values: try names.map { .integer(Int64(try session.datasets[$0]!.rowCount())) }),
                Column(name: Catalogue.columns.en, values: names.map { .integer(Int64(session.datasets[$0]!.table.columns.count)) }),
                Column(name: Catalogue.origin.en, values: names.map { .text(session.datasets[$0]!.origin) }),
            ])
            return .table(ResultTable(table: table, localizedHeaders: Catalogue.headers(Catalogue.dataset, Catalogue.rows, Catalogue.columns, Catalogue.origin)))
        })

    static let use = Verb(
        name: "use", aliases: ["dung", "chon"], arguments: .clauses,
        syntax: "use DATASET",
        summary: Message(en: "make a dataset the current one", vi: "chọn bộ dữ liệu đang dùng"),
        details: Message(en: "Statements after it read this dataset. The prompt shows its name. The name matches without accents or case, and as the file was named: use `Báo cáo 2023` finds bao_cao_2023.",
                         vi: "Các câu lệnh sau đó đọc bộ dữ liệu này. Dấu nhắc hiển thị tên của nó. Tên được so khớp không phân biệt dấu hay chữ hoa, và theo tên tệp gốc: use `Báo cáo 2023` tìm thấy bao_cao_2023."),
        examples: ["use gso", "use `GSO regions`", "use reports"],
        action: { statement, session in
            guard statement.clauses.items.count == 1, case .name(let name) = statement.clauses.items[0], statement.clauses.filters.isEmpty else {
                // `use Báo cáo 2023`: the words together are the name meant, and each suggestion replaces them all.
                let items = statement.clauses.items.map(\.span) + statement.clauses.filters.map(\.span)
                let span = items.dropFirst().reduce(items.first ?? statement.verb.span) { $0.joined($1) }
                let typed = String(statement.source.dropFirst(span.column - 1).prefix(span.endColumn - span.column))
                let near = items.isEmpty ? [] : Suggestions.nearest(typed, among: session.order)
                throw LanguageError(Catalogue.useTakesOneName,
                                    at: span, suggestions: (near.isEmpty && !items.isEmpty ? session.order : near).map(NameSpelling.typed), example: "use reports")
            }
            let dataset = try session.dataset(named: name)
            session.currentName = dataset.name
            let rowCount = try dataset.rowCount()
            return .report([Catalogue.using(dataset.name, rows: rowCount, columns: dataset.table.columns.count).text(session.settings.language)])
        })

    static let load = Verb(
        name: "load", aliases: ["nap"], arguments: .raw,
        syntax: "load PATH [as NAME] [repair] [header=N|none] [skip=N] [table=N] [encoding=NAME]",
        summary: Message(en: "load a CSV, TSV or JSON Lines file as a dataset", vi: "nạp tệp CSV, TSV hoặc JSON Lines thành một bộ dữ liệu"),
        details: Message(
            en: "Reads the file, reports rows × columns and each column's type and number convention (decimal comma, thousands dot, percent), and makes it the current dataset. The separator (, ; tab |) is detected. The header row is found, not assumed: title and unit lines above it and a header of two or three rows (merged cells, joined as `Số hộ nghèo - Tổng số`) are recognised and reported; a file whose first line holds data gets columns column_1 …; a repeated or empty header name is made unique (x, x_2). Totals and subtotals rows (Tổng cộng, Cộng, Toàn tỉnh, …) are kept apart in NAME_totals, each checked against the sum of the rows it totals; empty unnamed columns and empty rows are dropped, notes below the table are left out, and a second table further down is reported (table=2 loads it). Every such decision is in the report. header=N names the header's line (header=none: there is none), skip=N passes over the first N lines. A damaged row is refused with its line and column, and nothing is loaded; with repair, short rows are padded with missing values, long rows keep the header's fields, stray quotes are kept as text, and every line so mended is listed in NAME_rejects with what was wrong and its raw text. A path with spaces needs no quotes. The dataset is named after the file, or NAME; a name that is not one word is made one (Báo cáo 2023.csv loads as bao_cao_2023). A column whose name has spaces or punctuation is written in backticks (`Số hộ nghèo`) or by the alias the report lists (so_ho_ngheo). Files in Windows-1258, TCVN3 (ABC), VNI, VISCII or UTF-16 (Excel's Unicode Text) are converted to UTF-8: UTF-16 is known by its byte-order mark, the others by their Vietnamese letters, and the report says which encoding was used. encoding=cp1258, tcvn3, vni, viscii, utf-16 or utf-8 chooses one instead; when the letters fit several, the load is refused and names them.",
            vi: "Đọc tệp, báo số dòng × cột, kiểu và quy ước số của từng cột (dấu phẩy thập phân, dấu chấm hàng nghìn, phần trăm), và chọn làm bộ dữ liệu đang dùng. Dấu phân cách (, ; tab |) được tự nhận. Dòng tiêu đề được tìm, không mặc định: các dòng tên bảng, đơn vị tính phía trên và tiêu đề hai hoặc ba dòng (ô gộp, ghép thành `Số hộ nghèo - Tổng số`) được nhận ra và báo lại; tệp có dòng đầu là dữ liệu thì các cột được đặt tên column_1 …; tên cột trùng hoặc trống được đánh số cho khác nhau (x, x_2). Dòng tổng và tổng phụ (Tổng cộng, Cộng, Toàn tỉnh, …) được để riêng trong TÊN_totals, mỗi dòng được đối chiếu với tổng các dòng nó cộng; cột trống không tên và dòng trống bị bỏ, ghi chú dưới bảng không được nạp, và bảng thứ hai phía dưới được báo lại (table=2 để nạp bảng đó). Mọi quyết định đều có trong báo cáo. header=N chỉ dòng tiêu đề (header=none: không có), skip=N bỏ qua N dòng đầu. Dòng hỏng bị từ chối kèm dòng và cột, không nạp gì; với repair, dòng thiếu được thêm ô trống, dòng thừa giữ các trường của tiêu đề, dấu ngoặc kép lạc chỗ được giữ như chữ, và mọi dòng đã sửa được liệt kê trong TÊN_rejects kèm lỗi và nội dung gốc. Đường dẫn có dấu cách không cần ngoặc kép. Bộ dữ liệu mang tên tệp, hoặc TÊN; tên không phải một từ được chuyển thành một từ (Báo cáo 2023.csv nạp thành bao_cao_2023). Cột có tên chứa dấu cách hoặc dấu câu được viết trong dấu ` (`Số hộ nghèo`) hoặc bằng tên gọi thay thế mà báo cáo liệt kê (so_ho_ngheo). Tệp dùng bảng mã Windows-1258, TCVN3 (ABC), VNI, VISCII hoặc UTF-16 (Unicode Text của Excel) được chuyển sang UTF-8: UTF-16 nhận theo dấu thứ tự byte ở đầu tệp, các bảng mã khác nhận theo chữ cái tiếng Việt, và báo cáo nạp ghi rõ bảng mã đã dùng. Ghi encoding=cp1258, tcvn3, vni, viscii, utf-16 hoặc utf-8 để tự chọn; khi chữ cái hợp với nhiều bảng mã, tệp bị từ chối kèm tên các bảng mã đó."),
        examples: ["load datasets/provinces.csv as gazetteer", "load docs/examples/so_tinh_theo_vung.csv", "use so_tinh_theo_vung_totals", "show",
                   "load docs/examples/tinh_hong.csv repair", "use tinh_hong_rejects", "show",
                   "load docs/examples/ty-le-ho-ngheo-2023-cp1258.csv as ho_ngheo",
                   "load docs/examples/ty-le-ho-ngheo-2023-tcvn3.csv as ho_ngheo_abc encoding=tcvn3", "use reports"],
        action: { statement, session in
            guard let raw = statement.rawArgument, !raw.text.isEmpty else {
                throw LanguageError(Catalogue.loadNeedsPath, at: statement.verb.span,
                                    example: "load data/households.csv as households")
            }
            let arguments = try LoadArguments.parse(raw.text, span: raw.span)
            let text = arguments.path
            // The name is made usable before loading, so that the report and the datasets kept beside the
            // data (NAME_totals, NAME_rejects) carry it too.
            if let copied = try copyFromServer(arguments, session) { return .report(copied) }
            let (name, nameNote) = NameSpelling.datasetName(arguments.name ?? TableLoader.defaultTableName(text), position: session.order.count)
            let result = try session.loader(session.path(text), name, arguments.options)
            let vietnamese = session.settings.language == .vi
            let language = session.settings.language
            let added = session.add(Dataset(table: result.table, origin: text, loadNotes: result.report.lines(vietnamese: vietnamese)), makeCurrent: true)
            var lines = result.report.lines(vietnamese: vietnamese) + ([nameNote].compactMap { $0 } + added.notes).map { $0.text(language) }
            for companion in result.companions {
                // Rows kept apart (totals, repaired lines) become datasets of their own, beside the data.
                let name = session.add(Dataset(table: companion, origin: text), makeCurrent: false).name
                lines.append(Catalogue.alsoLoaded(name, rows: companion.rowCount).text(language))
            }
            return .report(lines + [Catalogue.nowUsing(added.name).text(language)])
        })
}

/// `load NAME` where NAME is a dataset that stays on a server (and no file of that name exists): its rows
/// are copied into memory, as a dataset of their own (NAME_local, or `as` another name).
private func copyFromServer(_ arguments: LoadArguments, _ session: Session) throws -> [String]? {
    guard let remote = session.datasets[arguments.path], let source = remote.remote,
          !FileManager.default.fileExists(atPath: session.path(arguments.path)) else { return nil }
    var plan = QueryPlan(dataset: remote.name)
    plan.columns = remote.table.columnNames
    let rows = try RemoteExecutor(source: source, dataset: remote).rows(plan).table
    var copied = try Table(name: arguments.name ?? remote.name + "_local", columns: rows.columns)
    copied.name = arguments.name ?? remote.name + "_local"
    var dataset = Dataset(table: copied, origin: remote.origin)
    dataset.measures = remote.measures
    let added = session.add(dataset, makeCurrent: true)
    let language = session.settings.language
    return [Catalogue.copiedFromServer(copied.rowCount, of: remote.name, from: source.connection.displayName, as: added.name).text(language)]
        + added.notes.map { $0.text(language) } + [Catalogue.nowUsing(added.name).text(language)]
}
