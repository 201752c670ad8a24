#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Engine
@testable import Language
import Testing

/// Row expressions evaluated by the engine's column kernels (`RowKernel`, through `RowEvaluator`) against the
/// evaluation they replaced, which boxed every cell as a `Value` (kept below, unchanged, as the reference):
/// random expressions over random columns — integers with extremes beyond 2^53, decimals with −0.0 and
/// zeros to divide by, Vietnamese text, booleans, all with missing cells — must give the same column (type,
/// every cell) or the same error.
@Suite struct RowKernelDifferentialTests {
    static let rows = 3_000

    static func dataset(seed: UInt64) throws -> Dataset {
        var rng = DifferentialTests.SplitMix64(state: seed)
        func missing() -> Bool { rng.next() % 7 == 0 }
        func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
        let words = ["Ninh Bình", "ninh binh", "Hà Nội", "HÀ NỘI", "Bắc Kạn", "Kon Tum", "", "3", "true", "Đà Nẵng", "an giang"]
        let extremes: [Int64] = [0, 1, -1, 2, 10, 1 << 53, (1 << 53) + 1, -(1 << 53) - 1, 4_000_000_000_000_000, .max / 4]
        var ints: [Value] = [], small: [Value] = [], decimals: [Value] = [], texts: [Value] = [], flags: [Value] = []
        for _ in 0..<rows {
            ints.append(missing() ? .missing : .integer(pick(extremes) + Int64(rng.next() % 5)))
            small.append(missing() ? .missing : .integer(Int64(rng.next() % 21) - 10))
            decimals.append(missing() ? .missing : .decimal(pick([0, -0.0, 0.5, -2.25, 3.07, 1e-3, 9.75, 1e15, 2.5e-7])))
            texts.append(missing() ? .missing : .text(pick(words)))
            flags.append(missing() ? .missing : .boolean(rng.next() % 2 == 0))
        }
        let table = try Table(name: "t", columns: [
            Column(name: "big", type: .integer, values: ints), Column(name: "small", type: .integer, values: small),
            Column(name: "rate", type: .decimal, values: decimals), Column(name: "place", type: .text, values: texts),
            Column(name: "flag", type: .boolean, values: flags),
        ])
        return Dataset(table: table, origin: "generated")
    }

    /// A random expression of the row language, as typed.
    static func expression(_ rng: inout DifferentialTests.SplitMix64, depth: Int) -> String {
        func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
        let leaves = ["big", "small", "rate", "flag", "place", "2", "0", "-3", "2.5", "9007199254740993", "\"Ninh Bình\"", "\"ha noi\""]
        if depth == 0 || rng.next() % 4 == 0 { return pick(leaves) }
        let a = expression(&rng, depth: depth - 1), b = expression(&rng, depth: depth - 1)
        switch rng.next() % 9 {
        case 0, 1: return "(\(a) \(pick(["+", "-", "*", "/"])) \(b))"
        case 2, 3: return "(\(a) \(pick(["=", "!=", "<", "<=", ">", ">="])) \(b))"
        case 4: return "if(\(a), \(b), \(expression(&rng, depth: depth - 1)))"
        case 5: return "\(pick(["round", "abs", "log", "log10"]))(\(a))"
        case 6: return "round(\(a), \(pick(["0", "1", "2", "-1"])))"
        case 7: return "\(pick(["lower", "upper", "fold"]))(\(a))"
        default: return "-\(a)"
        }
    }

