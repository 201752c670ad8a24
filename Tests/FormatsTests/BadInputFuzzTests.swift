import Engine
import Foundation
@testable import Formats
import Testing

/// Thousands of damaged inputs, generated from a fixed seed: every one must give either a well-formed table or a
/// LoadError that says where and why — never a crash, never another kind of error, never the reader's own
/// "fault in solieu's reader" message. Successful CSV reads are also checked against the reference parser.
@Suite struct BadInputFuzzTests {
    static let csvSeeds: [String] = [
        "tỉnh;năm;tỷ lệ\nNinh Bình;2021;3,07%\nNinh Bình;2023;1,86%\n",
        "tỉnh,hộ nghèo,tỷ lệ,mã\r\n\"Cần Thơ, TP\",29.829,\"6,8\",01\r\nKon Tum,1.234.567,-1.5,08123\r\n",
        "a,b,c\n1,\"ha \"\"ha\"\" ha\",\"x\ny\"\n2,3,4\n\n5,NA,–\n",
        "id\tname\tflag\n1\tHo\u{300}a Bình\ttrue\n2\tHòa Bình\tkhông\n3\t..\tcó\n",
        "x|y\n1e5|12345678901234567890\n-9223372036854775808|−7\n1.234|1500\n",
        "\u{FEFF}key,val\n1,\"{\"\"type\"\": \"\"Point\"\"}\"\n",
        "a,b\r1,2\r3,4",
        "code,name\n01,\"\"\n02,\"Hà\r\nNội\"\n",
        "a;b;c;d\n1.234;1,234;1500;1.5e3\n1,234;29.829;6,8%;-0,5\n1500;1.234;-;1.234.567,5\n",
    ]

    static let jsonSeeds: [String] = [
        "{\"a\": 1, \"b\": 2.5, \"c\": true, \"d\": null, \"e\": \"Hà Nam\"}\n\n{\"b\": 3, \"a\": -4}\n",
        "{\"tỉnh\": \"Kon Tum\", \"năm\": 2021, \"tỷ lệ\": 6.8}\r\n{\"tỉnh\": \"Bắc Kạn\", \"x\": false}\n",
        "{\"x\": 12345678901234567890, \"y\": \"a\\\"b\", \"z\": 1}\n{\"x\": 1e5}\n",
        "{\"a\": 1}\n{\"a\": [1, {\"b\": 2}]}\n",
    ]

    static let specialBytes: [UInt8] = [0x22, 0x0D, 0x0A, 0x00, 0xFF, 0x2C, 0x3B, 0x09, 0x7C, 0xE2, 0xC3, 0x80, 0xEF,
                                        0x2E, 0x25, 0x2D, 0x7B, 0x7D, 0x5B, 0x5D, 0x3A, 0x5C, 0x20, 0x30, 0x65]
    static let tokens: [String] = ["1.234", "1,234", "-9223372036854775808", "9223372036854775808", "1e999999", "6,8%",
                                   "−1", "NA", "01", "\"\"", "\"", "\r\n", ",,", "true", "có", "1.234.567,5", "null",
                                   "{}", "[", "\\u00", "\u{FEFF}", "Ho\u{300}a", "..", "0,5e3", ".5", "5."]

