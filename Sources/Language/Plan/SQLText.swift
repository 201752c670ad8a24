import Engine
import Remote

/// How names, text and numbers are written in one SQL dialect.
struct SQLText {
    let dialect: SQLDialect

    /// A column or table name: `"Tỷ lệ (%)"` in PostgreSQL, `` `Tỷ lệ (%)` `` in Spark SQL, with the quote
    /// character doubled inside.
    func identifier(_ name: String) -> String {
        switch dialect {
        case .postgres: "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        case .spark: "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
        }
    }

    /// A possibly schema-qualified table name (`public.households`), each part quoted.
    func table(_ name: String, schema: String?) -> String {
        (schema.map { identifier($0) + "." } ?? "") + identifier(name)
    }

    /// A text literal, single-quoted with quotes doubled (and, in Spark, backslashes escaped).
    func text(_ value: String) -> String {
        var escaped = value.replacingOccurrences(of: "'", with: "''")
        if dialect == .spark { escaped = escaped.replacingOccurrences(of: "\\", with: "\\\\") }
        return "'" + escaped + "'"
    }

    /// A number as typed: whole numbers as integers, others in the shortest form that reads back as the
    /// same double.
    func number(_ n: NumericConstant) -> String {
        switch n {
        case .integer(let i): return i == Int64.min ? "(-9223372036854775807 - 1)" : String(i)
        case .decimal(let d):
            // Compared with a double column, both dialects compare as doubles.
            return "\(d)"
        }
    }

    var doubleType: String { dialect == .spark ? "DOUBLE" : "DOUBLE PRECISION" }

    func boolean(_ b: Bool) -> String { b ? "TRUE" : "FALSE" }
}
