import Engine
import Remote

extension Verb {
    static let connect = Verb(
        name: "connect", aliases: ["ket_noi", "ketnoi"], arguments: .raw,
        syntax: "connect postgresql://USER@HOST:PORT/DATABASE [as NAME] | connect sc://HOST:PORT [as NAME]",
        summary: Message(en: "use the tables of a PostgreSQL database or a Spark cluster where they are",
                         vi: "dùng các bảng của một cơ sở dữ liệu PostgreSQL hoặc một cụm Spark ngay tại chỗ"),
        details: Message(
            en: """
            Every table of the database becomes a dataset (named NAME_TABLE with `as NAME`). Statements on it are \
            compiled to SQL and run on the server: no table is copied into memory. Filter values are matched \
            without accents and case as in memory, from each column's distinct values, asked of the server once. \
            The password is read from PGPASSWORD or ~/.pgpass, never typed in the statement. `explain sql` shows \
            what is sent.
            """,
            vi: """
            Mỗi bảng của cơ sở dữ liệu thành một bộ dữ liệu (tên là TÊN_BẢNG khi có `as TÊN`). Các câu lệnh trên \
            đó được dịch sang SQL và chạy trên máy chủ: không bảng nào bị chép vào bộ nhớ. Giá trị lọc được so \
            khớp không phân biệt dấu và chữ hoa như trong bộ nhớ, dựa trên các giá trị khác nhau của mỗi cột, \
            hỏi máy chủ một lần. Mật khẩu lấy từ PGPASSWORD hoặc ~/.pgpass, không bao giờ gõ trong câu lệnh. \
            `explain sql` cho xem những gì được gửi đi.
            """),
        examples: [],
        action: { statement, session in .report(try connectTables(statement, session)) })
}

/// `connect URL [as NAME]`: opens the connection, lists its tables and adds each as a dataset whose rows
/// stay on the server.
func connectTables(_ statement: Statement, _ session: Session) throws -> [String] {
    guard let raw = statement.rawArgument, !raw.text.isEmpty else {
        throw LanguageError(Catalogue.connectNeedsAddress,
                            at: statement.verb.span, example: "connect postgresql://analyst@127.0.0.1:5432/poverty")
    }
    let words = raw.text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    let url = words[0]
    var prefix: String?
    if words.count == 3, TextFolding.fold(words[1]) == "as" { prefix = words[2] } else if words.count > 1 {
        throw LanguageError(Catalogue.connectArguments,
                            at: raw.span, example: "connect postgresql://analyst@127.0.0.1:5432/poverty as db")
    }
    let scheme = url.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() } ?? ""
    guard let connector = session.connectors[scheme] else {
        throw LanguageError(Catalogue.unknownScheme(scheme, known: session.connectors.keys.sorted().map { $0 + "://" }),
                            at: raw.span, example: "connect postgresql://analyst@127.0.0.1:5432/poverty")
    }
    let connection: SQLConnection
    let tables: [RemoteTableInfo]
    do {
        connection = try connector(url)
        tables = try connection.tables()
    } catch let error as RemoteError {
        throw LanguageError(Catalogue.serverFailure(error), at: raw.span)
    }
    let language = session.settings.language
    guard !tables.isEmpty else {
        return [Catalogue.connectedNoTables(connection.displayName).text(language)]
    }
    var lines = [Catalogue.connected(connection.displayName, tables: tables.count).text(language)]
    for info in tables {
        let source = RemoteSource(connection: connection, info: info)
        let name = (prefix.map { $0 + "_" } ?? "") + (info.schema.map { $0 + "_" } ?? "") + info.name
        var dataset = Dataset(table: try source.schemaTable(named: name, values: source), origin: connection.displayName + " " + info.name)
        dataset.remote = source
        let (added, notes) = session.add(dataset)
        let provinces = try session.completeRemote(added)
        lines.append(Catalogue.connectedTable(added, columns: info.columns.count, provinces: provinces).text(language))
        lines += notes.map { "  " + $0.text(language) }
    }
    return lines
}

extension Session {
    /// After a remote dataset is added: the gazetteer's columns (`region`, `unit_2025`) become SQL on the
    /// province column, and whether the data span the 2025 reorganisation is asked of the server.
    /// - Returns: the province column, if one was recognised (the line that lists the table names it).
    func completeRemote(_ name: String) throws -> String? {
        guard var dataset = datasets[name], let source = dataset.remote, let province = dataset.provinceColumn,
              let gazetteer = dataset.gazetteer else { return nil }
        let values = try source.distinctTexts(Column(name: province.name, type: .text, values: []))
        for added in province.addedColumns {
            source.derivedSQL[added] = gazetteer.caseExpression(province.name, values: values, column: added, sql: source.compiler.sql)
            source.columnTypes[added] = .text
        }
        if let period = dataset.periodColumn, period.type.isNumeric {
            var plan = QueryPlan(dataset: name)
            let low = plan.add(.aggregate(.min), .column(period.name)), high = plan.add(.aggregate(.max), .column(period.name))
            let years = try RemoteExecutor(source: source, dataset: dataset).groups(plan)
            if let a = years.column(named: low)?.value(at: 0).number, let b = years.column(named: high)?.value(at: 0).number {
                dataset.provinceColumn?.spansReorganisation = a < Reorganisation.firstYear && b >= Reorganisation.firstYear
            }
        }
        datasets[name] = dataset
        return province.name
    }
}

extension Gazetteer {
    /// The SQL for a column derived from the province column (`region`, `unit_2025`): a CASE over the
    /// column's distinct values, so the server computes it as the gazetteer does in memory.
    func caseExpression(_ provinceColumn: String, values: [String], column: String, sql: SQLText) -> String {
        let branches = values.compactMap { value -> String? in
            guard let p = province(value) else { return nil }
            return "WHEN \(sql.text(value)) THEN \(sql.text(column == "region" ? p.region : p.unit))"
        }
        guard !branches.isEmpty else { return "CAST(NULL AS VARCHAR(1))" }
        return "CASE \(sql.identifier(provinceColumn)) " + branches.joined(separator: " ") + " END"
    }
}
