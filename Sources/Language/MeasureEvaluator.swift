import Engine

/// The aggregate functions a measure may use, with the engine function each one calls.
enum AggregateCall {
    static let functions: [String: AggregateFunction] = [
        "count": .count, "count_distinct": .countDistinct, "sum": .sum, "mean": .mean, "avg": .mean,
        "min": .min, "max": .max, "median": .median, "stddev": .stddev,
    ]
    static var functionNames: Set<String> { Set(functions.keys) }
}

/// A measure as a verb uses it: a column read cell by cell, or an aggregate computed per group.
public struct MeasureSpec {
    public enum Kind {
        /// A column: each (entity, period) cell must be exactly one row.
        case column(Column)
        /// An aggregate expression, computed over each group's rows.
        case aggregate(Expression)
    }
    public var kind: Kind
    /// The name shown in headers: the column, the measure, or the expression as typed.
    public var name: String
    public var isPercentage: Bool
    public var span: SourceSpan
}

/// Evaluates measures per group: one number (or missing) per group.
struct MeasureEvaluator {
    let binder: Binder
    var dataset: Dataset { binder.dataset }

    /// What a bare measure item names. - Throws: with suggestions when it names nothing.
    func resolve(_ item: Expression) throws -> MeasureSpec {
        switch item {
        case .name(let name):
            if let measure = namedMeasure(name.text) {
                return MeasureSpec(kind: .aggregate(measure.expression), name: measure.name, isPercentage: measure.isPercentage, span: name.span)
            }
            if case .ambiguous(let columns) = dataset.matchColumn(name.text) { throw dataset.ambiguityError(name, columns) }
            if let column = try? binder.column(name) {
                guard column.type.isNumeric || column.type == .boolean else {
                    throw LanguageError(Catalogue.textMeasure(column.name),
                                        at: name.span, example: "count by \(NameSpelling.typed(column.name))")
                }
                return MeasureSpec(kind: .column(column), name: column.name, isPercentage: column.holdsPercentages, span: name.span)
            }
            throw LanguageError(
                Catalogue.unknownColumnOrMeasure(name.text, in: dataset.name),
                at: name.span, suggestions: dataset.nearestNames(to: name.text),
                example: "describe")
        case .call:
            return MeasureSpec(kind: .aggregate(item), name: item.headerText, isPercentage: try percentHint(item), span: item.span)
        default:
            throw LanguageError(Catalogue.measureKinds,
                                at: item.span, example: "mean(income)")
        }
    }

    func namedMeasure(_ text: String) -> MeasureDefinition? {
        dataset.measure(named: text)
    }

    /// An aggregate of percentages (mean, median, min, max of a rate) is still a percentage.
    func percentHint(_ expression: Expression) throws -> Bool {
        if case .call(let f, let args, _) = expression, let fn = AggregateCall.functions[TextFolding.fold(f.text)],
           [.mean, .median, .min, .max].contains(fn), args.count == 1, case .name(let n) = args[0],
           let column = try? binder.column(n) {
            return column.holdsPercentages
        }
        if case .name(let n) = expression, let m = namedMeasure(n.text) { return m.isPercentage }
        return false
    }

