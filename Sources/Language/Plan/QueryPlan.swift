import Engine

/// What a statement asks of its data, bound to one dataset's columns and values, before any engine runs
/// it. Verbs build a plan and shape what an executor gives back; `explain` prints it; the SQL compiler
/// turns it into one query for PostgreSQL or Spark. The in-memory engine and every remote engine run the
/// same plan, so a statement gives the same answer wherever its data live.
public struct QueryPlan: Sendable {
    /// The dataset the rows come from.
    public var dataset: String
    /// Filters, AND-ed, each already matched against the data (`ninh binh` → `Ninh Bình`).
    public var filters: [PlanFilter] = []
    /// Group keys (column names), in order; empty for one group of all kept rows.
    public var keys: [String] = []
    /// One value per group each.
    public var aggregates: [PlanAggregate] = []
    /// For a listing of rows: the columns to give, in order (empty: every column).
    public var columns: [String] = []
    /// For a listing of rows: the order (stable: rows that tie keep the data's order).
    public var order: [PlanOrder] = []
    /// For a listing of rows: at most this many.
    public var limit: Int?
    /// What the verb makes of the executor's answer.
    public var shaping: PlanShaping = .rows

    public init(dataset: String) { self.dataset = dataset }
}

/// One filter of a plan: as typed (for messages and `explain`) and as a test on one column.
public struct PlanFilter: Sendable {
    public var typed: Filter
    public var column: String
    public var test: PlanTest
}

public enum PlanTest: Sendable {
    /// The text column holds one of these data values (the ones the typed value matched).
    case textIn([String])
    /// Comparisons with numbers, all holding (`all`: a range, `!=` of several) or any (a list of values).
    case numbers([(Comparison, NumericConstant)], all: Bool)
    /// The boolean column holds one of these.
    case booleans([Bool])
}

/// One value per group: a count of rows, an aggregate of a column or a row expression, or the group's
/// first row's value (where provenance columns are read).
public struct PlanAggregate: Sendable {
    public enum Function: Sendable, Equatable {
        case countRows
        case aggregate(AggregateFunction)
        /// The value in the group's first row, in the data's order.
        case first
        /// Where the group's first row is in the data's order (to name, of several groups, the one that
        /// comes first in the data); 0 for every group on an engine without a row order.
        case firstPosition
    }
    public var function: Function
    /// A column (`.name`) or a row expression; nil for `countRows`.
    public var argument: Expression?
    /// The executor's name for the result column (unique within the plan).
    public var name: String

    /// The same computation, whatever it is called: `mean(rate)` asked twice is computed once.
    var identity: String {
        let fn: String
        switch function {
        case .countRows: fn = "count()"
        case .aggregate(let f): fn = f.rawValue
        case .first: fn = "first"
        case .firstPosition: fn = "first_position"
        }
        return fn + "|" + (argument?.sourceText ?? "")
    }
}

/// A sort key of a listing of rows.
public struct PlanOrder: Sendable {
    public var column: String
    public var descending: Bool
}

/// What the verb makes of the executor's answer, for `explain` to say.
public enum PlanShaping: Sendable {
    /// The rows themselves (`show`).
    case rows
    /// One row per group (`count`, `sum`, `mean` …, `show … by`).
    case groups
    /// The first and last period of each entity and the change (`compare`).
    case compare(period: String, periods: [Double])
    /// One row per period and the change from the one before (`trend`).
    case trend(period: String)
    /// The entities in order of the measure, with ranks (`rank`).
    case rank(entity: String, ascending: Bool, top: Int?)
}

extension QueryPlan {
    /// Adds `aggregate` unless the same computation is already there; returns the result column's name.
    @discardableResult
    mutating func add(_ function: PlanAggregate.Function, _ argument: Expression?) -> String {
        let candidate = PlanAggregate(function: function, argument: argument, name: "")
        if let existing = aggregates.first(where: { $0.identity == candidate.identity }) { return existing.name }
        let name = "a\(aggregates.count)"
        aggregates.append(PlanAggregate(function: function, argument: argument, name: name))
        return name
    }

    /// The plan without its listing and aggregates: the same rows, to ask something else of them.
    var sameRows: QueryPlan {
        var plan = QueryPlan(dataset: dataset)
        plan.filters = filters
        return plan
    }
}

extension Expression {
    /// A column by its data name, as a plan's aggregate argument (not typed by anyone: no place).
    static func column(_ name: String) -> Expression {
        .name(Name(text: name, span: SourceSpan(column: 0, endColumn: 0)))
    }
}

extension PlanTest {
    /// The test that keeps rows holding exactly `value`; nil for a missing value (no filter says "missing").
    static func equal(to value: Value) -> PlanTest? {
        switch value {
        case .text(let t): return .textIn([t])
        case .integer(let i): return .numbers([(.equal, .integer(i))], all: true)
        case .decimal(let d): return .numbers([(.equal, .decimal(d))], all: true)
        case .boolean(let b): return .booleans([b])
        case .missing: return nil
        }
    }
}
