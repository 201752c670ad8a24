import Engine
import Remote

extension PostgresConnection {
    /// The tables and views the connection's user can see, outside PostgreSQL's own schemas, each with its
    /// columns in order and typed as query results are (`PostgresType.columnType(udtName:)`).
    /// Tables of `public` come first, with no schema; others carry theirs (`datasetName` is `schema.table`).
    /// Names are exactly as the server spells them (not normalised), so SQL that quotes them finds them.
    /// - Throws: `RemoteError` as `query` does.
    public func tables() throws -> [RemoteTableInfo] {
        // 'pg\_%' (standard strings: the backslash reaches LIKE) leaves out pg_toast and the temporary schemas.
        let listing = try query("""
            SELECT c.table_schema, c.table_name, c.column_name, c.udt_name
            FROM information_schema.columns AS c
            JOIN information_schema.tables AS t USING (table_catalog, table_schema, table_name)
            WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_schema NOT LIKE 'pg\\_%'
            ORDER BY c.table_schema <> 'public', c.table_schema, c.table_name, c.ordinal_position
            """, name: "tables")
        var tables: [RemoteTableInfo] = []
        for row in 0..<listing.rowCount {
            let cells = listing.row(row).map(\.description)
            let schema = cells[0] == "public" ? nil : cells[0]
            let column = RemoteColumnInfo(name: cells[2], type: PostgresType.columnType(udtName: cells[3]))
            if let last = tables.last, last.schema == schema, last.name == cells[1] {
                tables[tables.count - 1].columns.append(column)
            } else {
                tables.append(RemoteTableInfo(name: cells[1], columns: [column], schema: schema))
            }
        }
        return tables
    }
}
