import Engine
import Foundation
import Remote
import Testing
@testable import ArrowIPC

/// The decoder against streams written by pyarrow: every cell must be the value pyarrow reads back.
@Suite struct ArrowStreamDecoderTests {
    func decode(_ streams: [[UInt8]], name: String = "t") throws -> Table {
        var decoder = ArrowStreamDecoder()
        for stream in streams { try decoder.append(stream: stream) }
        return try decoder.table(named: name)
    }

    /// The engine value pyarrow's reading of a cell stands for, by the column's Arrow type.
    func expectedValue(_ cell: Any?, arrowType: String) -> Value {
        guard let cell else { return .missing }
        if arrowType.hasPrefix("int") || arrowType.hasPrefix("uint") { return .integer(Int64(cell as! String)!) }
        if arrowType == "float" || arrowType == "double" || arrowType.hasPrefix("decimal") {
            return .decimal(Double(cell as! String)!)
        }
        if arrowType == "bool" { return .boolean(cell as! Bool) }
        return .text(cell as! String)
    }

    func expectMatches(_ table: Table, _ fixture: ArrowFixture) {
        #expect(table.rowCount == fixture.rows)
        #expect(table.columnNames == fixture.columns.map(\.name))
        for expected in fixture.columns {
            guard let column = table.column(named: expected.name) else { continue }
            let actual = (0..<column.count).map { column.value(at: $0) }
            let wanted = expected.values.map { expectedValue($0, arrowType: expected.arrowType) }
            #expect(actual == wanted, "column \(expected.name) (\(expected.arrowType))")
        }
    }

    @Test func everyTypeMatchesPyarrowCellByCell() throws {
        let fixture = try ArrowFixture("every_type")
        expectMatches(try decode([fixture.bytes]), fixture)
    }

    @Test func legacyStreamWithoutContinuationMarkers() throws {
        let fixture = try ArrowFixture("every_type_legacy")
        expectMatches(try decode([fixture.bytes]), fixture)
    }

