import Engine
import Remote

/// Runs plans on the server a dataset's rows live on: each plan is one SQL query, and only its answer
/// (the groups, or the rows asked for) travels back.
struct RemoteExecutor: PlanExecutor {
    let source: RemoteSource
    let dataset: Dataset

    func rows(_ plan: QueryPlan) throws -> (table: Table, total: Int) {
        let compiler = source.compiler
        let columns = plan.columns.isEmpty ? dataset.table.columnNames : plan.columns
        // Text is sorted in Vietnamese order here, not in the server's collation: with a text sort key the
        // limit is applied after sorting.
        let textOrder = plan.order.contains { dataset.table.column(named: $0.column)?.type == .text }
        var table = try source.query(try compiler.rows(plan, columns: columns, limit: !textOrder))
        if textOrder {
            let keys = try plan.order.map { key -> SortKey in
                guard let column = table.column(named: key.column) else { throw planMismatch(key.column, dataset.name) }
                return SortKey(column, descending: key.descending)
            }
            var order = try Selection.all(count: table.rowCount).sorted(by: keys)
            if let limit = plan.limit { order = order.prefix(limit) }
            table = try Table(name: table.name, columns: table.columns.map { $0.gathering(order) })
        }
        let total = plan.limit == nil ? table.rowCount : Int(try source.query(try compiler.count(plan)).columns[0].value(at: 0).number ?? 0)
        if total == 0 { try emptyAnswer(plan) }
        table.name = dataset.name
        return (table, total)
    }

    func groups(_ plan: QueryPlan) throws -> Table {
        var table = try source.query(try source.compiler.groups(plan))
        let countsRows = plan.aggregates.first { $0.function == .countRows }
        // Without keys the server answers one row even when no row is kept: whether any was is in the count.
        if table.rowCount == 0 || (plan.keys.isEmpty && countsRows.flatMap { table.column(named: $0.name)?.value(at: 0).number } == 0) {
            try emptyAnswer(plan)
        }
        table.name = dataset.name
        return try typed(table, plan)
    }

    func steps(_ plan: QueryPlan) throws -> (total: Int, kept: [Int]) {
        let counts = try filterCounts(plan)
        return (counts.total, counts.running)
    }

    private func filterCounts(_ plan: QueryPlan) throws -> (total: Int, running: [Int], alone: [Int]) {
        let row = try source.query(try source.compiler.filterCounts(plan))
        let counts = row.columns.map { Int($0.value(at: 0).number ?? 0) }
        let n = plan.filters.count
        return (counts[0], Array(counts[1...n]), Array(counts[(n + 1)...]))
    }

    /// Filters that keep no row are an answer, said as in memory: which filter emptied it, or what each
    /// keeps alone.
    private func emptyAnswer(_ plan: QueryPlan) throws {
        guard !plan.filters.isEmpty, !EmptyAnswer.isAccepted else { return }
        let counts = try filterCounts(plan)
        guard counts.running.last == 0 else { return }
        let schema = dataset.table
        let steps = zip(plan.filters, counts.running).compactMap { filter, kept -> FilterStep? in
            guard let column = schema.column(named: filter.column) else { return nil }
            let matched: [String] = { if case .textIn(let v) = filter.test { return v } else { return [] } }()
            return FilterStep(filter: filter.typed, column: column, rowsKept: kept, matchedValues: matched)
        }
        throw EmptyAnswer.filtersKeptNothing(plan.filters.map(\.typed), aloneCounts: counts.alone, steps: steps, tableName: dataset.name)
    }

    /// The server's answer in the engine's types for what was asked: a sum of whole numbers is whole (a
    /// server may widen it to NUMERIC), a count is an integer.
    private func typed(_ table: Table, _ plan: QueryPlan) throws -> Table {
        var columns = table.columns
        for aggregate in plan.aggregates {
            guard let index = table.columnIndex(named: aggregate.name) else { continue }
            let wantsInteger: Bool
            switch aggregate.function {
            case .countRows, .aggregate(.count), .aggregate(.countDistinct): wantsInteger = true
            case .aggregate(.sum): wantsInteger = argumentType(aggregate) == .integer || argumentType(aggregate) == .boolean
            default: wantsInteger = false
            }
            if wantsInteger, columns[index].type == .decimal {
                let values = columns[index].doubles.map { $0.map { Value.integer(Int64($0)) } ?? .missing }
                columns[index] = Column(name: aggregate.name, type: .integer, values: values)
            }
        }
        return try Table(name: table.name, columns: columns)
    }

    private func argumentType(_ aggregate: PlanAggregate) -> ColumnType? {
        guard let argument = aggregate.argument else { return nil }
        if case .name(let n) = argument { return dataset.table.column(named: n.text)?.type }
        return try? RowEvaluator(binder: Binder(dataset: dataset)).evaluate(argument, name: "").type
    }
}
