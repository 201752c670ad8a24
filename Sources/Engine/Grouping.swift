/// Which group each selected row belongs to, for one or more key columns.
///
/// Groups are numbered in order of first appearance, whichever path built them, so results are
/// deterministic. Missing key values form a group of their own (as SQL's GROUP BY does).
public struct Grouping: Sendable {
    public let groupCount: Int
    /// The group of each selected row, aligned with `selection`'s order; empty when `isSingle`.
    public let groupOfRow: ContiguousArray<Int32>
    /// Every selected row is in group 0 (an aggregate without `by`): no per-row group is stored.
    public let isSingle: Bool
    /// The first row of each group, indexed by group: where the group's key values are read from.
    public let firstRow: ContiguousArray<Int32>
    public let selection: Selection

    /// Every selected row in one group (an aggregate without `by`).
    public init(single selection: Selection) {
        groupCount = 1
        groupOfRow = []
        isSingle = true
        switch selection {
        case .all: firstRow = [0]
        case .rows(let rows): firstRow = [rows.first ?? 0]
        }
        self.selection = selection
    }

    /// The group of the `i`-th selected row.
    @inline(__always)
    public func group(ofSelected i: Int) -> Int { isSingle ? 0 : Int(groupOfRow[i]) }

    init(groupCount: Int, groupOfRow: ContiguousArray<Int32>, firstRow: ContiguousArray<Int32>, selection: Selection) {
        self.groupCount = groupCount
        self.groupOfRow = groupOfRow
        isSingle = false
        self.firstRow = firstRow
        self.selection = selection
    }

    /// Groups the rows of `selection` by the values of `keys`.
    ///
    /// Dictionary text, booleans and integers of small range become dense codes, and the combined code indexes
    /// an array directly (no hashing) while the product of the key cardinalities stays under about four million;
    /// otherwise the key values are hashed.
    /// - Complexity: O(rows × keys).
    public init(keys: [Column], selection: Selection) {
        guard !keys.isEmpty else {
            self.init(single: selection)
            return
        }
        let dense = keys.map(DenseKey.init)
        var product = 1
        var fitsDense = true
        for key in dense {
            guard let cardinality = key?.cardinality else { fitsDense = false; break }
            let (p, overflow) = product.multipliedReportingOverflow(by: cardinality)
            if overflow || p > Grouping.denseLimit { fitsDense = false; break }
            product = p
        }
        if fitsDense {
            self = Grouping.dense(dense.map { $0! }, product: product, selection: selection)
        } else {
            self = Grouping.hashed(keys, selection: selection)
        }
    }

    static let denseLimit = 1 << 22

    private static func dense(_ keys: [DenseKey], product: Int, selection: Selection) -> Grouping {
        var combined = ContiguousArray<Int32>(repeating: 0, count: selection.count)
        var stride = 1
        for key in keys {
            key.accumulate(into: &combined, stride: Int32(stride), selection: selection)
            stride *= key.cardinality
        }
        var groupOfSlot = ContiguousArray<Int32>(repeating: -1, count: product)
        var groupOfRow = ContiguousArray<Int32>(repeating: 0, count: selection.count)
        var firstRow = ContiguousArray<Int32>()
        let rows = selection.rowIndices
        combined.withUnsafeBufferPointer { slots in
            groupOfSlot.withUnsafeMutableBufferPointer { lookup in
                groupOfRow.withUnsafeMutableBufferPointer { out in
                    for i in 0..<slots.count {
                        let slot = Int(slots[i])
                        var group = lookup[slot]
                        if group < 0 {
                            group = Int32(firstRow.count)
                            lookup[slot] = group
                            firstRow.append(rows[i])
                        }
                        out[i] = group
                    }
                }
            }
        }
        return Grouping(groupCount: firstRow.count, groupOfRow: groupOfRow, firstRow: firstRow, selection: selection)
    }

    private static func hashed(_ keys: [Column], selection: Selection) -> Grouping {
        let hashKeys = keys.map { HashKey($0, selection: selection) }
        let n = selection.count
        var hashes = ContiguousArray<UInt64>(repeating: 0x9E37_79B9_7F4A_7C15, count: n)
        for key in hashKeys { key.mix(into: &hashes) }
        var capacity = 16
        while capacity < n * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var table = ContiguousArray<Int32>(repeating: -1, count: capacity)  // slot → group
        var groupOfRow = ContiguousArray<Int32>(repeating: 0, count: n)
        var firstRow = ContiguousArray<Int32>()
        var firstIndex = ContiguousArray<Int32>()  // position in the selection of each group's first row
        let rows = selection.rowIndices
        for i in 0..<n {
            var slot = Int(truncatingIfNeeded: hashes[i]) & mask
            while true {
                let group = table[slot]
                if group < 0 {
                    let newGroup = Int32(firstRow.count)
                    table[slot] = newGroup
                    firstRow.append(rows[i])
                    firstIndex.append(Int32(i))
                    groupOfRow[i] = newGroup
                    break
                }
                let j = Int(firstIndex[Int(group)])
                if hashes[j] == hashes[i], hashKeys.allSatisfy({ $0.equal(i, j) }) {
                    groupOfRow[i] = group
                    break
                }
                slot = (slot + 1) & mask
            }
        }
        return Grouping(groupCount: firstRow.count, groupOfRow: groupOfRow, firstRow: firstRow, selection: selection)
    }
}

