import Engine
import Remote

/// Compiles query plans to one SQL query each, for PostgreSQL or Spark SQL. Filters arrive already
/// matched against the data's values (an `IN` list of the exact values `ninh binh` means), so the server
/// needs no accent-insensitive collation and answers as the engine in memory does.
struct SQLCompiler {
    let sql: SQLText
    /// The table as the server knows it, quoted.
    let source: String
    /// Columns made by `let` on this dataset: their row expressions, compiled in place of a name.
    var derived: [String: Expression] = [:]
    /// Columns the server computes as this SQL (the gazetteer's `region`, from the province column).
    var derivedSQL: [String: String] = [:]
    /// A column giving the table's own row order, used to break ties so that sorted rows come in the
    /// data's order as in memory (PostgreSQL's `ctid`); nil when the engine has none.
    var rowOrder: String?
    /// A text column's distinct values, when the server has told them (for functions mapped value by value).
    var distinctTexts: ((String) throws -> [String]?)?
    /// The types of the table's columns (and `let` columns), for the sums that must stay whole numbers.
    var columnTypes: [String: ColumnType] = [:]

    init(dialect: SQLDialect, table: String, schema: String? = nil) {
        sql = SQLText(dialect: dialect)
        source = sql.table(table, schema: schema)
        rowOrder = dialect == .postgres ? "ctid" : nil
    }

    // MARK: Queries

    /// One row per group: the keys, then each aggregate under its plan name.
    func groups(_ plan: QueryPlan) throws -> String {
        let keys = try plan.keys.map { try column($0) }
        let selected = zip(keys, plan.keys).map(named)
            + (try plan.aggregates.map { "\(try aggregate($0)) AS \(sql.identifier($0.name))" })
        var text = "SELECT " + (selected.isEmpty ? "COUNT(*)" : selected.joined(separator: ", ")) + " FROM " + source
        text += try whereClause(plan.filters)
        if !keys.isEmpty { text += " GROUP BY " + keys.joined(separator: ", ") }
        return text
    }

    /// The kept rows with the plan's columns, order and limit. `limit` false leaves the limit out (the
    /// caller cuts after sorting in Vietnamese order).
    func rows(_ plan: QueryPlan, columns: [String], limit: Bool = true) throws -> String {
        let selected = try columns.map { named(try column($0), $0) }
        var text = "SELECT " + selected.joined(separator: ", ") + " FROM " + source + (try whereClause(plan.filters))
        if !plan.order.isEmpty {
            let keys = try plan.order.map { try column($0.column) + ($0.descending ? " DESC" : " ASC") + nullsLast }
            text += " ORDER BY " + (keys + (rowOrder.map { [$0] } ?? [])).joined(separator: ", ")
        }
        if limit, let n = plan.limit { text += " LIMIT \(n)" }
        return text
    }

    /// `expression AS "name"`, or the bare name when the expression is that column already.
    private func named(_ expression: String, _ name: String) -> String {
        expression == sql.identifier(name) ? expression : "\(expression) AS \(sql.identifier(name))"
    }

    /// Missing values sort last, as in memory, whichever the direction.
    private var nullsLast: String { " NULLS LAST" }

    /// The number of kept rows.
    func count(_ plan: QueryPlan) throws -> String {
        "SELECT COUNT(*) AS \(sql.identifier("count")) FROM " + source + (try whereClause(plan.filters))
    }

    /// In one scan: all rows, then the rows left after each filter in turn, then the rows each filter keeps
    /// alone (for `explain` and for saying which filter emptied an answer).
    func filterCounts(_ plan: QueryPlan) throws -> String {
        let conditions = try plan.filters.map(condition)
        var counts = ["COUNT(*)"]
        for i in conditions.indices { counts.append(countWhere(conditions[0...i].joined(separator: " AND "))) }
        for c in conditions { counts.append(countWhere(c)) }
        return "SELECT " + counts.enumerated().map { "\($1) AS \(sql.identifier("c\($0)"))" }.joined(separator: ", ") + " FROM " + source
    }

    private func countWhere(_ condition: String) -> String {
        "SUM(CASE WHEN \(condition) THEN 1 ELSE 0 END)"
    }

    /// Distinct present values of one column, at most `limit` of them.
    func distinct(_ name: String, limit: Int) throws -> String {
        let c = try column(name)
        return "SELECT DISTINCT \(c) AS \(sql.identifier(name)) FROM \(source) WHERE \(c) IS NOT NULL LIMIT \(limit)"
    }

