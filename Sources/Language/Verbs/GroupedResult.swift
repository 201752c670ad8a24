import Engine

/// An executor's groups laid out for display: key columns first, in reading order (text in Vietnamese
/// order, numbers by value, missing last), then measures.
struct GroupedResult {
    /// The executor's answer: the key columns, then the aggregates.
    let groups: Table
    let keyCount: Int
    /// Groups in display order.
    let order: [Int]

    init(groups: Table, keyCount: Int) {
        self.groups = groups
        self.keyCount = keyCount
        // One sortable number per key and group: text by its Vietnamese rank (computed once per distinct
        // value), numbers by value, missing last.
        let sortKeys: [[Double]] = groups.columns.prefix(keyCount).map { column in
            let ranks: [Int32]? = { if case .text(let t) = column.storage { return VietnameseCollation.ranks(of: t.dictionary) } else { return nil } }()
            return (0..<column.count).map { row in
                guard column.isPresent(row) else { return .infinity }
                if let ranks, case .text(let t) = column.storage { return Double(ranks[Int(t.codes[row])]) }
                if case .boolean(let b) = column.storage { return b[row] ? 1 : 0 }
                return column.value(at: row).number ?? .infinity
            }
        }
        order = (0..<groups.rowCount).sorted { a, b in
            for key in sortKeys where key[a] != key[b] { return key[a] < key[b] }
            return a < b
        }
    }

    var groupCount: Int { groups.rowCount }

    /// The key columns, one row per group in display order.
    var keyColumns: [Column] {
        let rows = ContiguousArray(order.map { Int32($0) })
        return groups.columns.prefix(keyCount).map { $0.gathering(rows) }
    }

    /// The executor's column `name` (an aggregate), in display order.
    func ordered(_ name: String) throws -> Column {
        guard let column = groups.column(named: name) else { throw planMismatch(name, groups.name) }
        return column.gathering(ContiguousArray(order.map { Int32($0) }))
    }

    func ordered(_ values: [Double?], name: String, isPercentage: Bool) -> Column {
        numberColumn(name, order.map { values[$0] }, isPercentage: isPercentage)
    }

    /// The sum of an integer aggregate over all groups (rows counted in all).
    func total(_ name: String) -> Int {
        guard let column = groups.column(named: name) else { return 0 }
        return column.doubles.reduce(0) { $0 + Int($1 ?? 0) }
    }
}

/// Applies `sort` and `limit` clauses to a result table (columns named as in the result).
func sortAndLimit(_ result: ResultTable, _ clauses: Clauses) throws -> ResultTable {
    var result = result
    if !clauses.sort.isEmpty {
        let keys = try clauses.sort.map { key -> SortKey in
            let folded = TextFolding.fold(key.name.text), snake = NameSpelling.key(key.name.text)
            // A result's columns have no aliases: `change (pp)` is sorted by as `change_pp` or in backticks.
            let names: (Column) -> [String] = { [$0.name, result.header(of: $0)] }
            guard let column = result.table.columns.first(where: { names($0).contains { TextFolding.fold($0) == folded } })
                    ?? result.table.columns.first(where: { c in !snake.isEmpty && names(c).contains { NameSpelling.key($0) == snake } }) else {
                throw LanguageError(Message(en: "there is no column '\(key.name.text)' in this result", vi: "kết quả không có cột '\(key.name.text)'"),
                                    at: key.name.span, suggestions: Suggestions.nearest(key.name.text, among: result.table.columnNames).map(NameSpelling.typed))
            }
            return SortKey(column, descending: key.descending)
        }
        result.table = result.table.gathering(Selection.all(count: result.table.rowCount).sorted(by: keys))
    }
    if let limit = clauses.limit?.value, limit < result.table.rowCount {
        let total = result.table.rowCount
        result.table = result.table.limited(to: limit)
        result.notes.append(Message(en: "limit \(limit): \(total - limit) more rows not shown", vi: "limit \(limit): \(total - limit) dòng nữa không hiển thị"))
    }
    return result
}
