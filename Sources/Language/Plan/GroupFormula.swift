import Engine

/// A measure as arithmetic over per-group aggregates (`100 * mean(poor)`, `round(mean(rate), 1)`): the
/// aggregates are computed by an executor, the arithmetic here, the same for every engine.
indirect enum GroupFormula {
    case constant(Double)
    /// A plan aggregate's result column, by its name.
    case aggregate(String)
    case negated(GroupFormula)
    case binary(Character, GroupFormula, GroupFormula)
    case absolute(GroupFormula)
    case rounded(GroupFormula, scale: Double)

    /// One value per row of `groups` (an executor's answer), missing where an operand is.
    func values(in groups: Table) throws -> [Double?] {
        switch self {
        case .constant(let c):
            return Array(repeating: c, count: groups.rowCount)
        case .aggregate(let name):
            guard let column = groups.column(named: name) else { throw planMismatch(name, groups.name) }
            return column.doubles
        case .negated(let f):
            return try f.values(in: groups).map { $0.map { -$0 } }
        case .binary(let op, let a, let b):
            return zip(try a.values(in: groups), try b.values(in: groups)).map { RowEvaluator.apply(op, $0, $1) }
        case .absolute(let f):
            return try f.values(in: groups).map { $0.map { Swift.abs($0) } }
        case .rounded(let f, let scale):
            return try f.values(in: groups).map { $0.flatMap { roundedOrMissing($0, scale) } }
        }
    }
}

extension Dataset {
    /// The dataset's columns without rows: for checking a row expression's names and type without
    /// computing it (a remote dataset's table has no rows already).
    var schema: Dataset {
        guard remote == nil, table.rowCount > 0 else { return self }
        var copy = self
        copy.table = (try? Table(name: table.name, columns: table.columns.map { $0.gathering([]) })) ?? table
        return copy
    }
}
