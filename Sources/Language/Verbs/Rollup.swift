import Engine

extension Verb {
    static let rollup = Verb(
        name: "rollup", aliases: ["quy_doi", "quydoi"], arguments: .clauses,
        syntax: "rollup province to 2025 MEASURE… [FILTERS] [by COLUMNS] [weight COLUMN]",
        summary: Message(en: "restate a province table in the 34 units formed on 1 July 2025",
                         vi: "tính lại bảng theo tỉnh cho 34 đơn vị hành chính từ 1/7/2025"),
        details: Message(
            en: "One row per 2025 unit, with the old provinces it contains and those missing from the data. A count is summed. A rate is recomputed, never averaged: from a measure built of sums (measure rate = 100 * sum(poor_households) / sum(households)), or as a mean weighted by a column given with `weight` (such as the number of households); a rate with neither is refused, because the rate of a merged unit is not the mean of its parts. The rows must be for one year (filter one, or add by year).",
            vi: "Mỗi đơn vị 2025 một dòng, kèm các tỉnh cũ thuộc đơn vị và các tỉnh thiếu số liệu. Số lượng được cộng. Tỷ lệ được tính lại, không lấy trung bình: từ một chỉ số dựng bằng tổng (measure rate = 100 * sum(poor_households) / sum(households)), hoặc trung bình có trọng số theo cột nêu sau `weight` (ví dụ số hộ); tỷ lệ không có cả hai thì bị từ chối, vì tỷ lệ của đơn vị sáp nhập không phải trung bình của các phần. Các dòng phải thuộc một năm (lọc một năm, hoặc thêm by year)."),
        examples: ["rollup province to 2025 poor_households year=2022", "use gso", "rollup province to 2025 rate year=2023", "use reports"],
        plan: { s, session in try filterPlan(s, session) + [Catalogue.rollupStep] },
        action: { statement, session in .table(try ProvinceRollup(statement, session).run()) })
}

/// `rollup province to 2025`: a province table restated in the 2025 units.
struct ProvinceRollup {
    let statement: Statement
    let dataset: Dataset
    let binder: Binder
    let gazetteer: Gazetteer
    let provinces: Column

    init(_ statement: Statement, _ session: Session) throws {
        self.statement = statement
        dataset = try session.current(at: statement.verb.span)
        binder = Binder(dataset: dataset)
        let clauses = statement.clauses
        try rejectClauses(statement, allowed: [.filters, .items, .by, .target, .weight], verb: "rollup")
        try requireRowsInMemory(dataset, verb: "rollup", at: statement.verb.span)
        guard let recognised = dataset.provinceColumn, let gazetteer = dataset.gazetteer,
              let provinces = dataset.table.column(named: recognised.name) else {
            throw LanguageError(Catalogue.noProvinceColumn(dataset.name), at: statement.verb.span,
                                example: "use gso")
        }
        guard case .name(let named)? = clauses.items.first, TextFolding.fold(named.text) == TextFolding.fold(recognised.name) else {
            throw LanguageError(Catalogue.rollupStartsWithProvinces(recognised.name),
                                at: clauses.items.first?.span ?? statement.verb.span, example: "rollup \(NameSpelling.typed(recognised.name)) to 2025 rate year=2023")
        }
        guard let target = clauses.target, target.text == "2025" else {
            throw LanguageError(Catalogue.rollupNeedsTarget,
                                at: clauses.target?.span ?? named.span, example: "rollup \(NameSpelling.typed(recognised.name)) to 2025 rate year=2023")
        }
        guard clauses.items.count > 1 else {
            throw LanguageError(Catalogue.rollupNeedsMeasure, at: target.span,
                                example: "rollup \(NameSpelling.typed(recognised.name)) to 2025 poor_households year=2022")
        }
        self.gazetteer = gazetteer
        self.provinces = provinces
    }

