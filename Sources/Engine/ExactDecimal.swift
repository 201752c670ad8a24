/// Decimals known exactly although they are stored as doubles.
///
/// A column read from text such as `3.40` records its decimal places (`ColumnAnnotations.decimalPlaces`);
/// each of its doubles is the one nearest to an integer n divided by 10^places. While |n| < 10^15 (15
/// significant digits, as a spreadsheet keeps) that n is recovered exactly by round(x · 10^places): the
/// double's relative error is at most 2^-53, so the product is within 0.25 of n. Sums, differences and
/// products are then computed on the integers and stored again as the nearest double, so `3.40 - 2.70`
/// is the double that `0.70` reads as, and comparing the two doubles is comparing the decimals: rounding to
/// the nearest double keeps order, and two different decimals of at most 15 significant digits never share
/// a double.
public enum ExactDecimal {
    /// The largest scaled integer kept exact: 15 digits.
    public static let largestScaled: Int64 = 999_999_999_999_999
    /// More places than this and no value of 1 or more would fit in 15 digits.
    public static let maximumPlaces = 15

    /// 10^0 … 10^18, exact as integers; the first 23 are exact as doubles too.
    public static let integerPowers: [Int64] = (0...18).map { e in (0..<e).reduce(Int64(1)) { r, _ in r * 10 } }
    static let doublePowers: [Double] = (0...maximumPlaces).map { Double(integerPowers[$0]) }

    /// The integer n whose n / 10^places reads as exactly `x`, or nil when there is none within 15 digits.
    @inline(__always)
    public static func scaled(_ x: Double, places: Int) -> Int64? {
        guard places >= 0, places <= maximumPlaces else { return nil }
        let power = doublePowers[places]
        let r = (x * power).rounded()
        guard r.magnitude <= Double(largestScaled) else { return nil }
        let n = Int64(r)
        // Both operands are exact, so the quotient is correctly rounded: the nearest double to n / 10^places.
        return Double(n) / power == x ? n : nil
    }

    /// The double nearest to n / 10^places, or nil beyond 15 digits.
    @inline(__always)
    public static func double(_ n: Int64, places: Int) -> Double? {
        guard places >= 0, places <= maximumPlaces, n.magnitude <= UInt64(largestScaled) else { return nil }
        return Double(n) / doublePowers[places]
    }

    /// The fewest decimal places that write `x` exactly within 15 significant digits (`0.7` and `0.70`
    /// typed in a statement are the same double, so 1), or nil for a double no such decimal reads as.
    public static func places(of x: Double) -> Int? {
        guard x.isFinite else { return nil }
        // Swift prints the shortest digits that read back as the same double: `0.7`, `1e-05`, `1.5e+20`.
        let text = "\(x.magnitude)"
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts[0]
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        var fraction = 0
        if let point = mantissa.firstIndex(of: ".") {
            let digits = mantissa[mantissa.index(after: point)...]
            fraction = digits == "0" ? 0 : digits.count
        }
        let places = max(0, fraction - exponent)
        return scaled(x, places: places) != nil ? places : nil
    }

    /// `a op b` for `+`, `-` and `*` on two exact decimals, with the result's places (the larger for + and -,
    /// the sum for *), or nil when the result needs more than 15 digits or more places.
    @inline(__always)
    public static func combine(_ op: Character, _ a: Int64, _ aPlaces: Int, _ b: Int64, _ bPlaces: Int) -> (value: Int64, places: Int)? {
        if op == "*" {
            let places = aPlaces + bPlaces
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            guard !overflow, places <= maximumPlaces, product.magnitude <= UInt64(largestScaled) else { return nil }
            return (product, places)
        }
        let places = max(aPlaces, bPlaces)
        guard let x = rescaled(a, from: aPlaces, to: places), let y = rescaled(b, from: bPlaces, to: places) else { return nil }
        // Both have at most 15 digits after rescaling, so neither + nor - can overflow 64 bits.
        let result = op == "+" ? x + y : x - y
        guard result.magnitude <= UInt64(largestScaled) else { return nil }
        return (result, places)
    }

    /// n / 10^from written with `to` places (to >= from), or nil beyond 15 digits.
    @inline(__always)
    static func rescaled(_ n: Int64, from: Int, to: Int) -> Int64? {
        guard to >= from, to <= maximumPlaces else { return nil }
        let (r, overflow) = n.multipliedReportingOverflow(by: integerPowers[to - from])
        guard !overflow, r.magnitude <= UInt64(largestScaled) else { return nil }
        return r
    }

    /// `x op y` for two literals of a statement (`0.1 + 0.2` is 0.3), or nil when either is no short decimal.
    public static func literals(_ op: Character, _ x: Double, _ y: Double) -> Double? {
        guard let xPlaces = places(of: x), let yPlaces = places(of: y) else { return nil }
        return apply(op, x, xPlaces, y, yPlaces)?.value
    }

    /// `x - y` for two figures of an answer (compare's first and last period): exact when each is the double
    /// of a decimal of at most 15 digits, as every figure read from text is (`3.40 - 2.70` is 0.70), else
    /// the doubles' difference.
    public static func difference(_ x: Double, _ y: Double) -> Double {
        if let xPlaces = places(of: x), let yPlaces = places(of: y), let exact = apply("-", x, xPlaces, y, yPlaces) { return exact.value }
        return x - y
    }

    /// `x op y` on two doubles known as decimals of `xPlaces` and `yPlaces`: the double nearest to the exact
    /// result and its places, or nil when either is not such a decimal or the result does not fit.
    @inline(__always)
    public static func apply(_ op: Character, _ x: Double, _ xPlaces: Int, _ y: Double, _ yPlaces: Int) -> (value: Double, places: Int)? {
        guard let a = scaled(x, places: xPlaces), let b = scaled(y, places: yPlaces),
              let (n, places) = combine(op, a, xPlaces, b, yPlaces), let value = double(n, places: places) else { return nil }
        return (value, places)
    }
}
