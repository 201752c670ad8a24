import Engine
import Remote

extension SparkConnectConnection {
    /// Puts an engine table into this connection's Spark session as the temporary view `name`, so tests can
    /// ask Spark the questions they ask the engine, of the same rows.
    ///
    /// The rows travel as one `VALUES` statement whose cells are all string literals, cast to the column's
    /// type outside (`CAST(col1 AS DOUBLE)`): Spark parses a number's shortest decimal text back to the same
    /// Double, and text keeps every character, so the view holds exactly the engine's values.
    /// - Throws: `RemoteError` as `query` does.
    public func uploadForTests(table: Table, as name: String) throws {
        _ = try query(SparkConnectConnection.createViewStatement(for: table, as: name), name: name)
    }

    /// Puts an engine table into the server's catalogue as the Parquet table `name` (replacing one of that
    /// name), so other connections, such as a session's `connect`, see it too: a temporary view lives only in
    /// the Spark session that made it.
    /// - Throws: `RemoteError` as `query` does.
    public func uploadSharedForTests(table: Table, as name: String) throws {
        let view = "solieu_upload_" + sessionID.replacingOccurrences(of: "-", with: "_")
        try uploadForTests(table: table, as: view)
        _ = try query("DROP TABLE IF EXISTS \(SparkSQL.quotedName(name))", name: name)
        // One file, so a scan reads the rows in the order they were sent: Spark orders the files of a table
        // by size when it splits a scan, and solieu names the first row of a conflicting cell.
        _ = try query("CREATE TABLE \(SparkSQL.quotedName(name)) USING parquet AS SELECT /*+ COALESCE(1) */ * FROM \(SparkSQL.quotedName(view))", name: name)
        _ = try query("DROP VIEW \(SparkSQL.quotedName(view))", name: name)
    }

    static func createViewStatement(for table: Table, as name: String) -> String {
        let casts = table.columns.enumerated().map { index, column in
            "CAST(col\(index + 1) AS \(SparkSQL.sparkType(of: column.type))) AS \(SparkSQL.quotedName(column.name))"
        }
        let header = "CREATE OR REPLACE TEMPORARY VIEW \(SparkSQL.quotedName(name)) AS SELECT \(casts.joined(separator: ", "))"
        let inputs = (1...max(table.columns.count, 1)).map { "col\($0)" }.joined(separator: ", ")
        guard table.rowCount > 0, !table.columns.isEmpty else {
            // VALUES needs a row: one of missing cells, filtered away.
            let nulls = Array(repeating: "NULL", count: max(table.columns.count, 1)).joined(separator: ", ")
            return "\(header) FROM VALUES (\(nulls)) AS rows(\(inputs)) WHERE false"
        }
        var rows: [String] = []
        rows.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            let cells = table.columns.map { column -> String in
                switch column.value(at: row) {
                case .missing: "CAST(NULL AS STRING)"
                case .integer(let value): "'\(value)'"
                case .decimal(let value): "'\(value)'"
                case .boolean(let value): value ? "'true'" : "'false'"
                case .text(let text): SparkSQL.stringLiteral(text)
                }
            }
            rows.append("(" + cells.joined(separator: ", ") + ")")
        }
        return "\(header) FROM VALUES \(rows.joined(separator: ", ")) AS rows(\(inputs))"
    }
}
