import Engine

/// Measures laid out by entity and period: the shared core of `compare`, `trend` and `rank`.
///
/// A column measure must have at most one row per cell; several rows (two sources for one year) are
/// refused with the rows listed and the filter that would pick one. An aggregate measure combines the
/// rows of each cell, as the user asked.
struct CellTable {
    /// Distinct entity keys, in Vietnamese order.
    private(set) var entityKeys: [[Value]] = []
    private var groupOf: [CellKey: Int] = [:]
    /// values[measure][group]
    private var values: [[Double?]] = []
    private var periodsWithRows: Set<Double> = []
    /// Whether some cell combines several rows (so an aggregate such as mean(rate) is more than the row's
    /// value). Counted only when a measure averages a rate, the one question it answers.
    private(set) var combinesRows = false
    /// The carried columns' values in each group's first row (where provenance is read), by column name.
    private var firstValues: [String: [Value]] = [:]

    struct CellKey: Hashable {
        let entity: Int
        let period: Double?
    }

    /// The cells of the rows `plan` keeps, by `entities` and `period`, with each measure per cell and the
    /// `carried` columns' values from each cell's first row, computed by `executor` in one grouped query.
    init(binder: Binder, plan base: QueryPlan, executor: PlanExecutor, entities: [Column], period: Column?,
         measures: [MeasureSpec], carried: [String] = []) throws {
        let keys = entities + (period.map { [$0] } ?? [])
        var plan = base
        plan.keys = keys.map(\.name)
        let evaluator = MeasureEvaluator(binder: binder)
        // Per measure: how its value is read from the groups, and for a column, the count that must be 1.
        var readers: [(formula: GroupFormula, present: String?)] = []
        for measure in measures {
            switch measure.kind {
            case .aggregate(let expression):
                readers.append((try evaluator.formula(expression, &plan), nil))
            case .column(let column):
                let argument = Expression.column(column.name)
                readers.append((.aggregate(plan.add(.aggregate(.max), argument)), plan.add(.aggregate(.count), argument)))
            }
        }
        let firsts = carried.map { plan.add(.first, .column($0)) }
        let position = readers.contains { $0.present != nil } ? plan.add(.firstPosition, nil) : nil
        let rowsPerCell = MeanOfRates.countRows(for: measures, binder, in: &plan)
        let groups = try executor.groups(plan)
        combinesRows = !MeanOfRates.notes(measures, binder, groups: groups, rowCount: rowsPerCell).isEmpty
        for reader in readers { values.append(try reader.formula.values(in: groups)) }
        let keyColumns = groups.columns.prefix(keys.count)
        let groupEntity: [[Value]] = (0..<groups.rowCount).map { g in keyColumns.prefix(entities.count).map { $0.value(at: g) } }
        let groupPeriod: [Double?] = (0..<groups.rowCount).map { g in period == nil ? nil : keyColumns.last!.value(at: g).number }
        let sortedEntities = Set(groupEntity).sorted(by: CellTable.precedes)
        var entityIndex: [[Value]: Int] = [:]
        for (i, key) in sortedEntities.enumerated() { entityIndex[key] = i }
        entityKeys = sortedEntities
        for group in 0..<groups.rowCount {
            groupOf[CellKey(entity: entityIndex[groupEntity[group]]!, period: groupPeriod[group])] = group
            if let p = groupPeriod[group] { periodsWithRows.insert(p) }
        }
        // A column measure with several rows in a cell is refused, naming the cell that comes first in the
        // data (then in reading order).
        let positions = position.flatMap { groups.column(named: $0)?.doubles } ?? []
        for (measure, reader) in zip(measures, readers) {
            guard case .column(let column) = measure.kind, let present = reader.present,
                  let counts = groups.column(named: present)?.doubles else { continue }
            let conflicts = counts.indices.filter { (counts[$0] ?? 0) > 1 }
            let firstInOrder = conflicts.min { a, b in
                if !positions.isEmpty, positions[a] != positions[b] { return (positions[a] ?? 0) < (positions[b] ?? 0) }
                let (ea, eb) = (entityIndex[groupEntity[a]]!, entityIndex[groupEntity[b]]!)
                return ea != eb ? ea < eb : (groupPeriod[a] ?? .infinity) < (groupPeriod[b] ?? .infinity)
            }
            if let conflict = firstInOrder {
                throw try CellTable.conflictError(binder: binder, plan: base, executor: executor, column: column, measure: measure,
                                                  keys: keys, groups: groups, group: conflict)
            }
        }
        for (name, first) in zip(carried, firsts) {
            guard let column = groups.column(named: first) else { continue }
            firstValues[name] = (0..<column.count).map(column.value)
        }
    }

