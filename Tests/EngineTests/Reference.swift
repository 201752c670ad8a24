@testable import Engine

/// Naive row-by-row reference implementations over boxed `Value`s and Swift dictionaries. They share no code
/// with the kernels (apart from the collation key, which CollationTests checks by hand), and favour being
/// obviously right over being fast.
enum Reference {
    // MARK: filters

    static func passes(_ value: Value, _ comparison: Comparison, _ constant: Double) -> Bool {
        guard let x = value.number else { return false }  // missing (and text/boolean) never pass
        switch comparison {
        case .equal: return x == constant
        case .notEqual: return x != constant
        case .less: return x < constant
        case .lessOrEqual: return x <= constant
        case .greater: return x > constant
        case .greaterOrEqual: return x >= constant
        }
    }

    static func filter(_ values: [Value], _ rows: [Int], _ keep: (Value) -> Bool) -> [Int] {
        rows.filter { keep(values[$0]) }
    }

    // MARK: grouping

    struct Groups {
        var groupOfRow: [Int32] = []
        var firstRow: [Int32] = []
        var keys: [[Value]] = []
        var count: Int { firstRow.count }
    }

    /// Groups rows by their key tuples, numbering groups by first appearance; missing is a key like any other.
    static func group(_ keyColumns: [[Value]], _ rows: [Int]) -> Groups {
        var result = Groups()
        var groupOf: [[Value]: Int32] = [:]
        for row in rows {
            let key = keyColumns.map { $0[row] }
            if let g = groupOf[key] {
                result.groupOfRow.append(g)
            } else {
                let g = Int32(result.firstRow.count)
                groupOf[key] = g
                result.firstRow.append(Int32(row))
                result.keys.append(key)
                result.groupOfRow.append(g)
            }
        }
        return result
    }

    /// The present values of each group, in row order.
    static func buckets(_ values: [Value], _ groups: Groups, _ rows: [Int]) -> [[Value]] {
        var buckets = [[Value]](repeating: [], count: groups.count)
        for (i, row) in rows.enumerated() where values[row] != .missing {
            buckets[Int(groups.groupOfRow[i])].append(values[row])
        }
        return buckets
    }

    /// What an aggregate should give per group, with the magnitude to compare decimals against.
    struct Expected {
        var value: Value
        var scale: Double
    }

    /// Expected aggregate per group; nil when the function does not apply to the column's type (text).
    static func aggregate(_ function: AggregateFunction, type: ColumnType, buckets: [[Value]]) -> [Expected]? {
        if type == .text, function != .count, function != .countDistinct { return nil }
        // A group whose exact integer sum does not fit in 64 bits turns the whole result into decimals
        // (documented fallback). The exact sum is the wrapped one plus 2^64 per wrap past the top, less one per
        // wrap past the bottom, so it fits exactly when the wraps cancel, in whatever order the rows are added.
        var integerSumOverflows = false
        if function == .sum || function == .mean, type == .integer {
            for bucket in buckets {
                var total: Int64 = 0, wraps = 0
                for case .integer(let i) in bucket {
                    let (t, o) = total.addingReportingOverflow(i)
                    total = t
                    if o { wraps += i < 0 ? -1 : 1 }
                }
                if wraps != 0 { integerSumOverflows = true }
            }
        }
        return buckets.map { bucket -> Expected in
            let numbers: [Double] = bucket.map { value in
                switch value {
                case .integer(let i): Double(i)
                case .decimal(let d): d
                case .boolean(let b): b ? 1 : 0
                default: .nan
                }
            }
            let maxMagnitude = numbers.reduce(0) { max($0, abs($1)) }
            let sumMagnitude = numbers.reduce(0) { $0 + abs($1) }
            switch function {
            case .count:
                return Expected(value: .integer(Int64(bucket.count)), scale: 0)
            case .countDistinct:
                return Expected(value: .integer(Int64(Set(bucket).count)), scale: 0)
            default:
                break
            }
            guard !bucket.isEmpty else { return Expected(value: .missing, scale: 0) }
            switch function {
            case .count, .countDistinct:
                fatalError("handled above")
            case .sum:
                if type == .decimal || integerSumOverflows {
                    return Expected(value: .decimal(numbers.reduce(0, +)), scale: sumMagnitude)
                }
                var total: Int64 = 0
                for value in bucket {
                    switch value {
                    case .integer(let i): total &+= i
                    case .boolean(let b): total += b ? 1 : 0
                    default: break
                    }
                }
                return Expected(value: .integer(total), scale: 0)
            case .mean:
                let total: Double
                if type == .integer, !integerSumOverflows {
                    var exact: Int64 = 0
                    for case .integer(let i) in bucket { exact &+= i }
                    total = Double(exact)
                } else {
                    total = numbers.reduce(0, +)
                }
                return Expected(value: .decimal(total / Double(bucket.count)), scale: sumMagnitude / Double(bucket.count))
            case .min, .max:
                var best = bucket[0]
                for value in bucket.dropFirst() where function == .min ? less(value, best) : less(best, value) {
                    best = value
                }
                return Expected(value: best, scale: 0)
            case .median:
                let sorted = numbers.sorted()
                let n = sorted.count
                let median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
                return Expected(value: .decimal(median), scale: maxMagnitude)
            case .stddev:
                guard numbers.count >= 2 else { return Expected(value: .missing, scale: 0) }
                // Two passes: the textbook definition, not Welford.
                let mean = numbers.reduce(0, +) / Double(numbers.count)
                let squares = numbers.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
                return Expected(value: .decimal((squares / Double(numbers.count - 1)).squareRoot()), scale: maxMagnitude)
            }
        }
    }

