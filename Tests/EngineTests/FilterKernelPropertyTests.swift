import Testing
@testable import Engine

/// The one filter kernel (`filterRows`) against a plain loop over boxed `Value`s, on tables of 420 000 rows —
/// above twice `Parallel.minimumRowsToSplit`, so every pass is split across two workers — for random
/// combinations of every filter form: comparisons (`!=` included) against whole numbers and doubles, inclusive
/// ranges, OR-ed lists, `!=` against lists, integer ranges, dictionary-code masks, one or both booleans and
/// missing/present, over columns with missing values (garbage in their slots), integers at Int64.min/max and
/// beyond 2^53, decimals with −0.0 and values no integer column holds. The rows, the running counts, each
/// filter's count alone and each list value's count are all checked.
@Suite struct FilterKernelPropertyTests {
    static let rows = 420_000

    /// The table is built once: building 420 000 boxed reference cells per column is the slow part.
    static let table: KernelTable = {
        var rng = SplitMix64(seed: 4_200)
        return KernelTable(rows: rows, rng: &rng)
    }()

    @Test func passesAreSplitAcrossBothCores() {
        // The machine's workers (two on the test machine): a table this size is split into one piece each.
        let expected = min(Parallel.workerCount, Self.rows / Parallel.minimumRowsToSplit)
        let outcome = filterRows(.all(count: Self.rows), where: [Self.table.columns[0].column.predicate(missing: false)])
        #expect(outcome.pieceCount == expected)
        if ProcessInfoCores.count >= 2 { #expect(outcome.pieceCount >= 2, "a 420 000-row pass must use both cores") }
    }

    @Test func noPredicateKeepsTheSelectionWithoutAPass() {
        let all = filterRows(.all(count: Self.rows), where: [])
        #expect(all.selection == .all(count: Self.rows) && all.keptCount == Self.rows && all.pieceCount == 0)
        let listed = filterRows(.rows([3, 9, 27]), where: [], keepingRows: false)
        #expect(listed.selection == .rows([3, 9, 27]) && listed.keptCount == 3 && listed.pieceCount == 0)
    }

    @Test(arguments: 0..<3)
    func randomFilterCombinationsMatchReference(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 104_729 &+ 17)
        let table = Self.table
        // Every row, or a dense random subset that is still large enough to be split.
        let selection: Selection
        if seed == 2 {
            let rows = (0..<Int32(Self.rows)).filter { _ in rng.chance(0.985) }
            selection = .rows(ContiguousArray(rows))
        } else {
            selection = .all(count: Self.rows)
        }
        for round in 0..<3 {
            // The first filter's form cycles, so the nine passes reach every form at least once.
            let count = rng.int(in: 1...2)
            let filters = try (0..<count).map { i in try KernelFilter.random(table, rng: &rng, form: i == 0 ? seed * 3 + round : nil) }
            let context = "seed \(seed) round \(round): \(filters.map(\.label).joined(separator: " AND "))"
            let outcome = filterRows(selection, where: filters.map(\.predicate))
            let expected = KernelReference(filters, selection)

            #expect(outcome.pieceCount >= min(2, Parallel.workerCount), "\(context): split")
            PropertyChecks.expectSame(rowList(outcome.selection), expected.kept, "\(context): rows")
            #expect(outcome.runningCounts == expected.running, "\(context): running counts")
            #expect(outcome.aloneCounts == expected.alone, "\(context): counts alone")
            #expect(outcome.alternativeCounts == expected.alternatives, "\(context): counts of each value")
            if case .all = selection, expected.kept.count == Self.rows { #expect(outcome.selection == .all(count: Self.rows)) }
            // The pass that counts nothing per predicate (each tested straight into the running mask) keeps
            // the same rows, and its count-only form counts them.
            let uncounted = filterRows(selection, where: filters.map(\.predicate), countingEach: false)
            PropertyChecks.expectSame(rowList(uncounted.selection), expected.kept, "\(context): rows, not counting each")
            #expect(uncounted.runningCounts.isEmpty && uncounted.aloneCounts.isEmpty, "\(context): no counts made")
            let counted = filterRows(selection, where: filters.map(\.predicate), keepingRows: false, countingEach: false)
            #expect(counted.keptCount == expected.kept.count, "\(context): count only, not counting each")
        }
    }
}

/// The columns the kernel tests draw on: integers of three widths (one full of extremes), two decimal kinds,
/// dictionary text and booleans.
struct KernelTable {
    let columns: [RandomColumn]

