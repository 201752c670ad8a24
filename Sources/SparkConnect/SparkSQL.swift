import Engine

/// Spark SQL's spelling of names, literals and types, as far as this client writes or reads them.
enum SparkSQL {
    /// A name in back quotes, a back quote inside doubled: `Tỷ lệ (%)` → `` `Tỷ lệ (%)` ``.
    static func quotedName(_ name: String) -> String {
        "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }

    /// A string literal. Spark reads backslash escapes inside quotes (unless
    /// `spark.sql.parser.escapedStringLiterals` is set), so a backslash is doubled and a quote escaped with one.
    static func stringLiteral(_ text: String) -> String {
        var literal = "'"
        for character in text.unicodeScalars {
            switch character {
            case "\\": literal += "\\\\"
            case "'": literal += "\\'"
            default: literal.unicodeScalars.append(character)
            }
        }
        return literal + "'"
    }

    /// The engine type a Spark SQL type name (as `DESCRIBE` prints it) arrives as, or nil for types the
    /// engine has no place for. Dates arrive as their ISO text, as the Arrow decoder gives them.
    static func engineType(ofSparkType name: String) -> ColumnType? {
        let base = name.lowercased().prefix { $0.isLetter }
        switch base {
        case "tinyint", "smallint", "int", "integer", "bigint", "long", "short", "byte": return .integer
        case "float", "double", "real", "decimal", "dec", "numeric": return .decimal
        case "string", "varchar", "char", "date": return .text
        case "boolean": return .boolean
        default: return nil
        }
    }

    /// The Spark type a column of `type` is sent as.
    static func sparkType(of type: ColumnType) -> String {
        switch type {
        case .integer: "BIGINT"
        case .decimal: "DOUBLE"
        case .boolean: "BOOLEAN"
        case .text: "STRING"
        }
    }
}