    /// Order of two present values of one type (booleans false < true).
    static func less(_ a: Value, _ b: Value) -> Bool { order(a, b) < 0 }

    // MARK: sorting

    /// −1, 0, 1 for two present values of the same type; text in Vietnamese order.
    static func order(_ a: Value, _ b: Value, keys: [String: [UInt32]] = [:]) -> Int {
        switch (a, b) {
        case let (.integer(x), .integer(y)): return x < y ? -1 : x > y ? 1 : 0
        case let (.decimal(x), .decimal(y)): return x < y ? -1 : x > y ? 1 : 0
        case let (.boolean(x), .boolean(y)): return x == y ? 0 : (x ? 1 : -1)
        case let (.text(x), .text(y)):
            let kx = keys[x] ?? VietnameseCollation.key(x), ky = keys[y] ?? VietnameseCollation.key(y)
            return kx == ky ? 0 : (kx.lexicographicallyPrecedes(ky) ? -1 : 1)
        default:
            fatalError("order of \(a) and \(b)")
        }
    }

    /// −1, 0, 1 for two rows under sort keys: missing last in either direction, descending reverses present values.
    static func compareRows(_ a: Int, _ b: Int, keys: [(values: [Value], descending: Bool)],
                            collation: [String: [UInt32]]) -> Int {
        for key in keys {
            let x = key.values[a], y = key.values[b]
            switch (x == .missing, y == .missing) {
            case (true, true): continue
            case (true, false): return 1
            case (false, true): return -1
            case (false, false):
                let o = order(x, y, keys: collation)
                if o != 0 { return key.descending ? -o : o }
            }
        }
        return 0
    }

    static func collationKeys(_ columns: [[Value]]) -> [String: [UInt32]] {
        var keys: [String: [UInt32]] = [:]
        for column in columns {
            for case .text(let s) in column where keys[s] == nil { keys[s] = VietnameseCollation.key(s) }
        }
        return keys
    }

    // MARK: joins

    /// A join key value normalised so that equal values compare equal across sides (integer 2 = decimal 2.0).
    static func joinKey(_ value: Value, asDecimal: Bool) -> Value {
        if asDecimal, case .integer(let i) = value { return .decimal(Double(i)) }
        return value
    }

    /// Matching (left, right) row pairs in left-row order, right rows ascending; -1 for unmatched left rows.
    static func join(left: [[Value]], right: [[Value]], numericAsDecimal: [Bool], kind: JoinKind) -> [[Int32]] {
        let leftCount = left.first?.count ?? 0, rightCount = right.first?.count ?? 0
        func key(_ columns: [[Value]], _ row: Int) -> [Value]? {
            var key: [Value] = []
            for (c, column) in columns.enumerated() {
                if column[row] == .missing { return nil }
                key.append(joinKey(column[row], asDecimal: numericAsDecimal[c]))
            }
            return key
        }
        var rightRows: [[Value]: [Int32]] = [:]
        for row in 0..<rightCount {
            if let k = key(right, row) { rightRows[k, default: []].append(Int32(row)) }
        }
        var pairs: [[Int32]] = []
        for row in 0..<leftCount {
            let matches = key(left, row).flatMap { rightRows[$0] } ?? []
            if matches.isEmpty {
                if kind == .left { pairs.append([Int32(row), -1]) }
            } else {
                for match in matches { pairs.append([Int32(row), match]) }
            }
        }
        return pairs
    }
}
