import Engine
import Remote

/// A table that stays on a server: its connection, its name there, and what binding has asked of its
/// values, asked once and kept for the connection's life (the distinct provinces, the years present).
public final class RemoteSource: @unchecked Sendable {
    public let connection: SQLConnection
    public let info: RemoteTableInfo
    /// Columns made by `let` on this dataset, compiled into every query in place of their names.
    var derived: [String: Expression] = [:]
    /// Columns the server computes from others (the gazetteer's `region` from the province column), as SQL.
    var derivedSQL: [String: String] = [:]
    /// Types of the table's columns and of those made by `let`.
    var columnTypes: [String: ColumnType]
    private var texts: [String: [String]] = [:]
    private var numbers: [String: Set<NumericConstant>] = [:]
    private var rowCount: Int?

    /// Beyond this many distinct values a column's values are not kept; filters on it are checked by the
    /// server one value at a time.
    static let distinctLimit = 100_000

    public init(connection: SQLConnection, info: RemoteTableInfo) {
        self.connection = connection
        self.info = info
        columnTypes = Dictionary(info.columns.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
    }

    var compiler: SQLCompiler {
        var compiler = SQLCompiler(dialect: connection.dialect, table: info.name, schema: info.schema)
        compiler.derived = derived
        compiler.derivedSQL = derivedSQL
        compiler.columnTypes = columnTypes
        compiler.distinctTexts = { [unowned self] name in
            try self.distinctTexts(Column(name: name, type: .text, values: []))
        }
        return compiler
    }

    /// Runs one query, turning the engine's failures into messages the session shows.
    func query(_ text: String) throws -> Table {
        let progress = RemoteProgress.current
        progress?.begin(server: connection.displayName)
        defer { progress?.finish() }
        do {
            return try connection.query(text, name: info.name)
        } catch let error as RemoteError {
            throw LanguageError(Catalogue.serverFailure(error))
        }
    }

    /// The table's columns without rows, typed as the server reports them; a text column named like a
    /// province carries its distinct values (asked of the server), so the gazetteer can recognise it.
    func schemaTable(named name: String, values: DataValues) throws -> Table {
        try Table(name: name, columns: info.columns.map { info in
            let column = Column(name: info.name, type: info.type, values: [])
            guard info.type == .text, Gazetteer.provinceColumnNames.contains(TextFolding.fold(info.name)) else { return column }
            let dictionary = try values.distinctTexts(column)
            return Column(name: info.name, storage: .text(DictionaryText(codes: .int8([]), dictionary: dictionary)))
        })
    }

    func totalRows() throws -> Int {
        if let rowCount { return rowCount }
        let n = try query("SELECT COUNT(*) AS \(compiler.sql.identifier("count")) FROM \(compiler.source)").columns[0].value(at: 0).number ?? 0
        rowCount = Int(n)
        return Int(n)
    }
}

extension RemoteSource: DataValues {
    func distinctTexts(_ column: Column) throws -> [String] {
        if let known = texts[column.name] { return known }
        let result = try query(try compiler.distinct(column.name, limit: RemoteSource.distinctLimit + 1))
        guard let values = result.columns.first else { return [] }
        var found = (0..<values.count).compactMap { row -> String? in
            guard case .text(let t) = values.value(at: row) else { return nil }
            return t
        }
        found.sort(by: VietnameseCollation.precedes)
        texts[column.name] = found
        return found
    }

    func contains(_ number: NumericConstant, in column: Column) throws -> Bool {
        if let known = try knownNumbers(column) { return known.contains { !NumericConstant.isLess($0, number) && !NumericConstant.isLess(number, $0) } }
        let c = try compiler.column(column.name)
        return try query(compiler.exists("\(c) = \(compiler.sql.number(number))")).rowCount > 0
    }

    func containsAny(from low: NumericConstant, to high: NumericConstant, in column: Column) throws -> Bool {
        if let known = try knownNumbers(column) {
            return known.contains { !NumericConstant.isLess($0, low) && !NumericConstant.isLess(high, $0) }
        }
        let c = try compiler.column(column.name)
        return try query(compiler.exists("\(c) >= \(compiler.sql.number(low)) AND \(c) <= \(compiler.sql.number(high))")).rowCount > 0
    }

    func presentNumbers(_ column: Column) throws -> Set<NumericConstant> { try knownNumbers(column) ?? [] }

    /// The column's distinct numbers, when there are not too many to keep.
    private func knownNumbers(_ column: Column) throws -> Set<NumericConstant>? {
        if let known = numbers[column.name] { return known.count > RemoteSource.distinctLimit ? nil : known }
        let result = try query(try compiler.distinct(column.name, limit: RemoteSource.distinctLimit + 1))
        var found = Set<NumericConstant>()
        if let values = result.columns.first {
            for row in 0..<values.count {
                switch values.value(at: row) {
                case .integer(let i): found.insert(.integer(i))
                case .decimal(let d): found.insert(.decimal(d))
                default: break
                }
            }
        }
        numbers[column.name] = found
        return found.count > RemoteSource.distinctLimit ? nil : found
    }
}
