import Engine

/// Builds result tables of one row per group: key columns first (in Vietnamese order), then measures.
struct GroupedResult {
    let grouping: Grouping
    let keys: [Column]
    /// Groups in display order.
    let order: [Int]

    init(keys: [Column], selection: Selection) {
        self.keys = keys
        let grouping = Grouping(keys: keys, selection: selection)
        self.grouping = grouping
        // One sortable number per key and group: text by its Vietnamese rank (computed once per distinct
        // value), numbers by value, missing last.
        let sortKeys: [[Double]] = keys.map { column in
            let ranks: [Int32]? = { if case .text(let t) = column.storage { return VietnameseCollation.ranks(of: t.dictionary) } else { return nil } }()
            return (0..<grouping.groupCount).map { g in
                let row = Int(grouping.firstRow[g])
                guard column.isPresent(row) else { return .infinity }
                if let ranks, case .text(let t) = column.storage { return Double(ranks[Int(t.codes[row])]) }
                if case .boolean(let b) = column.storage { return b[row] ? 1 : 0 }
                return column.value(at: row).number ?? .infinity
            }
        }
        order = (0..<grouping.groupCount).sorted { a, b in
            for key in sortKeys where key[a] != key[b] { return key[a] < key[b] }
            return a < b
        }
    }

    /// The key columns, one row per group in display order.
    var keyColumns: [Column] {
        let rows = ContiguousArray(order.map { grouping.firstRow[$0] })
        return keys.map { $0.gathering(rows) }
    }

    /// A per-group column (indexed by group) reordered for display.
    func ordered(_ column: Column) -> Column {
        column.gathering(ContiguousArray(order.map { Int32($0) }))
    }

    func ordered(_ values: [Double?], name: String, isPercentage: Bool) -> Column {
        numberColumn(name, order.map { values[$0] }, isPercentage: isPercentage)
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