    init(rows: Int, rng: inout SplitMix64) {
        let standard = RandomTable(rows: rows, rng: &rng, kinds: [.text, .smallInt, .mediumInt, .decimal, .boolean])
        // Missing rates fixed here (not drawn), so no column of the large table is entirely missing or full.
        let twoTo53: Int64 = 1 << 53
        let extremes: [Int64] = [.min, .min + 1, .max, .max - 1, twoTo53, twoTo53 + 1, twoTo53 - 1, -twoTo53 - 1, 0, -1, 1 << 62]
        let extreme = PropertyChecks.column(rows, type: .integer, rng: &rng, name: "extreme") { r in
            .integer(r.chance(0.7) ? r.pick(extremes) : r.int64(in: -(1 << 60)...(1 << 60)))
        }
        let wideDecimals: [Double] = [9_007_199_254_740_992, 9_007_199_254_740_994, -9_007_199_254_740_994, 9.2e18, -9.3e18, 1e300, -0.0, 0]
        let wide = PropertyChecks.column(rows, type: .decimal, rng: &rng, name: "wide") { r in
            .decimal(r.chance(0.6) ? r.pick(wideDecimals) : (r.unit() * 2 - 1) * 1e6)
        }
        columns = standard.columns + [extreme, wide]
    }
}

/// One random filter: the engine's predicate, a label for failure messages, and the reference test of each
/// alternative (a row passes the filter when it passes any alternative; missing never passes).
struct KernelFilter {
    let predicate: FilterPredicate
    let label: String
    let column: RandomColumn
    let alternatives: [ReferenceTest]

    /// A filter of a random form, or of `form` (0 missing, 1 text, 2 boolean, 3… the numeric forms).
    static func random(_ table: KernelTable, rng: inout SplitMix64, form: Int? = nil) throws -> KernelFilter {
        let forms: [RandomKind?] = [nil, .text, .boolean, .smallInt, .decimal, .smallInt, .decimal, .smallInt, .smallInt]
        let forced = form.map { forms[$0 % forms.count] }
        var random = rng.pick(table.columns)
        if let forced, let kind = forced { random = rng.pick(table.columns.filter { $0.kind == kind }) }
        let column = random.column
        if forced == .some(nil) || (forced == nil && rng.chance(0.08)) {
            let missing = rng.chance(0.5)
            return KernelFilter(predicate: column.predicate(missing: missing), label: "\(random.name) missing=\(missing)",
                                column: random, alternatives: [.missing(missing)])
        }
        switch random.kind {
        case .text:
            guard case .text(let text) = column.storage else { fatalError("a text column holds text") }
            let p = rng.unit()
            let mask = text.dictionary.map { _ in rng.chance(p) }
            let flagged = Set(zip(text.dictionary, mask).filter(\.1).map(\.0))
            return KernelFilter(predicate: try column.predicate(codesIn: mask), label: "\(random.name) in \(flagged.count) words",
                                column: random, alternatives: [.words(flagged)])
        case .boolean:
            let wanted = rng.pick([Set<Bool>([true]), [false], [true, false], []])
            return KernelFilter(predicate: try column.predicate(booleans: wanted), label: "\(random.name) in \(wanted)",
                                column: random, alternatives: [.booleans(wanted)])
        default:
            return try numeric(random, rng: &rng, form: form.map { $0 % forms.count - 3 })
        }
    }