    /// The value of carried column `name` in the first row of a cell, or nil when the cell has no row.
    func first(_ name: String, entity: Int, period: Double?) -> Value? {
        groupOf[CellKey(entity: entity, period: period)].flatMap { firstValues[name]?[$0] }
    }

    func value(entity: Int, period: Double?, measure: Int) -> Double? {
        guard let group = groupOf[CellKey(entity: entity, period: period)] else { return nil }
        return values[measure][group]
    }

    /// The periods with rows, in order.
    var periods: [Double] { periodsWithRows.sorted() }

    func hasRows(entity: Int, period: Double?) -> Bool { groupOf[CellKey(entity: entity, period: period)] != nil }

    /// Notes for requested periods without rows: one line when no entity has the period, else per entity.
    func gapNotes(requested: [Double], periodName: String) -> [Message] {
        var notes: [Message] = []
        let missingEverywhere = requested.filter { !periodsWithRows.contains($0) }
        if !missingEverywhere.isEmpty {
            let list = missingEverywhere.map(formatNumber).joined(separator: ", ")
            notes.append(Catalogue.noRowInPeriods(list))
        }
        if entityKeys.count > 1 {
            for (i, key) in entityKeys.enumerated() {
                let gaps = requested.filter { periodsWithRows.contains($0) && !hasRows(entity: i, period: $0) }
                guard !gaps.isEmpty else { continue }
                let who = key.map(\.description).joined(separator: " ")
                let list = gaps.map(formatNumber).joined(separator: ", ")
                notes.append(Catalogue.entityHasNoRow(who, for: list))
            }
        }
        return notes
    }

    /// Entity keys in reading order: numbers by value, text in Vietnamese dictionary order.
    static func precedes(_ a: [Value], _ b: [Value]) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            if let p = x.number, let q = y.number { return p < q }
            if x.isMissing || y.isMissing { return !x.isMissing }
            return VietnameseCollation.precedes(x.description, y.description)
        }
        return false
    }

    /// "Ninh Bình 2023 has 2 rows for rate: 1.86 (source=a.txt), 1.07 (source=b.txt); pick one with …"
    private static func conflictError(binder: Binder, plan: QueryPlan, executor: PlanExecutor, column: Column, measure: MeasureSpec,
                                      keys: [Column], groups: Table, group: Int) throws -> LanguageError {
        // The cell's rows: the statement's rows narrowed to the cell's key values, with the measure present.
        let cell = keys.indices.map { groups.columns[$0].value(at: group) }
        var narrowed = plan
        for (key, value) in zip(keys, cell) {
            if let test = PlanTest.equal(to: value) {
                narrowed.filters.append(PlanFilter(typed: Filter(column: Name(text: key.name, span: measure.span), comparison: .equal,
                                                                 value: .single(Literal(text: value.description, quoted: true, span: measure.span)), span: measure.span),
                                                   column: key.name, test: test))
            }
        }
        let fetched = try executor.rows(narrowed).table
        let keyColumns = keys.compactMap { fetched.column(named: $0.name) }
        let measured = fetched.column(named: column.name)
        let rows = (0..<fetched.rowCount).filter { row in
            zip(keyColumns, cell).allSatisfy { $0.value(at: row) == $1 } && measured?.isPresent(row) == true
        }
        let keyNames = Set(keys.map(\.name) + [column.name])
        // Columns that tell the rows apart, text first (source, series) and short.
        let distinguishing = fetched.columns.filter { c in
            !keyNames.contains(c.name) && Set(rows.map { c.value(at: $0) }).count == rows.count
        }.sorted { a, b in
            let rank: (Column) -> Int = { c in ["source", "series", "nguon"].contains(TextFolding.fold(c.name)) ? 0 : (c.type == .text ? 1 : 2) }
            return rank(a) < rank(b)
        }
        let where_ = cell.map(\.description).joined(separator: " ")
        let pick = distinguishing.first
        // A few rows are enough to show the problem; the rest are counted.
        let shown = rows.prefix(4)
        let more = rows.count - shown.count
        let values = shown.map { row in
            (value: measured?.value(at: row).description ?? "", pickedBy: pick.map { "\($0.name)=\($0.value(at: row))" })
        }
        let filters = pick.map { p in shown.prefix(3).map { "\(p.name)=\(quoteIfNeeded(p.value(at: $0).description))" } } ?? []
        let message = Catalogue.severalRowsInCell(where_, rows: rows.count, measure: measure.name, values: values, more: more,
                                                  pickWith: filters.first, column: column.name)
        return LanguageError(message, at: measure.span, suggestions: filters, replacing: false)
    }
}

/// A filter value as it must be typed: quoted when it holds characters the parser treats specially.
func quoteIfNeeded(_ text: String) -> String {
    text.contains(where: { " ,=<>!\"#;()".contains($0) }) ? "\"\(text)\"" : text
}
