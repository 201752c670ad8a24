#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A filter condition applied to a block of rows at once: it clears the mask bytes of the rows that fail
/// (or are missing). Several conditions on one block are AND-ed before any row index is written, so a
/// query with several filters makes one pass and no intermediate selection (vectorised execution, as in
/// MonetDB/X100 and DuckDB).
public struct RowPredicate {
    /// (first row, row count, mask): clears `mask[i]` where row `first + i` fails.
    let refine: (Int, Int, UnsafeMutablePointer<UInt8>) -> Void
}

extension Column {
    /// `value comparison constant`, or nil for `!=` (which the caller composes from two conditions).
    /// - Throws: `EngineError.typeMismatch` for text and boolean columns.
    public func predicate(_ comparison: Comparison, _ constant: Double) throws -> RowPredicate? {
        try predicate(comparison, .decimal(constant))
    }

    /// `value comparison constant`, exactly (whole numbers as Int64, as in `select`), or nil for `!=`.
    /// - Throws: `EngineError.typeMismatch` for text and boolean columns.
    public func predicate(_ comparison: Comparison, _ constant: NumericConstant) throws -> RowPredicate? {
        guard comparison != .notEqual else { return nil }
        switch storage {
        case .integer(let buffer):
            guard let range = IntegerRange(comparison, constant) else {
                return RowPredicate { _, count, mask in mask.update(repeating: 0, count: count) }
            }
            return integerPredicate(buffer, range.low, range.high)
        case .decimal(let values):
            let validity = self.validity
            let condition = DecimalCondition(comparison, constant)
            guard case .compare(let comparison, let constant) = condition else {
                // `!=` never gets here, so the only other outcome is "no row".
                return RowPredicate { _, count, mask in mask.update(repeating: 0, count: count) }
            }
            return RowPredicate { first, count, mask in
                values.withUnsafeBufferPointer { v in
                    let x = v.baseAddress! + first
                    switch comparison {
                    case .equal: for i in 0..<count { mask[i] &= x[i] == constant ? 1 : 0 }
                    case .less: for i in 0..<count { mask[i] &= x[i] < constant ? 1 : 0 }
                    case .lessOrEqual: for i in 0..<count { mask[i] &= x[i] <= constant ? 1 : 0 }
                    case .greater: for i in 0..<count { mask[i] &= x[i] > constant ? 1 : 0 }
                    case .greaterOrEqual: for i in 0..<count { mask[i] &= x[i] >= constant ? 1 : 0 }
                    case .notEqual: break
                    }
                }
                validity?.clearMissing(first, count, mask)
            }
        case .boolean, .text:
            throw EngineError.typeMismatch(column: name, expected: "a number", actual: type)
        }
    }

    /// `low <= value <= high` on an integer column.
    /// - Throws: `EngineError.typeMismatch` unless the column is integer.
    public func predicate(integersIn range: ClosedRange<Int64>) throws -> RowPredicate {
        guard case .integer(let buffer) = storage else {
            throw EngineError.typeMismatch(column: name, expected: "whole numbers", actual: type)
        }
        return integerPredicate(buffer, range.lowerBound, range.upperBound)
    }

    /// Text whose dictionary code is flagged in `mask`.
    /// - Throws: `EngineError.typeMismatch` unless the column is text.
    public func predicate(codesIn codeMask: [Bool]) throws -> RowPredicate {
        guard case .text(let text) = storage else {
            throw EngineError.typeMismatch(column: name, expected: "text", actual: type)
        }
        let flags = codeMask.map { UInt8($0 ? 1 : 0) }
        let validity = self.validity
        func run<T: FixedWidthInteger>(_ codes: ContiguousArray<T>) -> RowPredicate {
            RowPredicate { first, count, mask in
                codes.withUnsafeBufferPointer { c in
                    flags.withUnsafeBufferPointer { f in
                        let x = c.baseAddress! + first
                        for i in 0..<count { mask[i] &= f[Int(x[i])] }
                    }
                }
                validity?.clearMissing(first, count, mask)
            }
        }
        switch text.codes {
        case .int8(let c): return run(c)
        case .int16(let c): return run(c)
        case .int32(let c): return run(c)
        case .int64(let c): return run(c)
        }
    }

