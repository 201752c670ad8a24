import Engine

/// The warning that a mean of rates is not the rate of the group, for every verb that averages a measure.
///
/// A region's poverty rate is its poor households over its households; the unweighted mean of its provinces'
/// rates gives a small province as much say as a large one (GSO's Đông Nam Bộ 2012 is 1.3 %, the mean of its
/// provinces' rates is 3.02). `mean rate` says so itself; `show`, `compare`, `rank` and `trend` ask this type
/// about the measures they take, so `mean(rate)` is warned of however it is written (directly, inside a
/// formula, or through a named measure).
enum MeanOfRates {
    /// One note per rate column averaged by `measures` (each column once).
    static func notes(_ measures: [MeasureSpec], _ binder: Binder) -> [Message] {
        var columns: [String] = []
        for measure in measures {
            if case .aggregate(let expression) = measure.kind {
                for name in averagedRates(expression, binder) where !columns.contains(name) { columns.append(name) }
            }
        }
        return columns.map(Catalogue.meanOfRates)
    }

    /// When a measure averages a rate, adds the count of rows per group to `plan` (so the warning is given
    /// only where a group combines rows: the mean of one row's rate is that rate). - Returns: its name.
    static func countRows(for measures: [MeasureSpec], _ binder: Binder, in plan: inout QueryPlan) -> String? {
        notes(measures, binder).isEmpty ? nil : plan.add(.countRows, nil)
    }

    /// The notes for `measures` when some group of `groups` has more than one row (counted in `rowCount`).
    static func notes(_ measures: [MeasureSpec], _ binder: Binder, groups: Table, rowCount: String?) -> [Message] {
        guard let rowCount, let counts = groups.column(named: rowCount)?.doubles, counts.contains(where: { ($0 ?? 0) > 1 }) else { return [] }
        return notes(measures, binder)
    }

    /// The rate columns that `expression` takes the mean of, through named measures too.
    static func averagedRates(_ expression: Expression, _ binder: Binder, depth: Int = 0) -> [String] {
        // A named measure may name another; a cycle cannot be defined, but the walk is bounded all the same.
        guard depth < 16 else { return [] }
        switch expression {
        case .call(let function, let arguments, _):
            let folded = TextFolding.fold(function.text)
            if AggregateCall.functions[folded] == .mean, arguments.count == 1, case .name(let name) = arguments[0],
               binder.dataset.measure(named: name.text) == nil, let column = try? binder.column(name), column.holdsPercentages {
                return [column.name]
            }
            return arguments.flatMap { averagedRates($0, binder, depth: depth + 1) }
        case .name(let name):
            guard let measure = binder.dataset.measure(named: name.text) else { return [] }
            return averagedRates(measure.expression, binder, depth: depth + 1)
        case .unary(_, let inner, _):
            return averagedRates(inner, binder, depth: depth + 1)
        case .binary(_, let a, let b, _):
            return averagedRates(a, binder, depth: depth + 1) + averagedRates(b, binder, depth: depth + 1)
        default:
            return []
        }
    }
}
