import Engine
import Foundation
@testable import Language
import Testing

/// Every aggregate verb, by one and two keys, with and without filters, on 20,000 generated household rows
/// loaded from a CSV through a Session, checked cell by cell against a naive row-by-row reference computed
/// here from the generated rows. Numbers agree to a relative 1e-9; missing must be missing.
@Suite struct DifferentialTests {
    static let relativeTolerance = 1e-9

    // MARK: Generated data

    struct Household {
        var province: String
        var year: Int
        var urban: Int
        var members: Int
        /// Parsed back from the text written to the CSV, so the reference sees exactly what the loader reads.
        var income: Double?
        var poor: Int
    }

    /// SplitMix64 (Steele, Lea & Flood 2014): small, fast and the same on every platform.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    }

    /// Nineteen provinces drawn at random (Vietnamese names, several sharing words), and Bắc Kạn, which
    /// appears only in four hand-made rows: one group with a single income, one with only a missing one.
    static let provinces = [
        "An Giang", "Bạc Liêu", "Cà Mau", "Cần Thơ", "Đà Nẵng", "Điện Biên", "Đồng Tháp", "Hà Giang", "Hà Nội",
        "Hà Tĩnh", "Hải Phòng", "Kon Tum", "Lai Châu", "Nghệ An", "Ninh Bình", "Quảng Nam", "Sóc Trăng",
        "Thái Nguyên", "Yên Bái",
    ]
    static let rare = "Bắc Kạn"
    static let rowCount = 20_000

    struct Generated {
        var rows: [Household]
        var csv: String
    }

    static let generated: Generated = {
        var random = SplitMix64(state: 20_240_701)
        var rows: [Household] = []
        var lines = ["province,year,urban,members,income,poor"]
        func add(_ province: String, _ year: Int, _ urban: Int, _ members: Int, _ cents: Int?, _ poor: Int) {
            let incomeText = cents.map { "\($0 / 100).\($0 % 100 < 10 ? "0" : "")\($0 % 100)" } ?? ""
            rows.append(Household(province: province, year: year, urban: urban, members: members,
                                  income: incomeText.isEmpty ? nil : Double(incomeText)!, poor: poor))
            lines.append("\(province),\(year),\(urban),\(members),\(incomeText),\(poor)")
        }
        for _ in 0..<(rowCount - 4) {
            // Skewed province weights: the first provinces are drawn more often.
            let p = min(random.below(provinces.count), random.below(provinces.count + 6))
            let province = provinces[min(p, provinces.count - 1)]
            let year = 2016 + random.below(9)
            let urban = random.unit() < 0.35 ? 1 : 0
            let members = 1 + random.below(9)
            // Income per month in thousand VND, log-normal-ish, two decimals; about 5 % missing.
            let missing = random.unit() < 0.05
            let base = 300 + 2500 * pow(random.unit(), 2) + 400 * Double(urban) + 60 * Double(year - 2016)
            let cents = missing ? nil : Int((base * 100).rounded())
            let poorChance = max(0.02, 0.30 - 0.025 * Double(year - 2016) - (urban == 1 ? 0.1 : 0) + (p >= 10 ? 0.08 : 0))
            let poor = random.unit() < poorChance ? 1 : 0
            add(province, year, urban, members, cents, poor)
        }
        add(rare, 2016, 0, 3, 100_050, 1)
        add(rare, 2017, 1, 4, nil, 0)
        add(rare, 2018, 0, 5, 120_025, 1)
        add(rare, 2018, 1, 2, 130_075, 0)
        return Generated(rows: rows, csv: lines.joined(separator: "\n") + "\n")
    }()

    /// A session with the generated file loaded as `h` (a fresh temporary folder per call).
    static func loadedSession() throws -> Session {
        let folder = NSTemporaryDirectory() + "solieu_langtests_differential_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/households.csv"
        try generated.csv.write(toFile: path, atomically: true, encoding: .utf8)
        let session = Session()
        guard case .report(let report) = try session.run("load \(path) as h") else {
            Issue.record("load gave no report")
            return session
        }
        #expect(report.first == "loaded \(path): \(rowCount) rows × 6 columns (CSV)")
        #expect(session.currentName == "h")
        let table = try session.current().table
        #expect(table.columns.map(\.type) == [.text, .integer, .integer, .integer, .decimal, .integer])
        #expect(table.rowCount == rowCount)
        return session
    }

