/// A number written in a statement, kept as exact as it was written: a whole number is an `Int64` (all 64
/// bits, so `9007199254740993` is not rounded to `9007199254740992` as a double would), anything else a
/// `Double`.
public enum NumericConstant: Sendable, Hashable, CustomStringConvertible {
    case integer(Int64)
    case decimal(Double)

    /// The nearest double (rounded for whole numbers beyond 2^53).
    public var asDouble: Double {
        switch self {
        case .integer(let i): Double(i)
        case .decimal(let d): d
        }
    }

    /// `9007199254740993`, `6.8`, `2021` (a decimal that is whole and small prints without a point).
    public var description: String {
        switch self {
        case .integer(let i): String(i)
        case .decimal(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        }
    }

    /// Whether `a < b`, exactly: a whole number and a double are compared without rounding either.
    public static func isLess(_ a: NumericConstant, _ b: NumericConstant) -> Bool {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x < y
        case (.decimal(let x), .decimal(let y)): return x < y
        case (.integer(let x), .decimal(let y)): return compare(x, y) < 0
        case (.decimal(let x), .integer(let y)): return compare(y, x) > 0
        }
    }

    /// -1, 0 or 1 as `i` is below, equal to or above `d`, without rounding (NaN counts as above everything).
    static func compare(_ i: Int64, _ d: Double) -> Int {
        if d.isNaN { return -1 }
        // 2^63 is the first double above every Int64; -2^63 is Int64.min itself.
        if d >= 9_223_372_036_854_775_808.0 { return -1 }
        if d < -9_223_372_036_854_775_808.0 { return 1 }
        let whole = d.rounded(.down)
        let w = Int64(whole)
        if i != w { return i < w ? -1 : 1 }
        return whole == d ? 0 : -1  // i equals the floor of d; below d when d has a fraction
    }
}

/// A comparison of a decimal column's values against a constant, restated as one exact comparison of
/// doubles (or as all / none of the present rows).
///
/// Against a whole number no double can hold (beyond 2^53, say 9007199254740993), `x < c` is `x <= below`
/// and `x > c` is `x >= above`, with `below` and `above` the doubles on either side of `c`; `x = c` never holds.
enum DecimalCondition: Equatable {
    case compare(Comparison, Double)
    case none
    case allPresent

    init(_ comparison: Comparison, _ constant: NumericConstant) {
        guard case .integer(let c) = constant else {
            self = .compare(comparison, constant.asDouble)
            return
        }
        let nearest = Double(c)
        if NumericConstant.compare(c, nearest) == 0 {
            self = .compare(comparison, nearest)
            return
        }
        let above = NumericConstant.compare(c, nearest) < 0 ? nearest : nearest.nextUp
        let below = NumericConstant.compare(c, nearest) < 0 ? nearest.nextDown : nearest
        switch comparison {
        case .equal: self = .none
        case .notEqual: self = .allPresent
        case .less, .lessOrEqual: self = .compare(.lessOrEqual, below)
        case .greater, .greaterOrEqual: self = .compare(.greaterOrEqual, above)
        }
    }
}
