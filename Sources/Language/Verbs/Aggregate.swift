import Engine

extension Verb {
    static let count = Verb(
        name: "count", aliases: ["dem", "dem_so"], arguments: .clauses,
        syntax: "count [by COLUMNS] [FILTERS]",
        summary: Message(en: "count rows, in all or by group", vi: "đếm số dòng, tất cả hoặc theo nhóm"),
        details: Message(en: "The number of rows that pass the filters, one row per group with `by`.",
                         vi: "Số dòng thoả bộ lọc; mỗi nhóm một dòng khi có `by`."),
        examples: ["count", "count by province", "count by source rate>5"],
        plan: { s, session in try filterPlan(s, session) + [Catalogue.countStep(grouped: !s.clauses.by.isEmpty)] },
        action: { statement, session in .table(try countRows(statement, session)) })

    static let sum = aggregateVerb(.sum, "sum", aliases: ["tong"], en: "the total of each measure", vi: "tổng của mỗi chỉ số",
                                   examples: ["sum poor_households by province", "sum left_poverty"])
    static let mean = aggregateVerb(.mean, "mean", aliases: ["avg", "trung_binh", "trungbinh"], en: "the mean of each measure (missing values left out)",
                                    vi: "trung bình của mỗi chỉ số (bỏ qua giá trị thiếu)",
                                    examples: ["mean rate by province", "avg rate year=2022"])
    static let min = aggregateVerb(.min, "min", aliases: ["nho_nhat", "nhonhat"], en: "the smallest value of each measure", vi: "giá trị nhỏ nhất của mỗi chỉ số",
                                   examples: ["min rate by province"])
    static let max = aggregateVerb(.max, "max", aliases: ["lon_nhat", "lonnhat"], en: "the largest value of each measure", vi: "giá trị lớn nhất của mỗi chỉ số",
                                   examples: ["max rate poor_households by province"])
    static let median = aggregateVerb(.median, "median", aliases: ["trung_vi", "trungvi"], en: "the median of each measure", vi: "trung vị của mỗi chỉ số",
                                      examples: ["median rate"])
    static let stddev = aggregateVerb(.stddev, "stddev", aliases: ["do_lech_chuan", "dolechchuan"], en: "the sample standard deviation of each measure (Welford)",
                                      vi: "độ lệch chuẩn mẫu của mỗi chỉ số (Welford)", examples: ["stddev rate by source"])

    static func aggregateVerb(_ function: AggregateFunction, _ name: String, aliases: [String] = [], en: String, vi: String, examples: [String]) -> Verb {
        Verb(name: name, aliases: aliases, arguments: .clauses,
             syntax: "\(name) MEASURE… [by COLUMNS] [FILTERS]",
             summary: Message(en: en, vi: vi),
             details: Message(
                en: "\(en.prefix(1).uppercased() + en.dropFirst()), over the rows that pass the filters, one row per group with `by`. Missing values are left out and counted in a note; a group with no value shows –.",
                vi: "\(vi.prefix(1).uppercased() + vi.dropFirst()), trên các dòng thoả bộ lọc; mỗi nhóm một dòng khi có `by`. Giá trị thiếu được bỏ qua và ghi chú; nhóm không có giá trị hiển thị –."),
             examples: examples,
             plan: { s, session in try filterPlan(s, session) + [Catalogue.aggregateStep(name, of: s.clauses.items.map(\.sourceText).joined(separator: ", "), grouped: !s.clauses.by.isEmpty)] },
             action: { statement, session in .table(try aggregateRows(function, name, statement, session)) })
    }
}

func countRows(_ typed: Statement, _ session: Session) throws -> ResultTable {
    try rejectClauses(typed, allowed: [.filters, .by, .sort, .limit, .top], verb: "count")
    let (statement, answerFilters) = typed.splitFilters(try session.current(at: typed.verb.span))
    let (dataset, plan) = try groupPlan(statement, session)
    var counted = plan
    let count = counted.add(.countRows, nil)
    let executor = session.executor(for: dataset)
    let grouped = GroupedResult(groups: try executor.groups(counted), keyCount: plan.keys.count)
    var counts = try grouped.ordered(count)
    counts.name = Catalogue.count.en
    let table = try Table(name: "count", columns: grouped.keyColumns + [counts])
    let notes = try Reorganisation.notes(dataset, plan, executor)
    return try sortAndLimit(ResultTable(table: table, notes: notes, localizedHeaders: Catalogue.headers(Catalogue.count)), statement.clauses,
                            resultFilters: answerFilters, dataset: dataset)
}

