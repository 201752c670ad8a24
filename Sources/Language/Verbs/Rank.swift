import Engine

extension Verb {
    static let rank = Verb(
        name: "rank", aliases: ["xep_hang", "xephang"], arguments: .clauses,
        syntax: "rank COLUMN by MEASURE [FILTERS] [top N] [asc]",
        summary: Message(en: "rank the values of a column by a measure, highest first", vi: "xếp hạng các giá trị của một cột theo một chỉ số, cao nhất trước"),
        details: Message(
            en: "One row per value of COLUMN with its rank and the measure; ties share a rank (1, 2, 2, 4). `top N` keeps the first N ranks, `asc` ranks lowest first. A column measure must have one row per value (add a filter such as year=2023); an aggregate such as mean(income) combines the rows.",
            vi: "Mỗi giá trị của CỘT một dòng, kèm hạng và chỉ số; bằng nhau thì cùng hạng (1, 2, 2, 4). `top N` giữ N hạng đầu, `asc` xếp thấp nhất trước. Chỉ số là một cột thì mỗi giá trị chỉ được có một dòng (thêm bộ lọc như year=2023); hàm gộp như mean(income) thì gộp các dòng."),
        examples: ["use gso", "rank province by rate year=2023 top 5", "rank province by rate year=2023 top 3 asc", "use reports"],
        plan: { s, session in try filterPlan(s, session) + [Catalogue.rankStep] },
        action: { statement, session in .table(try Ranking(statement, session).run()) })
}

/// `rank`: competition ranking (ties share the best rank) of a column's values by a measure.
struct Ranking {
    let statement: Statement
    let session: Session

    init(_ statement: Statement, _ session: Session) {
        self.statement = statement
        self.session = session
    }

    func run() throws -> ResultTable {
        try rejectClauses(self.statement, allowed: [.filters, .items, .by, .top, .order, .sort, .limit], verb: "rank")
        let dataset = try session.current(at: self.statement.verb.span)
        let (statement, answerFilters) = self.statement.splitFilters(dataset)
        let binder = Binder(dataset: dataset)
        let clauses = statement.clauses
        guard case .name(let entityName)? = clauses.items.first else {
            throw LanguageError(Catalogue.rankNeedsColumn,
                                at: clauses.items.first?.span ?? statement.verb.span, example: "rank province by rate year=2023")
        }
        let entity = try binder.column(entityName)
        let measureItem: Expression
        if let byName = clauses.by.first {
            measureItem = .name(byName)
        } else if clauses.items.count > 1 {
            measureItem = clauses.items[1]
        } else {
            throw LanguageError(Catalogue.rankNeedsMeasure, at: entityName.span,
                                example: "rank \(NameSpelling.typed(entity.name)) by rate year=2023")
        }
        let measure = try MeasureEvaluator(binder: binder).resolve(measureItem)
        let ascending = clauses.ascending != nil
        var plan = try binder.plan(filters: clauses.filters)
        plan.shaping = .rank(entity: entity.name, ascending: ascending, top: clauses.top?.value)
        let executor = session.executor(for: dataset)
        let cells = try CellTable(binder: binder, plan: plan, executor: executor, entities: [entity], period: nil, measures: [measure])
        var rows = cells.entityKeys.indices.map { ($0, cells.value(entity: $0, period: nil, measure: 0)) }
        // Highest first (lowest with asc); missing values last; equal values keep the entity order.
        rows.sort { a, b in
            switch (a.1, b.1) {
            case let (x?, y?): return x != y ? (ascending ? x < y : x > y) : a.0 < b.0
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.0 < b.0
            }
        }
        var ranks: [Int64] = []
        for (i, row) in rows.enumerated() {
            if i > 0, row.1 != nil, row.1 == rows[i - 1].1 { ranks.append(ranks[i - 1]) } else { ranks.append(Int64(i + 1)) }
        }
        var keep = rows.count
        if let top = clauses.top?.value { keep = ranks.firstIndex { $0 > Int64(top) } ?? rows.count }
        let missing = rows.filter { $0.1 == nil }.count
        let table = try Table(name: "rank", columns: [
            Column(name: Catalogue.rank.en, values: ranks.prefix(keep).map { .integer($0) }),
            Column(name: entity.name, values: rows.prefix(keep).map { cells.entityKeys[$0.0][0] }),
            numberColumn(measure.name, rows.prefix(keep).map(\.1), isPercentage: measure.isPercentage),
        ])
        var notes: [Message] = try Reorganisation.notes(dataset, plan, executor) + (cells.combinesRows ? MeanOfRates.notes([measure], binder) : [])
        if missing > 0 {
            notes.append(Catalogue.rankedLast(missing, of: entity.name, without: measure.name))
        }
        if keep < rows.count, let top = clauses.top?.value, keep > top {
            notes.append(Catalogue.tiesAtRank(ranks[keep - 1], show: keep, top: top))
        }
        // `top` is rank's own (ties kept); sort, limit and filters on the answer come after.
        var cut = statement.clauses
        cut.top = nil
        return try sortAndLimit(ResultTable(table: table, notes: notes, roles: measure.isPercentage ? [measure.name: .percent] : [:],
                                            localizedHeaders: Catalogue.headers(Catalogue.rank)), cut,
                                resultFilters: answerFilters, dataset: dataset)
    }
}
