import Engine

/// Runs plans on a dataset in memory with the engine's kernels: the filters as one pass of the filter kernel, then grouping, aggregates, sort and gather column by column.
struct MemoryExecutor: PlanExecutor {
    let dataset: Dataset
    var table: Table { dataset.table }

    func rows(_ plan: QueryPlan) throws -> (table: Table, total: Int) {
        var rows = try select(plan)
        if !plan.order.isEmpty {
            rows = try rows.sorted(by: try plan.order.map { SortKey(try column(named: $0.column), descending: $0.descending) })
        }
        let total = rows.count
        if let limit = plan.limit, limit < total { rows = rows.prefix(limit) }
        let chosen = try plan.columns.isEmpty ? table.columns : plan.columns.map(column(named:))
        return (try Table(name: dataset.name, columns: chosen.map { $0.gathering(rows) }), total)
    }

    func groups(_ plan: QueryPlan) throws -> Table {
        // A count of the rows the filters keep (`count income<1500 members>=5`): the filter pass counts them
        // itself, with no list of rows to write.
        if plan.keys.isEmpty, !plan.aggregates.isEmpty, plan.aggregates.allSatisfy({ $0.function == .countRows }) {
            let kept = try filtered(plan, keepingRows: false).outcome.keptCount
            return try Table(name: dataset.name, columns: plan.aggregates.map { aggregate in
                Column(name: aggregate.name, storage: .integer(IntegerBuffer(narrowing: [Int64(kept)])))
            })
        }
        let grouping = try Grouping(keys: try plan.keys.map(column(named:)), selection: try select(plan))
        let keys = try plan.keys.map { try column(named: $0).gathering(grouping.firstRow) }
        return try Table(name: dataset.name, columns: keys + aggregates(plan.aggregates, over: grouping).columns)
    }

    /// The aggregates' columns over groups made elsewhere (rollup's units), one row per group.
    func aggregates(_ aggregates: [PlanAggregate], over grouping: Grouping) throws -> Table {
        var columns: [Column] = []
        for aggregate in aggregates {
            var result: Column
            switch aggregate.function {
            case .countRows:
                result = try Engine.countRows(grouping)
            case .aggregate(let function):
                result = try argument(aggregate).aggregate(function, grouping)
            case .first:
                result = try argument(aggregate).gathering(grouping.firstRow)
            case .firstPosition:
                result = Column(name: aggregate.name, storage: .integer(IntegerBuffer(narrowing: ContiguousArray(grouping.firstRow.map(Int64.init)))))
            }
            result.name = aggregate.name
            columns.append(result)
        }
        return try Table(name: dataset.name, columns: columns)
    }

    /// The plan's filters in one pass of the filter kernel. An empty answer is refused with a note of what
    /// each filter keeps alone, counted by a second pass: counting every filter costs a pass as much again,
    /// and only an empty answer (or `explain`) needs it.
    private func filtered(_ plan: QueryPlan, keepingRows: Bool = true, refusingEmpty: Bool = true) throws -> (bound: [BoundFilter], outcome: FilterOutcome) {
        let bound = try plan.filters.map(bound)
        let outcome = pass(bound, keepingRows: keepingRows, countingEach: false)
        if refusingEmpty, outcome.keptCount == 0, !plan.filters.isEmpty, !EmptyAnswer.isAccepted {
            try refuseEmpty(plan, bound, pass(bound, keepingRows: false, countingEach: true))
        }
        return (bound, outcome)
    }

    /// One pass of the filter kernel over every row of the table.
    private func pass(_ bound: [BoundFilter], keepingRows: Bool, countingEach: Bool) -> FilterOutcome {
        filterRows(.all(count: table.rowCount), where: bound.map(\.predicate), keepingRows: keepingRows, countingEach: countingEach)
    }

    func steps(_ plan: QueryPlan) throws -> (total: Int, kept: [Int]) {
        (table.rowCount, pass(try plan.filters.map(bound), keepingRows: false, countingEach: true).runningCounts)
    }

    /// The rows all filters keep.
    func select(_ plan: QueryPlan) throws -> Selection {
        try filtered(plan).outcome.selection
    }

    /// When the filters keep no row, the note says what each keeps alone (`counted` is a counting pass).
    private func refuseEmpty(_ plan: QueryPlan, _ bound: [BoundFilter], _ counted: FilterOutcome) throws {
        try Binder(dataset: dataset).checkOccurs(plan.filters)
        let steps = zip(zip(plan.filters, bound), counted.runningCounts).map { pair, kept in
            FilterStep(filter: pair.0.typed, column: pair.1.column, rowsKept: kept, matchedValues: pair.1.matchedText)
        }
        throw EmptyAnswer.filtersKeptNothing(plan.filters.map(\.typed), aloneCounts: counted.aloneCounts, steps: steps, tableName: table.name)
    }

    /// A plan filter as a kernel call on this table's column.
    func bound(_ filter: PlanFilter) throws -> BoundFilter {
        let column = try column(named: filter.column)
        switch filter.test {
        case .textIn(let values):
            guard case .text(let text) = column.storage else { throw EngineError.typeMismatch(column: column.name, expected: "text", actual: column.type) }
            let wanted = Set(values)
            return try BoundFilter(column: column, kind: .textMask(text.dictionary.map(wanted.contains)), matchedText: values)
        case .numbers(let comparisons, let all):
            return try BoundFilter(column: column, kind: .numeric(comparisons), matchedText: [], allHold: all)
        case .booleans(let wanted):
            return try BoundFilter(column: column, kind: .boolean(wanted), matchedText: [])
        }
    }

    func column(named name: String) throws -> Column {
        guard let column = table.column(named: name) else { throw planMismatch(name, dataset.name) }
        return column
    }

    /// An aggregate's argument: a column as it is, or a row expression evaluated over the whole table.
    private func argument(_ aggregate: PlanAggregate) throws -> Column {
        let binder = Binder(dataset: dataset)
        switch aggregate.argument {
        case .name(let name)?: return try binder.column(name)
        case let expression?: return try RowEvaluator(binder: binder).evaluate(expression, name: expression.headerText)
        case nil: throw planMismatch(aggregate.name, dataset.name)
        }
    }
}

/// A plan that names a column its dataset lacks: the dataset changed between binding and running.
func planMismatch(_ column: String, _ dataset: String) -> LanguageError {
    LanguageError(Catalogue.columnGone(column, from: dataset))
}
