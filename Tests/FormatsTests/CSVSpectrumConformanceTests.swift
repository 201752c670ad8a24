import Engine
import Foundation
@testable import Formats
import Testing

/// csv-spectrum v2.0.0 (shared/conformance/csv-spectrum): every csvs/X.csv read by CSVReader must give the
/// records of json/X.json.
///
/// The suite's values are all strings, while the reader infers types, so a cell is compared by this rule:
/// - an empty expected string is a missing cell (the reader treats an empty field, quoted or not, as missing);
/// - in a text column the cell's text equals the expected string exactly (scalar by scalar);
/// - in an integer column the expected string parses as Int64 to the cell's value, in a decimal column as Double;
/// - boolean columns do not occur in the suite.
@Suite struct CSVSpectrumConformanceTests {
    /// `<repo>/../shared/conformance/csv-spectrum`, located from this source file (CI always has ../shared).
    static let suiteURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // FormatsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository
        .deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/csv-spectrum")

    static let expectedCases = [
        "comma_in_quotes", "empty", "empty_crlf", "escaped_quotes", "json", "location_coordinates",
        "newlines", "newlines_crlf", "quotes_and_newlines", "simple", "simple_crlf", "utf8",
    ]

    /// The case names found in csvs/, or a failure naming the missing folder.
    static func caseNames() throws -> [String] {
        let csvs = suiteURL.appendingPathComponent("csvs")
        guard FileManager.default.fileExists(atPath: csvs.path) else {
            Issue.record("csv-spectrum conformance files not found at \(csvs.path); they belong in <repo>/../shared/conformance/csv-spectrum")
            return []
        }
        return try FileManager.default.contentsOfDirectory(atPath: csvs.path)
            .filter { $0.hasSuffix(".csv") }
            .map { String($0.dropLast(4)) }
            .sorted()
    }

    /// The twelve known cases are there; any case added to the folder later is compared too.
    @Test func suiteIsPresentAndEveryCaseIsRead() throws {
        let names = try Self.caseNames()
        #expect(Set(Self.expectedCases).isSubset(of: names), "csv-spectrum cases in \(Self.suiteURL.path): \(names)")
        for name in names where !Self.expectedCases.contains(name) {
            try csvMatchesJSON(name)
        }
    }

    /// The *_crlf files must really have CRLF ends (a checkout that converts line ends would hide CRLF bugs),
    /// and the others plain LF.
    @Test func crlfFilesHaveCRLFEnds() throws {
        for name in try Self.caseNames() {
            let bytes = Array(try Data(contentsOf: Self.suiteURL.appendingPathComponent("csvs/\(name).csv")))
            let lfs = bytes.indices.filter { bytes[$0] == 0x0A }
            let crlfs = lfs.filter { $0 > 0 && bytes[$0 - 1] == 0x0D }
            #expect(!lfs.isEmpty, "\(name).csv has line ends")
            if name.hasSuffix("_crlf") {
                #expect(crlfs.count == lfs.count, "\(name).csv: every LF follows a CR")
            } else {
                #expect(crlfs.isEmpty, "\(name).csv: LF line ends only")
            }
        }
    }

    @Test(arguments: expectedCases)
    func csvMatchesJSON(_ name: String) throws {
        let csvURL = Self.suiteURL.appendingPathComponent("csvs/\(name).csv")
        let jsonURL = Self.suiteURL.appendingPathComponent("json/\(name).json")
        guard FileManager.default.fileExists(atPath: csvURL.path), FileManager.default.fileExists(atPath: jsonURL.path) else {
            Issue.record("csv-spectrum case \(name) not found under \(Self.suiteURL.path)")
            return
        }
        let result = try CSVReader.read(SourceBytes(path: csvURL.path), tableName: name)
        // location_coordinates.json holds one object instead of an array of them.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: jsonURL))
        let single = json as? [String: String]
        let expected = try #require((json as? [[String: String]]) ?? single.map { [$0] }, "\(name).json: records of strings")

        #expect(result.table.rowCount == expected.count, "\(name): rows")
        #expect(Set(result.table.columnNames) == Set(expected[0].keys), "\(name): column names")
        for (row, record) in expected.enumerated() where row < result.table.rowCount {
            for (key, text) in record {
                guard let column = result.table.column(named: key) else { continue }
                // Known error in the suite (shared/data/SOURCES.md): the JSON gives 1234567890, the CSV 2095257564.
                if name == "location_coordinates" && key == "Contact Phone Number" {
                    #expect(column.value(at: row) == .integer(2_095_257_564))
                    continue
                }
                expectCell(column, row, equals: text, name)
            }
        }
    }

    func expectCell(_ column: Column, _ row: Int, equals text: String, _ name: String,
                    sourceLocation: SourceLocation = #_sourceLocation) {
        let cell = column.value(at: row)
        let place = "\(name) row \(row + 1) column '\(column.name)' (\(column.type.rawValue)): \(cell) vs \(text.debugDescription)"
        if text.isEmpty {
            #expect(cell == .missing, "\(place)", sourceLocation: sourceLocation)
            return
        }
        switch column.type {
        case .text:
            guard case .text(let s) = cell else { Issue.record("\(place)", sourceLocation: sourceLocation); return }
            #expect(Array(s.unicodeScalars) == Array(text.unicodeScalars), "\(place)", sourceLocation: sourceLocation)
        case .integer:
            #expect(Int64(text).map(Value.integer) == cell, "\(place)", sourceLocation: sourceLocation)
        case .decimal:
            #expect(Double(text).map(Value.decimal) == cell, "\(place)", sourceLocation: sourceLocation)
        case .boolean:
            Issue.record("unexpected boolean column: \(place)", sourceLocation: sourceLocation)
        }
    }

    /// The types the reader gives the suite's columns, so the comparison rule above is exercised on each kind.
    @Test func inferredTypes() throws {
        func read(_ name: String) throws -> LoadResult {
            try CSVReader.read(SourceBytes(path: Self.suiteURL.appendingPathComponent("csvs/\(name).csv").path), tableName: name)
        }
        guard FileManager.default.fileExists(atPath: Self.suiteURL.path) else {
            Issue.record("csv-spectrum conformance files not found at \(Self.suiteURL.path)")
            return
        }
        let quotes = try read("comma_in_quotes")
        #expect(quotes.type("zip") == .text)  // 08123: a code with a leading zero
        #expect(quotes.cells("zip") == [.text("08123")])
        #expect(quotes.cells("city") == [.text("Anytown, WW")])

        for name in ["empty", "empty_crlf"] {
            let empty = try read(name)
            #expect(empty.cells("a") == [.integer(1), .integer(2)])
            #expect(empty.cells("b") == [.missing, .integer(3)])
            #expect(empty.cells("c") == [.missing, .integer(4)])
            #expect(empty.summary("b")?.missing == 1)
        }
        let crlf = try read("newlines_crlf")
        #expect(crlf.cells("a") == [.text("1"), .text("Once upon \r\na time"), .text("7")])
        #expect(crlf.cells("b") == [.integer(2), .integer(5), .integer(8)])
        let coordinates = try read("location_coordinates")
        #expect(coordinates.cells("Location Coordinates") == [.text("37\u{FFFD}36'37.8\"N 121\u{FFFD}2'17.9\"W")])
    }
}
