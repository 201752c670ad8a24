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
    /// The first row of each group (where provenance columns are read).
    private var firstRows: [Int] = []
    /// values[measure][group]
    private var values: [[Double?]] = []
    private var periodsWithRows: Set<Double> = []

    struct CellKey: Hashable {
        let entity: Int
        let period: Double?
    }

    init(binder: Binder, entities: [Column], period: Column?, selection: Selection, measures: [MeasureSpec]) throws {
        let keys = entities + (period.map { [$0] } ?? [])
        let grouping = Grouping(keys: keys, selection: selection)
        var entityIndex: [[Value]: Int] = [:]
        var groupEntity: [[Value]] = []
        var groupPeriod: [Double?] = []
        for group in 0..<grouping.groupCount {
            let row = Int(grouping.firstRow[group])
            groupEntity.append(entities.map { $0.value(at: row) })
            groupPeriod.append(period?.value(at: row).number)
        }
        let sortedEntities = Set(groupEntity).sorted(by: CellTable.precedes)
        for (i, key) in sortedEntities.enumerated() { entityIndex[key] = i }
        entityKeys = sortedEntities
        for group in 0..<grouping.groupCount {
            groupOf[CellKey(entity: entityIndex[groupEntity[group]]!, period: groupPeriod[group])] = group
            if let p = groupPeriod[group] { periodsWithRows.insert(p) }
        }
        firstRows = grouping.firstRow.map { Int($0) }
        let evaluator = MeasureEvaluator(binder: binder)
        for measure in measures {
            switch measure.kind {
            case .aggregate(let expression):
                values.append(try evaluator.values(expression, grouping))
            case .column(let column):
                let counts = column.presentCounts(grouping)
                if let conflict = counts.firstIndex(where: { $0 > 1 }) {
                    throw CellTable.conflictError(binder: binder, column: column, measure: measure, grouping: grouping,
                                                  group: conflict, keys: keys)
                }
                values.append(try column.aggregate(.max, grouping).doubles)
            }
        }
    }

    func value(entity: Int, period: Double?, measure: Int) -> Double? {
        guard let group = groupOf[CellKey(entity: entity, period: period)] else { return nil }
        return values[measure][group]
    }

    /// A row of the cell (the first), or nil when the cell has none.
    func firstRow(entity: Int, period: Double?) -> Int? {
        groupOf[CellKey(entity: entity, period: period)].map { firstRows[$0] }
    }

    func hasRows(entity: Int, period: Double?) -> Bool { groupOf[CellKey(entity: entity, period: period)] != nil }

    /// Notes for requested periods without rows: one line when no entity has the period, else per entity.
    func gapNotes(requested: [Double], periodName: String) -> [Message] {
        var notes: [Message] = []
        let missingEverywhere = requested.filter { !periodsWithRows.contains($0) }
        if !missingEverywhere.isEmpty {
            let list = missingEverywhere.map(formatNumber).joined(separator: ", ")
            notes.append(Message(en: "no row for \(list) in this range", vi: "không có dòng nào cho \(list) trong khoảng này"))
        }
        if entityKeys.count > 1 {
            for (i, key) in entityKeys.enumerated() {
                let gaps = requested.filter { periodsWithRows.contains($0) && !hasRows(entity: i, period: $0) }
                guard !gaps.isEmpty else { continue }
                let who = key.map(\.description).joined(separator: " ")
                let list = gaps.map(formatNumber).joined(separator: ", ")
                notes.append(Message(en: "\(who) has no row for \(list)", vi: "\(who) không có dòng nào cho \(list)"))
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
    private static func conflictError(binder: Binder, column: Column, measure: MeasureSpec, grouping: Grouping,
                                      group: Int, keys: [Column]) -> LanguageError {
        var rows: [Int] = []
        var i = 0
        grouping.selection.forEachRow { row in
            if grouping.group(ofSelected: i) == group && column.isPresent(row) { rows.append(row) }
            i += 1
        }
        let table = binder.table
        let keyNames = Set(keys.map(\.name) + [column.name])
        // Columns that tell the rows apart, text first (source, series) and short.
        let distinguishing = table.columns.filter { c in
            !keyNames.contains(c.name) && Set(rows.map { c.value(at: $0) }).count == rows.count
        }.sorted { a, b in
            let rank: (Column) -> Int = { c in ["source", "series", "nguon"].contains(TextFolding.fold(c.name)) ? 0 : (c.type == .text ? 1 : 2) }
            return rank(a) < rank(b)
        }
        let where_ = keys.map { $0.value(at: rows[0]).description }.joined(separator: " ")
        let pick = distinguishing.first
        // A few rows are enough to show the problem; the rest are counted.
        let shown = rows.prefix(4)
        let more = rows.count - shown.count
        let listed = shown.map { row -> String in
            let value = column.value(at: row).description
            return pick.map { "\(value) (\($0.name)=\($0.value(at: row)))" } ?? value
        } + (more > 0 ? ["… \(more) more"] : [])
        let filters = pick.map { p in shown.prefix(3).map { "\(p.name)=\(quoteIfNeeded(p.value(at: $0).description))" } } ?? []
        let english = "\(where_) has \(rows.count) rows for \(measure.name): \(listed.joined(separator: ", ")); "
            + (filters.isEmpty ? "" : "pick one with a filter such as \(filters[0]), or ") + "ask for an aggregate such as mean(\(column.name))"
        let vietnamese = "\(where_) có \(rows.count) dòng cho \(measure.name): \(listed.joined(separator: ", ")); "
            + (filters.isEmpty ? "" : "chọn một bằng bộ lọc như \(filters[0]), hoặc ") + "dùng hàm gộp như mean(\(column.name))"
        return LanguageError(Message(en: english, vi: vietnamese), at: measure.span, suggestions: filters, replacing: false)
    }
}

/// A filter value as it must be typed: quoted when it holds characters the parser treats specially.
func quoteIfNeeded(_ text: String) -> String {
    text.contains(where: { " ,=<>!\"#;()".contains($0) }) ? "\"\(text)\"" : text
}
