import Foundation

/// The numbers one side of an arithmetic step reads: a column's values as doubles with its validity, or one
/// number for every row.
public struct NumberOperand {
    enum Source {
        case values(ContiguousArray<Double>, ValidityBitmap?)
        case constant(Double)
    }
    let source: Source
    /// Whole numbers (integers and booleans), so `+ - *` of two such give whole numbers.
    public let integral: Bool
    /// Every number is an exact decimal of at most this many places (`ExactDecimal`), or nil.
    public let places: Int?

    /// A column's numbers (booleans as 0 and 1), or nil for a text column.
    public init?(_ column: Column) {
        guard let values = column.doubleValues() else { return nil }
        source = .values(values, column.validity)
        integral = column.type != .decimal
        places = column.type == .decimal ? column.annotations.decimalPlaces : 0
    }

    /// One number for every row; a literal's places are those of its shortest spelling (`0.70` has 1).
    public init(constant: Double, integral: Bool) {
        source = .constant(constant)
        self.integral = integral
        places = integral ? 0 : ExactDecimal.places(of: constant)
    }
}

public enum ArithmeticOperator: Character, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"

    /// One step on two numbers; missing in, missing out; a result that is not a finite number (a division by
    /// zero) is missing, never infinity.
    @inline(__always)
    public func apply(_ l: Double, _ r: Double) -> Double? {
        let v: Double
        switch self {
        case .add: v = l + r
        case .subtract: v = l - r
        case .multiply: v = l * r
        case .divide: v = l / r
        }
        return v.isFinite ? v : nil
    }
}

/// The one-number functions of row expressions.
public enum NumberFunction: Sendable {
    /// Half away from zero at `scale` (10^places).
    case round(scale: Double)
    case abs, log, log10

    /// The function's value, or nil where it is not a finite number (log of 0 or less, an overflow).
    @inline(__always)
    public func apply(_ x: Double) -> Double? {
        let r: Double
        switch self {
        case .round(let scale): r = roundHalfAwayFromZero(x, scale: scale)
        case .abs: r = Swift.abs(x)
        case .log: r = x > 0 ? Foundation.log(x) : .nan
        case .log10: r = x > 0 ? Foundation.log10(x) : .nan
        }
        return r.isFinite ? r : nil
    }
}

/// x rounded half away from zero at `scale` (10^places; 0.1 for tens).
public func roundHalfAwayFromZero(_ x: Double, scale: Double) -> Double {
    (x * scale).rounded(.toNearestOrAwayFromZero) / scale
}

extension RowKernel {
    /// `a op b` row by row, over `rows` rows (at least one side is a column). Exact decimals stay exact
    /// (`exactArithmetic`). Whole numbers stay whole under
    /// `+ - *` (an integer column, so `members + 1` prints as 6, not 6.00) while every result is below 9·10^15;
    /// otherwise a decimal column. Missing on either side, or a result that is not finite, is missing.
    /// - Complexity: O(rows).
    public static func arithmetic(_ op: ArithmeticOperator, _ a: NumberOperand, _ b: NumberOperand, rows: Int) -> Column {
        // Decimals known exactly (`3.40 - 2.70`) stay exact under + - *; whole numbers keep the path below.
        if op != .divide && !(a.integral && b.integral), let exact = exactArithmetic(op, a, b, rows: rows) { return exact }
        var out = ContiguousArray<Double>(repeating: 0, count: rows)
        var present = ValidityBitmap.both(a.validity, b.validity) ?? ValidityBitmap(count: rows, allPresent: true)
        out.withUnsafeMutableBufferPointer { o in
            a.withValues(rows) { x in
                b.withValues(rows) { y in
                    for row in 0..<rows {
                        if let v = op.apply(x(row), y(row)) { o[row] = v } else { present.set(row, present: false) }
                    }
                }
            }
        }
        // Rows missing on a side hold the buffer's slot; their result is zeroed so it cannot spoil the test below.
        for row in 0..<rows where !present.isPresent(row) { out[row] = 0 }
        let integral = op != .divide && a.integral && b.integral && out.allSatisfy { $0 == $0.rounded() && Swift.abs($0) < 9e15 }
        let storage: ColumnStorage = integral ? .integer(IntegerBuffer(narrowing: ContiguousArray(out.lazy.map { Int64($0) }))) : .decimal(out)
        return Column(name: "", storage: storage, validity: present)
    }

    /// `function(x)` row by row: a decimal column, missing where x is missing or the result is not finite.
    /// - Complexity: O(rows).
    public static func map(_ function: NumberFunction, _ x: NumberOperand, rows: Int) -> Column {
        var out = ContiguousArray<Double>(repeating: 0, count: rows)
        var present = x.validity ?? ValidityBitmap(count: rows, allPresent: true)
        out.withUnsafeMutableBufferPointer { o in
            x.withValues(rows) { value in
                for row in 0..<rows where present.isPresent(row) {
                    if let r = function.apply(value(row)) { o[row] = r } else { present.set(row, present: false) }
                }
            }
        }
        return Column(name: "", storage: .decimal(out), validity: present)
    }
}

extension NumberOperand {
    var validity: ValidityBitmap? {
        switch source {
        case .values(_, let validity): validity
        case .constant: nil
        }
    }

    /// Calls `body` with a reader of row values: the buffer, or the constant for every row.
    @inline(__always)
    func withValues<R>(_ rows: Int, _ body: ((Int) -> Double) -> R) -> R {
        switch source {
        case .values(let values, _):
            return values.withUnsafeBufferPointer { v in body { v[$0] } }
        case .constant(let value):
            return body { _ in value }
        }
    }
}