    func run() throws -> ResultTable {
        let clauses = statement.clauses
        let filtered = try MemoryExecutor(dataset: dataset).select(binder.plan(filters: clauses.filters))
        // Rows that name no province (a national total) take no part, and are said to.
        var others = Set<String>()
        var kept = ContiguousArray<Int32>()
        filtered.forEachRow { row in
            let v = provinces.value(at: row)
            if case .text(let t) = v, gazetteer.code(for: t) != nil { kept.append(Int32(row)) } else if !v.isMissing { others.insert(v.description) }
        }
        let selection = Selection.rows(kept)
        let by = try clauses.by.map(binder.column)
        if let period = dataset.periodColumn, !by.contains(where: { $0.name == period.name }) {
            let years = Set(kept.compactMap { period.value(at: Int($0)).number }).sorted()
            if years.count > 1 {
                throw LanguageError(
                    Catalogue.severalYears(years.map(formatNumber).joined(separator: ", "), period: period.name),
                    at: statement.verb.span)
            }
        }
        // The unit of every row, as a column to group by.
        let unitOfRow = Column(name: "unit_2025", values: (0..<provinces.count).map { row in
            guard case .text(let t) = provinces.value(at: row), let code = gazetteer.code(for: t) else { return .missing }
            return .text(gazetteer.provinces[code]!.unit)
        })
        let grouping = try Grouping(keys: [unitOfRow] + by, selection: selection)
        var measures: [(name: String, values: [Double?], percent: Bool)] = []
        var notes: [Message] = []
        var headers = Catalogue.headers(Catalogue.provinces, Catalogue.missing)
        for item in clauses.items.dropFirst() {
            let (header, values, percent, note) = try measure(item, grouping)
            measures.append((header.en, values, percent))
            headers[header.en] = header
            if let note { notes.append(note) }
        }

        // One row per unit (and by-group), every unit listed even without data.
        var rows: [(unit: (code: String, name: String, members: [String]), group: Int?)] = []
        var groupOfKey: [[Value]: Int] = [:]
        for g in 0..<grouping.groupCount {
            let row = Int(grouping.firstRow[g])
            groupOfKey[[unitOfRow.value(at: row)] + by.map { $0.value(at: row) }] = g
        }
        for unit in gazetteer.units.sorted(by: { VietnameseCollation.precedes($0.name, $1.name) }) {
            let groups = groupOfKey.filter { $0.key[0] == .text(unit.name) }.sorted { CellTable.precedes(Array($0.key.dropFirst()), Array($1.key.dropFirst())) }
            if groups.isEmpty { rows.append((unit, nil)) }
            for (_, g) in groups { rows.append((unit, g)) }
        }
        // Which old provinces of each unit have rows, and which are missing.
        var present: [String: Set<String>] = [:]
        selection.forEachRow { row in
            if case .text(let t) = provinces.value(at: row), let code = gazetteer.code(for: t) {
                present[gazetteer.provinces[code]!.unitCode, default: []].insert(code)
            }
        }
        func names(_ codes: [String]) -> Value {
            codes.isEmpty ? .missing : .text(codes.map { gazetteer.provinces[$0]!.name }.joined(separator: ", "))
        }
        var columns = [Column(name: "unit_2025", values: rows.map { .text($0.unit.name) })]
        for column in by {
            columns.append(Column(name: column.name, type: column.type, values: rows.map { r in
                r.group.map { column.value(at: Int(grouping.firstRow[$0])) } ?? .missing
            }))
        }
        columns.append(Column(name: Catalogue.provinces.en, values: rows.map { r in names(r.unit.members.filter { present[r.unit.code]?.contains($0) ?? false }) }))
        columns.append(Column(name: Catalogue.missing.en, values: rows.map { r in names(r.unit.members.filter { !(present[r.unit.code]?.contains($0) ?? false) }) }))
        var roles: [String: ColumnRole] = [:]
        for m in measures {
            columns.append(numberColumn(m.name, rows.map { r in r.group.flatMap { m.values[$0] } }, isPercentage: m.percent))
            if m.percent { roles[m.name] = .percent }
        }
        if !others.isEmpty {
            notes.append(Catalogue.notProvinces(others.sorted().joined(separator: ", ")))
        }
        let missingUnits = rows.filter { r in r.unit.members.contains { !(present[r.unit.code]?.contains($0) ?? false) } }.count
        if missingUnits > 0 {
            notes.append(Catalogue.unitsLackProvinces(missingUnits, of: gazetteer.units.count))
        }
        return ResultTable(table: try Table(name: "rollup", columns: columns), notes: notes, roles: roles,
                           localizedHeaders: headers)
    }

