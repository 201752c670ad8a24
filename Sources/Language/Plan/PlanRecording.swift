import Engine

/// Collects the plans a statement would run, for `explain`: the verb runs as usual, but its executor
/// answers grouped and row queries with no rows, so nothing of the statement is computed twice; lookups
/// that only list a column's values (the periods of a compare without a range) still ask the real engine.
final class PlanRecorder {
    private(set) var plans: [QueryPlan] = []
    func record(_ plan: QueryPlan) { plans.append(plan) }
}

struct RecordingExecutor: PlanExecutor {
    let real: PlanExecutor
    let recorder: PlanRecorder
    let dataset: Dataset

    func rows(_ plan: QueryPlan) throws -> (table: Table, total: Int) {
        recorder.record(plan)
        let names = plan.columns.isEmpty ? dataset.table.columnNames : plan.columns
        let columns = names.map { name in dataset.table.column(named: name).map { $0.gathering([]) } ?? Column(name: name, type: .decimal, values: []) }
        return (try Table(name: dataset.name, columns: columns), 0)
    }

    func groups(_ plan: QueryPlan) throws -> Table {
        if plan.aggregates.isEmpty { return try real.groups(plan) }
        recorder.record(plan)
        let keys = plan.keys.map { name in dataset.table.column(named: name).map { $0.gathering([]) } ?? Column(name: name, type: .text, values: []) }
        let aggregates = plan.aggregates.map { Column(name: $0.name, type: .decimal, values: []) }
        return try Table(name: dataset.name, columns: keys + aggregates)
    }

    func steps(_ plan: QueryPlan) throws -> (total: Int, kept: [Int]) { try real.steps(plan) }
}

extension Session {
    /// The executor for `dataset`: the engine in memory, or the server its rows live on; while `explain`
    /// records, one that records. `counting` asks the real engine even then (explain's row counts).
    func executor(for dataset: Dataset, counting: Bool = false) -> PlanExecutor {
        let real: PlanExecutor = dataset.remote.map { RemoteExecutor(source: $0, dataset: dataset) } ?? MemoryExecutor(dataset: dataset)
        guard let recorder = planRecorder, !counting else { return real }
        return RecordingExecutor(real: real, recorder: recorder, dataset: dataset)
    }
}