    @Test(arguments: 0..<4)
    func kernelsMatchCellByCellEvaluation(seed: Int) throws {
        let dataset = try Self.dataset(seed: UInt64(seed) &+ 77)
        let binder = Binder(dataset: dataset)
        var rng = DifferentialTests.SplitMix64(state: UInt64(seed) &* 31 &+ 5)
        var compared = 0, errors = 0
        for _ in 0..<60 {
            let text = Self.expression(&rng, depth: 3)
            guard let expression = try Parser.parse("let x = \(text)").definition?.expression else {
                Issue.record("'\(text)' did not parse as a definition")
                continue
            }
            let expected = Result { try CellByCellEvaluator(binder: binder).evaluate(expression, name: "x") }
            let actual = Result { try RowEvaluator(binder: binder).evaluate(expression, name: "x") }
            switch (expected, actual) {
            case (.success(let want), .success(let got)):
                #expect(got.type == want.type, "\(text): type")
                #expect(got.count == want.count, "\(text): rows")
                let differing = (0..<min(got.count, want.count)).filter { !Self.same(got.value(at: $0), want.value(at: $0)) }
                let example = differing.first.map { row -> String in "row \(row): \(got.value(at: row)) vs \(want.value(at: row))" } ?? ""
                #expect(differing.isEmpty, "\(text): \(differing.count) cells differ, e.g. \(example)")
                compared += 1
            case (.failure(let want as LanguageError), .failure(let got as LanguageError)):
                let sameError = got.message.en == want.message.en && got.message.vi == want.message.vi && got.span == want.span
                #expect(sameError, "\(text): error '\(got.message.en)' vs '\(want.message.en)'")
                errors += 1
            default:
                Issue.record("\(text): \(actual) vs \(expected)")
            }
        }
        // Most random expressions must be valid, or the test would only compare errors.
        #expect(compared > 20, "only \(compared) expressions evaluated (\(errors) errors)")
    }

    /// Equal cells; doubles bit for bit apart from the sign of zero (−0.0 and 0.0 print alike).
    static func same(_ a: Value, _ b: Value) -> Bool {
        if case .decimal(let x) = a, case .decimal(let y) = b { return x == y }
        return a == b
    }
}

/// The per-cell evaluation row expressions had before the column kernels, kept word for word as the
/// reference for the differential test above.
struct CellByCellEvaluator {
    let binder: Binder
    var table: Table { binder.table }

    /// Row-level functions and what they take.
    static let functions: [String: String] = [
        "if": "if(condition, then, else)", "round": "round(x) or round(x, places)", "abs": "abs(x)",
        "log": "log(x), the natural logarithm", "log10": "log10(x)", "lower": "lower(text)", "upper": "upper(text)",
        "fold": "fold(text): without accents, lower case",
    ]

    func evaluate(_ expression: Expression, name: String) throws -> Column {
        var column = try values(expression).materialise(name: name, rows: table.rowCount)
        column.name = name
        return column
    }

    /// A value per row, or one value for all rows.
    enum Values {
        case column(Column)
        case constant(Value)

