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

/// Applies the clauses that act on a verb's answer, in order: filters on its columns (`change_pp<0`),
/// `sort`, then `top N` or `limit N` — so any answer (compare, trend, rank, a grouped aggregate) can be
/// narrowed, ordered and cut like rows.
func sortAndLimit(_ result: ResultTable, _ clauses: Clauses, resultFilters: [Filter] = [], dataset: Dataset? = nil) throws -> ResultTable {
    var result = result
    for filter in resultFilters {
        let column: Column
        do {
            column = try resultColumn(filter.column, in: result)
        } catch let missing as LanguageError {
            // Named neither in the answer nor in the data: both are offered.
            guard let dataset else { throw missing }
            let answer = result.table.columns.map { NameSpelling.key(result.header(of: $0)) }
            throw LanguageError(
                Catalogue.unknownColumnAnywhere(filter.column.text, in: dataset.name),
                at: filter.column.span, suggestions: Suggestions.nearest(filter.column.text, among: answer + dataset.table.columnNames))
        }
        let kept = try (0..<result.table.rowCount).filter { try ResultFilter(filter: filter, column: column).keeps(row: $0) }
        result.table = try result.table.gathering(Selection.rows(ContiguousArray(kept.map(Int32.init))))
    }
    if !clauses.sort.isEmpty {
        let keys = try clauses.sort.map { SortKey(try resultColumn($0.name, in: result), descending: $0.descending) }
        result.table = try result.table.gathering(try Selection.all(count: result.table.rowCount).sorted(by: keys))
    }
    for cut in [clauses.top.map { ("top", $0.value) }, clauses.limit.map { ("limit", $0.value) }].compactMap({ $0 }) where cut.1 < result.table.rowCount {
        let total = result.table.rowCount
        result.table = result.table.limited(to: cut.1)
        result.notes.append(Catalogue.rowsCut(by: cut.0, cut.1, more: total - cut.1))
    }
    return result
}

/// A column of an answer as typed: its name or header exactly, without accents and case, in snake-case
/// (`change_pp` for `change (pp)`), or by its first words (`change`), preferring the change a verb
/// computes (percentage points for a rate) when several columns start so.
func resultColumn(_ name: Name, in result: ResultTable) throws -> Column {
    let folded = TextFolding.fold(name.text), snake = NameSpelling.key(name.text)
    // A result's columns have no aliases: `change (pp)` is named as `change_pp`, in backticks, or `change`.
    let names: (Column) -> [String] = { result.headerNames(of: $0) }
    let columns = result.table.columns
    if let exact = columns.first(where: { names($0).contains { TextFolding.fold($0) == folded } }) { return exact }
    guard !snake.isEmpty else { throw noResultColumn(name, result) }
    let keyed = columns.filter { c in names(c).contains { NameSpelling.key($0) == snake } }
    let started = columns.filter { c in names(c).contains { NameSpelling.key($0).hasPrefix(snake + "_") } }
    let candidates = keyed + started.filter { c in !keyed.contains { $0.name == c.name } }
    let changes = candidates.filter { [.percentagePoints, .change].contains(result.role(of: $0)) }
    if let only = (candidates.count == 1 ? candidates : changes.count >= 1 ? [changes[0]] : []).first { return only }
    guard candidates.isEmpty else {
        throw LanguageError(Catalogue.ambiguousResultColumn(name.text, anyOf: candidates.map { NameSpelling.typed(result.header(of: $0)) }.joined(separator: ", ")),
                            at: name.span, suggestions: candidates.map { NameSpelling.key(result.header(of: $0)) })
    }
    throw noResultColumn(name, result)
}

private func noResultColumn(_ name: Name, _ result: ResultTable) -> LanguageError {
    LanguageError(Catalogue.unknownResultColumn(name.text),
                  at: name.span, suggestions: Suggestions.nearest(name.text, among: result.table.columns.map { NameSpelling.key(result.header(of: $0)) }))
}

/// A filter on a column of an answer: numbers compared exactly as typed, text matched without accents.
struct ResultFilter {
    let filter: Filter
    let column: Column

    func keeps(row: Int) throws -> Bool {
        let value = column.value(at: row)
        guard !value.isMissing else { return false }
        let literals = filter.value.literals
        if column.type.isNumeric {
            let numbers = try literals.map { literal -> Double in
                guard let n = literal.number else {
                    throw LanguageError(Catalogue.notANumber(column: column.name, value: literal.text), at: literal.span)
                }
                return n
            }
            guard let x = value.number else { return false }
            if case .range = filter.value {
                let inside = x >= numbers[0] && x <= numbers[1]
                return filter.comparison == .notEqual ? !inside : inside
            }
            switch filter.comparison {
            case .equal: return numbers.contains(x)
            case .notEqual: return !numbers.contains(x)
            case .less: return x < numbers[0]
            case .lessOrEqual: return x <= numbers[0]
            case .greater: return x > numbers[0]
            case .greaterOrEqual: return x >= numbers[0]
            }
        }
        let text = TextFolding.fold(value.description)
        let matches = literals.contains { TextFolding.fold($0.text) == text }
        return filter.comparison == .notEqual ? !matches : matches
    }
}

extension Statement {
    /// The statement's filters split into those on the dataset's columns and those on the answer's
    /// (a name that is no column of the dataset: `change_pp<0` after compare).
    func splitFilters(_ dataset: Dataset) -> (data: Statement, answer: [Filter]) {
        var data = self
        data.clauses.filters = clauses.filters.filter { f in
            if case .missing = dataset.matchColumn(f.column.text) { return false }
            return true
        }
        let answer = clauses.filters.filter { f in
            if case .missing = dataset.matchColumn(f.column.text) { return true }
            return false
        }
        return (data, answer)
    }
}
