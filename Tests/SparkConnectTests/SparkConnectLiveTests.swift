import Engine
import Foundation
import Remote
import Testing
@testable import SparkConnect

/// Against a real Spark (a standalone master, two workers and a Spark Connect server: scripts/test-spark).
/// Each test has a connection (so a Spark session) of its own, and uploads the views it asks about.
@Suite(.serialized, .enabled(if: SparkTestServer.isAvailable, SparkTestServer.skipReason))
final class SparkConnectLiveTests {
    let spark: SparkConnectConnection

    init() throws {
        spark = try SparkTestServer.connect()
    }

    deinit {
        spark.close()
    }

    @Test func everyArrowTypeSparkSendsArrivesExactly() throws {
        let table = try spark.query("""
            SELECT CAST(1 AS TINYINT) AS tiny, CAST(-2 AS SMALLINT) AS small, 2147483647 AS regular,
                   9223372036854775807 AS big, CAST(1.5 AS FLOAT) AS single, 3.07D AS rate,
                   CAST('29829.50' AS DECIMAL(10,2)) AS amount, 'Ninh Bình' AS province, true AS flag,
                   DATE'2023-12-31' AS day, CAST(NULL AS STRING) AS nothing, NULL AS untyped
            """, name: "types")
        #expect(table.name == "types")
        #expect(table.columnNames == ["tiny", "small", "regular", "big", "single", "rate", "amount", "province", "flag", "day", "nothing", "untyped"])
        #expect(table.columns.map(\.type) == [.integer, .integer, .integer, .integer, .decimal, .decimal, .decimal, .text, .boolean, .text, .text, .text])
        #expect(table.row(0) == [.integer(1), .integer(-2), .integer(2_147_483_647), .integer(9_223_372_036_854_775_807),
                                 .decimal(1.5), .decimal(3.07), .decimal(29_829.5), .text("Ninh Bình"), .boolean(true),
                                 .text("2023-12-31"), .missing, .missing])
    }

    @Test func builtinDatasetsRoundTripCellByCell() throws {
        for original in try SparkTestServer.builtinTables() {
            try spark.uploadForTests(table: original, as: original.name)
            let back = try spark.query("SELECT * FROM \(SparkSQL.quotedName(original.name))", name: original.name)
            #expect(back.columnNames == original.columnNames, "\(original.name)")
            #expect(back.columns.map(\.type) == original.columns.map(\.type), "\(original.name)")
            #expect(back.rowCount == original.rowCount, "\(original.name)")
            guard back.rowCount == original.rowCount, back.columns.count == original.columns.count else { continue }
            var differing: [String] = []
            for row in 0..<original.rowCount where back.row(row) != original.row(row) {
                differing.append("row \(row + 1): \(original.row(row)) came back as \(back.row(row))")
            }
            #expect(differing.isEmpty, "\(original.name): \(differing.prefix(3))")
        }
    }

    /// Spark's GROUP BY against a row-by-row reference over the same rows in Swift.
    @Test func groupByGivesTheEngineNumbers() throws {
        let gso = try #require(try SparkTestServer.builtinTables().first { $0.name == "gso" })
        try spark.uploadForTests(table: gso, as: "gso_grouped")
        let keyName = try #require(gso.columns.first { $0.type == .integer }?.name)
        let measure = try #require(gso.columns.first { $0.type == .decimal }?.name)
        let key = SparkSQL.quotedName(keyName), value = SparkSQL.quotedName(measure)
        let answer = try spark.query("""
            SELECT \(key) AS k, COUNT(*) AS rows, COUNT(\(value)) AS present, SUM(\(value)) AS total,
                   MIN(\(value)) AS low, MAX(\(value)) AS high
            FROM gso_grouped GROUP BY \(key) ORDER BY \(key)
            """, name: "grouped")

        struct Group: Equatable { var rows = 0, present = 0, total = 0.0, low = Double.infinity, high = -Double.infinity }
        var reference: [Int64: Group] = [:]
        let keys = gso.column(named: keyName)!, values = gso.column(named: measure)!
        for row in 0..<gso.rowCount {
            guard case .integer(let k) = keys.value(at: row) else { continue }
            var group = reference[k, default: Group()]
            group.rows += 1
            if let v = values.value(at: row).number {
                group.present += 1
                group.total += v
                group.low = min(group.low, v)
                group.high = max(group.high, v)
            }
            reference[k] = group
        }
        // Rows with a missing key form their own group in SQL; the reference leaves them out, and so does this check.
        let groups = (0..<answer.rowCount).filter { answer.columns[0].isPresent($0) }
        #expect(groups.map { answer.columns[0].value(at: $0) } == reference.keys.sorted().map { Value.integer($0) })
        for row in groups {
            guard case .integer(let k) = answer.columns[0].value(at: row), let expected = reference[k] else { continue }
            #expect(answer.columns[1].value(at: row) == .integer(Int64(expected.rows)), "rows of \(k)")
            #expect(answer.columns[2].value(at: row) == .integer(Int64(expected.present)), "present of \(k)")
            if expected.present > 0 {
                // Summation order differs between the two, so the total may differ in its last bits.
                let total = try #require(answer.columns[3].value(at: row).number)
                #expect(abs(total - expected.total) <= 1e-9 * max(1, abs(expected.total)), "total of \(k)")
                #expect(answer.columns[4].value(at: row) == .decimal(expected.low), "min of \(k)")
                #expect(answer.columns[5].value(at: row) == .decimal(expected.high), "max of \(k)")
            }
        }
    }

    /// A result spread over both workers' partitions arrives as several Arrow batches and is put together.
    @Test func resultOfManyBatchesIsWhole() throws {
        let table = try spark.query("SELECT id, id % 7 AS k, CAST(id AS STRING) AS label FROM range(0, 200000, 1, 8)", name: "range")
        #expect(table.rowCount == 200_000)
        let ids = table.column(named: "id")!
        var sum: Int64 = 0
        for row in 0..<table.rowCount { if case .integer(let id) = ids.value(at: row) { sum += id } }
        #expect(sum == 199_999 * 200_000 / 2)
        #expect(table.column(named: "label")!.value(at: 123_456) == .text(ids.value(at: 123_456).description))
    }

    @Test func emptyResultKeepsItsColumns() throws {
        let table = try spark.query("SELECT id, CAST(id AS STRING) AS label FROM range(0, 10) WHERE id < 0", name: "none")
        #expect(table.rowCount == 0)
        #expect(table.columnNames == ["id", "label"])
    }

    @Test func tablesListsUploadedViewsWithTheirColumns() throws {
        let reports = try #require(try SparkTestServer.builtinTables().first { $0.name == "reports" })
        try spark.uploadForTests(table: reports, as: "reports_listed")
        let listed = try #require(try spark.tables().first { $0.name == "reports_listed" })
        #expect(listed.schema == nil)
        #expect(listed.columns == reports.columns.map { RemoteColumnInfo(name: $0.name, type: $0.type) })
    }

    @Test func missingTableIsAQueryErrorWithSparksFirstLine() throws {
        let error = try #require(throws: RemoteError.self) { try spark.query("SELECT * FROM no_such_table", name: "x") }
        #expect(error.kind == .query)
        #expect(error.english.hasPrefix("Spark refused the query: [TABLE_OR_VIEW_NOT_FOUND] The table or view `no_such_table` cannot be found."))
        #expect(!error.english.contains("\n"))
        #expect(error.vietnamese.hasPrefix("Spark từ chối câu truy vấn: [TABLE_OR_VIEW_NOT_FOUND]"))
    }

    @Test func syntaxErrorIsAQueryError() throws {
        let error = try #require(throws: RemoteError.self) { try spark.query("SELEC 1", name: "x") }
        #expect(error.kind == .query)
        #expect(error.english.hasPrefix("Spark refused the query: [PARSE_SYNTAX_ERROR]"))
    }

    @Test func timestampColumnIsRefusedByName() throws {
        let error = try #require(throws: RemoteError.self) {
            try spark.query("SELECT 1 AS n, TIMESTAMP'2023-11-07 08:30:00' AS updated", name: "x")
        }
        #expect(error.kind == .unsupported)
        #expect(error.english.hasPrefix("column 'updated' has the Arrow type timestamp"))
    }

    @Test func connectionStillAnswersAfterAnError() throws {
        _ = try? spark.query("SELECT * FROM no_such_table", name: "x")
        #expect(try spark.query("SELECT 41 + 1 AS answer", name: "x").row(0) == [.integer(42)])
    }

    @Test func sessionsAreSeparate() throws {
        try spark.uploadForTests(table: try Table(name: "v", columns: [Column(name: "n", values: [.integer(1)])]), as: "only_here")
        let other = try SparkTestServer.connect()
        defer { other.close() }
        let error = try #require(throws: RemoteError.self) { try other.query("SELECT * FROM only_here", name: "x") }
        #expect(error.kind == .query)
        #expect(try spark.query("SELECT * FROM only_here", name: "x").row(0) == [.integer(1)])
    }
}