        func materialise(name: String, rows: Int) -> Column {
            switch self {
            case .column(let c): return c
            case .constant(let v): return Column(name: name, values: Array(repeating: v, count: rows))
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
                    Message(en: "'\(name.text)' is a measure (\(measure.expression.sourceText)), computed per group, not per row",
                            vi: "'\(name.text)' là một chỉ số (\(measure.expression.sourceText)), tính theo nhóm chứ không theo dòng"),
                    at: name.span, example: "show \(NameSpelling.typed(name.text)) by province")
            }
            return .column(try binder.column(name))
        case .unary(_, let operand, let span):
            return try arithmetic("*", .constant(.integer(-1)), try values(operand), span)
        case .binary(let op, let a, let b, let span):
            return try arithmetic(op, try values(a), try values(b), span)
        case .comparison(let op, let a, let b, let span):
            return try compare(op, try values(a), try values(b), span)
        case .call(let function, let arguments, let span):
            return try call(function, arguments, span)
        }
    }

    // MARK: Arithmetic and comparison

    private func arithmetic(_ op: Character, _ a: Values, _ b: Values, _ span: SourceSpan) throws -> Values {
        let x = try numbers(a, span), y = try numbers(b, span)
        if x.constant != nil && y.constant != nil {
            let scalar = CellByCellEvaluator.apply(op, x.value(0), y.value(0))
            if let scalar, x.integral && y.integral && op != "/", let whole = Int64(exactly: scalar), abs(whole) < 1 << 53 {
                return .constant(.integer(whole))
            }
            guard let scalar else {
                // Missing for every row (a division by zero): still a number column.
                return .column(Column(name: "", type: .decimal, values: Array(repeating: .missing, count: table.rowCount)))
            }
            return .constant(.decimal(scalar))
        }
        let rows = max(x.count, y.count)
        var out = ContiguousArray<Double>(repeating: 0, count: rows)
        var present = [Bool](repeating: true, count: rows)
        for row in 0..<rows {
            guard let v = CellByCellEvaluator.apply(op, x.value(row), y.value(row)) else { present[row] = false; continue }
            out[row] = v
        }
        // Whole numbers stay whole under + - *, so `members + 1` prints as 6, not 6.00.
        let integral = op != "/" && x.integral && y.integral && out.allSatisfy { $0 == $0.rounded() && abs($0) < 9e15 }
        let storage: ColumnStorage = integral ? .integer(IntegerBuffer(narrowing: ContiguousArray(out.map { Int64($0) }))) : .decimal(out)
        return .column(Column(name: "", storage: storage, validity: ValidityBitmap(present)))
    }

    /// One arithmetic step; missing in, missing out; division by zero is missing, never infinity.
    static func apply(_ op: Character, _ l: Double?, _ r: Double?) -> Double? {
        guard let l, let r else { return nil }
        let v: Double
        switch op {
        case "+": v = l + r
        case "-": v = l - r
        case "*": v = l * r
        default: v = l / r
        }
        return v.isNaN || v.isInfinite ? nil : v
    }

    /// A cell as an exact number (booleans as 0 and 1, as elsewhere in arithmetic), or nil for text.
    static func exactNumber(_ value: Value) -> NumericConstant? {
        switch value {
        case .integer(let i): .integer(i)
        case .decimal(let d): .decimal(d)
        case .boolean, .missing, .text: value.number.map { .decimal($0) }
        }
    }

    private func compare(_ op: Comparison, _ a: Values, _ b: Values, _ span: SourceSpan) throws -> Values {
        let rows = table.rowCount
        var out = ContiguousArray<Bool>(repeating: false, count: rows)
        var present = [Bool](repeating: true, count: rows)
        let left = a.materialise(name: "", rows: rows), right = b.materialise(name: "", rows: rows)
        for row in 0..<rows {
            let l = left.value(at: row), r = right.value(at: row)
            if l.isMissing || r.isMissing { present[row] = false; continue }
            let order: Int
            if let x = CellByCellEvaluator.exactNumber(l), let y = CellByCellEvaluator.exactNumber(r) {
                // Exact: two whole numbers beyond 2^53 that one double would hold are still told apart.
                order = NumericConstant.isLess(x, y) ? -1 : (NumericConstant.isLess(y, x) ? 1 : 0)
            } else if case .boolean(let x) = l, case .boolean(let y) = r {
                order = x == y ? 0 : (x ? 1 : -1)
            } else {
                let x = TextFolding.fold(l.description), y = TextFolding.fold(r.description)
                order = x == y ? 0 : (VietnameseCollation.precedes(x, y) ? -1 : 1)
            }
            switch op {
            case .equal: out[row] = order == 0
            case .notEqual: out[row] = order != 0
            case .less: out[row] = order < 0
            case .lessOrEqual: out[row] = order <= 0
            case .greater: out[row] = order > 0
            case .greaterOrEqual: out[row] = order >= 0
            }
        }
        return .column(Column(name: "", storage: .boolean(out), validity: ValidityBitmap(present)))
    }

    // MARK: Functions

    private func call(_ function: Name, _ arguments: [Expression], _ span: SourceSpan) throws -> Values {
        let name = TextFolding.fold(function.text)
        if AggregateCall.functionNames.contains(name) {
            throw LanguageError(
                Message(en: "\(function.text)() combines rows; use it in a measure, not in a row formula",
                        vi: "\(function.text)() gộp nhiều dòng; hãy dùng trong measure, không dùng trong công thức theo dòng"),
                at: function.span, example: "measure avg_income = mean(income)")
        }
        func argument(_ i: Int) throws -> Values {
            guard i < arguments.count else {
                throw LanguageError(Message(en: "\(function.text) needs more arguments: \(CellByCellEvaluator.functions[name] ?? "")",
                                            vi: "\(function.text) cần thêm đối số: \(CellByCellEvaluator.functions[name] ?? "")"), at: span)
            }
            return try values(arguments[i])
        }
        switch name {
        case "if":
            let condition = try argument(0).materialise(name: "", rows: table.rowCount)
            let yes = try argument(1).materialise(name: "", rows: table.rowCount)
            let no = try argument(2).materialise(name: "", rows: table.rowCount)
            let cells = (0..<table.rowCount).map { row -> Value in
                guard case .boolean(let c) = condition.value(at: row) else { return condition.value(at: row).number.map { $0 != 0 ? yes.value(at: row) : no.value(at: row) } ?? .missing }
                return c ? yes.value(at: row) : no.value(at: row)
            }
            return .column(Column(name: "", values: cells))
        case "round":
            let x = try numbers(try argument(0), span)
            let scale = try decimalScale(arguments.count > 1 ? arguments[1] : nil)
            return mapNumbers(x) { roundedOrMissing($0, scale) ?? .nan }
        case "abs": return mapNumbers(try numbers(try argument(0), span)) { Swift.abs($0) }
        case "log": return mapNumbers(try numbers(try argument(0), span)) { $0 > 0 ? log($0) : .nan }
        case "log10": return mapNumbers(try numbers(try argument(0), span)) { $0 > 0 ? log10($0) : .nan }
        case "lower", "upper", "fold":
            let column = try argument(0).materialise(name: "", rows: table.rowCount)
            let transform: (String) -> String = name == "lower" ? { $0.lowercased() } : name == "upper" ? { $0.uppercased() } : TextFolding.fold
            if case .text(let text) = column.storage {
                // Once per distinct value, not per row.
                return .column(Column(name: "", values: (0..<column.count).map { row in
                    column.isPresent(row) ? .text(transform(text.dictionary[Int(text.codes[row])])) : .missing
                }))
            }
            return .column(Column(name: "", values: (0..<column.count).map { row in
                column.value(at: row).isMissing ? .missing : .text(transform(column.value(at: row).description))
            }))
        default:
            throw LanguageError(Message(en: "there is no function '\(function.text)'", vi: "không có hàm '\(function.text)'"),
                                at: function.span,
                                suggestions: Suggestions.nearest(function.text, among: Array(CellByCellEvaluator.functions.keys) + AggregateCall.functionNames.sorted()))
        }
    }

    // MARK: Numbers

    struct Numbers {
        var values: ContiguousArray<Double>
        var present: ValidityBitmap?
        var constant: Double??
        var integral: Bool
        var count: Int { constant != nil ? 0 : values.count }
        func value(_ row: Int) -> Double? {
            if let constant { return constant }
            return present?.isPresent(row) == false ? nil : values[row]
        }
    }

    private func numbers(_ v: Values, _ span: SourceSpan) throws -> Numbers {
        switch v {
        case .constant(let value):
            guard value.isMissing || value.number != nil else {
                throw LanguageError(Message(en: "'\(value)' is not a number", vi: "'\(value)' không phải là số"), at: span)
            }
            if case .integer = value { return Numbers(values: [], present: nil, constant: .some(value.number), integral: true) }
            return Numbers(values: [], present: nil, constant: .some(value.number), integral: false)
        case .column(let column):
            guard column.type != .text else {
                throw LanguageError(Message(en: "'\(column.name)' holds text, not numbers", vi: "cột '\(column.name)' chứa chữ, không phải số"), at: span)
            }
            let values = ContiguousArray((0..<column.count).map { column.value(at: $0).number ?? (column.value(at: $0) == .boolean(true) ? 1 : 0) })
            return Numbers(values: values, present: column.validity, constant: nil, integral: column.type != .decimal)
        }
    }

    private func mapNumbers(_ x: Numbers, _ f: (Double) -> Double) -> Values {
        if let constant = x.constant {
            // The same rule as for rows: a result that is not a finite number is missing.
            guard let c = constant, case let r = f(c), r.isFinite else {
                return .column(Column(name: "", type: .decimal, values: Array(repeating: .missing, count: table.rowCount)))
            }
            return .constant(.decimal(r))
        }
        var present = [Bool](repeating: true, count: x.values.count)
        let out = ContiguousArray(x.values.indices.map { row -> Double in
            guard let v = x.value(row) else { present[row] = false; return 0 }
            let r = f(v)
            if r.isNaN || r.isInfinite { present[row] = false; return 0 }
            return r
        })
        return .column(Column(name: "", storage: .decimal(out), validity: ValidityBitmap(present)))
    }
}
