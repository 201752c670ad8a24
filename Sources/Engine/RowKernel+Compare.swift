extension RowKernel {
    /// `a op b` row by row: a boolean column, missing where either side is missing.
    ///
    /// Two numbers compare exactly (whole numbers beyond 2^53 that one double would hold are told apart);
    /// two booleans as false < true; anything else as text without accents or case, in Vietnamese order
    /// (numbers and booleans written as they print), each pair of distinct values compared once.
    /// - Complexity: O(rows), plus one comparison per distinct pair of texts.
    public static func compare(_ op: Comparison, _ a: RowOperand, _ b: RowOperand, rows: Int) -> Column {
        let left = a.column(rows), right = b.column(rows)
        var out = ContiguousArray<Bool>(repeating: false, count: rows)
        out.withUnsafeMutableBufferPointer { o in
            func fill(_ order: (Int) -> Int) {
                for row in 0..<rows { o[row] = op.holds(order(row)) }
            }
            if let x = ExactNumbers(left), let y = ExactNumbers(right) {
                fill { row in
                    let l = x[row], r = y[row]
                    return NumericConstant.isLess(l, r) ? -1 : (NumericConstant.isLess(r, l) ? 1 : 0)
                }
            } else if case .boolean(let x) = left.storage, case .boolean(let y) = right.storage {
                fill { row in x[row] == y[row] ? 0 : (x[row] ? 1 : -1) }
            } else {
                let orders = TextOrders(left, right)
                fill { row in orders.order(row) }
            }
        }
        return Column(name: "", storage: .boolean(out), validity: ValidityBitmap.both(left.validity, right.validity))
    }
}

extension Comparison {
    /// Whether the comparison holds for an order of -1, 0 or 1.
    @inline(__always)
    func holds(_ order: Int) -> Bool {
        switch self {
        case .equal: order == 0
        case .notEqual: order != 0
        case .less: order < 0
        case .lessOrEqual: order <= 0
        case .greater: order > 0
        case .greaterOrEqual: order >= 0
        }
    }
}

extension RowOperand {
    /// The operand as a column of `rows` rows (a constant spread over them).
    public func column(_ rows: Int) -> Column {
        switch self {
        case .column(let c): c
        case .constant(let v): Column(name: "", repeating: v, count: rows)
        }
    }
}

/// A number column read exactly: integers as Int64, decimals as doubles.
struct ExactNumbers {
    private let integers: ContiguousArray<Int64>?
    private let doubles: ContiguousArray<Double>

    init?(_ column: Column) {
        switch column.storage {
        case .integer:
            integers = column.int64Values()
            doubles = []
        case .decimal(let values):
            integers = nil
            doubles = values
        case .boolean, .text:
            return nil
        }
    }

    @inline(__always)
    subscript(row: Int) -> NumericConstant {
        if let integers { return .integer(integers[row]) }
        return .decimal(doubles[row])
    }
}

/// Orders of two text columns' rows, accent- and case-insensitively in Vietnamese order: each side's
/// dictionary is folded once, and each pair of codes is compared once (remembered while the pairs are few).
struct TextOrders {
    private let left: (dictionary: [String], codes: ContiguousArray<Int32>)
    private let right: (dictionary: [String], codes: ContiguousArray<Int32>)
    /// Order + 2 per code pair (0 = not yet known), for up to a million pairs.
    private let memo: UnsafeMutableBufferPointer<UInt8>?
    private let memoOwner: MemoOwner?

    init(_ a: Column, _ b: Column) {
        let l = a.textCodes(), r = b.textCodes()
        left = (l.dictionary.map(TextFolding.fold), l.codes)
        right = (r.dictionary.map(TextFolding.fold), r.codes)
        let pairs = left.dictionary.count * right.dictionary.count
        if pairs > 0, pairs <= 1 << 20 {
            let owner = MemoOwner(pairs)
            memoOwner = owner
            memo = owner.buffer
        } else {
            memoOwner = nil
            memo = nil
        }
    }

    func order(_ row: Int) -> Int {
        let i = Int(left.codes[row]), j = Int(right.codes[row])
        // A missing row's slot may hold a code past an empty dictionary; its result is masked anyway.
        guard i < left.dictionary.count, j < right.dictionary.count else { return 0 }
        if let memo {
            let slot = i * right.dictionary.count + j
            if memo[slot] != 0 { return Int(memo[slot]) - 2 }
            let o = TextOrders.order(left.dictionary[i], right.dictionary[j])
            memo[slot] = UInt8(o + 2)
            return o
        }
        return TextOrders.order(left.dictionary[i], right.dictionary[j])
    }

    static func order(_ x: String, _ y: String) -> Int {
        x == y ? 0 : (VietnameseCollation.precedes(x, y) ? -1 : 1)
    }
}

/// Owns the memo of `TextOrders` and frees it with the last copy.
final class MemoOwner {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    init(_ count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: 0)
    }
    deinit { buffer.deallocate() }
}
