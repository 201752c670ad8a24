/// Integers in the narrowest signed width that holds every value of the column.
///
/// A year column fits in 16 bits and a 0/1 flag in 8, so a 10-million-row household table keeps most of its
/// integer columns at one or two bytes per row. Dictionary codes use the same storage.
public enum IntegerBuffer: Sendable, Equatable {
    case int8(ContiguousArray<Int8>)
    case int16(ContiguousArray<Int16>)
    case int32(ContiguousArray<Int32>)
    case int64(ContiguousArray<Int64>)

    /// The narrowest buffer holding `values`. - Complexity: O(n).
    public init(narrowing values: ContiguousArray<Int64>) {
        guard let low = values.min(), let high = values.max() else {
            self = .int8([])
            return
        }
        self.init(narrowing: values, low: low, high: high)
    }

    /// The narrowest buffer holding `values`, whose range the caller already knows.
    public init(narrowing values: ContiguousArray<Int64>, low: Int64, high: Int64) {
        if low >= Int64(Int8.min), high <= Int64(Int8.max) {
            self = .int8(ContiguousArray(values.lazy.map { Int8(truncatingIfNeeded: $0) }))
        } else if low >= Int64(Int16.min), high <= Int64(Int16.max) {
            self = .int16(ContiguousArray(values.lazy.map { Int16(truncatingIfNeeded: $0) }))
        } else if low >= Int64(Int32.min), high <= Int64(Int32.max) {
            self = .int32(ContiguousArray(values.lazy.map { Int32(truncatingIfNeeded: $0) }))
        } else {
            self = .int64(values)
        }
    }

    /// Codes `0..<distinctCount` in the narrowest width.
    public init(codes: ContiguousArray<Int32>, distinctCount: Int) {
        if distinctCount <= Int(Int8.max) + 1 {
            self = .int8(ContiguousArray(codes.lazy.map { Int8(truncatingIfNeeded: $0) }))
        } else if distinctCount <= Int(Int16.max) + 1 {
            self = .int16(ContiguousArray(codes.lazy.map { Int16(truncatingIfNeeded: $0) }))
        } else {
            self = .int32(codes)
        }
    }

    public var count: Int {
        switch self {
        case .int8(let a): a.count
        case .int16(let a): a.count
        case .int32(let a): a.count
        case .int64(let a): a.count
        }
    }

    /// Bits per value: 8, 16, 32 or 64.
    public var bitWidth: Int {
        switch self {
        case .int8: 8
        case .int16: 16
        case .int32: 32
        case .int64: 64
        }
    }

    public var byteCount: Int { count * bitWidth / 8 }

    @inline(__always)
    public subscript(row: Int) -> Int64 {
        switch self {
        case .int8(let a): Int64(a[row])
        case .int16(let a): Int64(a[row])
        case .int32(let a): Int64(a[row])
        case .int64(let a): a[row]
        }
    }

    /// Every value widened to 64 bits (for paths that are not per-row hot loops).
    public var widened: ContiguousArray<Int64> {
        switch self {
        case .int8(let a): ContiguousArray(a.lazy.map(Int64.init))
        case .int16(let a): ContiguousArray(a.lazy.map(Int64.init))
        case .int32(let a): ContiguousArray(a.lazy.map(Int64.init))
        case .int64(let a): a
        }
    }

    /// The rows at `rows`, in that order, in the same width.
    public func gathering(_ rows: UnsafeBufferPointer<Int32>) -> IntegerBuffer {
        switch self {
        case .int8(let a): .int8(gather(a, rows))
        case .int16(let a): .int16(gather(a, rows))
        case .int32(let a): .int32(gather(a, rows))
        case .int64(let a): .int64(gather(a, rows))
        }
    }
}

func gather<T>(_ values: ContiguousArray<T>, _ rows: UnsafeBufferPointer<Int32>) -> ContiguousArray<T> {
    values.withUnsafeBufferPointer { source in
        ContiguousArray(unsafeUninitializedCapacity: rows.count) { out, initialised in
            for (i, row) in rows.enumerated() { out.initializeElement(at: i, to: source[Int(row)]) }
            initialised = rows.count
        }
    }
}
