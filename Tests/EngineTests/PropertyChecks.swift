import Testing
@testable import Engine

/// The comparisons the property tests make: engine kernel against `Reference`, on one random table.
/// Failure messages carry the seed and the operation so a case can be replayed.
enum PropertyChecks {
    /// Compares row lists and, on a mismatch, reports sizes and the first difference (not the whole list).
    static func expectSame<T: Equatable>(_ actual: [T], _ expected: [T], _ context: @autoclosure () -> String,
                                         sourceLocation: SourceLocation = #_sourceLocation) {
        guard actual != expected else { return }
        let first = zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }
        let where_ = first.map { "first difference at \($0.offset): \($0.element.0) vs expected \($0.element.1)" }
            ?? "one is a prefix of the other"
        Issue.record("\(context()): got \(actual.count) items, expected \(expected.count); \(where_)",
                     sourceLocation: sourceLocation)
    }

    static func describe(_ selection: Selection) -> String {
        switch selection {
        case .all(let n): "all(\(n))"
        case .rows(let r): "rows(\(r.count))"
        }
    }

    // MARK: filters

    /// A constant worth comparing against: a value of the column, half a step off one, a width boundary,
    /// something out of range, an infinity or NaN, or anything in between.
    static func constant(for column: RandomColumn, rng: inout SplitMix64) -> Double {
        var sample = 0.0
        if !column.values.isEmpty {
            for _ in 0..<8 {
                if let x = column.values[rng.int(in: 0...(column.values.count - 1))].number { sample = x; break }
            }
        }
        switch rng.int(in: 0...11) {
        case 0, 1, 2: return sample
        case 3: return sample + 0.5
        case 4: return sample - 0.5
        case 5: return sample + 1
        case 6: return sample - 1
        case 7: return rng.pick([127, 128, -128, -129, 0, -0.0, 32767, 32768, -32769])
        case 8: return rng.pick([1e15, -1e15, .infinity, -.infinity, .nan])
        case 9: return (rng.unit() * 2 - 1) * 1e6
        case 10: return Double(rng.int(in: -40...40)) * 0.25 + (rng.chance(0.5) ? 0.1 : 0)
        default: return sample * 0.5
        }
    }

    /// `rounds` comparisons (each followed by a second, chained one) per numeric column.
    static func checkFilters(_ table: RandomTable, rng: inout SplitMix64, context: String, rounds: Int = 3,
                             kinds: [RandomKind] = RandomKind.allCases) throws {
        let n = table.rowCount
        for random in table.columns where kinds.contains(random.kind) {
            let column = random.column, values = random.values
            let selection = RandomTable.selection(rows: n, rng: &rng)
            let selected = rowList(selection)
            let where_ = "\(context), column \(random.name), selection \(describe(selection))"

            for missing in [true, false] {
                expectSame(rowList(column.selectMissing(missing, from: selection)),
                           Reference.filter(values, selected) { ($0 == .missing) == missing },
                           "\(where_), selectMissing(\(missing))")
            }

            switch random.kind {
            case .text:
                guard case .text(let text) = column.storage else { Issue.record("text column is not text"); return }
                let p = rng.unit()
                let mask = text.dictionary.map { _ in rng.chance(p) }
                let flagged = Set(zip(text.dictionary, mask).filter(\.1).map(\.0))
                expectSame(rowList(try column.select(codesIn: mask, from: selection)),
                           Reference.filter(values, selected) { if case .text(let s) = $0 { flagged.contains(s) } else { false } },
                           "\(where_), codesIn")
                #expect(throws: EngineError.self) { try column.select(.less, 1, from: selection) }

            case .boolean:
                for wanted in [true, false] {
                    expectSame(rowList(try column.select(boolean: wanted, from: selection)),
                               Reference.filter(values, selected) { $0 == .boolean(wanted) },
                               "\(where_), boolean \(wanted)")
                }
                #expect(throws: EngineError.self) { try column.select(.equal, 1, from: selection) }

            default:
                var filters: [(Selection, [Int], String)] = []
                for _ in 0..<max(rounds, 2) {
                    let comparison = rng.pick(Comparison.allCases)
                    let c = constant(for: random, rng: &rng)
                    let engine = try column.select(comparison, c, from: selection)
                    let expected = Reference.filter(values, selected) { Reference.passes($0, comparison, c) }
                    expectSame(rowList(engine), expected, "\(where_), \(comparison.rawValue) \(c)")
                    filters.append((engine, expected, "\(comparison.rawValue) \(c)"))

                    // A second filter narrows the first one's result (AND).
                    let comparison2 = rng.pick(Comparison.allCases)
                    let c2 = constant(for: random, rng: &rng)
                    expectSame(rowList(try column.select(comparison2, c2, from: engine)),
                               Reference.filter(values, expected) { Reference.passes($0, comparison2, c2) },
                               "\(where_), \(comparison.rawValue) \(c) then \(comparison2.rawValue) \(c2)")
                }
                // OR of two filters.
                let union = filters[0].0.union(filters[1].0)
                expectSame(rowList(union), mergeAscending(filters[0].1, filters[1].1),
                           "\(where_), \(filters[0].2) or \(filters[1].2)")

                if random.kind.isInteger {
                    let a = Int64(constant(for: random, rng: &rng).clamped(-1e13, 1e13).rounded())
                    let b = Int64(constant(for: random, rng: &rng).clamped(-1e13, 1e13).rounded())
                    let range = min(a, b)...max(a, b)
                    expectSame(rowList(try column.select(integersIn: range, from: selection)),
                               Reference.filter(values, selected) { if case .integer(let i) = $0 { range.contains(i) } else { false } },
                               "\(where_), integersIn \(range)")
                } else {
                    #expect(throws: EngineError.self) { try column.select(integersIn: 0...1, from: selection) }
                }
            }
        }
    }

    /// The union of two ascending lists, ascending, without duplicates (the reference for `Selection.union`).
    static func mergeAscending(_ a: [Int], _ b: [Int]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(max(a.count, b.count))
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let next = j == b.count ? a[i] : i == a.count ? b[j] : min(a[i], b[j])
            out.append(next)
            if i < a.count, a[i] == next { i += 1 }
            if j < b.count, b[j] == next { j += 1 }
        }
        return out
    }

    // MARK: grouping and aggregates

    static func checkGrouping(_ table: RandomTable, keys keyColumns: [RandomColumn], selection: Selection,
                              aggregated: [RandomColumn], context: String) throws {
        let selected = rowList(selection)
        let where_ = "\(context), by \(keyColumns.map(\.name)), selection \(describe(selection))"
        let grouping = try Grouping(keys: keyColumns.map(\.column), selection: selection)
        let expected = Reference.group(keyColumns.map(\.values), selected)

        #expect(grouping.groupCount == expected.count, "\(where_): group count")
        expectSame(Array(grouping.groupOfRow), expected.groupOfRow, "\(where_): group of each row")
        expectSame(Array(grouping.firstRow), expected.firstRow, "\(where_): first row of each group")
        guard grouping.groupCount == expected.count else { return }

        // The key values read back from each group's first row.
        for (k, key) in keyColumns.enumerated() {
            expectSame(grouping.firstRow.map { key.column.value(at: Int($0)) }, expected.keys.map { $0[k] },
                       "\(where_): key values of \(key.name)")
        }

        var sizes = [Int64](repeating: 0, count: expected.count)
        for g in expected.groupOfRow { sizes[Int(g)] += 1 }
        expectSame(integers(try countRows(grouping)), sizes.map { Optional($0) }, "\(where_): countRows")

        for random in aggregated {
            let buckets = Reference.buckets(random.values, expected, selected)
            for function in AggregateFunction.allCases {
                let label = "\(where_): \(function.rawValue)(\(random.name))"
                guard let want = Reference.aggregate(function, type: random.column.type, buckets: buckets) else {
                    #expect(throws: EngineError.self, "\(label) should be refused") {
                        try random.column.aggregate(function, grouping)
                    }
                    continue
                }
                let result = try random.column.aggregate(function, grouping)
                #expect(result.name == random.name, "\(label): name")
                guard result.count == want.count else {
                    Issue.record("\(label): \(result.count) groups, expected \(want.count)")
                    continue
                }
                var mismatches: [String] = []
                for g in 0..<want.count {
                    let got = result.value(at: g)
                    if !sameValue(got, want[g].value, scale: want[g].scale) {
                        mismatches.append("group \(g): \(got) vs expected \(want[g].value)")
                    }
                }
                if !mismatches.isEmpty {
                    Issue.record("\(label): \(mismatches.count) groups differ, e.g. \(mismatches.prefix(3).joined(separator: "; "))")
                }
            }
        }
    }

    // MARK: sorting

    /// Checks the engine's order without sorting again: the result must be a permutation of the selection in
    /// which every adjacent pair is in key order, and ties are in row order (stability; the input is ascending).
    /// For small inputs the order is also compared with a plain insertion sort.
    static func checkSort(_ table: RandomTable, keys: [(RandomColumn, Bool)], selection: Selection, context: String) throws {
        let selected = rowList(selection)
        let where_ = "\(context), sort by \(keys.map { "\($0.0.name)\($0.1 ? " desc" : "")" }), selection \(describe(selection))"
        let sorted = rowList(try selection.sorted(by: keys.map { SortKey($0.0.column, descending: $0.1) }))
        let referenceKeys = keys.map { (values: $0.0.values, descending: $0.1) }
        let collation = Reference.collationKeys(keys.map(\.0.values))

        expectSame(sorted.sorted(), selected, "\(where_): not a permutation of the selection")
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            let order = Reference.compareRows(a, b, keys: referenceKeys, collation: collation)
            if order > 0 || (order == 0 && a > b) {
                Issue.record("\(where_): row \(a) placed before row \(b) (\(referenceKeys.map { "\($0.values[a]) / \($0.values[b])" }))")
                return
            }
        }
        if selected.count <= 400 {
            var insertion: [Int] = []
            for row in selected {
                var i = insertion.count
                while i > 0, Reference.compareRows(insertion[i - 1], row, keys: referenceKeys, collation: collation) > 0 { i -= 1 }
                insertion.insert(row, at: i)
            }
            expectSame(sorted, insertion, "\(where_): insertion sort")
        }
    }

    // MARK: joins

    /// Key columns for the two sides of a join, drawing from overlapping value pools so there are matches,
    /// duplicates on both sides, and unmatched rows.
    static func joinKeys(leftRows: Int, rightRows: Int, rng: inout SplitMix64) -> [(RandomColumn, RandomColumn, Bool)] {
        func keyPair(_ spec: Int) -> (RandomColumn, RandomColumn, Bool) {
            switch spec {
            case 0:  // text: different dictionaries over overlapping words
                var words = textPool
                rng.shuffle(&words)
                let shared = Array(words.prefix(rng.int(in: 1...12)))
                let leftOnly = Array(words.dropFirst(12).prefix(rng.int(in: 0...4)))
                let rightOnly = Array(words.dropFirst(16).prefix(rng.int(in: 0...4)))
                return (RandomTable.makeColumn(.text, rows: leftRows, rng: &rng, name: "lt", textWords: shared + leftOnly),
                        RandomTable.makeColumn(.text, rows: rightRows, rng: &rng, name: "rt", textWords: shared + rightOnly),
                        false)
            case 1:  // integers of different widths
                let k = rng.int(in: 0...30)
                let offset = rng.pick([Int64(0), 100, 1_000_000_000_000])
                let l = column(leftRows, type: .integer, rng: &rng, name: "li") { r in Value.integer(offset + Int64(r.int(in: 0...k))) }
                let r = column(rightRows, type: .integer, rng: &rng, name: "ri") { r in Value.integer(offset + Int64(r.int(in: 0...k)) - (r.chance(0.5) ? 0 : 200)) }
                return (l, r, false)
            case 2:  // integer against decimal, both ways round
                let k = rng.int(in: 0...20)
                let intsOnLeft = rng.chance(0.5)
                let ints = column(intsOnLeft ? leftRows : rightRows, type: .integer, rng: &rng, name: "i") { r in
                    Value.integer(Int64(r.int(in: 0...k)))
                }
                let decs = column(intsOnLeft ? rightRows : leftRows, type: .decimal, rng: &rng, name: "d") { r in
                    Value.decimal(Double(r.int(in: 0...k)) + (r.chance(0.2) ? 0.5 : 0) * (r.chance(0.5) ? 1 : -1))
                }
                return intsOnLeft ? (ints, decs, true) : (decs, ints, true)
            case 3:  // decimals, including −0.0 against 0.0
                let l = column(leftRows, type: .decimal, rng: &rng, name: "ld") { r in Value.decimal(r.chance(0.1) ? -0.0 : Double(r.int(in: -6...6)) * 0.25) }
                let r = column(rightRows, type: .decimal, rng: &rng, name: "rd") { r in Value.decimal(Double(r.int(in: -6...6)) * 0.25) }
                return (l, r, true)
            default:  // booleans
                let l = column(leftRows, type: .boolean, rng: &rng, name: "lb") { r in Value.boolean(r.chance(0.5)) }
                let r = column(rightRows, type: .boolean, rng: &rng, name: "rb") { r in Value.boolean(r.chance(0.5)) }
                return (l, r, false)
            }
        }
        let count = rng.chance(0.3) ? 2 : 1
        return (0..<count).map { _ in keyPair(rng.int(in: 0...4)) }
    }

    /// A column from a value generator, with a random share of missing cells (garbage in their slots half the time).
    static func column(_ rows: Int, type: ColumnType, rng: inout SplitMix64, name: String,
                       _ draw: (inout SplitMix64) -> Value) -> RandomColumn {
        let missing = min(RandomTable.missingRate(&rng), 0.5)
        let garbage = rng.chance(0.5)
        var values: [Value] = []
        var slots: [Value] = []
        for _ in 0..<rows {
            let v = draw(&rng)
            let isMissing = rng.chance(missing)
            values.append(isMissing ? .missing : v)
            slots.append(isMissing && !garbage ? .missing : v)
        }
        let storage: ColumnStorage
        switch type {
        case .integer:
            storage = .integer(IntegerBuffer(narrowing: ContiguousArray(slots.map { if case .integer(let i) = $0 { i } else { 0 } })))
        case .decimal:
            storage = .decimal(ContiguousArray(slots.map { $0.number ?? 0 }))
        case .boolean:
            storage = .boolean(ContiguousArray(slots.map { $0 == .boolean(true) }))
        case .text:
            fatalError("text join keys come from RandomTable.makeColumn")
        }
        let column = Column(name: name, storage: storage, validity: ValidityBitmap(values.map { $0 != .missing }))
        return RandomColumn(kind: type == .integer ? .smallInt : type == .decimal ? .decimal : .boolean, column: column, values: values)
    }

    static func checkJoin(leftRows: Int, rightRows: Int, rng: inout SplitMix64, context: String) throws {
        let keys = joinKeys(leftRows: leftRows, rightRows: rightRows, rng: &rng)
        let left = keys.map(\.0), right = keys.map(\.1)
        let where_ = "\(context), join \(left.map(\.name)) = \(right.map(\.name)), \(leftRows) × \(rightRows) rows"
        for kind in [JoinKind.inner, .left] {
            let matches = try hashJoin(left: left.map(\.column), right: right.map(\.column), kind: kind)
            let expected = Reference.join(left: left.map(\.values), right: right.map(\.values),
                                          numericAsDecimal: keys.map(\.2), kind: kind)
            expectSame(zip(matches.left, matches.right).map { [$0, $1] }, expected, "\(where_), \(kind)")

            // Gathering the matches gives each side's values, and missing for unmatched right rows. (Not from an
            // empty right column: that traps, see GatherTests.unmatchedRowsFromAnEmptyColumn.)
            guard right[0].column.count > 0 else { continue }
            let gatheredLeft = left[0].column.gathering(matches.left)
            let gatheredRight = right[0].column.gathering(matches.right)
            expectSame(cells(gatheredLeft), expected.map { left[0].values[Int($0[0])] }, "\(where_), \(kind): gathered left")
            expectSame(cells(gatheredRight), expected.map { $0[1] < 0 ? .missing : right[0].values[Int($0[1])] },
                       "\(where_), \(kind): gathered right")
        }
    }
}

extension Double {
    func clamped(_ low: Double, _ high: Double) -> Double { isNaN ? 0 : Swift.min(Swift.max(self, low), high) }
}
