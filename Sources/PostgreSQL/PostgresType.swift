import Foundation
import Engine

/// How PostgreSQL's types become the engine's four column types.
///
/// Whole numbers (int2, int4, int8) are integer columns; real numbers (float4, float8, numeric) decimal
/// columns; bool boolean; everything else text, as PostgreSQL prints it (dates and timestamps in ISO form,
/// since every connection sets `DateStyle = ISO, YMD`).
enum PostgresType {
    /// Type OIDs from PostgreSQL's catalogue (`pg_type.oid`); fixed for built-in types since PostgreSQL 7.
    static let bool: UInt32 = 16
    static let int8: UInt32 = 20
    static let int2: UInt32 = 21
    static let int4: UInt32 = 23
    static let float4: UInt32 = 700
    static let float8: UInt32 = 701
    static let numeric: UInt32 = 1700

    /// The column type for a result column of type `oid`.
    static func columnType(oid: UInt32) -> ColumnType {
        switch oid {
        case int2, int4, int8: .integer
        case float4, float8, numeric: .decimal
        case bool: .boolean
        default: .text
        }
    }

    /// The column type for a table column whose `information_schema.columns.udt_name` is `name`.
    static func columnType(udtName name: String) -> ColumnType {
        switch name {
        case "int2", "int4", "int8": .integer
        case "float4", "float8", "numeric": .decimal
        case "bool": .boolean
        default: .text
        }
    }

    /// The PostgreSQL type an engine column is created with by `upload`: the narrowest integer type that
    /// holds the column's width, so a year column is a smallint on the server as in memory.
    static func sqlType(of column: Column) -> String {
        switch column.storage {
        case .integer(let buffer):
            switch buffer.bitWidth {
            case 8, 16: "smallint"
            case 32: "integer"
            default: "bigint"
            }
        case .decimal: "double precision"
        case .boolean: "boolean"
        case .text: "text"
        }
    }
}

/// A PostgreSQL identifier in double quotes, inner quotes doubled (`"Tỷ lệ (%)"`, `"a""b"`).
func quotedIdentifier(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// A PostgreSQL string literal in single quotes, inner quotes doubled (standard_conforming_strings is on
/// for every connection, so backslashes are plain characters).
func quotedLiteral(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
}
