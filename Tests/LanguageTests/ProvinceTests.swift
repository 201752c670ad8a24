import Engine
import Foundation
import Testing
@testable import Language
@testable import Shell

/// The gazetteer: every real spelling, all 63 provinces and 34 units, filters through it, the 2025 rollup.
@Suite struct ProvinceTests {
    let session: Session
    let gazetteer: Gazetteer

    init() throws {
        session = try Transcript.session()
        gazetteer = try #require(session.gazetteer)
    }

    @Test(arguments: [
        ("TP Cần Thơ", "92"), ("Thành phố Cần Thơ", "92"), ("Cần Thơ", "92"), ("can tho", "92"),
        ("TP. Hồ Chí Minh", "79"), ("Thành phố Hồ Chí Minh", "79"), ("TP.HCM", "79"), ("TPHCM", "79"), ("HCM", "79"),
        ("Sài Gòn", "79"), ("Ho Chi Minh city", "79"), ("tp ho chi minh", "79"),
        ("Bà Rịa - Vũng Tàu", "77"), ("Bà Rịa–Vũng Tàu", "77"), ("Bà Rịa—Vũng Tàu", "77"), ("Bà Rịa-Vũng Tàu", "77"),
        ("Bà Rịa  -  Vũng Tàu", "77"), ("BR-VT", "77"), ("Ba Ria Vung Tau", "77"),
        ("Thừa Thiên Huế", "46"), ("Thừa Thiên-Huế", "46"), ("Huế", "46"), ("Thua Thien Hue", "46"),
        ("Hoà Bình", "17"), ("Hòa Bình", "17"), ("Khánh Hòa", "56"), ("Khánh Hoà", "56"), ("Thanh Hóa", "38"), ("Thanh Hoá", "38"),
        ("Đắk Lắk", "66"), ("Dak Lak", "66"), ("Daklak", "66"), ("Đắk Nông", "67"), ("Dak Nong", "67"),
        ("Thái  Nguyên", "19"), ("Quảng  Nam", "49"), ("Tỉnh Ninh Bình", "37"),
    ])
    func spellingNamesTheProvince(_ spelling: String, _ code: String) {
        #expect(gazetteer.code(for: spelling) == code, "\(spelling)")
    }

    @Test func notProvinces() {
        for other in ["Cả nước", "Hà Tây", "Đồng bằng sông Hồng", "", "Ninh"] { #expect(gazetteer.code(for: other) == nil, "\(other)") }
    }

    /// Each of the 63 provinces under each of its gazetteer spellings, and the 34 units they form.
    @Test func all63ProvincesAnd34Units() throws {
        let table = try #require(session.datasets["provinces"]).table
        #expect(table.rowCount == 63)
        #expect(gazetteer.codes.count == 63)
        for row in 0..<table.rowCount {
            let code = table.column(named: "code")!.value(at: row).description
            for column in ["name", "name_ascii", "name_full", "name_gso_2023", "name_en_gso"] {
                let spelling = table.column(named: column)!.value(at: row).description
                #expect(gazetteer.code(for: spelling) == code, "\(column) \(spelling)")
            }
        }
        let units = gazetteer.units
        #expect(units.count == 34)
        #expect(units.reduce(0) { $0 + $1.members.count } == 63)
        #expect(Set(units.map(\.name)).count == 34)
        let ninhBinh = try #require(units.first { $0.name == "Ninh Bình" })
        #expect(Set(ninhBinh.members.map { gazetteer.provinces[$0]!.name }) == ["Hà Nam", "Nam Định", "Ninh Bình"])
        let canTho = try #require(units.first { $0.name == "Cần Thơ" })
        #expect(Set(canTho.members.map { gazetteer.provinces[$0]!.name }) == ["Cần Thơ", "Sóc Trăng", "Hậu Giang"])
        #expect(gazetteer.province("Quảng Nam")?.unit == "Đà Nẵng")
        #expect(gazetteer.province("Kon Tum")?.unit == "Quảng Ngãi")
        #expect(gazetteer.province("Bắc Kạn")?.unit == "Thái Nguyên")
        #expect(gazetteer.province("Bà Rịa - Vũng Tàu")?.unit == "Hồ Chí Minh")
    }

    func rows(_ statement: String) throws -> [[Value]] {
        guard case .table(let result) = try session.run(statement) else { Issue.record("no table"); return [] }
        return (0..<result.table.rowCount).map { result.table.row($0) }
    }

    @Test func filtersGoThroughTheGazetteer() throws {
        _ = try session.run("use gso")
        let expected = try rows("show province=\"TP. Hồ Chí Minh\" code year rate")
        #expect(!expected.isEmpty)
        #expect(try rows("show province=HCM code year rate") == expected)
        #expect(try rows("show province=tp ho chi minh code year rate") == expected)
        #expect(try rows("show province=Sài Gòn code year rate") == expected)
        #expect(try rows("show province=Thua Thien Hue year=2023 code") == [[.text("46")]])
        // region and the 2025 unit come with the data, no join by hand.
        #expect(try rows("rank province by rate region=Tây Nguyên year=2023").map { $0[1] } ==
                ["Kon Tum", "Gia Lai", "Đắk Nông", "Đắk Lắk", "Lâm Đồng"].map(Value.text))
        #expect(try rows("count by unit_2025 year=2023").count == 34)
    }