    /// One mutant of `seed`: one to `maximumEdits` random edits.
    static func mutate(_ seed: [UInt8], _ rng: inout SeededGenerator, maximumEdits: Int = 4) -> [UInt8] {
        var bytes = seed
        for _ in 0..<(1 + Int(rng.next() % UInt64(maximumEdits))) {
            let at = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count + 1))
            switch rng.next() % 8 {
            case 0 where !bytes.isEmpty:  // random byte
                bytes[min(at, bytes.count - 1)] = UInt8(truncatingIfNeeded: rng.next())
            case 1 where !bytes.isEmpty:  // special byte
                bytes[min(at, bytes.count - 1)] = specialBytes[Int(rng.next() % UInt64(specialBytes.count))]
            case 2:
                bytes.insert(specialBytes[Int(rng.next() % UInt64(specialBytes.count))], at: at)
            case 3:  // truncation
                bytes.removeSubrange(at...)
            case 4 where !bytes.isEmpty:  // deletion
                let end = min(bytes.count, at + 1 + Int(rng.next() % 8))
                bytes.removeSubrange(min(at, bytes.count - 1)..<end)
            case 5:  // duplicated range
                let end = min(bytes.count, at + Int(rng.next() % 16))
                bytes.insert(contentsOf: Array(bytes[at..<end]), at: at)
            default:
                bytes.insert(contentsOf: Array(tokens[Int(rng.next() % UInt64(tokens.count))].utf8), at: at)
            }
        }
        return bytes
    }

    /// Random bytes over the characters that matter to the reader.
    static func noise(_ rng: inout SeededGenerator) -> [UInt8] {
        (0..<Int(rng.next() % 48)).map { _ in
            rng.next() % 3 == 0 ? UInt8(truncatingIfNeeded: rng.next()) : specialBytes[Int(rng.next() % UInt64(specialBytes.count))]
        }
    }

    @Test func csvNeverCrashes() {
        var rng = SeededGenerator(seed: 0x50_11E0)
        var outcomes = (tables: 0, errors: 0)
        for i in 0..<3_000 {
            let bytes = i % 10 == 9 ? Self.noise(&rng) : Self.mutate(Array(Self.csvSeeds[i % Self.csvSeeds.count].utf8), &rng)
            let delimiter: UInt8? = [nil, nil, nil, 0x3B, 0x09][i % 5]
            Self.checkCSV(bytes, delimiter: delimiter, case: i, outcomes: &outcomes)
        }
        // Both outcomes must be common, or the mutations test little.
        #expect(outcomes.tables > 300 && outcomes.errors > 300, "\(outcomes)")
    }

    static func checkCSV(_ bytes: [UInt8], delimiter: UInt8?, case i: Int, outcomes: inout (tables: Int, errors: Int)) {
        let place = "case \(i): \(String(decoding: bytes.prefix(80), as: UTF8.self).debugDescription)"
        do {
            let result = try CSVReader.read(SourceBytes(bytes: bytes, name: "fuzz.csv"), tableName: "f", delimiter: delimiter)
            outcomes.tables += 1
            expectWellFormed(result, place)
            // The reference parser must agree on the records and on every text cell.
            let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let body = Array(bytes[bom...])
            let bodySource = SourceBytes(bytes: body, name: "body")
            let separator = delimiter ?? withExtendedLifetime(bodySource) { CSVDialect.sniff(bodySource.buffer, from: 0) }
            guard result.table.columns.count > 1 else { return }
            // The reference takes the first record as the header and keeps every record; where the reader
            // found another layout (a title, a header further down or none, empty rows, totals) it said so,
            // and its rows are checked by the layout tests instead.
            let plain = result.report.notes.allSatisfy { $0.hasSuffix("skipped") || $0.hasPrefix("separator:") || $0.hasPrefix("header cell") || $0.hasPrefix("the header repeats") }
            guard plain else { return }
            guard let reference = referenceParse(body, delimiter: separator) else {
                Issue.record("\(place): the reader returned a table, the reference parser refuses the input")
                return
            }
            #expect(reference.records.count - 1 == result.table.rowCount, "\(place): rows")
            guard reference.records.count - 1 == result.table.rowCount else { return }
            let widths = Set(reference.records.map(\.count))
            #expect(widths == [result.table.columns.count], "\(place): fields per record \(widths)")
            guard widths == [result.table.columns.count] else { return }
            for (c, column) in result.table.columns.enumerated() where column.type == .text {
                for row in 0..<column.count {
                    guard case .text(let s) = column.value(at: row) else { continue }
                    let field = reference.records[row + 1][c]
                    #expect(Array(s.unicodeScalars) == Array(field.precomposedStringWithCanonicalMapping.unicodeScalars),
                            "\(place): row \(row) column \(c)")
                }
            }
        } catch let error as LoadError {
            outcomes.errors += 1
            #expect(!error.reason.isEmpty, "\(place)")
            #expect(!error.reason.contains("fault in solieu"), "\(place): \(error)")
            #expect(error.file == "fuzz.csv")
            if let position = error.position {
                let lineEnds = bytes.filter { $0 == 0x0A || $0 == 0x0D }.count
                #expect(position.line >= 1 && position.line <= lineEnds + 1, "\(place): \(error)")
                #expect(position.column >= 1 && position.column <= bytes.count + 1, "\(place): \(error)")
            } else {
                #expect(error.reason.contains("empty"), "\(place): a CSV error without a position: \(error)")
            }
        } catch {
            Issue.record("\(place): not a LoadError: \(type(of: error)) \(error)")
        }
    }

    @Test func jsonLinesNeverCrash() {
        var rng = SeededGenerator(seed: 0x15_0A)
        var outcomes = (tables: 0, errors: 0)
        for i in 0..<1_500 {
            let bytes: [UInt8]
            switch i % 10 {
            case 9: bytes = Self.noise(&rng)
            case 0, 3, 6: bytes = Self.randomJSONLines(&rng)
            default: bytes = Self.mutate(Array(Self.jsonSeeds[i % Self.jsonSeeds.count].utf8), &rng, maximumEdits: 1)
            }
            let place = "case \(i): \(String(decoding: bytes.prefix(80), as: UTF8.self).debugDescription)"
            do {
                let result = try JSONLinesReader.read(SourceBytes(bytes: bytes, name: "fuzz.jsonl"), tableName: "f")
                outcomes.tables += 1
                Self.expectWellFormed(result, place)
            } catch let error as LoadError {
                outcomes.errors += 1
                #expect(!error.reason.isEmpty, "\(place)")
                if let position = error.position { #expect(position.line >= 1 && position.column >= 1, "\(place): \(error)") }
            } catch {
                Issue.record("\(place): not a LoadError: \(type(of: error)) \(error)")
            }
        }
        #expect(outcomes.tables > 300 && outcomes.errors > 300, "\(outcomes)")
    }

    static let jsonValues = ["1", "-0", "1e308", "-1.5e-7", "12345678901234567890", "-9223372036854775808", "true", "false",
                             "null", "\"\"", "\"Hà Nội\"", "\"Ho\\u0300a\"", "\"a\\\"b\"", "\"\\u0000\"", "6.8", "0.1",
                             "[]", "{}", "{\"k\": [1]}"]

    /// Lines of flat objects with keys in random order and random values (a few nested ones), some blank lines.
    static func randomJSONLines(_ rng: inout SeededGenerator) -> [UInt8] {
        let keys = ["a", "b", "tỉnh", "Ho\\u0300a", "H\\u00f2a", "x y", ""]
        var text = ""
        for _ in 0..<(1 + Int(rng.next() % 5)) {
            if rng.next() % 6 == 0 { text += "\n"; continue }
            let fields = (0..<Int(rng.next() % 4)).map { _ in
                "\"\(keys[Int(rng.next() % UInt64(keys.count))])\": \(jsonValues[Int(rng.next() % UInt64(jsonValues.count - (rng.next() % 8 == 0 ? 0 : 3)))])"
            }
            text += "{" + fields.joined(separator: ", ") + "}" + (rng.next() % 4 == 0 ? "\r\n" : "\n")
        }
        return Array(text.utf8)
    }

    /// Equal column lengths matching the report, unique names, consistent missing counts, NFC text; every cell readable.
    static func expectWellFormed(_ result: LoadResult, _ place: String) {
        let table = result.table
        #expect(table.columns.allSatisfy { $0.count == table.rowCount }, "\(place): column lengths")
        #expect(result.report.rowCount == table.rowCount, "\(place): report rows")
        #expect(result.report.columns.map(\.name) == table.columnNames, "\(place): report columns")
        #expect(Set(table.columnNames).count == table.columns.count, "\(place): unique names")
        for (column, summary) in zip(table.columns, result.report.columns) {
            #expect(summary.type == column.type && summary.missing == column.missingCount, "\(place): \(column.name)")
            var missing = 0
            for row in 0..<column.count {
                switch column.value(at: row) {
                case .missing: missing += 1
                case .text(let s):
                    #expect(Array(s.unicodeScalars) == Array(s.precomposedStringWithCanonicalMapping.unicodeScalars), "\(place): NFC")
                default: break
                }
            }
            #expect(missing == column.missingCount, "\(place): \(column.name) missing")
        }
    }
}