    @Test func engineTypesAndWidths() throws {
        let table = try decode([try ArrowFixture.bytes("every_type")])
        let types = table.columns.map(\.type)
        #expect(types == [.integer, .integer, .integer, .integer, .integer, .integer, .integer,
                          .decimal, .decimal, .decimal, .decimal, .text, .text, .boolean, .text, .text, .text])
        guard case .integer(let narrow) = table.column(named: "i8")!.storage,
              case .integer(let years) = table.column(named: "i16")!.storage,
              case .integer(let wide) = table.column(named: "i64")!.storage else {
            Issue.record("integer columns are not integer storage")
            return
        }
        #expect([narrow.bitWidth, years.bitWidth, wide.bitWidth] as [Int] == [8, 16, 64])
        #expect(table.column(named: "nothing")!.missingCount == 7)
    }

    @Test func valuesWrittenOutByHand() throws {
        let table = try decode([try ArrowFixture.bytes("every_type")])
        #expect(table.row(0) == [
            .integer(1), .integer(2021), .missing, .integer(9_007_199_254_740_993), .integer(255),
            .integer(4_294_967_295), .integer(9_223_372_036_854_775_807), .decimal(Double(Float(3.07))), .decimal(3.07),
            .decimal(3.07), .decimal(123_456_789_012_345_678_901_234_567_890), .text("Ninh Bình"), .text("a\"b;c"),
            .boolean(true), .text("2023-12-31"), .text("2025-07-01"), .missing,
        ])
        #expect(table.column(named: "day")!.value(at: 3) == .text("1969-12-31"))
        #expect(table.column(named: "day")!.value(at: 5) == .text("0001-01-01"))
        #expect(table.column(named: "day_ms")!.value(at: 2) == .text("1960-03-15"))
        #expect(table.column(named: "dec")!.value(at: 6) == .decimal(12_345_678_901_234_567.89))
        #expect(table.column(named: "note")!.value(at: 5) == .text("∑ 😀"))
    }

    @Test func provincesShareOneDictionaryEntry() throws {
        let table = try decode([try ArrowFixture.bytes("many_rows")])
        guard case .text(let text) = table.column(named: "province")!.storage else {
            Issue.record("province is not text")
            return
        }
        // First-seen order: row 0 is missing, so row 1 (Cần Thơ) comes first.
        #expect(text.dictionary == ["Cần Thơ", "Bắc Kạn", "Kon Tum", "Ninh Bình", "Quảng Nam"])
        expectMatches(table, try ArrowFixture("many_rows"))
    }

    @Test func streamsOfOneResultAreConcatenated() throws {
        let fixture = try ArrowFixture("every_type")
        let table = try decode([fixture.bytes, fixture.bytes])
        #expect(table.rowCount == 14)
        for column in table.columns {
            #expect((0..<7).map { column.value(at: $0) } == (7..<14).map { column.value(at: $0) })
        }
    }

    @Test func schemaWithoutRowsGivesEmptyColumns() throws {
        let table = try decode([try ArrowFixture.bytes("empty")])
        #expect(table.rowCount == 0)
        #expect(table.columnNames == ["province", "rate"])
        #expect(table.columns.map(\.type) == [.text, .decimal])
    }

    @Test func nothingReceivedIsATableWithoutColumns() throws {
        let table = try decode([])
        #expect(table.columns.isEmpty)
        #expect(table.name == "t")
    }

    @Test func timestampIsRefusedNamingColumnAndType() throws {
        let error = try #require(throws: RemoteError.self) { try decode([try ArrowFixture.bytes("timestamp")]) }
        #expect(error.kind == .unsupported)
        #expect(error.english == "column 'updated' has the Arrow type timestamp, which solieu cannot hold; cast it in the query (to STRING, BIGINT, DOUBLE or BOOLEAN)")
        #expect(error.vietnamese.contains("cột 'updated'"))
    }

    @Test func differentSchemasInOneResultAreRefused() throws {
        let error = try #require(throws: RemoteError.self) {
            try decode([try ArrowFixture.bytes("every_type"), try ArrowFixture.bytes("empty")])
        }
        #expect(error.kind == .unsupported)
        #expect(error.english.contains("a later batch has columns [\"province\", \"rate\"]"))
    }

    /// Every prefix of a stream either decodes (when it ends on a message boundary) or throws; none traps.
    @Test func truncatedStreamsThrowAndNeverCrash() throws {
        let bytes = try ArrowFixture.bytes("every_type")
        var refused = 0
        for cut in stride(from: 1, to: bytes.count, by: 3) {
            do {
                _ = try decode([Array(bytes[..<cut])])
            } catch let error as RemoteError {
                #expect(error.kind == .unsupported)
                refused += 1
            }
        }
        #expect(refused > bytes.count / 6)
    }

    /// Random byte changes (a fixed seed, so a failure repeats) must never crash the decoder.
    @Test func damagedBytesNeverCrash() throws {
        let original = try ArrowFixture.bytes("every_type")
        var generator = SplitMix64(seed: 20_231_107)
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0..<Int(generator.next() % 4 + 1) {
                let index = Int(generator.next() % UInt64(bytes.count))
                bytes[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            do { _ = try decode([bytes]) } catch is RemoteError {}
        }
    }

    @Test func decimalDigitsOf128BitIntegers() {
        #expect(DecimalDigits.of(high: 0, low: 42) == "42")
        #expect(DecimalDigits.of(high: 1, low: 0) == "18446744073709551616")
        #expect(DecimalDigits.of(high: UInt64.max, low: UInt64.max) == "340282366920938463463374607431768211455")
        #expect(DecimalDigits.of(high: 0x8000_0000_0000_0000, low: 0) == "170141183460469231731687303715884105728")
    }

    @Test func civilDatesAroundTheEpochAndLeapDays() {
        #expect(CivilDate(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(CivilDate(daysSinceEpoch: -1).description == "1969-12-31")
        #expect(CivilDate(daysSinceEpoch: 11_016).description == "2000-02-29")
        #expect(CivilDate(daysSinceEpoch: 19_722).description == "2023-12-31")
        #expect(CivilDate(daysSinceEpoch: -719_528).description == "0000-01-01")
        #expect(CivilDate(daysSinceEpoch: -719_529).description == "-0001-12-31")
    }
}

/// Sebastiano Vigna's SplitMix64: a small deterministic generator for reproducible damage.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
