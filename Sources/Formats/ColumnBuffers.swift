import Engine
#if canImport(Glibc)
import Glibc
#endif

/// The final storage of every column of a load, written in place by the second pass.
///
/// A column's array is created with `ContiguousArray(unsafeUninitializedCapacity:)`, whose buffer is valid
/// only inside its initialiser; the initialisers of the first `nestedColumns` columns are nested, so the
/// second pass runs inside all of them at once and those columns are never copied. That nesting costs a few
/// hundred bytes of stack per column, so it stops there: the columns after it (files with very many
/// columns) are filled in memory of their own, allocated in a loop, and moved into their arrays afterwards.
enum ColumnBuffers {
    /// A filled column array, before it becomes a `Column`.
    enum Filled {
        case int8(ContiguousArray<Int8>)
        case int16(ContiguousArray<Int16>)
        case int32(ContiguousArray<Int32>)
        case int64(ContiguousArray<Int64>)
        case decimal(ContiguousArray<Double>)
        case boolean(ContiguousArray<Bool>)
        /// Chunk-local dictionary codes, to be remapped.
        case text(ContiguousArray<Int32>)
    }

    /// Columns written straight into their final arrays; every later column costs one copy of its values.
    /// Sixty-four covers every ordinary table and keeps the nesting far from any thread's stack limit.
    static let nestedColumns = 64

    /// Calls `fill` with one sink per plan, every sink's buffer `rows` long and valid throughout; the sinks'
    /// presence bytes are freed when `fill` returns. `fill` must write every row of every buffer (missing rows
    /// too) when it returns true.
    /// - Parameter nestedColumns: how many columns are written in place (tests lower it).
    /// - Returns: the arrays in plan order, or nil when `fill` returned false (nothing is kept then).
    static func withSinks(_ plans: [ColumnPlan], rows: Int, nestedColumns: Int = nestedColumns,
                          _ fill: ([ColumnSink]) -> Bool) -> [Filled]? {
        let nested = min(plans.count, max(0, nestedColumns))
        var sinks: [ColumnSink] = []
        sinks.reserveCapacity(plans.count)
        var filled: [Filled?] = Array(repeating: nil, count: plans.count)
        var succeeded = false

        /// The columns past the nested ones, then `fill`: a loop, whatever the number of columns.
        func fillWithSeparateMemory() {
            var separate: [UnsafeMutableRawBufferPointer] = []
            separate.reserveCapacity(plans.count - nested)
            for plan in plans[nested...] {
                let (memory, values) = separateMemory(plan, rows: rows)
                separate.append(memory)
                sinks.append(ColumnSink(values: values, plan: plan, rows: rows))
            }
            succeeded = fill(sinks)
            // The presence bytes are scratch: `fill` has made bitmaps of them if it needed them.
            sinks.forEach { $0.freePresence() }
            for (offset, memory) in separate.enumerated() {
                if succeeded { filled[nested + offset] = moved(memory, kind: plans[nested + offset].kind, rows: rows) }
                memory.deallocate()
            }
        }

        /// Nests the initialiser of column `index` around the rest; depth at most `nested`.
        func level(_ index: Int) {
            guard index < nested else { return fillWithSeparateMemory() }
            let plan = plans[index]
            // At least one element of capacity, so every buffer has a base address even for an empty table.
            func array<T>(_ wrap: (UnsafeMutableBufferPointer<T>) -> ColumnSink.Values) -> ContiguousArray<T> {
                ContiguousArray(unsafeUninitializedCapacity: max(rows, 1)) { buffer, initialised in
                    if let start = buffer.baseAddress { adviseHugePages(start, byteCount: rows * MemoryLayout<T>.stride) }
                    sinks.append(ColumnSink(values: wrap(UnsafeMutableBufferPointer(rebasing: buffer[0..<rows])), plan: plan, rows: rows))
                    level(index + 1)
                    initialised = succeeded ? rows : 0
                }
            }
            switch plan.kind {
            case .integer(8): filled[index] = .int8(array { .int8($0) })
            case .integer(16): filled[index] = .int16(array { .int16($0) })
            case .integer(32): filled[index] = .int32(array { .int32($0) })
            case .integer: filled[index] = .int64(array { .int64($0) })
            case .decimal: filled[index] = .decimal(array { .decimal($0) })
            case .boolean: filled[index] = .boolean(array { .boolean($0) })
            case .text: filled[index] = .text(array { .text($0) })
            }
        }
        level(0)
        if !succeeded { return nil }
        return filled.map { $0! }
    }

    /// Asks the kernel to back a column's array with 2 MiB pages (transparent huge pages, which Debian's
    /// default "madvise" setting grants on request), before the array's first write, whether it is filled in
    /// place or moved into. Every query that scans the column gains: a CPU's prefetchers stop at each 4 KiB
    /// page boundary, and each such page costs a TLB entry. Buffers under 8 MiB are left alone; the advice is
    /// only advice, and nothing fails if the kernel declines it.
    private static func adviseHugePages(_ start: UnsafeMutableRawPointer, byteCount: Int) {
        #if os(Linux)
        let huge = 2 << 20
        guard byteCount >= 4 * huge else { return }
        let first = (Int(bitPattern: start) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: start) + byteCount) & ~(huge - 1)
        guard end > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(aligned, end - first, 14 /* MADV_HUGEPAGE */)
        #endif
    }

    /// Memory for `rows` values of `plan`'s type, and the sink values over it.
    private static func separateMemory(_ plan: ColumnPlan, rows: Int) -> (UnsafeMutableRawBufferPointer, ColumnSink.Values) {
        func make<T>(_: T.Type, _ wrap: (UnsafeMutableBufferPointer<T>) -> ColumnSink.Values) -> (UnsafeMutableRawBufferPointer, ColumnSink.Values) {
            let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(rows, 1) * MemoryLayout<T>.stride, alignment: MemoryLayout<T>.alignment)
            return (memory, wrap(UnsafeMutableBufferPointer(start: memory.baseAddress!.bindMemory(to: T.self, capacity: max(rows, 1)), count: rows)))
        }
        switch plan.kind {
        case .integer(8): return make(Int8.self) { .int8($0) }
        case .integer(16): return make(Int16.self) { .int16($0) }
        case .integer(32): return make(Int32.self) { .int32($0) }
        case .integer: return make(Int64.self) { .int64($0) }
        case .decimal: return make(Double.self) { .decimal($0) }
        case .boolean: return make(Bool.self) { .boolean($0) }
        case .text: return make(Int32.self) { .text($0) }
        }
    }

    /// The `rows` values in `memory` (all written by the fill) as a column array.
    private static func moved(_ memory: UnsafeMutableRawBufferPointer, kind: ColumnPlan.Kind, rows: Int) -> Filled {
        func array<T>(_: T.Type) -> ContiguousArray<T> {
            let source = memory.baseAddress!.assumingMemoryBound(to: T.self)
            return ContiguousArray(unsafeUninitializedCapacity: max(rows, 1)) { buffer, initialised in
                adviseHugePages(buffer.baseAddress!, byteCount: rows * MemoryLayout<T>.stride)
                buffer.baseAddress!.moveInitialize(from: source, count: rows)
                initialised = rows
            }
        }
        switch kind {
        case .integer(8): return .int8(array(Int8.self))
        case .integer(16): return .int16(array(Int16.self))
        case .integer(32): return .int32(array(Int32.self))
        case .integer: return .int64(array(Int64.self))
        case .decimal: return .decimal(array(Double.self))
        case .boolean: return .boolean(array(Bool.self))
        case .text: return .text(array(Int32.self))
        }
    }
}
