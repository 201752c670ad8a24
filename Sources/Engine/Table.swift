/// A named set of equally long columns: the unit a query reads and a verb returns.
public struct Table: Sendable {
    public var name: String
    public private(set) var columns: [Column]

    /// - Throws: `EngineError.columnLengthMismatch` or `.duplicateColumn` when the columns do not form a table.
    public init(name: String, columns: [Column]) throws {
        if let first = columns.first, let other = columns.first(where: { $0.count != first.count }) {
            throw EngineError.columnLengthMismatch(first.name, first.count, other.name, other.count)
        }
        var seen = Set<String>()
        for column in columns where !seen.insert(column.name).inserted {
            throw EngineError.duplicateColumn(column.name)
        }
        self.name = name
        self.columns = columns
    }

    public var rowCount: Int { columns.first?.count ?? 0 }
    public var columnNames: [String] { columns.map(\.name) }

    public func column(named name: String) -> Column? { columns.first { $0.name == name } }
    public func columnIndex(named name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// Memory held by all columns, in bytes.
    public var byteCount: Int { columns.reduce(0) { $0 + $1.byteCount } }

    /// The table with one more column (replacing one of the same name).
    public func adding(_ column: Column) throws -> Table {
        var columns = self.columns
        if let index = columnIndex(named: column.name) { columns[index] = column } else { columns.append(column) }
        return try Table(name: name, columns: columns)
    }

    /// One row as boxed values (display and tests only).
    public func row(_ index: Int) -> [Value] { columns.map { $0.value(at: index) } }
}

/// Errors raised by the engine itself; the language layer turns them into messages that point at the input.
public enum EngineError: Error, Equatable, CustomStringConvertible {
    case columnLengthMismatch(String, Int, String, Int)
    case duplicateColumn(String)
    case typeMismatch(column: String, expected: String, actual: ColumnType)
    case joinKeyCountMismatch(Int, Int)

    public var description: String {
        switch self {
        case let .columnLengthMismatch(a, n, b, m):
            "column '\(a)' has \(n) rows but '\(b)' has \(m)"
        case .duplicateColumn(let name):
            "two columns are named '\(name)'"
        case let .typeMismatch(column, expected, actual):
            "column '\(column)' is \(actual.rawValue), but \(expected) is needed"
        case let .joinKeyCountMismatch(l, r):
            "a join needs as many key columns on each side (\(l) and \(r) given)"
        }
    }
}