    /// Whether some row satisfies a condition on one column (one row back if so).
    func exists(_ condition: String) -> String {
        "SELECT 1 AS \(sql.identifier("found")) FROM \(source) WHERE \(condition) LIMIT 1"
    }

    // MARK: Parts

    func whereClause(_ filters: [PlanFilter]) throws -> String {
        filters.isEmpty ? "" : " WHERE " + (try filters.map(condition).joined(separator: " AND "))
    }

    /// One filter as a condition; a missing value never satisfies it (SQL's NULL does the same).
    func condition(_ filter: PlanFilter) throws -> String {
        let c = try column(filter.column)
        switch filter.test {
        case .textIn(let values):
            guard !values.isEmpty else { return "FALSE" }
            return "\(c) IN (" + values.map(sql.text).joined(separator: ", ") + ")"
        case .numbers(let comparisons, let all):
            let parts = comparisons.map { "\(c) \(Self.operatorText($0.0)) \(sql.number($0.1))" }
            return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: all ? " AND " : " OR ") + ")"
        case .booleans(let wanted):
            let values = Set(wanted)
            return values.count == 2 ? "\(c) IS NOT NULL" : "\(c) = \(sql.boolean(values.first!))"
        }
    }

    static func operatorText(_ comparison: Comparison) -> String {
        switch comparison {
        case .equal: "="
        case .notEqual: "<>"
        case .less: "<"
        case .lessOrEqual: "<="
        case .greater: ">"
        case .greaterOrEqual: ">="
        }
    }

    /// A column by its data name, or the expression of a column made by `let`.
    func column(_ name: String) throws -> String {
        if let text = derivedSQL[name] { return "(" + text + ")" }
        if let expression = derived[name] { return "(" + (try RowSQL(compiler: self).expression(expression)) + ")" }
        return sql.identifier(name)
    }

    /// `lower`, `upper` or `fold` of a text column as a CASE over its distinct values, each mapped as the
    /// engine maps it; nil when the column has too many values (or is not a stored text column).
    func mapped(_ column: String, by function: String) throws -> String? {
        guard columnTypes[column] == .text, derived[column] == nil, let values = try distinctTexts?(column), values.count <= 2000 else { return nil }
        let transform: (String) -> String = function == "lower" ? { $0.lowercased() } : function == "upper" ? { $0.uppercased() } : TextFolding.fold
        guard !values.isEmpty else { return "CAST(NULL AS VARCHAR(1))" }
        let c = try self.column(column)
        return "(CASE \(c) " + values.map { "WHEN \(sql.text($0)) THEN \(sql.text(transform($0)))" }.joined(separator: " ") + " END)"
    }

    func aggregate(_ aggregate: PlanAggregate) throws -> String {
        if aggregate.function == .firstPosition {
            // A row's place in a PostgreSQL table: its block and offset, from its ctid.
            // Spark has no row order a query can read inside an aggregate (it refuses
            // monotonically_increasing_id() there): every group gets 0, and reading order decides.
            return sql.dialect == .postgres ? "MIN((ctid::text::point)[0] * 65536 + (ctid::text::point)[1])" : "0"
        }
        guard let argument = aggregate.argument else { return "COUNT(*)" }
        var x = try RowSQL(compiler: self).expression(argument)
        let type: ColumnType? = { if case .name(let n) = argument { return columnTypes[n.text] } else { return nil } }()
        // Booleans count as 0 and 1, as in memory.
        if type == .boolean, aggregate.function != .first { x = "CAST(\(x) AS INT)" }
        switch aggregate.function {
        case .countRows, .firstPosition: return "COUNT(*)"
        case .first: return sql.dialect == .spark ? "FIRST(\(x))" : "(ARRAY_AGG(\(x)))[1]"
        case .aggregate(let function):
            switch function {
            case .count: return "COUNT(\(x))"
            case .countDistinct: return "COUNT(DISTINCT \(x))"
            // PostgreSQL widens a sum of BIGINT to NUMERIC: a sum of whole numbers stays whole.
            case .sum: return type == .integer || type == .boolean ? "CAST(SUM(\(x)) AS BIGINT)" : "SUM(\(x))"
            case .mean: return "AVG(CAST(\(x) AS \(sql.doubleType)))"
            case .min: return "MIN(\(x))"
            case .max: return "MAX(\(x))"
            case .median:
                return sql.dialect == .spark ? "PERCENTILE(\(x), 0.5)" : "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY \(x))"
            case .stddev: return "STDDEV_SAMP(CAST(\(x) AS \(sql.doubleType)))"
            }
        }
    }
}
