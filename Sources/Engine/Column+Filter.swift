#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Filter kernels: each narrows a selection to the rows whose value passes, one column at a time.
/// Missing values never pass a comparison (SQL semantics); `selectMissing` asks for them explicitly.

public enum Comparison: String, Sendable, CaseIterable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

extension Column {
    /// Rows of `selection` whose number compares true against `constant`.
    /// - Throws: `EngineError.typeMismatch` for a text or boolean column.
    /// - Complexity: O(selection.count), split across cores for large selections.
    public func select(_ comparison: Comparison, _ constant: Double, from selection: Selection) throws -> Selection {
        try select(comparison, .decimal(constant), from: selection)
    }

    /// Rows of `selection` whose number compares true against `constant`, exactly: an integer column against
    /// a whole number compares 64-bit integers, and a decimal column against a whole number beyond 2^53
    /// compares without rounding the number.
    /// - Throws: `EngineError.typeMismatch` for a text or boolean column.
    /// - Complexity: O(selection.count), split across cores for large selections.
    public func select(_ comparison: Comparison, _ constant: NumericConstant, from selection: Selection) throws -> Selection {
        switch storage {
        case .integer(let buffer):
            if comparison == .notEqual {
                // x != c is (x < c) or (x > c); a non-integral c differs from every present value.
                if case .decimal(let d) = constant, d.rounded() != d { return selectMissing(false, from: selection) }
                return try select(.less, constant, from: selection).union(select(.greater, constant, from: selection))
            }
            guard let range = IntegerRange(comparison, constant) else { return .rows([]) }
            return selectInteger(buffer, range.low, range.high, from: selection)
        case .decimal(let values):
            let condition = DecimalCondition(comparison, constant)
            guard case .compare(let comparison, let constant) = condition else {
                return condition == .none ? .rows([]) : selectMissing(false, from: selection)
            }
            return values.withUnsafeBufferPointer { v in
                switch comparison {
                case .equal: filterRows(selection, validity) { v[$0] == constant }
                case .notEqual: filterRows(selection, validity) { v[$0] != constant }
                case .less: filterRows(selection, validity) { v[$0] < constant }
                case .lessOrEqual: filterRows(selection, validity) { v[$0] <= constant }
                case .greater: filterRows(selection, validity) { v[$0] > constant }
                case .greaterOrEqual: filterRows(selection, validity) { v[$0] >= constant }
                }
            }
        case .boolean, .text:
            throw EngineError.typeMismatch(column: name, expected: "a number", actual: type)
        }
    }

    /// Rows of `selection` whose integer value lies in `range` (inclusive).
    /// - Throws: `EngineError.typeMismatch` unless the column is integer.
    public func select(integersIn range: ClosedRange<Int64>, from selection: Selection) throws -> Selection {
        guard case .integer(let buffer) = storage else {
            throw EngineError.typeMismatch(column: name, expected: "whole numbers", actual: type)
        }
        return selectInteger(buffer, range.lowerBound, range.upperBound, from: selection)
    }

    /// Rows of `selection` whose text is one of the dictionary entries flagged in `mask` (indexed by code).
    ///
    /// The language decides which distinct strings match (accent-insensitively, by range, …) once per
    /// dictionary entry; this kernel then only tests codes.
    /// - Throws: `EngineError.typeMismatch` unless the column is text.
    public func select(codesIn mask: [Bool], from selection: Selection) throws -> Selection {
        guard case .text(let text) = storage else {
            throw EngineError.typeMismatch(column: name, expected: "text", actual: type)
        }
        precondition(mask.count == text.dictionary.count, "mask must flag every dictionary entry")
        return mask.withUnsafeBufferPointer { m in
            switch text.codes {
            case .int8(let c): c.withUnsafeBufferPointer { c in filterRows(selection, validity) { m[Int(c[$0])] } }
            case .int16(let c): c.withUnsafeBufferPointer { c in filterRows(selection, validity) { m[Int(c[$0])] } }
            case .int32(let c): c.withUnsafeBufferPointer { c in filterRows(selection, validity) { m[Int(c[$0])] } }
            case .int64(let c): c.withUnsafeBufferPointer { c in filterRows(selection, validity) { m[Int(c[$0])] } }
            }
        }
    }

