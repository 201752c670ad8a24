import Engine
import Formats
import Foundation
import Language
import Testing
@testable import Shell

/// Every output format is valid: CSV and JSON Lines exports read back through the real readers as the same
/// table (names, types, values), and a Markdown table keeps one row per line and one cell per column.
@Suite struct OutputRoundTripTests {
    /// Text pieces: Vietnamese (NFC), quotes, separators, every line end, and combining marks right after
    /// `,` `"` and a line end, which make one Character with them.
    static let pieces = ["Ninh Bình", "Hòa Bình", "Đắk Lắk", "hộ nghèo", "Tỷ lệ (%)", "\"", "\"\"", ",", ";", "|", "\t", "\n", "\r\n", "\r",
                         ",\u{301}", "\"\u{301}", "\n\u{300}", "|\u{303}", "\\", "\\|", "a", " ", "<br>", "x y", "-5.81", "1.234", "}"]
    static let names = ["tỉnh", "Số hộ nghèo", "năm", "tỷ lệ, %", "ghi \"chú\"", "mã|hộ", "x", "Tổng số"]

    /// A letter first, so that no text value reads as a number, a boolean or a missing marker.
    static func text(_ rng: inout SeededRandom) -> String {
        var out = ["Bình", "xã", "thôn", "Kon"][rng.below(4)]
        for _ in 0..<rng.below(5) { out += pieces[rng.below(pieces.count)] }
        if rng.below(6) == 0 { out = " " + out }
        return out.precomposedStringWithCanonicalMapping
    }

    static func decimal(_ rng: inout SeededRandom) -> Double {
        switch rng.below(7) {
        case 0: return Double(rng.below(100_000)) - 50_000          // whole: must stay decimal
        case 1: return Double(rng.below(1_000)) / 1_000 + Double(rng.below(999))  // three decimals: 1.234
        case 2: return Double(sign: rng.below(2) == 0 ? .plus : .minus, exponent: rng.below(120) - 60, significand: 1 + Double(rng.below(1 << 20)) / Double(1 << 20))
        case 3: return -Double(rng.below(10_000)) / 100
        case 4: return 1e20 * Double(1 + rng.below(9))
        default: return Double(Int64(bitPattern: rng.next()) >> 12) / 1e6
        }
    }

    static func integer(_ rng: inout SeededRandom) -> Int64 {
        switch rng.below(5) {
        case 0: return [.min, .max, .min + 1, .max - 1, 9_007_199_254_740_993, -9_007_199_254_740_993][rng.below(6)]
        case 1: return Int64(rng.below(3))
        default: return Int64(bitPattern: rng.next()) >> Int64(rng.below(63))
        }
    }

    /// A table of 1 to 6 columns of every type, 1 to 7 rows, some missing cells, every column and row with a value.
    static func randomTable(_ rng: inout SeededRandom) throws -> Table {
        let rows = 1 + rng.below(7)
        var columns: [Column] = []
        for name in names.shuffled(using: &rng).prefix(1 + rng.below(6)) {
            let kind = rng.below(4)
            var values: [Value] = (0..<rows).map { _ in
                switch kind {
                case 0: .integer(integer(&rng))
                case 1: .decimal(decimal(&rng))
                case 2: .boolean(rng.below(2) == 0)
                default: .text(text(&rng))
                }
            }
            for row in 1..<max(rows, 1) where rng.below(5) == 0 { values[row] = .missing }
            columns.append(Column(name: name, values: values))
        }
        // A row of nothing but missing cells is an empty line of separators in CSV, which the reader drops
        // with a note (as it drops Excel's empty rows): keep one cell of every row present.
        let first = columns[0]
        var firstValues = (0..<rows).map { first.value(at: $0) }
        for row in 0..<rows where columns.allSatisfy({ $0.value(at: row).isMissing }) {
            firstValues[row] = (0..<rows).map { first.value(at: $0) }.first { !$0.isMissing }!
        }
        columns[0] = Column(name: first.name, values: firstValues)
        return try Table(name: "t", columns: columns)
    }

    /// Differences between two tables' names, types and cells (text compared byte for byte).
    static func differences(_ a: Table, _ b: Table) -> [String] {
        guard a.columnNames == b.columnNames else { return ["names \(a.columnNames) != \(b.columnNames)"] }
        guard a.rowCount == b.rowCount else { return ["\(a.rowCount) rows != \(b.rowCount)"] }
        var out: [String] = []
        for (x, y) in zip(a.columns, b.columns) {
            if x.type != y.type { out.append("\(x.name): \(x.type) != \(y.type)") }
            for row in 0..<a.rowCount {
                let (u, v) = (x.value(at: row), y.value(at: row))
                let same: Bool
                if case .text(let s) = u, case .text(let t) = v { same = Array(s.utf8) == Array(t.utf8) } else { same = u == v }
                if !same { out.append("\(x.name) row \(row): \(String(reflecting: u)) != \(String(reflecting: v))") }
            }
        }
        return out
    }

