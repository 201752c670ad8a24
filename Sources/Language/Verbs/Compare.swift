import Engine

extension Verb {
    static let compare = Verb(
        name: "compare", aliases: ["so_sanh", "sosanh"], arguments: .clauses,
        syntax: "compare FILTERS MEASURE… [by COLUMNS]",
        summary: Message(en: "compare a measure between the first and last period of a range",
                         vi: "so sánh một chỉ số giữa kỳ đầu và kỳ cuối của một khoảng"),
        details: Message(
            en: """
            One row per entity (a filter with several values, or `by`), with the measure in the first and last period \
            and the change between them. For a rate the change is in percentage points (pp) and in percent; for a \
            count, the absolute and percent change; and the average change per year. Periods of the range with no \
            data are named under the table. When one cell has several rows (two sources for one year), compare \
            refuses and lists them with the filter that would pick one: it never averages silently.
            """,
            vi: """
            Mỗi đối tượng một dòng (bộ lọc có nhiều giá trị, hoặc `by`), với chỉ số ở kỳ đầu, kỳ cuối và mức thay \
            đổi. Với tỷ lệ, mức thay đổi tính bằng điểm phần trăm (đpt) và phần trăm; với số lượng, bằng số tuyệt \
            đối và phần trăm; kèm mức thay đổi bình quân mỗi năm. Các kỳ không có số liệu được ghi chú dưới bảng. \
            Khi một ô có nhiều dòng (hai nguồn cho cùng một năm), lệnh từ chối và liệt kê chúng cùng bộ lọc để \
            chọn một: không bao giờ tự ý lấy trung bình.
            """),
        examples: [
            "compare province=Ninh Bình year=2021..2023 rate",
            "compare province=Quảng Nam year=2021..2022 poor_households",
            "compare province=Kon Tum year=2015..2017 rate ethnic_minority_rate",
        ],
        plan: { statement, session in try filterPlan(statement, session) + PeriodComparison(statement, session).plan() },
        action: { statement, session in .table(try PeriodComparison(statement, session).run()) })
}

/// `compare`: first and last period of a range, per entity, and the change between them.
struct PeriodComparison {
    let statement: Statement
    let session: Session
    let dataset: Dataset
    let binder: Binder
    let period: Column
    let measures: [MeasureSpec]

    /// Filters on the answer's columns (`change_pp<0`), applied after the comparison.
    let answerFilters: [Filter]

    init(_ typed: Statement, _ session: Session) throws {
        let dataset = try session.current(at: typed.verb.span)
        (statement, answerFilters) = typed.splitFilters(dataset)
        let statement = self.statement
        self.session = session
        self.dataset = dataset
        binder = Binder(dataset: dataset)
        guard let period = dataset.periodColumn else {
            throw LanguageError(Catalogue.noPeriodColumn(dataset.name), at: statement.verb.span)
        }
        self.period = period
        let evaluator = MeasureEvaluator(binder: binder)
        guard !statement.clauses.items.isEmpty else {
            throw LanguageError(Catalogue.compareNeedsMeasure,
                                at: statement.verb.span, example: "compare province=Ninh Bình year=2021..2023 rate")
        }
        measures = try statement.clauses.items.map(evaluator.resolve)
        try rejectClauses(statement, allowed: [.filters, .items, .by, .sort, .limit, .top], verb: "compare")
    }

    /// What compare does after the filters, in plain words, for `explain`.
    func plan() throws -> [Message] {
        let entities = try entityColumns(binder.plan(filters: statement.clauses.filters))
        return [Catalogue.compareStep(entities: entities.map(\.name), period: period.name, measures: measures.map(\.name))]
    }

