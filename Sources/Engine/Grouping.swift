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
    /// otherwise the key values are hashed. The dense path runs in pieces on all cores.
    /// - Throws: `Interrupted` on Ctrl-C.
    /// - Complexity: O(rows × keys).
    public init(keys: [Column], selection: Selection) throws {
        guard !keys.isEmpty else {
            self.init(single: selection)
            return
        }
        let dense = keys.map { DenseKey($0, selection: selection) }
        var product = 1
        var fitsDense = true
        for key in dense {
            guard let cardinality = key?.cardinality else { fitsDense = false; break }
            let (p, overflow) = product.multipliedReportingOverflow(by: cardinality)
            if overflow || p > Grouping.denseLimit { fitsDense = false; break }
            product = p
        }
        if fitsDense {
            self = try Grouping.dense(dense.map { $0! }, product: product, selection: selection)
        } else {
            self = try Grouping.hashed(keys, selection: selection)
        }
    }

    static let denseLimit = 1 << 22

    /// The groups one piece of the rows found, in the order it met them.
    private struct PieceGroups {
        /// The combined key code of each of the piece's groups.
        var slots: [Int32] = []
        /// The position in the selection of each group's first row.
        var firstPositions: [Int32] = []
    }

    /// Dense codes in pieces: each piece writes its rows' combined codes, then numbers the codes it meets
    /// (its own groups, in its own order); the pieces' groups are merged in piece order, which is the order of
    /// first appearance over all rows, and the rows of every piece but the first are renumbered.
    /// The row buffer is never zeroed (the first key's codes are its first contents, written by the piece
    /// that owns those rows), and the last key's codes are added in the same loop that numbers the groups:
    /// a grouping by province is one pass over the rows, by province and year two.
    private static func dense(_ keys: [DenseKey], product: Int, selection: Selection) throws -> Grouping {
        let n = selection.count
        let pieces = Parallel.aggregationPieces(n, perPieceCost: product)
        var groupOfRow = ContiguousArray<Int32>(unsafeUninitializedCapacity: n) { _, initialised in initialised = n }
        let found: [PieceGroups] = try groupOfRow.withUnsafeMutableBufferPointer { out in
            try Parallel.mapThrowing(pieces.count) { p -> PieceGroups in
                let range = pieces[p]
                var stride: Int32 = 1
                for (k, key) in keys.dropLast().enumerated() {
                    if k == 0 {
                        try key.forEachCode(positions: range, selection: selection) { i, code in out[i] = code }
                    } else {
                        try key.forEachCode(positions: range, selection: selection) { i, code in out[i] &+= code &* stride }
                    }
                    stride &*= Int32(key.cardinality)
                }
                var local = ContiguousArray<Int32>(repeating: -1, count: product)
                var groups = PieceGroups()
                let earlier = keys.count > 1
                try local.withUnsafeMutableBufferPointer { groupOfSlot in
                    try keys[keys.count - 1].forEachCode(positions: range, selection: selection) { i, code in
                        let slot = Int((earlier ? out[i] : 0) &+ code &* stride)
                        var group = groupOfSlot[slot]
                        if group < 0 {
                            group = Int32(groups.slots.count)
                            groupOfSlot[slot] = group
                            groups.slots.append(Int32(slot))
                            groups.firstPositions.append(Int32(i))
                        }
                        out[i] = group
                    }
                }
                return groups
            }
        }
        var groupOfSlot = ContiguousArray<Int32>(repeating: -1, count: product)
        var firstRow = ContiguousArray<Int32>()
        var renumbering: [[Int32]] = []
        for piece in found {
            var global: [Int32] = []
            global.reserveCapacity(piece.slots.count)
            for (slot, position) in zip(piece.slots, piece.firstPositions) {
                var group = groupOfSlot[Int(slot)]
                if group < 0 {
                    group = Int32(firstRow.count)
                    groupOfSlot[Int(slot)] = group
                    firstRow.append(selection.row(atPosition: Int(position)))
                }
                global.append(group)
            }
            renumbering.append(global)
        }
        if pieces.count > 1 {
            try groupOfRow.withUnsafeMutableBufferPointer { out in
                _ = try Parallel.mapThrowing(pieces.count - 1) { p in
                    let global = renumbering[p + 1]
                    // A piece that met its groups in the global order keeps its numbers.
                    guard global.enumerated().contains(where: { Int32($0.offset) != $0.element }) else { return }
                    try global.withUnsafeBufferPointer { g in
                        try Selection.forEachBlock(of: pieces[p + 1]) { block in
                            for i in block { out[i] = g[Int(out[i])] }
                        }
                    }
                }
            }
        }
        return Grouping(groupCount: firstRow.count, groupOfRow: groupOfRow, firstRow: firstRow, selection: selection)
    }

    private static func hashed(_ keys: [Column], selection: Selection) throws -> Grouping {
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
            if i % Interruption.blockRows == 0 { try Interruption.checkpoint() }
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

    /// - Parameter selection: the rows to be grouped; an integer key's codes span only their values (a
    ///   year filter and a grouping by year need no pass over the whole column).
    init?(_ column: Column, selection: Selection? = nil) {
        self.column = column
        switch column.storage {
        case .text(let text):
            cardinality = text.dictionary.count + 1
            offset = 0
        case .boolean:
            cardinality = 3
            offset = 0
        case .integer(let buffer):
            var listed: ContiguousArray<Int32>?
            if case .rows(let rows)? = selection { listed = rows }
            let (low, high) = buffer.presentRange(column.validity, rows: listed) ?? (0, 0)
            let (span, overflow) = high.subtractingReportingOverflow(low)
            guard !overflow, span < DenseKey.integerRangeLimit else { return nil }
            cardinality = Int(high - low) + 2
            offset = low
        case .decimal:
            return nil
        }
    }

    /// Calls `body(position, code)` for each selected row at `positions`, block by block (checking for
    /// Ctrl-C between blocks); a missing value has the last code.
    @inline(__always)
    func forEachCode(positions: Range<Int>, selection: Selection, _ body: (Int, Int32) -> Void) throws {
        let missing = Int32(cardinality - 1)
        let validity = column.validity
        func run<T: BinaryInteger>(_ values: UnsafeBufferPointer<T>, _ offset: Int64) throws {
            try Selection.forEachBlock(of: positions) { block in
                if let validity {
                    selection.forEachRow(at: block) { i, row in
                        body(i, validity.isPresent(row) ? Int32(Int64(values[row]) - offset) : missing)
                    }
                } else {
                    selection.forEachRow(at: block) { i, row in
                        body(i, Int32(truncatingIfNeeded: Int64(values[row]) - offset))
                    }
                }
            }
        }
        switch column.storage {
        case .text(let text):
            try text.codes.withCodes({ try run($0, 0) }, { try run($0, 0) }, { try run($0, 0) }, { try run($0, 0) })
        case .integer(let buffer):
            try buffer.withCodes({ try run($0, offset) }, { try run($0, offset) }, { try run($0, offset) }, { try run($0, offset) })
        case .boolean(let values):
            try values.withUnsafeBufferPointer { v in
                try Selection.forEachBlock(of: positions) { block in
                    selection.forEachRow(at: block) { i, row in
                        body(i, (validity?.isPresent(row) ?? true) ? (v[row] ? 1 : 0) : missing)
                    }
                }
            }
        case .decimal: preconditionFailure("decimal columns are never dense keys")
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