    // MARK: Reference

    struct RowFilter {
        var text: String
        var keeps: @Sendable (Household) -> Bool
    }

    static let filters: [RowFilter] = [
        RowFilter(text: "", keeps: { _ in true }),
        RowFilter(text: "year=2020..2022", keeps: { (2020...2022).contains($0.year) }),
        RowFilter(text: "income<1500", keeps: { $0.income.map { $0 < 1500 } ?? false }),
        RowFilter(text: "province=ninh binh", keeps: { $0.province == "Ninh Bình" }),
        RowFilter(text: "province=\"Đà Nẵng\",Bắc Kạn urban=1", keeps: { ($0.province == "Đà Nẵng" || $0.province == "Bắc Kạn") && $0.urban == 1 }),
        RowFilter(text: "year!=2016 members>=5", keeps: { $0.year != 2016 && $0.members >= 5 }),
    ]

    static let keySets: [[String]] = [[], ["province"], ["year"], ["province", "year"], ["urban", "province"]]

    static func key(_ h: Household, _ names: [String]) -> String {
        names.map { name -> String in
            switch name {
            case "province": h.province
            case "year": String(h.year)
            case "urban": String(h.urban)
            default: fatalError(name)
            }
        }.joined(separator: "|")
    }

    /// The reference value of `function` over `values` (present values only).
    static func reference(_ function: String, _ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        switch function {
        case "sum": return values.reduce(0, +)
        case "mean": return values.reduce(0, +) / Double(values.count)
        case "min": return values.min()
        case "max": return values.max()
        case "median":
            let s = values.sorted()
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        case "stddev":
            guard values.count >= 2 else { return nil }
            let mean = values.reduce(0, +) / Double(values.count)
            return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
        default: fatalError(function)
        }
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= relativeTolerance * max(abs(a), abs(b))
    }