    @Test func csvAndJSONLinesExportsLoadBackEqual() throws {
        var rng = SeededRandom(seed: 2024)
        var failures: [String] = []
        for n in 0..<400 {
            let table = try Self.randomTable(&rng)
            let result = ResultTable(table: table)
            let csv = try CSVRenderer().render(result, settings: Settings())
            let jsonl = try JSONLinesRenderer().render(result, settings: Settings())
            do {
                let fromCSV = try CSVReader.read(SourceBytes(text: csv, name: "t.csv"), tableName: "t", delimiter: 0x2C).table
                failures += Self.differences(table, fromCSV).map { "table \(n) csv: \($0)\n\(csv.debugDescription)" }
            } catch { failures.append("table \(n) csv: \(error)\n\(csv.debugDescription)") }
            do {
                let fromJSONL = try JSONLinesReader.read(SourceBytes(text: jsonl, name: "t.jsonl"), tableName: "t").table
                failures += Self.differences(table, fromJSONL).map { "table \(n) jsonl: \($0)\n\(jsonl.debugDescription)" }
            } catch { failures.append("table \(n) jsonl: \(error)\n\(jsonl.debugDescription)") }
        }
        #expect(failures.isEmpty, "\(failures.count) differences; first: \(failures.prefix(3).joined(separator: "\n"))")
    }

    /// Pipes not escaped by an odd run of backslashes: the cell boundaries a Markdown reader sees.
    static func cellBoundaries(_ line: Substring) -> Int {
        var count = 0, backslashes = 0
        for c in line.unicodeScalars {
            if c == "|" && backslashes % 2 == 0 { count += 1 }
            backslashes = c == "\\" ? backslashes + 1 : 0
        }
        return count
    }

    @Test func markdownKeepsOneRowPerLineAndOneCellPerColumn() throws {
        var rng = SeededRandom(seed: 99)
        for _ in 0..<300 {
            let table = try Self.randomTable(&rng)
            let markdown = try MarkdownRenderer().render(ResultTable(table: table), settings: Settings())
            // Split on every line end a reader would see, not on Characters.
            let lines = markdown.unicodeScalars.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" }.map { Substring(String($0)) }
            #expect(lines.count == table.rowCount + 3 && lines.last == "", "\(markdown.debugDescription)")
            for line in lines.dropLast() {
                #expect(Self.cellBoundaries(line) == table.columns.count + 1, "\(line.debugDescription)")
            }
        }
        #expect(MarkdownRenderer.escape("a|b\\|c\r\nd\ne\rf") == "a\\|b\\\\\\|c<br>d<br>e<br>f")
    }

    @Test func csvQuotesByByteAndKeepsDecimalsDecimal() {
        #expect(CSVRenderer.field("a\r\nb") == "\"a\r\nb\"")
        #expect(CSVRenderer.field(",\u{301}") == "\",\u{301}\"")
        #expect(CSVRenderer.field("\"\u{301}x") == "\"\"\"\u{301}x\"")
        #expect(CSVRenderer.field(" Ninh Bình") == "\" Ninh Bình\"")
        #expect(CSVRenderer.field("Ninh Bình") == "Ninh Bình")
        #expect([5.0, 1.234, -1.234, 1234.5, 1e-05, 1e20].map { CSVRenderer.cell(.decimal($0)) } == ["5.0", "1.2340", "-1.2340", "1234.5", "1e-05", "1e+20"])
        #expect(CSVRenderer.cell(.integer(9_007_199_254_740_993)) == "9007199254740993")
    }

    @Test func wholeNumbersAreShownExactly() {
        #expect(NumberText.cell(.integer(9_007_199_254_740_993), role: .value, decimals: 2) == "9,007,199,254,740,993")
        #expect(NumberText.cell(.integer(.min), role: .value, decimals: 2) == "−9,223,372,036,854,775,808")
        #expect(NumberText.cell(.integer(.max), role: .change, decimals: 2) == "+9,223,372,036,854,775,807")
        #expect(NumberText.cell(.integer(-1234), role: .change, decimals: 2) == "−1,234")
        #expect(NumberText.cell(.integer(0), role: .change, decimals: 2) == "0")
        #expect(NumberText.cell(.integer(999), role: .value, decimals: 2) == "999")
        #expect(JSONRenderer.value(.integer(.min)) == "-9223372036854775808")
    }
}

/// SplitMix64, seeded, so every run sees the same tables.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform enough in `0..<n` for test data.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
