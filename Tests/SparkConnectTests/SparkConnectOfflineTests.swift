import Engine
import GRPCCore
import Remote
import Testing
@testable import SparkConnect

/// What the connection does without a Spark server: addresses, SQL text, error kinds.
@Suite struct SparkConnectOfflineTests {
    @Test func addressesWithAndWithoutPortAndUser() throws {
        #expect(try SparkConnectAddress(url: "sc://127.0.0.1:15002") == SparkConnectAddress(host: "127.0.0.1", port: 15002))
        #expect(try SparkConnectAddress(url: "sc://spark.example.vn").port == 15002)
        let withUser = try SparkConnectAddress(url: "sc://spark.example.vn:443/;user_id=an")
        #expect(withUser.userID == "an")
        #expect(withUser.displayName == "sc://spark.example.vn:443/;user_id=an")
        #expect(try SparkConnectAddress(url: "sc://[::1]:15002").host == "::1")
        #expect(try SparkConnectAddress(url: "sc://[::1]:15002").displayName == "sc://[::1]:15002")
    }

    @Test func badAddressesSayWhatToWrite() {
        let cases: [(String, RemoteError.Kind, String)] = [
            ("http://127.0.0.1:15002", .connect, "'http://127.0.0.1:15002' is not a Spark Connect address: it must start with sc://, e.g. sc://127.0.0.1:15002"),
            ("sc://127.0.0.1:port", .connect, "'sc://127.0.0.1:port' is not a Spark Connect address: the port after ':' must be a number from 1 to 65535"),
            ("sc://:15002", .connect, "'sc://:15002' is not a Spark Connect address: it names no host; write sc://HOST:PORT"),
            ("sc://h:1/;colour=blue", .connect, "'sc://h:1/;colour=blue' is not a Spark Connect address: the parameter 'colour' is not known; only user_id is"),
            ("sc://h:1/;token=abc", .unsupported, "sc://h:1/;token=abc: 'token' needs a TLS connection, which solieu does not open yet; reach the server over a plain connection (an SSH tunnel, for example)"),
        ]
        for (url, kind, english) in cases {
            #expect(throws: RemoteError(kind, english: english, vietnamese: vietnamese(of: url))) {
                _ = try SparkConnectConnection(url: url)
            }
        }
    }

    private func vietnamese(of url: String) -> String {
        do { _ = try SparkConnectAddress(url: url) } catch let error as RemoteError { return error.vietnamese } catch {}
        return ""
    }

    @Test func nothingListeningIsAConnectErrorThatSaysWhatToCheck() throws {
        let port = try unusedLocalPort()
        let connection = try SparkConnectConnection(url: "sc://127.0.0.1:\(port)")
        defer { connection.close() }
        let error = try #require(throws: RemoteError.self) { try connection.query("SELECT 1", name: "one") }
        #expect(error.kind == .connect)
        #expect(error.english.hasPrefix("Spark Connect at sc://127.0.0.1:\(port) does not answer ("))
        #expect(error.english.hasSuffix("check that the server is running (sbin/start-connect-server.sh) and listens on that host and port"))
        #expect(error.vietnamese.hasPrefix("Spark Connect tại sc://127.0.0.1:\(port) không trả lời ("))
    }

    @Test func statusCodesMapToKinds() throws {
        let connection = try SparkConnectConnection(url: "sc://127.0.0.1:1")
        defer { connection.close() }
        func kind(_ code: RPCError.Code, after responses: Int = 0) -> RemoteError.Kind {
            connection.remoteError(for: RPCError(code: code, message: "x"), afterResponses: responses).kind
        }
        #expect(kind(.unavailable) == .connect)
        #expect(kind(.unavailable, after: 3) == .lostConnection)
        #expect(kind(.cancelled, after: 1) == .lostConnection)
        #expect(kind(.deadlineExceeded) == .timeout)
        #expect(kind(.permissionDenied) == .permission)
        #expect(kind(.unauthenticated) == .permission)
        #expect(kind(.unimplemented) == .connect)
        #expect(kind(.internalError) == .query)
        let refused = connection.remoteError(
            for: RPCError(code: .internalError, message: "[TABLE_OR_VIEW_NOT_FOUND] The table or view `nope` cannot be found.\n'UnresolvedRelation [nope]"),
            afterResponses: 0)
        #expect(refused.english == "Spark refused the query: [TABLE_OR_VIEW_NOT_FOUND] The table or view `nope` cannot be found.")
        #expect(refused.vietnamese == "Spark từ chối câu truy vấn: [TABLE_OR_VIEW_NOT_FOUND] The table or view `nope` cannot be found.")
    }

    @Test func namesAndLiteralsInSparkSQL() {
        #expect(SparkSQL.quotedName("Tỷ lệ (%)") == "`Tỷ lệ (%)`")
        #expect(SparkSQL.quotedName("a`b") == "`a``b`")
        #expect(SparkSQL.stringLiteral("Hoà Bình") == "'Hoà Bình'")
        #expect(SparkSQL.stringLiteral(#"it's C:\data"#) == #"'it\'s C:\\data'"#)
    }

    @Test func sparkTypeNamesToEngineTypes() {
        let cases: [(String, ColumnType?)] = [
            ("int", .integer), ("bigint", .integer), ("tinyint", .integer), ("decimal(10,2)", .decimal),
            ("double", .decimal), ("string", .text), ("varchar(20)", .text), ("date", .text), ("boolean", .boolean),
            ("timestamp", nil), ("array<int>", nil), ("binary", nil),
        ]
        for (name, type) in cases { #expect(SparkSQL.engineType(ofSparkType: name) == type, "\(name)") }
    }

    @Test func describeRowsStopAtPartitionInformation() throws {
        let description = try Table(name: "d", columns: [
            Column(name: "col_name", values: [.text("province"), .text("year"), .text("taken"), .text(""), .text("# Partition Information"), .text("year")]),
            Column(name: "data_type", values: [.text("string"), .text("int"), .text("timestamp"), .text(""), .text(""), .text("int")]),
        ])
        #expect(SparkConnectConnection.columns(of: description) == [
            RemoteColumnInfo(name: "province", type: .text), RemoteColumnInfo(name: "year", type: .integer),
        ])
    }

    @Test func uploadStatementCastsEveryCell() throws {
        let table = try Table(name: "t", columns: [
            Column(name: "province", values: [.text("Ninh Bình"), .missing]),
            Column(name: "rate", values: [.decimal(3.07), .decimal(1e-300)]),
            Column(name: "year", values: [.integer(2021), .integer(2023)]),
            Column(name: "ok", values: [.boolean(true), .missing]),
        ])
        #expect(SparkConnectConnection.createViewStatement(for: table, as: "gso view") ==
            "CREATE OR REPLACE TEMPORARY VIEW `gso view` AS SELECT CAST(col1 AS STRING) AS `province`, CAST(col2 AS DOUBLE) AS `rate`, CAST(col3 AS BIGINT) AS `year`, CAST(col4 AS BOOLEAN) AS `ok` "
            + "FROM VALUES ('Ninh Bình', '3.07', '2021', 'true'), (CAST(NULL AS STRING), '1e-300', '2023', CAST(NULL AS STRING)) AS rows(col1, col2, col3, col4)")
        let empty = try Table(name: "e", columns: [Column(name: "year", type: .integer, values: [])])
        #expect(SparkConnectConnection.createViewStatement(for: empty, as: "e") ==
            "CREATE OR REPLACE TEMPORARY VIEW `e` AS SELECT CAST(col1 AS BIGINT) AS `year` FROM VALUES (NULL) AS rows(col1) WHERE false")
    }
}
