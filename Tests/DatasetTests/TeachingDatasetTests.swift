import Engine
import Formats
import Testing

/// The figures the teaching dataset must hold, as the seed articles state them.
@Suite struct TeachingDatasetTests {
    let table: Table

    init() throws {
        table = try Repository.load("reports.csv").table
    }

    /// The one row for `province` and `year` (the dataset has one row per area, year and source).
    func row(_ province: String, _ year: Int64) throws -> [String: Value] {
        let provinces = try #require(table.column(named: "province"))
        let years = try #require(table.column(named: "year"))
        let rows = (0..<table.rowCount).filter {
            provinces.value(at: $0) == .text(province) && years.value(at: $0) == .integer(year)
        }
        try #require(rows.count == 1, "expected one row for \(province) \(year), found \(rows.count)")
        return Dictionary(uniqueKeysWithValues: table.columns.map { ($0.name, $0.value(at: rows[0])) })
    }

    @Test func ninhBinh() throws {
        #expect(try row("Ninh Bình", 2021)["rate"] == .decimal(3.07))
        #expect(try row("Ninh Bình", 2023)["rate"] == .decimal(1.86))
    }

    @Test func quangNam2022() throws {
        let r = try row("Quảng Nam", 2022)
        #expect(r["rate"] == .decimal(6.8))
        #expect(r["poor_households"] == .integer(29829))
        #expect(r["preliminary"] == .integer(1))
        #expect(r["as_of"] == .text("2022-11-07"))
        #expect(r["source"] == .text("000_5dd8ac9c141f13b2.txt"))
    }

    @Test func quangNam2021IsDerivedFromTheStatedFall() throws {
        let r = try row("Quảng Nam", 2021)
        #expect(r["poor_households"] == .integer(29829 + 3318))
        #expect(r["derived"]?.description.split(separator: " ").contains("poor_households") == true)
    }

    @Test func konTum2017() throws {
        let r = try row("Kon Tum", 2017)
        #expect(r["rate"] == .decimal(20.30))
        #expect(r["poor_households"] == .integer(26164))
        #expect(r["as_of"] == .text("2017-12-31"))
    }

    @Test func startOfYearBelongsToThePreviousYear() throws {
        // "từ 26,11% vào đầu năm 2016": the start of 2016 is the end of 2015.
        let r = try row("Kon Tum", 2015)
        #expect(r["rate"] == .decimal(26.11))
        #expect(r["as_of"] == .text("2015-12-31"))
    }

    @Test func canTho2022() throws {
        let r = try row("Cần Thơ", 2022)
        #expect(r["rate"] == .decimal(0.52))
        #expect(r["left_poverty"] == .integer(1009))
    }

    @Test func everyRowNamesItsSourceAndPhrase() throws {
        let sources = try #require(table.column(named: "source"))
        let notes = try #require(table.column(named: "note"))
        #expect(sources.missingCount == 0)
        #expect(notes.missingCount == 0)
        for row in 0..<table.rowCount {
            #expect(sources.value(at: row).description.hasSuffix(".txt"))
        }
    }
}

/// No number in the teaching dataset that is not in its article: every figure not flagged `derived` must
/// appear in the article's text, written the Vietnamese way (29.829, 6,8).
@Suite struct TeachingDatasetProvenanceTests {
    static let seeds = Repository.root + "/../shared/seeds/"

    /// Ways an article may write `value` of `column`.
    static func spellings(_ value: Value, column: String) -> [String] {
        switch value {
        case .integer(let n):
            var grouped = String(n)
            var i = grouped.count - 3
            while i > 0 { grouped.insert(".", at: grouped.index(grouped.startIndex, offsetBy: i)); i -= 3 }
            var forms = [String(n), grouped]
            // Budgets are stored in million VND; articles write billions (tỷ) with a decimal comma.
            if column == "budget_million_vnd" { forms += decimalForms(Double(n) / 1000) }
            return forms
        case .decimal(let d): return decimalForms(d)
        default: return []
        }
    }

    static func decimalForms(_ d: Double) -> [String] {
        var forms: [String] = []
        for places in 0...3 {
            let text = String(format: "%.\(places)f", d).replacingOccurrences(of: ".", with: ",")
            if Double(text.replacingOccurrences(of: ",", with: ".")) == d { forms.append(text) }
        }
        return forms
    }

    @Test func everyFigureIsInItsArticle() throws {
        let table = try Repository.load("reports.csv").table
        let skip: Set<String> = ["year", "preliminary"]
        let sources = try #require(table.column(named: "source"))
        let derived = try #require(table.column(named: "derived"))
        var checked = 0
        for row in 0..<table.rowCount {
            let file = Self.seeds + sources.value(at: row).description
            let article = try #require(try? String(contentsOfFile: file, encoding: .utf8),
                                       "the seed article \(file) is needed to check provenance")
            let derivedColumns = Set(derived.value(at: row).description.split(separator: " ").map(String.init))
            for column in table.columns where column.type.isNumeric && !skip.contains(column.name) && !derivedColumns.contains(column.name) {
                let value = column.value(at: row)
                guard !value.isMissing else { continue }
                let forms = Self.spellings(value, column: column.name)
                #expect(forms.contains { article.contains($0) }, "row \(row + 1) \(column.name) = \(value): none of \(forms) is in \(file)")
                checked += 1
            }
        }
        #expect(checked >= 25, "the dataset should hold at least 25 stated figures")
    }
}
