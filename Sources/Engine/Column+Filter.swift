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
        switch storage {
        case .integer(let buffer):
            if comparison == .notEqual {
                // x != c is (x < c) or (x > c); a non-integral c differs from every present value.
                guard constant.rounded() == constant else { return selectMissing(false, from: selection) }
                return try select(.less, constant, from: selection).union(select(.greater, constant, from: selection))
            }
            guard let range = IntegerRange(comparison, constant) else { return .rows([]) }
            return selectInteger(buffer, range.low, range.high, from: selection)
        case .decimal(let values):
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

    init?(_ comparison: Comparison, _ c: Double) {
        guard !c.isNaN else { return nil }
        func clamp(_ x: Double) -> Int64 {
            x >= 9.2e18 ? Int64.max : x <= -9.2e18 ? Int64.min : Int64(x)
        }
        switch comparison {
        case .equal:
            guard c.rounded() == c else { return nil }
            low = clamp(c); high = low
        case .less: low = .min; high = clamp(c.rounded(.up) - 1)
        case .lessOrEqual: low = .min; high = clamp(c.rounded(.down))
        case .greater: low = clamp(c.rounded(.down) + 1); high = .max
        case .greaterOrEqual: low = clamp(c.rounded(.up)); high = .max
        case .notEqual: return nil
        }
        if low > high { return nil }
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
/// Large selections are split across cores; the pieces are joined in row order.
@inline(__always)
func filterRows(_ selection: Selection, _ validity: ValidityBitmap?, _ keep: (Int) -> Bool) -> Selection {
    func scan(_ range: Range<Int>, _ rowAt: (Int) -> Int) -> ContiguousArray<Int32> {
        var out = ContiguousArray<Int32>()
        out.reserveCapacity(min(range.count, 1 << 16))
        if let validity {
            for i in range { let row = rowAt(i); if validity.isPresent(row) && keep(row) { out.append(Int32(row)) } }
        } else {
            for i in range { let row = rowAt(i); if keep(row) { out.append(Int32(row)) } }
        }
        return out
    }
    let parts: [ContiguousArray<Int32>]
    switch selection {
    case .all(let n):
        let ranges = Parallel.ranges(n)
        parts = Parallel.map(ranges.count) { scan(ranges[$0]) { $0 } }
        let kept = parts.reduce(0) { $0 + $1.count }
        if kept == n { return .all(count: n) }
    case .rows(let rows):
        let ranges = Parallel.ranges(rows.count)
        parts = rows.withUnsafeBufferPointer { r in Parallel.map(ranges.count) { scan(ranges[$0]) { Int(r[$0]) } } }
    }
    if parts.count == 1 { return .rows(parts[0]) }
    var joined = ContiguousArray<Int32>()
    joined.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    for part in parts { joined.append(contentsOf: part) }
    return .rows(joined)
}