    private static func numeric(_ random: RandomColumn, rng: inout SplitMix64, form: Int?) throws -> KernelFilter {
        let column = random.column
        func comparison() -> (Comparison, NumericConstant) { (rng.pick(Comparison.allCases), constant(random, rng: &rng)) }
        func text(_ c: (Comparison, NumericConstant)) -> String { "\(c.0.rawValue)\(c.1)" }
        switch form ?? rng.int(in: 0...5) {
        case 0, 1:
            let c = comparison()
            return KernelFilter(predicate: try column.predicate(c.0, c.1), label: "\(random.name)\(text(c))",
                                column: random, alternatives: [.all([c])])
        case 2:
            // An inclusive range, low..high (possibly backwards: then it keeps nothing).
            let low = constant(random, rng: &rng), high = constant(random, rng: &rng)
            return KernelFilter(predicate: try column.predicate(allOf: [(.greaterOrEqual, low), (.lessOrEqual, high)]),
                                label: "\(random.name)=\(low)..\(high)", column: random,
                                alternatives: [.all([(.greaterOrEqual, low), (.lessOrEqual, high)])])
        case 3:
            // A list: OR-ed comparisons (values for `=`; any comparison, to reach every interval shape).
            let equalOnly = rng.chance(0.6)
            let list = (0..<rng.int(in: 2...5)).map { _ in equalOnly ? (.equal, constant(random, rng: &rng)) : comparison() }
            return KernelFilter(predicate: try column.predicate(anyOf: list), label: "\(random.name) any of \(list.map(text))",
                                column: random, alternatives: list.map { .all([$0]) })
        case 4:
            // `!=` against a list: every `!=` holds.
            let list = (0..<rng.int(in: 1...4)).map { _ in (Comparison.notEqual, constant(random, rng: &rng)) }
            return KernelFilter(predicate: try column.predicate(allOf: list), label: "\(random.name) none of \(list.map(text))",
                                column: random, alternatives: [.all(list)])
        default:
            guard random.kind.isInteger else {
                #expect(throws: EngineError.self) { try column.predicate(integersIn: 0...1) }
                let c = comparison()
                return KernelFilter(predicate: try column.predicate(c.0, c.1), label: "\(random.name)\(text(c))",
                                    column: random, alternatives: [.all([c])])
            }
            let a = integer(random, rng: &rng), b = integer(random, rng: &rng)
            let range = min(a, b)...max(a, b)
            return KernelFilter(predicate: try column.predicate(integersIn: range), label: "\(random.name) in \(range)",
                                column: random, alternatives: [.integers(range)])
        }
    }

    static let extremeIntegers: [Int64] = [.min, .max, .max - 1, 1 << 53, (1 << 53) + 1, -(1 << 53) - 1, 127, -128, 32768]
    static let extremeDoubles: [Double] = [.infinity, -.infinity, .nan, 9_007_199_254_740_994, 9.3e18, -0.0, 0.5]

    /// A whole number near the column's values or at the ends of Int64.
    static func integer(_ random: RandomColumn, rng: inout SplitMix64) -> Int64 {
        if case .integer(let c) = constant(random, rng: &rng) { return c }
        return rng.pick([Int64.min, .max, 0, 1 << 53])
    }

    /// A constant worth comparing against: a value of the column (exactly, or as the nearest double), one
    /// off, half off, an extreme, an infinity or NaN.
    static func constant(_ random: RandomColumn, rng: inout SplitMix64) -> NumericConstant {
        var sample: Value = .integer(0)
        for _ in 0..<8 {
            let v = random.values[rng.int(in: 0...(random.values.count - 1))]
            if v != .missing { sample = v; break }
        }
        switch (rng.int(in: 0...9), sample) {
        case (0...2, .integer(let i)): return .integer(i)
        case (0...2, .decimal(let d)): return .decimal(d)
        case (3, .integer(let i)): return .integer(i == .max ? i : i + 1)
        case (4, .integer(let i)): return .decimal(Double(i) + 0.5)
        case (3, .decimal(let d)), (4, .decimal(let d)): return rng.chance(0.5) ? .decimal(d + 0.5) : .decimal(d.nextUp)
        case (5, _): return .integer(rng.pick(extremeIntegers))
        case (6, _): return .decimal(rng.pick(extremeDoubles))
        case (7, .integer(let i)): return .decimal(Double(i))
        default: return .integer(Int64(rng.int(in: -300...300)))
        }
    }
}

/// What a reference alternative tests of one boxed cell.
enum ReferenceTest {
    case missing(Bool)
    case words(Set<String>)
    case booleans(Set<Bool>)
    case integers(ClosedRange<Int64>)
    /// Every comparison holds.
    case all([(Comparison, NumericConstant)])

