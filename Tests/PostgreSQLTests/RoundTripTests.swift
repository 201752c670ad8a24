import Engine
import Foundation
import PostgreSQL
import Remote
@testable import Shell
import Testing

/// Tables copied into a real server by `upload` and read back by `SELECT *` are the same, cell by cell.
@Suite(.enabled(if: TestServer.isConfigured, TestServer.skipped))
struct RoundTripTests {
    /// Every built-in dataset, as the program loads it from the compiled-in files.
    @Test func everyBuiltInDataset() throws {
        let connection = try TestServer.connect()
        let files = BuiltinData.files + [("province_aliases", "province_aliases.csv")]
        for (name, file) in files {
            let table = try numbered(BuiltinData.table(file, named: name).table)
            try connection.upload(table, as: "builtin_" + name, replacing: true)
            let back = try connection.query("SELECT * FROM \"builtin_\(name)\" ORDER BY solieu_row", name: name)
            expectSameCells(back, table)
            #expect(back.rowCount > 0)
        }
        // One Vietnamese name read back as a value, not only as equal to the upload.
        let ninhBinh = try connection.query("SELECT name FROM builtin_provinces WHERE name_ascii = 'Ninh Binh'", name: "p")
        #expect(ninhBinh.row(0) == [.text("Ninh Bình")])
    }

    /// The cells most easily damaged on the way: the ends of Int64, −0.0, infinities, NaN, the smallest
    /// subnormal, COPY's escapes and its NULL marker as text, empty text beside missing text.
    @Test func edgeCells() throws {
        let connection = try TestServer.connect()
        let texts: [Value] = [.text("Ninh Bình"), .text("tab\there"), .text("line\nbreak"), .text("cr\rhere"), .text("back\\slash"),
                              .text("\\N"), .text(""), .missing, .text("'quoted' \"both\" 🌾")]
        let table = try Table(name: "edge", columns: [
            Column(name: "Số hộ", type: .integer, values: [.integer(.min), .integer(.max), .missing, .integer(0), .integer(-1),
                                                           .integer(42), .integer(1 << 40), .integer(-(1 << 40)), .integer(7)]),
            Column(name: "Tỷ lệ (%)", type: .decimal, values: [.decimal(3.07), .decimal(-0.0), .missing, .decimal(.infinity),
                                                               .decimal(-.infinity), .decimal(.nan), .decimal(5e-324),
                                                               .decimal(.greatestFiniteMagnitude), .decimal(0.1 + 0.2)]),
            Column(name: "đạt", type: .boolean, values: [.boolean(true), .boolean(false), .missing] + Array(repeating: .boolean(true), count: 6)),
            Column(name: "ghi \"chú\"", type: .text, values: texts),
            Column(name: "trống", type: .text, values: Array(repeating: .missing, count: 9)),
            Column(name: "không số", type: .integer, values: Array(repeating: .missing, count: 9)),
        ])
        let sent = try numbered(table)
        try connection.upload(sent, as: "edge cells", replacing: true)
        let back = try connection.query("SELECT * FROM \"edge cells\" ORDER BY solieu_row", name: "edge")
        expectSameCells(back, sent)
        // The server holds the values themselves, not their escapes.
        let lengths = try connection.query("SELECT length(\"ghi \"\"chú\"\"\") AS n FROM \"edge cells\" ORDER BY solieu_row", name: "n")
        #expect((0..<9).map { lengths.columns[0].value(at: $0) }
                == [.integer(9), .integer(8), .integer(10), .integer(7), .integer(10), .integer(2), .integer(0), .missing, .integer(17)])
        let types = try connection.query("""
            SELECT data_type FROM information_schema.columns WHERE table_name = 'edge cells' ORDER BY ordinal_position
            """, name: "types")
        #expect((0..<types.rowCount).map { types.row($0)[0] }
                == ["smallint", "bigint", "double precision", "boolean", "text", "text", "smallint"].map { .text($0) })
    }

    /// Each PostgreSQL type a result may hold becomes the engine type it should, with its exact value.
    @Test func serverTypes() throws {
        let connection = try TestServer.connect()
        let result = try connection.query("""
            SELECT 1::int2 AS a, 2::int4 AS b, (-9223372036854775808)::int8 AS c, 1.5::float4 AS d, 0.1::float8 AS e,
                   1234.5678::numeric AS f, 'x'::text AS g, 'abc'::varchar(5) AS h, 'ab'::char(3) AS i, 'tên'::name AS j,
                   true AS k, DATE '2023-12-31' AS l, TIMESTAMP '2023-12-31 08:30:00' AS m, NULL::int4 AS n,
                   '{"a": 1}'::json AS o, 'NaN'::numeric AS p, e'Ho\\u0300a Bi\\u0300nh' AS q
            """, name: "types")
        #expect(result.columns.map(\.type) == [.integer, .integer, .integer, .decimal, .decimal, .decimal, .text, .text, .text,
                                               .text, .boolean, .text, .text, .integer, .text, .decimal, .text])
        let row = result.row(0)
        #expect(Array(row[0..<3]) == [.integer(1), .integer(2), .integer(.min)])
        #expect(Array(row[3..<6]) == [.decimal(1.5), .decimal(0.1), .decimal(1234.5678)])
        #expect(Array(row[6..<15]) == [.text("x"), .text("abc"), .text("ab "), .text("tên"), .boolean(true),
                                       .text("2023-12-31"), .text("2023-12-31 08:30:00"), .missing, .text("{\"a\": 1}")])
        #expect(row[15].number?.isNaN == true)
        // Decomposed on the server (o + U+0300), precomposed (NFC) in the engine, as the file readers make it.
        #expect(row[16] == .text("Hòa Bình"))
    }

    /// A result streamed in many pieces arrives whole and in order.
    @Test func manyRows() throws {
        let connection = try TestServer.connect()
        let count = 100_000
        let result = try connection.query("""
            SELECT g AS n, 'hộ ' || (g % 7) AS label, g / 4.0 AS quarter, CASE WHEN g % 10 = 0 THEN NULL ELSE g END AS gaps
            FROM generate_series(1, \(count)) AS g ORDER BY g
            """, name: "rows")
        #expect(result.rowCount == count)
        let n = result.columns[0], label = result.columns[1], quarter = result.columns[2], gaps = result.columns[3]
        guard case .text(let labels) = label.storage else { Issue.record("label is not text"); return }
        #expect(labels.dictionary.count == 7)
        #expect(gaps.missingCount == count / 10)
        for row in 0..<count {
            let g = Int64(row + 1)
            guard n.value(at: row) == .integer(g), label.value(at: row) == .text("hộ \(g % 7)"),
                  quarter.value(at: row) == .decimal(Double(g) / 4),
                  gaps.value(at: row) == (g % 10 == 0 ? .missing : .integer(g)) else {
                Issue.record("row \(row + 1): \(result.row(row))")
                return
            }
        }
    }
}