    /// A boolean equal to `wanted`.
    /// - Throws: `EngineError.typeMismatch` unless the column is boolean.
    public func predicate(boolean wanted: Bool) throws -> RowPredicate {
        guard case .boolean(let values) = storage else {
            throw EngineError.typeMismatch(column: name, expected: "true/false", actual: type)
        }
        let validity = self.validity
        return RowPredicate { first, count, mask in
            values.withUnsafeBufferPointer { v in
                for i in 0..<count { mask[i] &= v[first + i] == wanted ? 1 : 0 }
            }
            validity?.clearMissing(first, count, mask)
        }
    }

    private func integerPredicate(_ buffer: IntegerBuffer, _ low: Int64, _ high: Int64) -> RowPredicate {
        let validity = self.validity
        func run<T: FixedWidthInteger & SignedInteger>(_ values: ContiguousArray<T>) -> RowPredicate {
            if low > Int64(T.max) || high < Int64(T.min) || low > high {
                return RowPredicate { _, count, mask in mask.update(repeating: 0, count: count) }
            }
            let lo = T(max(low, Int64(T.min))), hi = T(min(high, Int64(T.max)))
            return RowPredicate { first, count, mask in
                values.withUnsafeBufferPointer { v in
                    let x = v.baseAddress! + first
                    for i in 0..<count { mask[i] &= (x[i] >= lo && x[i] <= hi) ? 1 : 0 }
                }
                validity?.clearMissing(first, count, mask)
            }
        }
        switch buffer {
        case .int8(let v): return run(v)
        case .int16(let v): return run(v)
        case .int32(let v): return run(v)
        case .int64(let v): return run(v)
        }
    }
}

extension ValidityBitmap {
    /// Clears the mask bytes of missing rows among `first ..< first + count`.
    @inline(__always)
    func clearMissing(_ first: Int, _ count: Int, _ mask: UnsafeMutablePointer<UInt8>) {
        for i in 0..<count where !isPresent(first + i) { mask[i] = 0 }
    }
}

/// The rows of a whole table that pass every predicate, in one pass over blocks of rows split across cores.
/// - Complexity: O(rows × predicates), with no intermediate selection.
public func selectRows(count rows: Int, where predicates: [RowPredicate]) -> Selection {
    let blockSize = 4096
    let ranges = Parallel.ranges(rows)
    var keptTotal = 0
    let output = ContiguousArray<Int32>(unsafeUninitializedCapacity: max(rows, 1)) { out, initialised in
        let base = out.baseAddress!
        let kept = Parallel.map(ranges.count) { piece -> Int in
            let range = ranges[piece]
            let mask = UnsafeMutablePointer<UInt8>.allocate(capacity: blockSize)
            defer { mask.deallocate() }
            var k = range.lowerBound
            var first = range.lowerBound
            while first < range.upperBound {
                let count = min(blockSize, range.upperBound - first)
                mask.update(repeating: 1, count: count)
                for predicate in predicates { predicate.refine(first, count, mask) }
                for i in 0..<count {
                    base[k] = Int32(truncatingIfNeeded: first + i)
                    k &+= Int(mask[i])
                }
                first += count
            }
            return k - range.lowerBound
        }
        keptTotal = packPieces(base, ranges, kept)
        initialised = keptTotal
    }
    if keptTotal == rows { return .all(count: rows) }
    return .rows(output)
}

/// Joins the row indices that parallel pieces of a scan wrote at the starts of their own ranges: each
/// piece's kept prefix moves down behind the one before (the moves overlap, hence memmove).
/// - Returns: the number of row indices kept in all.
func packPieces(_ base: UnsafeMutablePointer<Int32>, _ ranges: [Range<Int>], _ kept: [Int]) -> Int {
    var end = 0
    for (range, count) in zip(ranges, kept) {
        if range.lowerBound != end, count > 0 { memmove(base + end, base + range.lowerBound, count * MemoryLayout<Int32>.stride) }
        end += count
    }
    return end
}