    func passes(_ value: Value) -> Bool {
        switch (self, value) {
        case (.missing(let missing), _): return (value == .missing) == missing
        case (.words(let words), .text(let s)): return words.contains(s)
        case (.booleans(let wanted), .boolean(let b)): return wanted.contains(b)
        case (.integers(let range), .integer(let i)): return range.contains(i)
        case (.all(let comparisons), _):
            for (comparison, constant) in comparisons where !NumericReference.passes(value, comparison, constant) { return false }
            return true
        default: return false
        }
    }
}

/// Exact comparisons of boxed cells and constants, written without the engine's helpers: an integer against
/// a double is decided on the double's integral part (truncated toward zero) and its fraction.
enum NumericReference {
    static func passes(_ value: Value, _ comparison: Comparison, _ constant: NumericConstant) -> Bool {
        guard value != .missing else { return false }
        guard let order = order(value, constant) else { return comparison == .notEqual }  // NaN
        switch comparison {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }

    /// -1, 0 or 1 as the cell is below, equal to or above the constant; nil against NaN.
    static func order(_ value: Value, _ constant: NumericConstant) -> Int? {
        switch (value, constant) {
        case (.integer(let x), .integer(let c)): return x < c ? -1 : (x > c ? 1 : 0)
        case (.decimal(let x), .decimal(let c)): return c.isNaN ? nil : (x < c ? -1 : (x > c ? 1 : 0))
        case (.integer(let x), .decimal(let c)): return order(x, c)
        case (.decimal(let x), .integer(let c)): return order(c, x).map { -$0 }
        default: return nil
        }
    }

    static func order(_ x: Int64, _ d: Double) -> Int? {
        if d.isNaN { return nil }
        if d >= 0x1p63 { return -1 }
        if d < -0x1p63 { return 1 }
        let whole = d.rounded(.towardZero)
        let w = Int64(whole)  // exact: |whole| < 2^63, or whole is -2^63
        if x != w { return x < w ? -1 : 1 }
        return d > whole ? -1 : (d < whole ? 1 : 0)
    }
}

/// The rows and counts of a pass, from a plain loop over the selection.
struct KernelReference {
    var kept: [Int] = []
    var running: [Int]
    var alone: [Int]
    var alternatives: [[Int]]

    init(_ filters: [KernelFilter], _ selection: Selection) {
        let rows = rowList(selection)
        alternatives = filters.map { $0.alternatives.map { _ in 0 } }
        // Filter by filter over the selection: which rows pass each alternative, each filter, and all so far.
        var all = [Bool](repeating: true, count: rows.count)
        var alone: [Int] = [], running: [Int] = []
        for (f, filter) in filters.enumerated() {
            let values = filter.column.values
            var passes = [Bool](repeating: false, count: rows.count)
            for (a, test) in filter.alternatives.enumerated() {
                var count = 0
                values.withUnsafeBufferPointer { v in
                    passes.withUnsafeMutableBufferPointer { p in
                        for i in 0..<rows.count where test.passes(v[rows[i]]) {
                            p[i] = true
                            count += 1
                        }
                    }
                }
                alternatives[f][a] = count
            }
            var kept = 0
            for i in rows.indices {
                all[i] = all[i] && passes[i]
                if all[i] { kept += 1 }
            }
            alone.append(passes.filter { $0 }.count)
            running.append(kept)
        }
        self.alone = alone
        self.running = running
        kept = zip(rows, all).filter(\.1).map(\.0)
    }
}
