/// Which rows of an equi-join match: the inner join, or the left join that keeps unmatched left rows.
public enum JoinKind: Sendable { case inner, left }

/// Matching row pairs of a join, in left-row order; `right` is -1 where a left row found no match.
public struct JoinMatches: Sendable, Equatable {
    public var left: ContiguousArray<Int32>
    public var right: ContiguousArray<Int32>
}

/// Hash join on equal key values: builds a hash table on the right keys, probes it with the left ones.
/// Text keys match by string (the two sides have their own dictionaries); an integer key matches a decimal
/// key of equal value; missing never matches (SQL).
/// - Throws: `EngineError.joinKeyCountMismatch` when the key lists differ in length; `Interrupted` on Ctrl-C.
/// - Complexity: O(left + right + matches).
public func hashJoin(left: [Column], right: [Column], kind: JoinKind) throws -> JoinMatches {
    guard left.count == right.count, !left.isEmpty else {
        throw EngineError.joinKeyCountMismatch(left.count, right.count)
    }
    var leftCodes: [ContiguousArray<Int64>] = []
    var rightCodes: [ContiguousArray<Int64>] = []
    for (l, r) in zip(left, right) {
        let (a, b) = try joinCodes(l, r)
        leftCodes += a
        rightCodes += b
    }
    let rightCount = right[0].count, leftCount = left[0].count
    func present(_ columns: [Column], _ row: Int) -> Bool { columns.allSatisfy { $0.isPresent(row) } }
    func tuple(_ codes: [ContiguousArray<Int64>], _ row: Int) -> [Int64] { codes.map { $0[row] } }

    // Chains of right rows per key: head[key] is the first, next[row] the following one (-1 ends).
    var head: [[Int64]: Int32] = [:]
    var next = ContiguousArray<Int32>(repeating: -1, count: rightCount)
    for row in stride(from: rightCount - 1, through: 0, by: -1) where present(right, row) {
        if row % Interruption.blockRows == 0 { try Interruption.checkpoint() }
        let key = tuple(rightCodes, row)
        next[row] = head[key] ?? -1
        head[key] = Int32(row)
    }
    var matches = JoinMatches(left: [], right: [])
    for row in 0..<leftCount {
        if row % Interruption.blockRows == 0 { try Interruption.checkpoint() }
        var match: Int32 = present(left, row) ? head[tuple(leftCodes, row)] ?? -1 : -1
        if match < 0 {
            if kind == .left { matches.left.append(Int32(row)); matches.right.append(-1) }
            continue
        }
        while match >= 0 {
            matches.left.append(Int32(row))
            matches.right.append(match)
            match = next[Int(match)]
        }
    }
    return matches
}

/// Codes for two key columns such that equal values get equal codes on both sides (one code array per
/// side, or two where a number needs a tag as well as its value).
private func joinCodes(_ l: Column, _ r: Column) throws -> ([ContiguousArray<Int64>], [ContiguousArray<Int64>]) {
    switch (l.storage, r.storage) {
    case let (.text(a), .text(b)):
        var ids: [String: Int64] = [:]
        for s in a.dictionary where ids[s] == nil { ids[s] = Int64(ids.count) }
        for s in b.dictionary where ids[s] == nil { ids[s] = Int64(ids.count) }
        let aIDs = a.dictionary.map { ids[$0]! }, bIDs = b.dictionary.map { ids[$0]! }
        return ([ContiguousArray((0..<l.count).map { aIDs[Int(a.codes[$0])] })],
                [ContiguousArray((0..<r.count).map { bIDs[Int(b.codes[$0])] })])
    case let (.integer(a), .integer(b)):
        return ([a.widened], [b.widened])
    case let (.boolean(a), .boolean(b)):
        return ([ContiguousArray(a.map { $0 ? 1 : 0 })], [ContiguousArray(b.map { $0 ? 1 : 0 })])
    case (.integer, .decimal), (.decimal, .integer), (.decimal, .decimal):
        let (lt, lv) = numericKeys(l), (rt, rv) = numericKeys(r)
        return ([lt, lv], [rt, rv])
    default:
        throw EngineError.typeMismatch(column: r.name, expected: "the type of '\(l.name)' (\(l.type.rawValue))", actual: r.type)
    }
}

/// A number as (tag, value): a whole number that fits Int64 is (0, itself), exactly, whatever its column's
/// type, so 2^53 + 1 never matches 2^53; any other double is (1, its bits), with -0.0 as 0.
private func numericKeys(_ column: Column) -> (ContiguousArray<Int64>, ContiguousArray<Int64>) {
    var tags = ContiguousArray<Int64>(), values = ContiguousArray<Int64>()
    tags.reserveCapacity(column.count)
    values.reserveCapacity(column.count)
    for row in 0..<column.count {
        switch column.storage {
        case .integer(let buffer):
            tags.append(0); values.append(buffer[row])
        case .decimal(let d):
            if let whole = Int64(exactly: d[row]) {
                tags.append(0); values.append(whole)
            } else {
                tags.append(1); values.append(Int64(bitPattern: d[row].bitPattern))
            }
        default:
            tags.append(2); values.append(0)
        }
    }
    return (tags, values)
}
