import Remote

/// Getting data in: `use`, `load` (its arguments, the datasets loaded beside the data, a copy of a server's
/// table), `sheets`, `connect` and the progress line of a long load. The load report's own lines (column
/// types, conventions, decisions) are written by Formats, which the language's catalogue names in `reportWords`.
extension Catalogue {
    // use and load.
    public static let useTakesOneName = Message(en: "use takes one dataset name; a name with spaces is written in backticks",
                                                vi: "use nhận một tên bộ dữ liệu; tên có dấu cách được viết trong dấu `")

    public static func using(_ dataset: String, rows: Int, columns: Int) -> Message {
        Message(en: "using \(dataset): \(englishCount(rows, "row")) × \(englishCount(columns, "column"))",
                vi: "đang dùng \(dataset): \(rows) dòng × \(columns) cột")
    }

    public static let loadNeedsPath = Message(en: "load needs a file path", vi: "load cần đường dẫn tệp")

    /// Rows kept apart from the data (totals, repaired lines), loaded as a dataset of their own.
    public static func alsoLoaded(_ dataset: String, rows: Int) -> Message {
        Message(en: "also loaded \(dataset): \(englishCount(rows, "row")) (see it with: use \(dataset))",
                vi: "cũng đã nạp \(dataset): \(rows) dòng (xem bằng: use \(dataset))")
    }

    public static func nowUsing(_ dataset: String) -> Message {
        Message(en: "using \(dataset)", vi: "đang dùng \(dataset)")
    }

    public static func copiedFromServer(_ rows: Int, of table: String, from server: String, as dataset: String) -> Message {
        Message(en: "copied \(englishCount(rows, "row")) of \(table) from \(server) into memory as \(dataset)",
                vi: "đã chép \(rows) dòng của \(table) từ \(server) vào bộ nhớ thành \(dataset)")
    }

    // Arguments of load.
    /// `header=`, `table=` (from 1) and `skip=` (from 0) take whole numbers.
    public static func wholeNumberArgument(_ key: String, value: String) -> Message {
        Message(en: "\(key)= takes a whole number\(key == "skip" ? "" : " from 1"), not '\(value)'",
                vi: "\(key)= nhận một số nguyên\(key == "skip" ? "" : " từ 1"), không phải '\(value)'")
    }

    public static let encodingNameNeeded = Message(en: "encoding= needs a name", vi: "encoding= cần tên bảng mã")

    public static func unknownEncoding(_ name: String, known: String) -> Message {
        Message(en: "unknown encoding '\(name)'; solieu reads \(known)",
                vi: "không biết bảng mã '\(name)'; solieu đọc được \(known)")
    }

    // sheets.
    public static let sheetsNeedsPath = Message(en: "sheets needs the path of an .xlsx workbook", vi: "sheets cần đường dẫn tới một sổ tính .xlsx")

    // connect.
    public static let connectNeedsAddress = Message(en: "connect needs the address of a database", vi: "connect cần địa chỉ của một cơ sở dữ liệu")
    public static let connectArguments = Message(en: "connect takes an address and, optionally, as NAME",
                                                 vi: "connect nhận một địa chỉ và, nếu muốn, as TÊN")

    public static func unknownScheme(_ scheme: String, known: [String]) -> Message {
        let list = known.joined(separator: ", ")
        return Message(en: "solieu connects to \(known.isEmpty ? "no server here" : list); '\(scheme)' is not one of them",
                       vi: "solieu kết nối được tới \(known.isEmpty ? "không máy chủ nào ở đây" : list); '\(scheme)' không nằm trong số đó")
    }

    /// A server's failure, as the connection words it in both languages (Remote cannot see this catalogue).
    public static func serverFailure(_ error: RemoteError) -> Message {
        Message(en: error.english, vi: error.vietnamese)
    }

    public static func connectedNoTables(_ server: String) -> Message {
        Message(en: "connected to \(server): it has no tables", vi: "đã kết nối tới \(server): không có bảng nào")
    }

    public static func connected(_ server: String, tables: Int) -> Message {
        Message(en: "connected to \(server): \(englishCount(tables, "table")), kept on the server",
                vi: "đã kết nối tới \(server): \(tables) bảng, để nguyên trên máy chủ")
    }

    /// One table of a connection; `provinces` names its column of province names, when one was recognised.
    public static func connectedTable(_ dataset: String, columns: Int, provinces: String?) -> Message {
        let en = provinces.map { "; \($0) names provinces" } ?? "", vi = provinces.map { "; \($0) là tên tỉnh" } ?? ""
        return Message(en: "  \(dataset): \(englishCount(columns, "column"))\(en)", vi: "  \(dataset): \(columns) cột\(vi)")
    }

    /// Every message above once, with sample arguments: `Catalogue.all` lists them for the tests.
    static var loadMessages: [Message] { [
        useTakesOneName,
        using("gso", rows: 1134, columns: 8),
        loadNeedsPath,
        alsoLoaded("so_tinh_theo_vung_totals", rows: 2),
        nowUsing("reports"),
        copiedFromServer(1134, of: "reports", from: "postgresql://analyst@127.0.0.1:5432/poverty", as: "reports_local"),
        wholeNumberArgument("header", value: "two"),
        encodingNameNeeded,
        unknownEncoding("tcvn", known: "tcvn3, cp1258, vni"),
        sheetsNeedsPath,
        connectNeedsAddress,
        connectArguments,
        unknownScheme("mysql", known: ["postgresql://", "sc://"]),
        serverFailure(RemoteError(.connect, english: "cannot connect to the server", vietnamese: "không kết nối được tới máy chủ")),
        connectedNoTables("postgresql://analyst@127.0.0.1:5432/poverty"),
        connected("postgresql://analyst@127.0.0.1:5432/poverty", tables: 3),
        connectedTable("reports", columns: 8, provinces: "province"),
    ] }
}
