import Engine
import Foundation

/// Evaluates a row-level expression (`income * 12`, `if(urban = 1, income, 0)`, `fold(province)`) into a
/// column, one engine kernel (`RowKernel`) per node of the expression, each over whole typed columns. Used by `let` and by aggregate arguments such as `mean(x * 2)`.
struct RowEvaluator {
    let binder: Binder
    var table: Table { binder.table }

    /// Row-level functions and what they take (`Catalogue.rowFunctionUsage` says it in both languages).
    static let functions: [String: Message] = Dictionary(uniqueKeysWithValues: ["if", "round", "abs", "log", "log10", "lower", "upper", "fold"].map {
        ($0, Catalogue.rowFunctionUsage($0))
    })

    func evaluate(_ expression: Expression, name: String) throws -> Column {
        var column = try values(expression).operand.column(table.rowCount)
        column.name = name
        return column
    }

    /// A value per row, or one value for all rows.
    enum Values {
        case column(Column)
        case constant(Value)

        var operand: RowOperand {
            switch self {
            case .column(let c): .column(c)
            case .constant(let v): .constant(v)
            }
        }
    }

    func values(_ expression: Expression) throws -> Values {
        switch expression {
        case .number(.integer(let i), _):
            return .constant(.integer(i))
        case .number(.decimal(let d), _):
            return .constant(d == d.rounded() && abs(d) < 1e15 ? .integer(Int64(d)) : .decimal(d))
        case .text(let t, _):
            return .constant(.text(t))
        case .name(let name):
            if let measure = binder.dataset.measure(named: name.text) {
                throw LanguageError(
                    Catalogue.measureInRowFormula(name.text, definedAs: measure.expression.sourceText),
                    at: name.span, example: "show \(NameSpelling.typed(name.text)) by province")
            }
            return .column(try binder.column(name))
        case .unary(_, let operand, let span):
            return try arithmetic("*", .constant(.integer(-1)), try values(operand), span)
        case .binary(let op, let a, let b, let span):
            return try arithmetic(op, try values(a), try values(b), span)
        case .comparison(let op, let a, let b, _):
            return .column(RowKernel.compare(op, try values(a).operand, try values(b).operand, rows: table.rowCount))
        case .call(let function, let arguments, let span):
            return try call(function, arguments, span)
        }
    }

    // MARK: Arithmetic

    private func arithmetic(_ op: Character, _ a: Values, _ b: Values, _ span: SourceSpan) throws -> Values {
        let x = try numbers(a, span), y = try numbers(b, span)
        let step = ArithmeticOperator(rawValue: op) ?? .divide
        guard case .number(let l, let lIntegral) = x, case .number(let r, let rIntegral) = y else {
            return .column(RowKernel.arithmetic(step, x.operand, y.operand, rows: table.rowCount))
        }
        // Two literals: one number for every row; `0.1 + 0.2` is 0.3, as decimals written in a statement are exact.
        if step != .divide && !(lIntegral && rIntegral), let exact = ExactDecimal.literals(op, l, r) { return .constant(.decimal(exact)) }
        guard let scalar = step.apply(l, r) else { return .column(missingNumbers()) }
        if lIntegral && rIntegral && step != .divide, let whole = Int64(exactly: scalar), abs(whole) < 1 << 53 {
            return .constant(.integer(whole))
        }
        return .constant(.decimal(scalar))
    }

    /// One arithmetic step on two numbers (for measures and group formulas): missing in, missing out; a
    /// division by zero is missing, never infinity.
    static func apply(_ op: Character, _ l: Double?, _ r: Double?) -> Double? {
        guard let l, let r else { return nil }
        return (ArithmeticOperator(rawValue: op) ?? .divide).apply(l, r)
    }

    /// A number column with every row missing (a division by zero of two literals, say).
    private func missingNumbers() -> Column {
        Column(name: "", storage: .decimal(ContiguousArray(repeating: 0, count: table.rowCount)),
               validity: ValidityBitmap(count: table.rowCount, allPresent: false))
    }

    // MARK: Functions

    private func call(_ function: Name, _ arguments: [Expression], _ span: SourceSpan) throws -> Values {
        let name = TextFolding.fold(function.text)
        if AggregateCall.functionNames.contains(name) {
            throw LanguageError(
                Catalogue.aggregateInRowFormula(function.text),
                at: function.span, example: "measure avg_income = mean(income)")
        }
        func argument(_ i: Int) throws -> Values {
            guard i < arguments.count else {
                throw LanguageError(Catalogue.moreArguments(function.text, usage: RowEvaluator.functions[name] ?? .verbatim("")), at: span)
            }
            return try values(arguments[i])
        }
        switch name {
        case "if":
            let condition = try argument(0).operand, yes = try argument(1).operand, no = try argument(2).operand
            return .column(RowKernel.choose(condition, yes, no, rows: table.rowCount))
        case "round":
            let x = try numbers(try argument(0), span)
            return mapNumbers(x, .round(scale: try decimalScale(arguments.count > 1 ? arguments[1] : nil)))
        case "abs": return mapNumbers(try numbers(try argument(0), span), .abs)
        case "log": return mapNumbers(try numbers(try argument(0), span), .log)
        case "log10": return mapNumbers(try numbers(try argument(0), span), .log10)
        case "lower", "upper", "fold":
            let column = try argument(0).operand.column(table.rowCount)
            let transform: (String) -> String = name == "lower" ? { $0.lowercased() } : name == "upper" ? { $0.uppercased() } : TextFolding.fold
            return .column(RowKernel.mapText(column, transform))
        default:
            throw LanguageError(Catalogue.unknownFunction(function.text),
                                at: function.span,
                                suggestions: Suggestions.nearest(function.text, among: Array(RowEvaluator.functions.keys) + AggregateCall.functionNames.sorted()))
        }
    }

    // MARK: Numbers

    /// A side of an arithmetic step or a one-number function: one number for every row, or a column's.
    enum Numbers {
        case number(Double, integral: Bool)
        case column(NumberOperand)

        var operand: NumberOperand {
            switch self {
            case .number(let d, let integral): NumberOperand(constant: d, integral: integral)
            case .column(let c): c
            }
        }
    }

    private func numbers(_ v: Values, _ span: SourceSpan) throws -> Numbers {
        switch v {
        case .constant(let value):
            guard let number = value.number else {
                throw LanguageError(Catalogue.notANumberValue(value.description), at: span)
            }
            if case .integer = value { return .number(number, integral: true) }
            return .number(number, integral: false)
        case .column(let column):
            guard let numbers = NumberOperand(column) else {
                throw LanguageError(Catalogue.textNotNumbers(column.name), at: span)
            }
            return .column(numbers)
        }
    }

    private func mapNumbers(_ x: Numbers, _ function: NumberFunction) -> Values {
        guard case .number(let c, _) = x else { return .column(RowKernel.map(function, x.operand, rows: table.rowCount)) }
        // The same rule as for rows: a result that is not a finite number is missing.
        guard let r = function.apply(c) else { return .column(missingNumbers()) }
        return .constant(.decimal(r))
    }
}