    @Test func describeNamesTheProvinceColumn() throws {
        guard case .table(let result) = try session.run("describe gso") else { Issue.record("no table"); return }
        let notes = result.notes.map(\.en)
        #expect(notes.contains { $0.hasPrefix("province names provinces (63 of 63)") && $0.contains("Hà Tây") && $0.contains("region, unit_2025") })
    }

    /// A count column rolled up: 34 units whose totals are the sums of their old provinces.
    @Test func rollupOfACountSumsEachUnit() throws {
        let table = try #require(session.datasets["provinces"]).table
        // A made-up count per province (its code times 10 plus 7), to check the arithmetic only.
        let names = (0..<table.rowCount).map { table.column(named: "name")!.value(at: $0) }
        let counts = (0..<table.rowCount).map { Int64(table.column(named: "code")!.value(at: $0).description)! * 10 + 7 }
        let data = try Table(name: "counts", columns: [
            Column(name: "province", values: names), Column(name: "year", values: names.map { _ in .integer(2023) }),
            Column(name: "households", values: counts.map(Value.integer)),
        ])
        session.add(Dataset(table: data, origin: "test"), makeCurrent: true)
        guard case .table(let result) = try session.run("rollup province to 2025 households") else { Issue.record("no table"); return }
        #expect(result.table.rowCount == 34)
        var expected: [String: Int64] = [:]
        for (name, count) in zip(names, counts) { expected[gazetteer.province(name.description)!.unit, default: 0] += count }
        for row in 0..<result.table.rowCount {
            let unit = result.table.column(named: "unit_2025")!.value(at: row).description
            #expect(result.table.column(named: "households")!.value(at: row) == .integer(expected[unit]!), "\(unit)")
            #expect(result.table.column(named: "missing")!.value(at: row) == .missing)
        }
        #expect(expected.values.reduce(0, +) == counts.reduce(0, +))
    }

    @Test func aRateWithoutAWeightIsRefused() throws {
        _ = try session.run("use gso")
        #expect {
            try session.run("rollup province to 2025 rate year=2023")
        } throws: { error in
            (error as? LanguageError)?.message.en.contains("the rate of a merged unit is not the mean of its provinces' rates") == true
        }
    }

    @Test func aRateWithAWeightIsItsWeightedMean() throws {
        let data = try Table(name: "w", columns: [
            Column(name: "province", values: ["Ninh Bình", "Hà Nam", "Nam Định", "Cao Bằng"].map(Value.text)),
            Column(name: "year", values: Array(repeating: .integer(2024), count: 4)),
            Column(name: "rate", values: [.decimal(2), .decimal(4), .decimal(1), .decimal(20)]),
            Column(name: "households", values: [.integer(100), .integer(300), .integer(600), .integer(50)]),
        ])
        session.add(Dataset(table: data, origin: "test"), makeCurrent: true)
        guard case .table(let result) = try session.run("rollup province to 2025 rate weight households") else { Issue.record("no table"); return }
        let row = try #require((0..<result.table.rowCount).first { result.table.column(named: "unit_2025")!.value(at: $0) == .text("Ninh Bình") })
        // (2×100 + 4×300 + 1×600) / 1000 = 2.0, not the mean of the parts (2.33…).
        #expect(result.table.columns.last!.value(at: row) == .decimal(2.0))
    }

    @Test func severalYearsAreRefused() throws {
        _ = try session.run("use gso")
        #expect(throws: LanguageError.self) { try session.run("rollup province to 2025 rate weight rate") }
    }

    @Test func resultsMixingOldAndNewNamesAreNoted() throws {
        let data = try Table(name: "mixed", columns: [
            Column(name: "province", values: ["Ninh Bình", "Nam Định", "Ninh Bình", "Cao Bằng"].map(Value.text)),
            Column(name: "year", values: [.integer(2023), .integer(2023), .integer(2026), .integer(2026)]),
            Column(name: "rate", values: [.decimal(1.86), .decimal(2.1), .decimal(1.2), .decimal(15)]),
        ])
        session.add(Dataset(table: data, origin: "test"), makeCurrent: true)
        guard case .table(let result) = try session.run("show province=Ninh Bình,Nam Định") else { Issue.record("no table"); return }
        #expect(result.notes.map(\.en).contains("Ninh Bình from 1 July 2025 also covers Hà Nam, Nam Định: rows before and after the change are not the same territory"))
        guard case .table(let single) = try session.run("show province=Cao Bằng") else { Issue.record("no table"); return }
        #expect(single.notes.isEmpty)
    }

    /// The mapping table in docs/provinces.md is the gazetteer's: 34 rows, each unit with its provinces.
    @Test func documentedMappingMatchesTheGazetteer() throws {
        let doc = try String(contentsOfFile: Transcript.repositoryRoot + "/docs/provinces.md", encoding: .utf8)
        let table = doc.components(separatedBy: "## The mapping").last!
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.first(where: \.isNumber) != nil && !$0.hasPrefix("| unit") }
        #expect(rows.count == 34)
        for unit in gazetteer.units {
            let members = unit.members.map { "\(gazetteer.provinces[$0]!.name) (\($0))" }.joined(separator: ", ")
            #expect(rows.contains { $0 == "| \(unit.code) | \(unit.name) | \(members) |" }, "\(unit.name)")
        }
    }
}
