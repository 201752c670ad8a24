import Engine

extension Verb {
    static let trend = Verb(
        name: "trend", aliases: ["xu_huong", "xuhuong"], arguments: .clauses,
        syntax: "trend FILTERS MEASURE",
        summary: Message(en: "a measure period by period, with the change from the period before and a sparkline",
                         vi: "một chỉ số theo từng kỳ, kèm mức thay đổi so với kỳ trước và biểu đồ nhỏ"),
        details: Message(
            en: "One row per period of the selected rows: the value, the change from the previous period (percentage points for a rate) and a bar; the whole series is drawn as a sparkline under the table. Several rows for one period are refused, as in compare.",
            vi: "Mỗi kỳ một dòng: giá trị, mức thay đổi so với kỳ trước (điểm phần trăm với tỷ lệ) và một thanh; cả chuỗi được vẽ thành biểu đồ nhỏ dưới bảng. Nhiều dòng cho cùng một kỳ bị từ chối, như với compare."),
        examples: ["trend province=Kon Tum rate", "trend province=Quảng Nam poor_households"],
        plan: { s, session in try filterPlan(s, session) + [Catalogue.trendStep] },
        action: { statement, session in .table(try PeriodTrend(statement, session).run()) })
}

/// `trend`: the measure per period, its change, and a sparkline.
struct PeriodTrend {
    let statement: Statement
    let session: Session

    init(_ statement: Statement, _ session: Session) {
        self.statement = statement
        self.session = session
    }

    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    func run() throws -> ResultTable {
        try rejectClauses(self.statement, allowed: [.filters, .items, .sort, .limit, .top], verb: "trend")
        let dataset = try session.current(at: self.statement.verb.span)
        let (statement, answerFilters) = self.statement.splitFilters(dataset)
        let binder = Binder(dataset: dataset)
        guard let period = dataset.periodColumn else {
            throw LanguageError(Catalogue.noYearColumn(dataset.name), at: statement.verb.span)
        }
        guard statement.clauses.items.count == 1 else {
            throw LanguageError(Catalogue.trendTakesOneMeasure,
                                at: statement.clauses.items.dropFirst().first?.span ?? statement.verb.span, example: "trend province=Kon Tum rate")
        }
        let measure = try MeasureEvaluator(binder: binder).resolve(statement.clauses.items[0])
        var plan = try binder.plan(filters: statement.clauses.filters)
        plan.shaping = .trend(period: period.name)
        let executor = session.executor(for: dataset)
        let provenance = ProvenanceCheck(dataset: dataset)
        let cells = try CellTable(binder: binder, plan: plan, executor: executor, entities: [], period: period, measures: [measure],
                                  carried: provenance.carriedColumns)
        let periods = cells.periods
        let provenanceCells = periods.filter { cells.value(entity: 0, period: $0, measure: 0) != nil }.map { (label: formatNumber($0), entity: 0, period: Optional($0)) }
        let provenanceNotes = try provenance.check(cells: provenanceCells, in: cells, entity: measure.name, measure: measure.name, at: measure.span)
        let values = periods.map { cells.value(entity: 0, period: $0, measure: 0) }
        var changes: [Double?] = [nil]
        for i in values.indices.dropFirst() {
            changes.append(values[i].flatMap { v in values[i - 1].map { v - $0 } })
        }
        let present = values.compactMap { $0 }
        let low = present.min() ?? 0, high = present.max() ?? 0
        let bars = values.map { v -> Value in
            guard let v else { return .missing }
            let level = high > low ? Int(((v - low) / (high - low) * 7).rounded()) : 3
            return .text(String(PeriodTrend.bars[level]))
        }
        let changeWord = measure.isPercentage ? Catalogue.changePoints : Catalogue.change
        let changeName = changeWord.en
        let table = try Table(name: "trend", columns: [
            Column(name: period.name, values: periods.map { .integer(Int64($0)) }),
            numberColumn(measure.name, values, isPercentage: measure.isPercentage),
            numberColumn(changeName, changes, isPercentage: measure.isPercentage),
            Column(name: "", values: bars),
        ])
        var notes: [Message] = provenanceNotes + (try Reorganisation.notes(dataset, plan, executor)) + (cells.combinesRows ? MeanOfRates.notes([measure], binder) : [])
        let spark = bars.map { $0.isMissing ? " " : $0.description }.joined()
        notes.append(.verbatim("\(measure.name) \(formatNumber(periods.first ?? 0))–\(formatNumber(periods.last ?? 0)): \(spark)"))
        if let first = periods.first, let last = periods.last, last - first < 1000 {
            let gaps = stride(from: first, through: last, by: 1).filter { !periods.contains($0) }
            if !gaps.isEmpty {
                let list = gaps.map(formatNumber).joined(separator: ", ")
                notes.append(Catalogue.changeAcrossGap(list))
            }
        }
        let roles: [String: ColumnRole] = [changeName: measure.isPercentage ? .percentagePoints : .change, "": .chart]
        return try sortAndLimit(ResultTable(table: table, notes: notes, roles: roles, localizedHeaders: [changeName: changeWord]), statement.clauses, resultFilters: answerFilters, dataset: dataset)
    }
}
