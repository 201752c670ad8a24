import Engine

extension Verb {
    static let show = Verb(
        name: "show", aliases: ["hien_thi", "hienthi", "xem"], arguments: .clauses,
        syntax: "show [FILTERS] [COLUMNS | MEASURES by COLUMNS] [sort COLUMN [desc]] [limit N]",
        summary: Message(en: "show rows, or measures by group", vi: "hiển thị các dòng, hoặc chỉ số theo nhóm"),
        details: Message(
            en: "Without measures: the rows that pass the filters, with the columns named (all by default), sorted and limited as asked. With a measure (a named measure or an aggregate such as mean(income)) and `by`: one row per group.",
            vi: "Không có chỉ số: các dòng thoả bộ lọc, với các cột được nêu (mặc định tất cả), sắp xếp và giới hạn theo yêu cầu. Có chỉ số (measure đã đặt tên hoặc hàm gộp như mean(income)) và `by`: mỗi nhóm một dòng."),
        examples: ["show province=Ninh Bình province year rate", "show year=2022 province rate poor_households sort rate desc", "show rate>10 province year rate"],
        plan: { s, session in try filterPlan(s, session) },
        action: { statement, session in .table(try showRows(statement, session)) })
}

func showRows(_ statement: Statement, _ session: Session) throws -> ResultTable {
    try rejectClauses(statement, allowed: [.filters, .items, .by, .sort, .limit], verb: "show")
    let dataset = try session.current(at: statement.verb.span)
    let binder = Binder(dataset: dataset)
    let clauses = statement.clauses
    let evaluator = MeasureEvaluator(binder: binder)
    let isMeasure: (Expression) -> Bool = { item in
        if case .call = item { return true }
        if case .name(let n) = item { return evaluator.namedMeasure(n.text) != nil }
        return false
    }
    var plan = try binder.plan(filters: clauses.filters)
    let executor = session.executor(for: dataset)
    if !clauses.by.isEmpty || clauses.items.contains(where: isMeasure) {
        guard !clauses.items.isEmpty else {
            throw LanguageError(Catalogue.showByNeedsMeasure, at: clauses.by.first?.span,
                                example: "show mean(income) by province")
        }
        plan.keys = try clauses.by.map { try binder.column($0).name }
        plan.shaping = .groups
        var measures: [(spec: MeasureSpec, formula: GroupFormula)] = []
        var specs: [MeasureSpec] = []
        for item in clauses.items {
            let spec = try evaluator.resolve(item)
            specs.append(spec)
            guard case .aggregate(let expression) = spec.kind else {
                throw LanguageError(
                    Catalogue.columnByGroup(spec.name),
                    at: item.span, example: "show mean(\(NameSpelling.typed(spec.name))) by \(clauses.by.first.map { NameSpelling.typed($0.text) } ?? "province")")
            }
            measures.append((spec, try evaluator.formula(expression, &plan)))
        }
        let rowsPerGroup = MeanOfRates.countRows(for: specs, binder, in: &plan)
        let grouped = GroupedResult(groups: try executor.groups(plan), keyCount: plan.keys.count)
        var columns = grouped.keyColumns
        var roles: [String: ColumnRole] = [:]
        for (spec, formula) in measures {
            columns.append(grouped.ordered(try formula.values(in: grouped.groups), name: spec.name, isPercentage: spec.isPercentage))
            if spec.isPercentage { roles[spec.name] = .percent }
        }
        let notes = try Reorganisation.notes(dataset, plan, executor) + MeanOfRates.notes(specs, binder, groups: grouped.groups, rowCount: rowsPerGroup)
        return try sortAndLimit(ResultTable(table: Table(name: "show", columns: columns), notes: notes, roles: roles), clauses)
    }
    plan.columns = try clauses.items.map { item -> String in
        guard case .name(let name) = item else {
            throw LanguageError(Catalogue.nameColumnsToShow, at: item.span, example: "show province year rate")
        }
        return try binder.column(name).name
    }
    plan.order = try clauses.sort.map { PlanOrder(column: try binder.column($0.name).name, descending: $0.descending) }
    plan.limit = clauses.limit?.value
    let (rows, total) = try executor.rows(plan)
    var notes = try Reorganisation.notes(dataset, plan, executor)
    if let limit = plan.limit, limit < total {
        notes.append(Catalogue.rowsCut(by: "limit", limit, more: total - limit))
    }
    var table = rows
    table.name = "show"
    return ResultTable(table: table, notes: notes)
}