    /// Rows of `selection` whose boolean equals `wanted`.
    /// - Throws: `EngineError.typeMismatch` unless the column is boolean.
    public func select(boolean wanted: Bool, from selection: Selection) throws -> Selection {
        guard case .boolean(let values) = storage else {
            throw EngineError.typeMismatch(column: name, expected: "true/false", actual: type)
        }
        return values.withUnsafeBufferPointer { v in filterRows(selection, validity) { v[$0] == wanted } }
    }

    /// Rows of `selection` that are missing (`true`) or present (`false`).
    public func selectMissing(_ missing: Bool, from selection: Selection) -> Selection {
        guard let validity else { return missing ? .rows([]) : selection }
        return filterRows(selection, nil) { validity.isPresent($0) != missing }
    }

    private func selectInteger(_ buffer: IntegerBuffer, _ low: Int64, _ high: Int64, from selection: Selection) -> Selection {
        switch buffer {
        case .int8(let v): integerRangeKernel(v, low, high, selection, validity)
        case .int16(let v): integerRangeKernel(v, low, high, selection, validity)
        case .int32(let v): integerRangeKernel(v, low, high, selection, validity)
        case .int64(let v): integerRangeKernel(v, low, high, selection, validity)
        }
    }
}

/// An integer comparison restated as an inclusive range, so one kernel serves `<`, `<=`, `=`, `>=`, `>`
/// whatever the constant (`members > 4.5` is `members >= 5`).
struct IntegerRange {
    let low: Int64, high: Int64

    /// The rows of an integer column that compare true against `constant`: a whole number exactly, in Int64.
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

/// Keeps rows whose value lies in `low...high`, compared at the column's own width so the loop vectorises.
func integerRangeKernel<T: FixedWidthInteger & SignedInteger>(
    _ values: ContiguousArray<T>, _ low: Int64, _ high: Int64, _ selection: Selection, _ validity: ValidityBitmap?
) -> Selection {
    if low > Int64(T.max) || high < Int64(T.min) || low > high { return .rows([]) }
    let lo = T(max(low, Int64(T.min))), hi = T(min(high, Int64(T.max)))
    return values.withUnsafeBufferPointer { v in
        filterRows(selection, validity) { v[$0] >= lo && v[$0] <= hi }
    }
}

/// The one scan every filter kernel uses: keeps the rows of `selection` that are present and pass `keep`.
///
/// Branch-free: every row index is written and the write position advances only when the row is kept,
/// so a filter that keeps half the rows costs no mispredicted branches. Large selections are split across
/// cores; each piece writes into its own part of one output buffer, and the pieces are then packed.
/// - Complexity: O(selection.count).
@inline(__always)
func filterRows(_ selection: Selection, _ validity: ValidityBitmap?, _ keep: (Int) -> Bool) -> Selection {
    let total = selection.count
    let ranges = Parallel.ranges(total)
    var keptTotal = 0
    let output = ContiguousArray<Int32>(unsafeUninitializedCapacity: max(total, 1)) { out, initialised in
        let base = out.baseAddress!
        func scan(_ range: Range<Int>, _ rowAt: (Int) -> Int) -> Int {
            var k = range.lowerBound
            if let validity {
                for i in range {
                    let row = rowAt(i)
                    base[k] = Int32(truncatingIfNeeded: row)
                    k &+= (validity.isPresent(row) && keep(row)) ? 1 : 0
                }
            } else {
                for i in range {
                    let row = rowAt(i)
                    base[k] = Int32(truncatingIfNeeded: row)
                    k &+= keep(row) ? 1 : 0
                }
            }
            return k - range.lowerBound
        }
        let kept: [Int]
        switch selection {
        case .all:
            kept = Parallel.map(ranges.count) { scan(ranges[$0]) { $0 } }
        case .rows(let rows):
            kept = rows.withUnsafeBufferPointer { r in Parallel.map(ranges.count) { scan(ranges[$0]) { Int(r[$0]) } } }
        }
        keptTotal = packPieces(base, ranges, kept)
        initialised = keptTotal
    }
    if case .all(let n) = selection, keptTotal == n { return .all(count: n) }
    return .rows(output)
}