    func run() throws -> ResultTable {
        var plan = try binder.plan(filters: statement.clauses.filters)
        let executor = session.executor(for: dataset)
        let entities = try entityColumns(plan)
        let periodValues = try requestedPeriods(plan, executor)
        plan.shaping = .compare(period: period.name, periods: periodValues)
        guard let first = periodValues.first, let last = periodValues.last, first != last else {
            throw LanguageError(
                Catalogue.compareNeedsTwoPeriods(period: period.name),
                at: statement.clauses.filters.first { $0.column.text == period.name }?.span ?? statement.verb.span,
                example: "compare province=Ninh Bình year=2021..2023 rate")
        }
        let provenance = ProvenanceCheck(dataset: dataset)
        let cells = try CellTable(binder: binder, plan: plan, executor: executor, entities: entities, period: period, measures: measures,
                                  carried: provenance.carriedColumns)
        var columns: [Column] = entities.enumerated().map { i, entity in
            Column(name: entity.name, values: cells.entityKeys.map { $0[i] })
        }
        var roles: [String: ColumnRole] = [:]
        var headers: [String: Message] = [:]
        let years = last - first
        for (m, measure) in measures.enumerated() {
            let prefix = measures.count > 1 ? measure.name + " " : ""
            let firstValues = cells.entityKeys.indices.map { cells.value(entity: $0, period: first, measure: m) }
            let lastValues = cells.entityKeys.indices.map { cells.value(entity: $0, period: last, measure: m) }
            // Exact for figures written as decimals: a fall from 3.40 to 2.70 is -0.70, not -0.6999999999999997.
            let change = zip(firstValues, lastValues).map { a, b in a.flatMap { a in b.map { ExactDecimal.difference($0, a) } } }
            let relative = zip(firstValues, change).map { a, d -> Double? in
                guard let a, let d, a != 0 else { return nil }
                return 100 * d / a
            }
            let perYear = change.map { $0.map { $0 / Double(years) } }
            // Counts stay whole numbers (29,829, not 29,829.00); rates and averages stay decimals.
            let whole = !measure.isPercentage && allWhole(firstValues + lastValues)
            let cell: (Double?) -> Value = { d in d.map { whole ? .integer(Int64($0)) : .decimal($0) } ?? .missing }
            let words = measure.isPercentage ? [Catalogue.changePoints, Catalogue.changePercent, Catalogue.perYearPoints]
                                             : [Catalogue.change, Catalogue.changePercent, Catalogue.perYear]
            let names = [prefix + formatNumber(first), prefix + formatNumber(last)] + words.map { prefix + $0.en }
            for (name, word) in zip(names.dropFirst(2), words) { headers[name] = Catalogue.prefixed(prefix, word) }
            columns += [
                Column(name: names[0], type: whole ? .integer : .decimal, values: firstValues.map(cell)),
                Column(name: names[1], type: whole ? .integer : .decimal, values: lastValues.map(cell)),
                Column(name: names[2], type: whole ? .integer : .decimal, values: change.map(cell)),
                // Typed, so that a change with no value anywhere is still a column of numbers (not a label to chart by).
                Column(name: names[3], type: .decimal, values: relative.map(Value.init)),
                numberColumn(names[4], perYear, isPercentage: measure.isPercentage),
            ]
            roles[names[2]] = measure.isPercentage ? .percentagePoints : .change
            roles[names[3]] = .percentChange
            roles[names[4]] = measure.isPercentage ? .percentagePoints : .change
            if measure.isPercentage { roles[names[0]] = .percent; roles[names[1]] = .percent }
        }
        var notes = cells.gapNotes(requested: periodValues, periodName: period.name) + (try Reorganisation.notes(dataset, plan, executor))
        for (i, key) in cells.entityKeys.enumerated() {
            let compared = [first, last].filter { cells.value(entity: i, period: $0, measure: 0) != nil }.map { (label: formatNumber($0), entity: i, period: Optional($0)) }
            let who = key.isEmpty ? dataset.name : key.map(\.description).joined(separator: " ")
            notes += try provenance.check(cells: compared, in: cells, entity: who, measure: measures[0].name, at: measures[0].span)
        }
        for (m, measure) in measures.enumerated() {
            for (i, key) in cells.entityKeys.enumerated() {
                for p in [first, last] where cells.value(entity: i, period: p, measure: m) == nil && cells.hasRows(entity: i, period: p) {
                    let who = key.map(\.description).joined(separator: " ")
                    notes.append(Catalogue.noValueFor(who, measure: measure.name, period: formatNumber(p)))
                }
            }
        }
        if cells.combinesRows { notes += MeanOfRates.notes(measures, binder) }
        let table = try Table(name: "compare", columns: columns)
        return try sortAndLimit(ResultTable(table: table, notes: notes, roles: roles, localizedHeaders: headers), statement.clauses,
                                resultFilters: answerFilters, dataset: dataset)
    }

    /// The entity columns: `by`, else text filters matching several values, else the first text filter.
    func entityColumns(_ plan: QueryPlan) throws -> [Column] {
        if !statement.clauses.by.isEmpty { return try statement.clauses.by.map(binder.column) }
        let textFilters = plan.filters.filter { f in
            if case .textIn = f.test { return f.column != period.name } else { return false }
        }
        let multi = textFilters.filter { f in if case .textIn(let values) = f.test { return values.count > 1 } else { return false } }
        let chosen = multi.isEmpty ? Array(textFilters.prefix(1)) : multi
        return try chosen.map { try binder.column(Name(text: $0.column, span: $0.typed.column.span)) }
    }

    /// The periods the user asked for (a range gives every whole period inside it); without a period
    /// filter, every period of the kept rows (asked of `executor`; none when there is none to ask).
    func requestedPeriods(_ plan: QueryPlan, _ executor: PlanExecutor?) throws -> [Double] {
        if let filter = plan.filters.last(where: { $0.column == period.name }), filter.typed.comparison == .equal {
            let numbers = filter.typed.value.literals.compactMap(\.number)
            switch filter.typed.value {
            case .range:
                guard let low = numbers.min(), let high = numbers.max(), high - low < 1000 else { break }
                return stride(from: low.rounded(.up), through: high, by: 1).map { $0 }
            default:
                return numbers.sorted()
            }
        }
        guard let executor else { return [] }
        var periods = plan.sameRows
        periods.keys = [period.name]
        return Set(try executor.groups(periods).columns[0].doubles.compactMap { $0 }).sorted()
    }
}

extension Value {
    init(_ number: Double?) { self = number.map(Value.decimal) ?? .missing }
}
