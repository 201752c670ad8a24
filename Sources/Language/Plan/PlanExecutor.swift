import Engine

/// Runs query plans: one for the engine in memory, one per remote engine (PostgreSQL, Spark). Verbs ask
/// for rows or groups and shape the answer themselves, so every engine gives the same result.
protocol PlanExecutor {
    /// The rows the plan's filters keep, with its columns (all when none are named), in its order (the
    /// data's order otherwise), at most its limit; `total` counts the rows before the limit.
    /// - Throws: `EmptyAnswer` when the filters keep no row (unless an empty answer is being shaped).
    func rows(_ plan: QueryPlan) throws -> (table: Table, total: Int)
    /// One row per group of the kept rows: a column per key (named as the key), then a column per
    /// aggregate (named as the aggregate), groups in no particular order. Without keys, one row.
    func groups(_ plan: QueryPlan) throws -> Table
    /// What each filter does, in order: the rows left after it (for `explain`), and the rows of the
    /// dataset in all.
    func steps(_ plan: QueryPlan) throws -> (total: Int, kept: [Int])
}

extension EmptyAnswer {
    /// Filters that kept no row, explained: which one did it, or what each keeps alone.
    static func filtersKeptNothing(_ filters: [Filter], aloneCounts: [Int], steps: [FilterStep], tableName: String) -> EmptyAnswer {
        if filters.count == 1 {
            return EmptyAnswer(note: Catalogue.noRowMatches(filterText(filters[0]), in: tableName),
                               steps: steps, tableName: tableName)
        }
        return EmptyAnswer(note: Catalogue.noRowMatchesTogether(zip(filters, aloneCounts).map { (filterText($0), $1) }),
                           steps: steps, tableName: tableName)
    }
}