    /// The measure as a formula over per-group aggregates, whose aggregates are added to `plan`.
    /// - Throws: `LanguageError` where the expression is not a measure (a bare column, text, a comparison,
    ///   an unknown function), at the place it was typed.
    func formula(_ expression: Expression, _ plan: inout QueryPlan) throws -> GroupFormula {
        switch expression {
        case .number(let n, _):
            return .constant(n.asDouble)
        case .text(_, let span):
            throw LanguageError(Catalogue.measureMustBeNumber, at: span)
        case .name(let name):
            if let measure = namedMeasure(name.text) { return try formula(measure.expression, &plan) }
            let column = try binder.column(name)
            throw LanguageError(
                Catalogue.columnNeedsAggregate(column.name),
                at: name.span, example: "measure total = sum(\(NameSpelling.typed(column.name)))")
        case .unary(_, let e, _):
            return .negated(try formula(e, &plan))
        case .binary(let op, let a, let b, _):
            return .binary(op, try formula(a, &plan), try formula(b, &plan))
        case .comparison(_, _, _, let span):
            throw LanguageError(Catalogue.comparisonInMeasure, at: span)
        case .call(let function, let arguments, let span):
            guard let fn = AggregateCall.functions[TextFolding.fold(function.text)] else {
                if RowEvaluator.functions[TextFolding.fold(function.text)] != nil, TextFolding.fold(function.text) != "if" {
                    return try roundOrAbs(function, arguments, &plan)
                }
                throw LanguageError(Catalogue.notAnAggregate(function.text),
                                    at: function.span, suggestions: Suggestions.nearest(function.text, among: AggregateCall.functionNames.sorted()),
                                    example: "mean(income)")
            }
            if fn == .count && arguments.isEmpty {
                return .aggregate(plan.add(.countRows, nil))
            }
            guard arguments.count == 1 else {
                throw LanguageError(Catalogue.aggregateTakesOne(function.text),
                                    at: span, example: "\(function.text)(income)")
            }
            let type = try argumentType(arguments[0])
            if type.name != nil, type.type == .text && fn != .count && fn != .countDistinct {
                throw LanguageError(Catalogue.aggregateNeedsNumbers(function.text, column: type.name!), at: span,
                                    example: "count_distinct(\(NameSpelling.typed(type.name!)))")
            }
            return .aggregate(plan.add(.aggregate(fn), type.argument))
        }
    }

    /// The measure's value for every group of `grouping` (groups made in memory, as rollup's units are).
    func values(_ expression: Expression, _ grouping: Grouping) throws -> [Double?] {
        var plan = QueryPlan(dataset: dataset.name)
        let formula = try formula(expression, &plan)
        return try formula.values(in: MemoryExecutor(dataset: dataset).aggregates(plan.aggregates, over: grouping))
    }

    /// An aggregate's argument as the plan carries it (a column by its data name, or the row expression),
    /// with its type, checked on the dataset's columns without computing it.
    private func argumentType(_ argument: Expression) throws -> (argument: Expression, name: String?, type: ColumnType) {
        if case .name(let n) = argument, namedMeasure(n.text) == nil {
            let column = try binder.column(n)
            return (.name(Name(text: column.name, span: n.span)), column.name, column.type)
        }
        let column = try RowEvaluator(binder: Binder(dataset: dataset.schema)).evaluate(argument, name: argument.headerText)
        return (argument, column.name, column.type)
    }

    /// round(measure, n) and abs(measure) over group values.
    private func roundOrAbs(_ function: Name, _ arguments: [Expression], _ plan: inout QueryPlan) throws -> GroupFormula {
        guard let first = arguments.first, arguments.count <= 2 else {
            throw LanguageError(Catalogue.roundOrAbsArguments(function.text),
                                at: function.span, example: "measure r = round(mean(rate), 1)")
        }
        switch TextFolding.fold(function.text) {
        case "abs": return .absolute(try formula(first, &plan))
        case "round":
            let scale = try decimalScale(arguments.count > 1 ? arguments[1] : nil)
            return .rounded(try formula(first, &plan), scale: scale)
        default:
            throw LanguageError(Catalogue.rowFunctionInMeasure(function.text),
                                at: function.span)
        }
    }
}

extension Column {
    /// Each cell as a number (booleans as 0/1), missing as nil.
    var doubles: [Double?] {
        (0..<count).map { row in
            let v = value(at: row)
            if case .boolean(let b) = v { return b ? 1 : 0 }
            return v.number
        }
    }
}

/// 10^places for `round(x, places)`: places must be a whole number written in the statement, from -15 to 15
/// (a double has no more digits than that).
func decimalScale(_ argument: Expression?) throws -> Double {
    guard let argument else { return 1 }
    var value: Double? = nil
    switch argument {
    case .number(let n, _): value = n.asDouble
    case .unary("-", .number(let n, _), _): value = -n.asDouble
    default: break
    }
    guard let places = value, places == places.rounded(), abs(places) <= 15 else {
        throw LanguageError(Catalogue.roundPlaces,
                            at: argument.span, example: "round(rate, 1)")
    }
    var scale = 1.0
    for _ in 0..<Int(abs(places)) { scale *= 10 }
    return places < 0 ? 1 / scale : scale
}

/// x rounded half away from zero at `scale`; missing when the result is not a finite number.
func roundedOrMissing(_ x: Double, _ scale: Double) -> Double? {
    let r = roundHalfAwayFromZero(x, scale: scale)
    return r.isFinite ? r : nil
}
