import Engine
import Remote

extension SparkConnectConnection {
    /// The tables and views of the current database and the session's temporary views, with their columns.
    ///
    /// Spark has no information_schema, so this runs `SHOW TABLES` and then `DESCRIBE TABLE` for each one.
    /// Columns whose Spark type has no engine type (timestamps, binary, arrays, maps, structs) are not
    /// listed: a statement that names one is then told the column is unknown, with the columns there are.
    /// - Throws: `RemoteError` as `query` does.
    public func tables() throws -> [RemoteTableInfo] {
        let listing = try query("SHOW TABLES", name: "tables")
        guard let names = listing.column(named: "tableName") else {
            throw RemoteError(.unsupported,
                english: "SHOW TABLES on \(displayName) gave no tableName column (it gave \(listing.columnNames.joined(separator: ", "))); is this Spark 3.4 or later?",
                vietnamese: "SHOW TABLES trên \(displayName) không có cột tableName (chỉ có \(listing.columnNames.joined(separator: ", "))); đây có phải Spark 3.4 trở lên không?")
        }
        let namespaces = listing.column(named: "namespace")
        return try (0..<listing.rowCount).map { row in
            let name = names.value(at: row).description
            let namespace = namespaces.map { $0.value(at: row) }.flatMap { value -> String? in
                guard case .text(let text) = value, !text.isEmpty, text != "default" else { return nil }
                return text
            }
            let qualified = ([namespace].compactMap { $0 } + [name]).map(SparkSQL.quotedName).joined(separator: ".")
            let description = try query("DESCRIBE TABLE \(qualified)", name: "describe")
            return RemoteTableInfo(name: name, columns: SparkConnectConnection.columns(of: description), schema: namespace)
        }
    }

    /// The columns a `DESCRIBE TABLE` result lists, in engine types. Its rows stop at the first blank or
    /// `#` line, after which Spark lists partitioning and other details.
    static func columns(of description: Table) -> [RemoteColumnInfo] {
        guard let names = description.column(named: "col_name"), let types = description.column(named: "data_type") else {
            return []
        }
        var columns: [RemoteColumnInfo] = []
        for row in 0..<description.rowCount {
            let name = names.value(at: row).description
            if name.isEmpty || name.hasPrefix("#") || !names.isPresent(row) { break }
            if let type = SparkSQL.engineType(ofSparkType: types.value(at: row).description) {
                columns.append(RemoteColumnInfo(name: name, type: type))
            }
        }
        return columns
    }
}
