import Testing
@testable import Engine

/// Random tables (see RandomTable.swift) checked against the naive reference (Reference.swift).
/// Every case is deterministic: the seed in a failure message replays it.
@Suite struct PropertyTests {
    static let seeds = Array(0..<220)

    static func makeTable(_ seed: Int, _ salt: UInt64) -> (RandomTable, SplitMix64) {
        var rng = SplitMix64(seed: UInt64(seed) &* 7919 &+ salt)
        let rows = randomRowCount(seed: seed, rng: &rng)
        let table = RandomTable(rows: rows, rng: &rng)
        return (table, rng)
    }

    /// A random selection: a random subset, or the result of an engine filter on a random column.
    static func randomSelection(_ table: RandomTable, rng: inout SplitMix64) throws -> Selection {
        if rng.chance(0.3) {
            let numeric = table.columns.filter { $0.kind.isNumeric && $0.kind != .boolean }
            let column = rng.pick(numeric)
            let comparison = rng.pick(Comparison.allCases)
            let c = PropertyChecks.constant(for: column, rng: &rng)
            return try column.column.select(comparison, c, from: RandomTable.selection(rows: table.rowCount, rng: &rng))
        }
        return RandomTable.selection(rows: table.rowCount, rng: &rng)
    }

    @Test(arguments: seeds)
    func filtersMatchReference(seed: Int) throws {
        var (table, rng) = Self.makeTable(seed, 1)
        for column in table.columns {
            PropertyChecks.expectSame(cells(column.column), column.values, "seed \(seed): column \(column.name) as built")
        }
        try PropertyChecks.checkFilters(table, rng: &rng, context: "seed \(seed), \(table.rowCount) rows")
    }

    @Test(arguments: seeds)
    func groupingAndAggregatesMatchReference(seed: Int) throws {
        var (table, rng) = Self.makeTable(seed, 2)
        let context = "seed \(seed), \(table.rowCount) rows"
        let first = rng.pick(table.columns)
        var second = rng.pick(table.columns)
        if second.kind == first.kind, rng.chance(0.8) { second = rng.pick(table.columns) }

        try PropertyChecks.checkGrouping(table, keys: [first], selection: try Self.randomSelection(table, rng: &rng),
                                         aggregated: table.columns, context: context)
        var some = table.columns
        rng.shuffle(&some)
        try PropertyChecks.checkGrouping(table, keys: [first, second], selection: try Self.randomSelection(table, rng: &rng),
                                         aggregated: Array(some.prefix(3)), context: context)
        // Every key kind at least once per few seeds, with a second key of another path.
        let kind = RandomKind.allCases[seed % RandomKind.allCases.count]
        let other = RandomKind.allCases[(seed / RandomKind.allCases.count) % RandomKind.allCases.count]
        try PropertyChecks.checkGrouping(table, keys: [table.column(kind), table.column(other)],
                                         selection: try Self.randomSelection(table, rng: &rng),
                                         aggregated: [rng.pick(table.columns)], context: context)
        if seed % 3 == 0 {
            // Two medium integer keys: each dense alone, their product over the dense limit, so hashed.
            let medium = RandomTable.makeColumn(.mediumInt, rows: table.rowCount, rng: &rng, name: "medium2")
            try PropertyChecks.checkGrouping(table, keys: [table.column(.mediumInt), medium], selection: .all(count: table.rowCount),
                                             aggregated: [table.column(.smallInt)], context: context)
        }
    }

    @Test(arguments: seeds)
    func sortMatchesReference(seed: Int) throws {
        var (table, rng) = Self.makeTable(seed, 3)
        // Sorting is the slowest kernel in a debug build: one random sort for the larger tables, two otherwise.
        for _ in 0..<(table.rowCount > 3_000 ? 1 : 2) {
            let keyCount = rng.int(in: 1...3)
            let keys = (0..<keyCount).map { _ in (rng.pick(table.columns), rng.chance(0.4)) }
            try PropertyChecks.checkSort(table, keys: keys, selection: try Self.randomSelection(table, rng: &rng),
                                     context: "seed \(seed), \(table.rowCount) rows")
        }
        // Text alone, so the Vietnamese order decides most comparisons.
        guard table.rowCount <= 3_000 else { return }
        try PropertyChecks.checkSort(table, keys: [(table.column(.text), rng.chance(0.5))], selection: .all(count: table.rowCount),
                                 context: "seed \(seed), \(table.rowCount) rows")
    }

    @Test(arguments: seeds)
    func joinMatchesReference(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 7919 &+ 4)
        let leftRows = min(randomRowCount(seed: seed, rng: &rng), 2_000)
        let rightRows = rng.chance(0.1) ? 0 : rng.int(in: 1...200)
        try PropertyChecks.checkJoin(leftRows: leftRows, rightRows: rightRows, rng: &rng, context: "seed \(seed)")
    }
}

/// Tables of 420 000 rows: above twice `Parallel.minimumRowsToSplit`, so filter scans are split across workers
/// (with 300 000 rows `Parallel.ranges` still returns a single range).
@Suite struct LargeTablePropertyTests {
    static let rows = 420_000

    @Test func largeTablesAreSplit() {
        #expect(Parallel.ranges(Self.rows).count == min(Parallel.workerCount, Self.rows / Parallel.minimumRowsToSplit))
        #expect(Parallel.ranges(300_000).count == 1)
    }

    /// One large table: filters on every column (split scans), then grouping with aggregates on a dense and
    /// a hashed path. Sorting is left to the medium-sized cases: a 400 000-row sort alone takes ~10 s in a
    /// debug build.
    @Test func largeTableMatchesReference() throws {
        var rng = SplitMix64(seed: 9001)
        let table = RandomTable(rows: Self.rows, rng: &rng)
        let context = "large table"
        try PropertyChecks.checkFilters(table, rng: &rng, context: context, rounds: 1)

        let filter = try table.column(.continuous).column.select(.greater, -0.25, from: .all(count: Self.rows))
        try PropertyChecks.checkGrouping(table, keys: [table.column(.text)], selection: .all(count: Self.rows),
                                         aggregated: [table.column(.smallInt), table.column(.continuous), table.column(.text)],
                                         context: context)
        try PropertyChecks.checkGrouping(table, keys: [table.column(.wideInt), table.column(.decimal)], selection: filter,
                                         aggregated: [table.column(.boolean)], context: context)
    }
}
