import Engine
import Remote

/// Row expressions (`let` columns, aggregate arguments) as SQL, with the engine's rules: a missing value
/// in gives a missing value out, division by zero and the logarithm of a number not above zero give a
/// missing value, `round` rounds half away from zero.
struct RowSQL {
    let compiler: SQLCompiler
    var sql: SQLText { compiler.sql }

    func expression(_ e: Expression) throws -> String {
        switch e {
        case .number(let n, _): return sql.number(n)
        case .text(let t, _): return sql.text(t)
        case .name(let name): return try compiler.column(name.text)
        case .unary(_, let x, _): return "(-" + (try expression(x)) + ")"
        case .binary(let op, let a, let b, _):
            let x = try expression(a), y = try expression(b)
            switch op {
            // A double division: 7 / 2 is 3.5 in the engine, not SQL's whole-number 3.
            case "/": return "(CAST(\(x) AS \(sql.doubleType)) / NULLIF(\(y), 0))"
            default: return "(\(x) \(op) \(y))"
            }
        case .comparison(let op, let a, let b, _):
            return "(\(try expression(a)) \(SQLCompiler.operatorText(op)) \(try expression(b)))"
        case .call(let function, let arguments, _):
            return try call(function, arguments)
        }
    }

    private func call(_ function: Name, _ arguments: [Expression]) throws -> String {
        let name = TextFolding.fold(function.text)
        let x = try arguments.map(expression)
        func argument(_ i: Int) throws -> String {
            guard i < x.count else {
                throw LanguageError(Catalogue.moreArguments(function.text, usage: RowEvaluator.functions[name] ?? .verbatim("")), at: function.span)
            }
            return x[i]
        }
        switch name {
        // A missing condition gives a missing value, not the else branch.
        case "if": return "(CASE WHEN \(try argument(0)) IS NULL THEN NULL WHEN \(try argument(0)) THEN \(try argument(1)) ELSE \(try argument(2)) END)"
        case "round":
            let places = arguments.count > 1 ? x[1] : "0"
            // PostgreSQL rounds half away from zero on numeric, not on double precision.
            return sql.dialect == .postgres
                ? "CAST(ROUND(CAST(\(try argument(0)) AS NUMERIC), \(places)) AS DOUBLE PRECISION)"
                : "ROUND(\(try argument(0)), \(places))"
        case "abs": return "ABS(\(try argument(0)))"
        case "log": return "(CASE WHEN \(try argument(0)) > 0 THEN LN(\(try argument(0))) END)"
        case "log10":
            let log10 = sql.dialect == .postgres ? "LOG" : "LOG10"  // PostgreSQL's log of a double is base 10
            return "(CASE WHEN \(try argument(0)) > 0 THEN \(log10)(\(try argument(0))) END)"
        case "lower", "upper", "fold":
            // Mapped value by value, as the engine maps them, when the argument is a text column of few
            // distinct values; otherwise the server's own LOWER and UPPER.
            if case .name(let column)? = arguments.first, let mapped = try compiler.mapped(column.text, by: name) { return mapped }
            guard name != "fold" else { break }
            return "\(name.uppercased())(\(try argument(0)))"
        default:
            break
        }
        throw LanguageError(
            Catalogue.notOnServer(function.text),
            at: function.span)
    }
}