    /// One measure per unit: counts summed, rates recomputed from sums or weights, anything else refused.
    /// - Returns: the measure's header (a rate recomputed with a weight says so, in both languages), its value
    ///   per group, whether it is a percentage, and the note on how it was computed.
    private func measure(_ item: Expression, _ grouping: Grouping) throws -> (Message, [Double?], Bool, Message?) {
        let evaluator = MeasureEvaluator(binder: binder)
        let spec = try evaluator.resolve(item)
        switch spec.kind {
        case .column(let column) where column.holdsPercentages:
            guard let weightName = statement.clauses.weight else {
                throw LanguageError(
                    Catalogue.rateNeedsWeight(column.name),
                    at: item.span)
            }
            let weight = try binder.column(weightName)
            // A weight is an amount such as households or people: not a rate, not the year, never negative.
            if weight.holdsPercentages || weight.name == dataset.periodColumn?.name || !weight.type.isNumeric {
                throw LanguageError(
                    Catalogue.notAWeight(weight.name),
                    at: weightName.span)
            }
            var sums = [Double](repeating: 0, count: grouping.groupCount), weights = sums
            var unweighted = 0, negative = false
            var i = 0
            grouping.selection.forEachRow { row in
                let g = grouping.group(ofSelected: i)
                i += 1
                guard let v = column.value(at: row).number else { return }
                guard let w = weight.value(at: row).number else { unweighted += 1; return }
                if w < 0 { negative = true }
                sums[g] += v * w
                weights[g] += w
            }
            if negative {
                throw LanguageError(Catalogue.negativeWeight(weight.name), at: weightName.span)
            }
            if unweighted > 0 {
                throw LanguageError(
                    Catalogue.unweightedRows(unweighted, column: column.name, weight: weight.name),
                    at: weightName.span)
            }
            let values = (0..<grouping.groupCount).map { weights[$0] > 0 ? sums[$0] / weights[$0] : nil }
            return (Catalogue.weightedBy(column.name, weight.name), values, true,
                    Catalogue.recomputedWithWeight(column.name, by: weight.name))
        case .column(let column):
            return (.verbatim(column.name), try column.aggregate(.sum, grouping).doubles, false,
                    Catalogue.summedOverProvinces(column.name))
        case .aggregate(let expression):
            if let averaged = averagedRate(expression) {
                throw LanguageError(
                    Catalogue.averagedRate(spec.name, takes: averaged),
                    at: item.span)
            }
            return (.verbatim(spec.name), try evaluator.values(expression, grouping), spec.isPercentage,
                    Catalogue.recomputedFromRows(spec.name, as: expressionText(item)))
        }
    }

    /// A rate combined in a way a merged unit cannot be computed from: `mean(rate)`, `max(rate)`, or
    /// `sum(rate)` (a sum of rates); `sum(rate * households)` (a weighted sum) is fine.
    private func averagedRate(_ expression: Expression) -> String? {
        switch expression {
        case .call(let f, let args, _):
            let fn = TextFolding.fold(f.text)
            if let argument = args.first, mentionsRate(argument) {
                if ["mean", "avg", "median", "min", "max", "stddev"].contains(fn) { return "\(f.text)()" }
                if fn == "sum", case .binary("*", _, _, _) = argument {} else if fn == "sum" { return "sum()" }
            }
            return args.lazy.compactMap(averagedRate).first
        case .binary(_, let a, let b, _): return averagedRate(a) ?? averagedRate(b)
        case .unary(_, let a, _): return averagedRate(a)
        case .name(let n): return MeasureEvaluator(binder: binder).namedMeasure(n.text).flatMap { averagedRate($0.expression) }
        default: return nil
        }
    }

    /// Whether an expression reads a column that holds percentages.
    private func mentionsRate(_ expression: Expression) -> Bool {
        switch expression {
        case .name(let n): return (try? binder.column(n))?.holdsPercentages ?? false
        case .call(_, let args, _): return args.contains(where: mentionsRate)
        case .binary(_, let a, let b, _), .comparison(_, let a, let b, _): return mentionsRate(a) || mentionsRate(b)
        case .unary(_, let a, _): return mentionsRate(a)
        default: return false
        }
    }

    private func expressionText(_ item: Expression) -> String {
        if case .name(let n) = item, let m = MeasureEvaluator(binder: binder).namedMeasure(n.text) { return m.expression.sourceText }
        return item.sourceText
    }
}
