/// Comparisons restated as sets of closed intervals (sorted, disjoint), so that one kernel test — "is the
/// value inside one of these intervals" — serves `=`, `!=`, `<`, `<=`, `>`, `>=`, ranges and lists.
enum IntervalSet {
    /// The integers that compare true against `constant`: none, one range, or two for `!=`.
    static func integers(_ comparison: Comparison, _ constant: NumericConstant) -> [ClosedRange<Int64>] {
        guard comparison == .notEqual else {
            return IntegerRange(comparison, constant).map { [$0.low...$0.high] } ?? []
        }
        // x != c is (x < c) or (x > c); a non-integral c (or NaN) differs from every integer.
        if case .decimal(let d) = constant, d.rounded() != d { return [Int64.min...Int64.max] }
        return [IntegerRange(.less, constant), IntegerRange(.greater, constant)].compactMap { $0 }.map { $0.low...$0.high }
    }

    /// The doubles that compare true against `constant`. An open bound becomes the next double inwards
    /// (`x > c` is `x >= c.nextUp`), which is exact for every non-NaN `x`, −0.0 and the infinities included.
    static func decimals(_ comparison: Comparison, _ constant: NumericConstant) -> [ClosedRange<Double>] {
        let everything = -Double.infinity...Double.infinity
        switch DecimalCondition(comparison, constant) {
        case .none: return []
        case .allPresent: return [everything]
        case .compare(let comparison, let c):
            // NaN compares false with everything, so only `!=` keeps a row.
            if c.isNaN { return comparison == .notEqual ? [everything] : [] }
            switch comparison {
            case .equal: return [c...c]
            case .lessOrEqual: return [-Double.infinity...c]
            case .greaterOrEqual: return [c...Double.infinity]
            case .less: return c == -.infinity ? [] : [-Double.infinity...c.nextDown]
            case .greater: return c == .infinity ? [] : [c.nextUp...Double.infinity]
            case .notEqual:
                return (c == -.infinity ? [] : [-Double.infinity...c.nextDown]) + (c == .infinity ? [] : [c.nextUp...Double.infinity])
            }
        }
    }

    /// The values in both sets, as a sorted disjoint set. - Complexity: O(a.count + b.count).
    static func intersection<T: Comparable>(_ a: [ClosedRange<T>], _ b: [ClosedRange<T>]) -> [ClosedRange<T>] {
        var out: [ClosedRange<T>] = []
        var i = 0, j = 0
        while i < a.count, j < b.count {
            let low = max(a[i].lowerBound, b[j].lowerBound), high = min(a[i].upperBound, b[j].upperBound)
            if low <= high { out.append(low...high) }
            // The interval that ends first can meet nothing further in the other set.
            if a[i].upperBound < b[j].upperBound { i += 1 } else { j += 1 }
        }
        return out
    }
}

/// An integer comparison restated as an inclusive range, so one kernel serves `<`, `<=`, `=`, `>=`, `>`
/// whatever the constant (`members > 4.5` is `members >= 5`).
struct IntegerRange {
    let low: Int64, high: Int64

    /// The integers that compare true against `constant` (a whole number exactly, in Int64), or nil for none
    /// (and for `!=`, which is two ranges: see `IntervalSet.integers`).
    init?(_ comparison: Comparison, _ constant: NumericConstant) {
        guard case .integer(let c) = constant else {
            self.init(comparison, constant.asDouble)
            return
        }
        switch comparison {
        case .equal: self.init(low: c, high: c)
        case .less: guard c > .min else { return nil }; self.init(low: .min, high: c - 1)
        case .lessOrEqual: self.init(low: .min, high: c)
        case .greater: guard c < .max else { return nil }; self.init(low: c + 1, high: .max)
        case .greaterOrEqual: self.init(low: c, high: .max)
        case .notEqual: return nil
        }
    }

    private init(low: Int64, high: Int64) {
        self.low = low
        self.high = high
    }

    init?(_ comparison: Comparison, _ c: Double) {
        guard !c.isNaN else { return nil }
        // 2^63 is the first double beyond Int64; -2^63 is Int64.min itself. The ±1 is done in Int64,
        // where it is exact (above 2^53 a double would lose it).
        let low: Int64, high: Int64
        let beyondTop = c >= 9_223_372_036_854_775_808.0, belowBottom = c < -9_223_372_036_854_775_808.0
        switch comparison {
        case .equal:
            guard let exact = Int64(exactly: c) else { return nil }
            low = exact; high = exact
        case .less:
            if beyondTop { low = .min; high = .max; break }
            guard !belowBottom, case let ceiling = Int64(c.rounded(.up)), ceiling > .min else { return nil }
            low = .min; high = ceiling - 1
        case .lessOrEqual:
            if beyondTop { low = .min; high = .max; break }
            guard !belowBottom else { return nil }
            low = .min; high = Int64(c.rounded(.down))
        case .greater:
            if belowBottom { low = .min; high = .max; break }
            guard !beyondTop, case let floor = Int64(c.rounded(.down)), floor < .max else { return nil }
            low = floor + 1; high = .max
        case .greaterOrEqual:
            if belowBottom { low = .min; high = .max; break }
            guard !beyondTop else { return nil }
            low = Int64(c.rounded(.up)); high = .max
        case .notEqual:
            return nil
        }
        if low > high { return nil }
        self.init(low: low, high: high)
    }
}