/// The plan of a grouped verb: its filters bound, its `by` columns as keys.
func groupPlan(_ statement: Statement, _ session: Session) throws -> (Dataset, QueryPlan) {
    let dataset = try session.current(at: statement.verb.span)
    let binder = Binder(dataset: dataset)
    var plan = try binder.plan(filters: statement.clauses.filters)
    plan.keys = try statement.clauses.by.map { try binder.column($0).name }
    plan.shaping = .groups
    return (dataset, plan)
}

func aggregateRows(_ function: AggregateFunction, _ verb: String, _ typed: Statement, _ session: Session) throws -> ResultTable {
    try rejectClauses(typed, allowed: [.filters, .items, .by, .sort, .limit, .top, .alias], verb: verb)
    let (statement, answerFilters) = typed.splitFilters(try session.current(at: typed.verb.span))
    guard !statement.clauses.items.isEmpty else {
        throw LanguageError(Catalogue.measureNeeded(by: verb),
                            at: statement.verb.span, example: "\(verb) rate by province")
    }
    var (dataset, plan) = try groupPlan(statement, session)
    let binder = Binder(dataset: dataset)
    let schema = Binder(dataset: dataset.schema)
    let rows = plan.add(.countRows, nil)
    // Each item: its header, its column (for the checks below), and the plan's names of its aggregate and
    // its present count.
    var items: [(name: String, column: Column, value: String, present: String)] = []
    for item in statement.clauses.items {
        let column: Column
        let argument: Expression
        switch item {
        case .name(let name):
            if let measure = MeasureEvaluator(binder: binder).namedMeasure(name.text) {
                throw LanguageError(
                    Catalogue.alreadyAMeasure(measure.name, definedAs: measure.expression.sourceText),
                    at: name.span, example: "show \(NameSpelling.typed(measure.name)) by province")
            }
            column = try binder.column(name)
            argument = .name(Name(text: column.name, span: name.span))
        default:
            column = try RowEvaluator(binder: schema).evaluate(item, name: item.headerText)
            argument = item
        }
        if column.type == .text {
            throw LanguageError(Catalogue.verbNeedsNumbers(verb, column: column.name),
                                at: item.span, example: "count by \(NameSpelling.typed(column.name))")
        }
        // `mean rate as r`: the answer's column is named r, for sort and filters on it.
        let header = statement.clauses.alias.map(\.text) ?? "\(verb)(\(column.name))"
        items.append((header, column, plan.add(.aggregate(function), argument), plan.add(.aggregate(.count), argument)))
    }
    let executor = session.executor(for: dataset)
    let grouped = GroupedResult(groups: try executor.groups(plan), keyCount: plan.keys.count)
    let keptRows = grouped.total(rows)
    var columns = grouped.keyColumns
    var notes = try Reorganisation.notes(dataset, plan, executor)
    var roles: [String: ColumnRole] = [:]
    for item in items {
        var result = try grouped.ordered(item.value)
        result.name = item.name
        // The executor's column keeps the data's annotations only in memory: the role comes from the column.
        columns.append(result)
        if item.column.holdsPercentages && function != .sum { roles[item.name] = .percent }
        let missing = keptRows - grouped.total(item.present)
        if missing > 0 {
            notes.append(Catalogue.missingLeftOut(item.column.name, count: missing))
        }
        if [.mean, .median, .stddev].contains(function) && item.column.type == .decimal && !answerFilters.isEmpty {
            // Decimals are added exactly, but a mean divides: the filter compares a double, not a decimal.
            notes.append(Catalogue.binaryFloatingPoint(item.name))
        }
        if item.column.holdsPercentages && (function == .mean || function == .sum) && (plan.keys.isEmpty || keptRows > grouped.groupCount) {
            notes.append(function == .sum ? Catalogue.sumOfRates(item.column.name) : Catalogue.meanOfRowRates(item.column.name))
        }
    }
    return try sortAndLimit(ResultTable(table: try Table(name: verb, columns: columns), notes: notes, roles: roles), statement.clauses,
                            resultFilters: answerFilters, dataset: dataset)
}
