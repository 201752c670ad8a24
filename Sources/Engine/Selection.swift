/// The rows a query still keeps: all of them, or a list of row indices (a selection vector).
///
/// Filters narrow a selection instead of copying columns; values are gathered only when a result is built.
/// Filters keep row indices ascending (and `union` needs them so); `sorted(by:)` returns them in sorted order.
public enum Selection: Sendable, Equatable {
    case all(count: Int)
    case rows(ContiguousArray<Int32>)

    public var count: Int {
        switch self {
        case .all(let n): n
        case .rows(let r): r.count
        }
    }

    /// The selected row indices, materialised (cheap for `.rows`, O(n) for `.all`).
    public var rowIndices: ContiguousArray<Int32> {
        switch self {
        case .all(let n): ContiguousArray((0..<Int32(n)).lazy)
        case .rows(let r): r
        }
    }

    /// The first `n` selected rows.
    public func prefix(_ n: Int) -> Selection {
        switch self {
        case .all(let count): .all(count: min(n, count))
        case .rows(let r): .rows(ContiguousArray(r.prefix(n)))
        }
    }

    /// Rows kept by either selection (OR of two filters), ascending. - Complexity: O(n + m).
    public func union(_ other: Selection) -> Selection {
        if case .all = self { return self }
        if case .all = other { return other }
        let a = rowIndices, b = other.rowIndices
        var out = ContiguousArray<Int32>()
        out.reserveCapacity(max(a.count, b.count))
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                out.append(a[i]); i += 1
            } else if i == a.count || b[j] < a[i] {
                out.append(b[j]); j += 1
            } else {
                out.append(a[i]); i += 1; j += 1
            }
        }
        return .rows(out)
    }

    /// Calls `body` with each selected row index, in order.
    @inline(__always)
    public func forEachRow(_ body: (Int) -> Void) {
        switch self {
        case .all(let n):
            for row in 0..<n { body(row) }
        case .rows(let rows):
            rows.withUnsafeBufferPointer { for row in $0 { body(Int(row)) } }
        }
    }
}
