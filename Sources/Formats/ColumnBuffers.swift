import Engine

/// The final storage of every column of a load, written in place by the second pass.
///
/// Each column's array is created with `ContiguousArray(unsafeUninitializedCapacity:)`, whose buffer is
/// valid only inside its initialiser; the initialisers are nested one per column, so the second pass runs
/// inside all of them at once, with every buffer valid, and no column is copied afterwards.
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

    /// Calls `fill` with one sink per plan, every sink's buffer `rows` long and valid throughout; the sinks'
    /// presence bytes are freed when `fill` returns. `fill` must write every row of every buffer (missing rows
    /// too) when it returns true.
    /// - Returns: the arrays in plan order, or nil when `fill` returned false (nothing is kept then).
    static func withSinks(_ plans: [ColumnPlan], rows: Int, _ fill: ([ColumnSink]) -> Bool) -> [Filled]? {
        var sinks: [ColumnSink] = []
        var filled: [Filled] = []
        var succeeded = false
        func level(_ index: Int) {
            guard index < plans.count else {
                succeeded = fill(sinks)
                // The presence bytes are scratch: `fill` has made bitmaps of them if it needed them.
                sinks.forEach { $0.freePresence() }
                return
            }
            let plan = plans[index]
            // At least one element of capacity, so every buffer has a base address even for an empty table.
            func array<T>(_ wrap: (UnsafeMutableBufferPointer<T>) -> ColumnSink.Values) -> ContiguousArray<T> {
                ContiguousArray(unsafeUninitializedCapacity: max(rows, 1)) { buffer, initialised in
                    sinks.append(ColumnSink(values: wrap(UnsafeMutableBufferPointer(rebasing: buffer[0..<rows])), plan: plan, rows: rows))
                    level(index + 1)
                    initialised = succeeded ? rows : 0
                }
            }
            let result: Filled
            switch plan.kind {
            case .integer(8): result = .int8(array { .int8($0) })
            case .integer(16): result = .int16(array { .int16($0) })
            case .integer(32): result = .int32(array { .int32($0) })
            case .integer: result = .int64(array { .int64($0) })
            case .decimal: result = .decimal(array { .decimal($0) })
            case .boolean: result = .boolean(array { .boolean($0) })
            case .text: result = .text(array { .text($0) })
            }
            filled.append(result)
        }
        level(0)
        // Arrays were finished innermost first.
        if !succeeded { return nil }
        return filled.reversed()
    }
}