    /// Result rows keyed like `key(_:_:)`, with the key cells checked to be in reading order.
    static func rowsByKey(_ result: ResultTable, keys: [String], statement: String) throws -> [String: Int] {
        let columns = try keys.map { name in try #require(result.table.column(named: name), "\(statement): no column \(name)") }
        var out: [String: Int] = [:]
        var previous: [Value]? = nil
        for row in 0..<result.table.rowCount {
            let cells = columns.map { $0.value(at: row) }
            if let previous, !precedes(previous, cells) {
                Issue.record("\(statement): row \(row) (\(cells)) is not after \(previous)")
            }
            previous = cells
            let key = cells.map(\.description).joined(separator: "|")
            if out[key] != nil { Issue.record("\(statement): key \(key) twice") }
            out[key] = row
        }
        return out
    }

    /// Numbers by value, text in Vietnamese dictionary order.
    static func precedes(_ a: [Value], _ b: [Value]) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            if let p = x.number, let q = y.number { return p < q }
            return VietnameseCollation.precedes(x.description, y.description)
        }
        return false
    }

    // MARK: Tests

    @Test func generatedDataHasTheShapeWeWant() {
        let rows = Self.generated.rows
        #expect(rows.count == Self.rowCount)
        #expect(Set(rows.map(\.province)).count == 20)
        #expect(Set(rows.map(\.year)) == Set(2016...2024))
        let missing = rows.filter { $0.income == nil }.count
        #expect(missing > 800 && missing < 1200, "about 5 % of incomes missing, got \(missing)")
        #expect(rows.filter { $0.poor == 1 }.count > 1000)
        // The hand-made groups: one with a single income, one with only a missing income.
        #expect(rows.filter { $0.province == Self.rare && $0.year == 2016 }.map(\.income) == [1000.5])
        #expect(rows.filter { $0.province == Self.rare && $0.year == 2017 }.map(\.income) == [nil])
    }

    @Test func everyAggregateVerbMatchesTheReference() throws {
        let session = try Self.loadedSession()
        let rows = Self.generated.rows
        var statements = 0
        var cells = 0
        var missingCells = 0
        for (f, filter) in Self.filters.enumerated() {
            let kept = rows.filter(filter.keeps)
            for keys in Self.keySets {
                var groups: [String: [Household]] = [:]
                for h in kept { groups[Self.key(h, keys), default: []].append(h) }
                let by = keys.isEmpty ? "" : "by " + keys.joined(separator: " ")
                for verb in ["count", "sum", "mean", "min", "max", "median", "stddev"] {
                    let measures = verb == "count" ? "" : "income members"
                    // Filters after the measures, or (every other filter) right after the verb.
                    let statement = (f % 2 == 0 ? [verb, measures, by, filter.text] : [verb, filter.text, measures, by])
                        .filter { !$0.isEmpty }.joined(separator: " ")
                    guard case .table(let result) = try session.run(statement) else {
                        Issue.record("\(statement): no table")
                        continue
                    }
                    statements += 1
                    let valueNames = verb == "count" ? ["count"] : ["\(verb)(income)", "\(verb)(members)"]
                    #expect(result.table.columnNames == keys + valueNames, "\(statement)")
                    #expect(result.table.rowCount == groups.count, "\(statement)")
                    let rowOf = try Self.rowsByKey(result, keys: keys, statement: statement)
                    #expect(Set(rowOf.keys) == Set(groups.keys), "\(statement)")
                    for (key, members) in groups {
                        guard let row = rowOf[key] else { continue }
                        for name in valueNames {
                            let column = try #require(result.table.column(named: name))
                            let actual = column.value(at: row)
                            let expected: Double?
                            switch name {
                            case "count": expected = Double(members.count)
                            case "\(verb)(income)": expected = Self.reference(verb, members.compactMap(\.income))
                            default: expected = Self.reference(verb, members.map { Double($0.members) })
                            }
                            cells += 1
                            if let expected {
                                guard let got = actual.number else {
                                    Issue.record("\(statement): \(name) for \(key) is \(actual), expected \(expected)")
                                    continue
                                }
                                #expect(Self.close(got, expected), "\(statement): \(name) for \(key) is \(got), expected \(expected)")
                            } else {
                                missingCells += 1
                                #expect(actual.isMissing, "\(statement): \(name) for \(key) is \(actual), expected missing")
                            }
                        }
                    }
                    // Missing incomes left out are counted in a note.
                    let missingIncomes = kept.filter { $0.income == nil }.count
                    if verb != "count" {
                        let note = "income: \(missingIncomes) missing value\(missingIncomes == 1 ? "" : "s") left out"
                        #expect(result.notes.map(\.en) == (missingIncomes > 0 ? [note] : []), "\(statement)")
                    }
                }
            }
        }
        #expect(statements == Self.filters.count * Self.keySets.count * 7)
        #expect(cells == 11_349)  // deterministic: the generator is seeded
        // The hand-made Bắc Kạn groups exercise "a group of only missing values is missing" and
        // "a sample deviation needs two values".
        #expect(missingCells >= 8)
    }

    /// The same aggregates written as calls in `show … by`, which go through the measure evaluator, plus
    /// count(), count(x) and count_distinct(x).
    @Test func showWithAggregateCallsMatchesTheReference() throws {
        let session = try Self.loadedSession()
        let rows = Self.generated.rows
        let calls = ["count()", "count(income)", "count_distinct(year)", "sum(income)", "mean(income)", "min(members)",
                     "max(members)", "median(income)", "stddev(income)"]
        var checked = 0
        var expectedCells = 0
        for filter in Self.filters {
            let kept = rows.filter(filter.keeps)
            for keys in [["province", "year"], ["urban"]] {
                var groups: [String: [Household]] = [:]
                for h in kept { groups[Self.key(h, keys), default: []].append(h) }
                expectedCells += calls.count * groups.count
                let statement = "show " + calls.joined(separator: " ") + " by " + keys.joined(separator: " ") + (filter.text.isEmpty ? "" : " " + filter.text)
                guard case .table(let result) = try session.run(statement) else {
                    Issue.record("\(statement): no table")
                    continue
                }
                #expect(result.table.columnNames == keys + calls, "\(statement)")
                #expect(result.table.rowCount == groups.count, "\(statement)")
                let rowOf = try Self.rowsByKey(result, keys: keys, statement: statement)
                for (key, members) in groups {
                    guard let row = rowOf[key] else {
                        Issue.record("\(statement): no row for \(key)")
                        continue
                    }
                    let incomes = members.compactMap(\.income)
                    let expected: [Double?] = [
                        Double(members.count), Double(incomes.count), Double(Set(members.map(\.year)).count),
                        Self.reference("sum", incomes), Self.reference("mean", incomes),
                        Self.reference("min", members.map { Double($0.members) }), Self.reference("max", members.map { Double($0.members) }),
                        Self.reference("median", incomes), Self.reference("stddev", incomes),
                    ]
                    for (i, name) in calls.enumerated() {
                        let actual = try #require(result.table.column(named: name)).value(at: row)
                        checked += 1
                        if let want = expected[i] {
                            #expect(actual.number.map { Self.close($0, want) } == true, "\(statement): \(name) for \(key) is \(actual), expected \(want)")
                        } else {
                            #expect(actual.isMissing, "\(statement): \(name) for \(key) is \(actual), expected missing")
                        }
                    }
                }
            }
        }
        #expect(checked == expectedCells)
        #expect(checked == 5_292)  // deterministic: the generator is seeded
    }

    /// Counts stay integers; sums of integers stay integers; means are decimals.
    @Test func resultTypes() throws {
        let session = try Self.loadedSession()
        guard case .table(let result) = try session.run("sum members income by year") else {
            Issue.record("no table")
            return
        }
        #expect(result.table.columns.map(\.type) == [.integer, .integer, .decimal])
        guard case .table(let count) = try session.run("count by urban") else {
            Issue.record("no table")
            return
        }
        #expect(count.table.columns.map(\.type) == [.integer, .integer])
        #expect(count.table.row(0) == [.integer(0), .integer(Int64(Self.generated.rows.filter { $0.urban == 0 }.count))])
        #expect(count.table.row(1) == [.integer(1), .integer(Int64(Self.generated.rows.filter { $0.urban == 1 }.count))])
    }

    /// `measure rate = 100 * mean(poor)`, shown by province and compared over the whole range.
    @Test func rateMeasureShowAndCompare() throws {
        let session = try Self.loadedSession()
        let rows = Self.generated.rows
        guard case .report(let confirmation) = try session.run("measure rate = 100 * mean(poor)") else {
            Issue.record("measure gave no text")
            return
        }
        #expect(confirmation == ["measure rate = 100 * mean(poor) (a percentage: changes in percentage points)"])
        func rate(_ province: String, _ year: Int) -> Double? {
            let group = rows.filter { $0.province == province && $0.year == year }
            guard !group.isEmpty else { return nil }
            return 100 * Double(group.filter { $0.poor == 1 }.count) / Double(group.count)
        }

        guard case .table(let shown) = try session.run("show rate by province year=2022") else {
            Issue.record("show gave no table")
            return
        }
        #expect(shown.table.columnNames == ["province", "rate"])
        #expect(shown.roles["rate"] == .percent)
        let provinces2022 = Set(rows.filter { $0.year == 2022 }.map(\.province))
        #expect(shown.table.rowCount == provinces2022.count)
        let rowOf = try Self.rowsByKey(shown, keys: ["province"], statement: "show rate by province year=2022")
        #expect(Set(rowOf.keys) == provinces2022)
        for province in provinces2022 {
            let expected = try #require(rate(province, 2022))
            let got = try #require(shown.table.column(named: "rate")?.value(at: rowOf[province] ?? 0).number)
            #expect(Self.close(got, expected), "rate of \(province) in 2022: \(got), expected \(expected)")
        }

        for (typed, province) in [("quang nam", "Quảng Nam"), ("Hà Nội", "Hà Nội"), ("\"Điện Biên\"", "Điện Biên")] {
            let statement = "compare province=\(typed) year=2016..2024 rate"
            guard case .table(let compared) = try session.run(statement) else {
                Issue.record("\(statement): no table")
                continue
            }
            #expect(compared.table.columnNames == ["province", "2016", "2024", "change (pp)", "change %", "per year (pp)"])
            #expect(compared.table.rowCount == 1)
            #expect(compared.notes.isEmpty, "\(statement): \(compared.notes.map(\.en))")
            #expect(compared.roles["change (pp)"] == .percentagePoints)
            #expect(compared.roles["change %"] == .percentChange)
            let first = try #require(rate(province, 2016))
            let last = try #require(rate(province, 2024))
            let expected: [Double] = [first, last, last - first, 100 * (last - first) / first, (last - first) / 8]
            let cells = compared.table.row(0)
            #expect(cells[0] == .text(province))
            for (i, want) in expected.enumerated() {
                let got = cells[i + 1].number
                #expect(got.map { Self.close($0, want) } == true, "\(statement): \(compared.table.columnNames[i + 1]) is \(cells[i + 1]), expected \(want)")
            }
        }
    }
}