/// A key column whose values map to codes `0..<cardinality` (the last code for missing).
struct DenseKey {
    let column: Column
    let cardinality: Int
    let offset: Int64

    /// Integers whose range exceeds this are hashed instead.
    static let integerRangeLimit: Int64 = 1 << 16

    init?(_ column: Column) {
        self.column = column
        switch column.storage {
        case .text(let text):
            cardinality = text.dictionary.count + 1
            offset = 0
        case .boolean:
            cardinality = 3
            offset = 0
        case .integer(let buffer):
            var low = Int64.max, high = Int64.min
            for row in 0..<buffer.count where column.isPresent(row) {
                let v = buffer[row]
                low = min(low, v); high = max(high, v)
            }
            if low > high { low = 0; high = 0 }
            let (span, overflow) = high.subtractingReportingOverflow(low)
            guard !overflow, span < DenseKey.integerRangeLimit else { return nil }
            cardinality = Int(high - low) + 2
            offset = low
        case .decimal:
            return nil
        }
    }

    /// Adds `code × stride` to each selected row's combined code.
    func accumulate(into combined: inout ContiguousArray<Int32>, stride: Int32, selection: Selection) {
        let missing = Int32(cardinality - 1)
        let validity = column.validity
        combined.withUnsafeMutableBufferPointer { out in
            func run<T: BinaryInteger>(_ values: UnsafeBufferPointer<T>, _ offset: Int64) {
                var i = 0
                if let validity {
                    selection.forEachRow { row in
                        let code = validity.isPresent(row) ? Int32(Int64(values[row]) - offset) : missing
                        out[i] &+= code &* stride
                        i += 1
                    }
                } else {
                    selection.forEachRow { row in
                        out[i] &+= Int32(truncatingIfNeeded: Int64(values[row]) - offset) &* stride
                        i += 1
                    }
                }
            }
            switch column.storage {
            case .text(let text):
                switch text.codes {
                case .int8(let a): a.withUnsafeBufferPointer { run($0, 0) }
                case .int16(let a): a.withUnsafeBufferPointer { run($0, 0) }
                case .int32(let a): a.withUnsafeBufferPointer { run($0, 0) }
                case .int64(let a): a.withUnsafeBufferPointer { run($0, 0) }
                }
            case .integer(let buffer):
                switch buffer {
                case .int8(let a): a.withUnsafeBufferPointer { run($0, offset) }
                case .int16(let a): a.withUnsafeBufferPointer { run($0, offset) }
                case .int32(let a): a.withUnsafeBufferPointer { run($0, offset) }
                case .int64(let a): a.withUnsafeBufferPointer { run($0, offset) }
                }
            case .boolean(let values):
                values.withUnsafeBufferPointer { v in
                    var i = 0
                    selection.forEachRow { row in
                        let code: Int32 = (validity?.isPresent(row) ?? true) ? (v[row] ? 1 : 0) : missing
                        out[i] &+= code &* stride
                        i += 1
                    }
                }
            case .decimal: preconditionFailure("decimal columns are never dense keys")
            }
        }
    }
}

/// A key column's selected values as 64-bit codes (text code, integer, or the bits of a double) plus missing flags.
struct HashKey {
    let codes: ContiguousArray<Int64>
    let missing: ContiguousArray<Bool>?

    init(_ column: Column, selection: Selection) {
        var codes = ContiguousArray<Int64>()
        codes.reserveCapacity(selection.count)
        switch column.storage {
        case .text(let text): selection.forEachRow { codes.append(text.codes[$0]) }
        case .integer(let buffer): selection.forEachRow { codes.append(buffer[$0]) }
        case .boolean(let values): selection.forEachRow { codes.append(values[$0] ? 1 : 0) }
        case .decimal(let values):
            // -0.0 and 0.0 are one key; every NaN is one key.
            selection.forEachRow { row in
                let v = values[row]
                codes.append(v == 0 ? 0 : v.isNaN ? Int64(bitPattern: 0x7FF8_0000_0000_0000) : Int64(bitPattern: v.bitPattern))
            }
        }
        self.codes = codes
        if let validity = column.validity {
            var flags = ContiguousArray<Bool>()
            flags.reserveCapacity(selection.count)
            selection.forEachRow { flags.append(!validity.isPresent($0)) }
            missing = flags
        } else {
            missing = nil
        }
    }

    func mix(into hashes: inout ContiguousArray<UInt64>) {
        for i in 0..<codes.count {
            let isMissing = missing?[i] ?? false
            var x = isMissing ? 0xDEAD_BEEF_CAFE_F00D : UInt64(bitPattern: codes[i])
            // SplitMix64's finaliser: cheap and spreads neighbouring codes over the table.
            x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
            x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
            x ^= x >> 31
            hashes[i] = (hashes[i] &* 31) ^ x
        }
    }

    @inline(__always)
    func equal(_ i: Int, _ j: Int) -> Bool {
        if let missing, missing[i] || missing[j] { return missing[i] == missing[j] }
        return codes[i] == codes[j]
    }
}

