import Engine
import Foundation
import PostgreSQL
import Remote
import Testing

/// Each way a connection or a statement fails, against the real server: the kind, the words that say what
/// happened and what to do, and that the password never shows.
@Suite(.enabled(if: TestServer.isConfigured, TestServer.skipped))
struct ErrorTests {
    @Test func wrongPasswordIsRefusedWithoutShowingIt() {
        let error = remoteError { _ = try PostgresConnection.connect(url: TestServer.address(password: "not-the-password")) }
        #expect(error?.kind == .connect)
        #expect(error?.english.contains("PostgreSQL refused the password") == true)
        #expect(error?.english.contains("PGPASSWORD") == true)
        #expect(error?.vietnamese.contains("mật khẩu") == true)
        #expect(error.map { !$0.english.contains("not-the-password") && !$0.vietnamese.contains("not-the-password") } == true)
    }

    @Test func unknownDatabase() {
        let error = remoteError { _ = try PostgresConnection.connect(url: TestServer.address(database: "solieu_no_such_database")) }
        #expect(error?.kind == .connect)
        #expect(error?.english.contains("has no database 'solieu_no_such_database'") == true)
    }

    @Test func closedPortIsRefused() {
        let port = closedPort()
        let error = remoteError { _ = try PostgresConnection.connect(url: TestServer.address(port: port)) }
        #expect(error?.kind == .connect)
        #expect(error?.english.contains("Nothing answers at postgresql://solieu_test@127.0.0.1:\(port)/") == true)
        #expect(error?.english.contains("is running") == true)
    }

    @Test func unknownHost() {
        let error = remoteError { _ = try PostgresConnection.connect(url: "postgresql://an@no-such-host.invalid:5432/solieu") }
        #expect(error?.kind == .connect)
        #expect(error?.english.contains("The host in postgresql://an@no-such-host.invalid:5432/solieu is not known") == true)
    }

    /// The server ends the session (pg_terminate_backend from a second connection): the next statement says
    /// the connection was lost and that solieu connected again; the one after runs, on a new server process
    /// with the session's settings.
    @Test func lostConnectionThenReconnect() throws {
        let connection = try TestServer.connect()
        let first = connection.serverProcessID
        let other = try TestServer.connect()
        _ = try other.query("SELECT pg_terminate_backend(\(first))", name: "t")
        for _ in 0..<100 {
            let left = try other.query("SELECT count(*) AS n FROM pg_stat_activity WHERE pid = \(first)", name: "n")
            if left.row(0) == [.integer(0)] { break }
            usleep(50_000)
        }
        let error = remoteError { _ = try connection.query("SELECT 1 AS one", name: "one") }
        #expect(error?.kind == .lostConnection)
        #expect(error?.english.contains("was lost") == true)
        #expect(error?.english.contains("solieu connected again. Run the statement again.") == true)
        let again = try connection.query("SELECT pg_backend_pid() AS pid, current_setting('DateStyle') AS style", name: "pid")
        #expect(again.row(0) == [.integer(Int64(connection.serverProcessID)), .text("ISO, YMD")])
        #expect(connection.serverProcessID != first)
    }

    @Test func statementTimeout() throws {
        let connection = try TestServer.connect()
        try connection.execute("SET statement_timeout = 1")
        let error = remoteError { _ = try connection.query("SELECT pg_sleep(2)", name: "sleep") }
        #expect(error?.kind == .timeout)
        #expect(error?.english.contains("statement timeout (1ms)") == true)
        #expect(error?.english.contains("SOLIEU_POSTGRES_TIMEOUT") == true)
        #expect(try connection.query("SELECT 2 AS two", name: "two").row(0) == [.integer(2)])
    }

    /// The timeout solieu sets from its environment variable reaches the server.
    @Test func timeoutFromTheEnvironment() throws {
        let connection = try TestServer.connect(environment: ["SOLIEU_POSTGRES_TIMEOUT": "1"])
        #expect(connection.statementTimeoutSeconds == 1)
        #expect(try connection.query("SHOW statement_timeout", name: "t").row(0) == [.text("1s")])
        let error = remoteError { _ = try connection.query("SELECT pg_sleep(3)", name: "sleep") }
        #expect(error?.kind == .timeout)
        #expect(try TestServer.connect().query("SHOW statement_timeout", name: "t").row(0) == [.text("5min")])
        let wrong = remoteError { _ = try TestServer.connect(environment: ["SOLIEU_POSTGRES_TIMEOUT": "five"]) }
        #expect(wrong?.english == "SOLIEU_POSTGRES_TIMEOUT is 'five'; it takes whole seconds (for example 600), or 0 for no limit.")
    }

    /// A table whose rights were revoked (from its own owner, which PostgreSQL allows): refused, named.
    @Test func permissionDenied() throws {
        let connection = try TestServer.connect()
        let superuser = try connection.query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", name: "r")
        guard superuser.row(0) == [.boolean(false)] else {
            print("permissionDenied not checked: the test role is a superuser, which no REVOKE stops")
            return
        }
        try connection.execute("DROP TABLE IF EXISTS hidden_budget; CREATE TABLE hidden_budget (amount bigint); "
            + "REVOKE ALL ON hidden_budget FROM CURRENT_USER")
        let error = remoteError { _ = try connection.query("SELECT * FROM hidden_budget", name: "b") }
        #expect(error?.kind == .permission)
        #expect(error?.english.contains("does not let solieu_test read the table hidden_budget") == true)
        #expect(error?.english.contains("GRANT SELECT ON hidden_budget TO solieu_test") == true)
        #expect(error?.vietnamese.contains("bảng hidden_budget") == true)
    }

    @Test func otherServerErrorsCarryTheirSQLState() throws {
        let connection = try TestServer.connect()
        let error = remoteError { _ = try connection.query("SELECT * FROM solieu_no_such_table", name: "x") }
        #expect(error?.kind == .query)
        #expect(error?.english.contains("relation \"solieu_no_such_table\" does not exist [SQLSTATE 42P01]") == true)
        let twice = remoteError { _ = try connection.query("SELECT 1 AS a, 2 AS a", name: "x") }
        #expect(twice?.english.contains("two columns named 'a'") == true)
        let several = remoteError { _ = try connection.query("SELECT 1 AS a; SELECT 2 AS b", name: "x") }
        #expect(several?.kind == .unsupported)
        #expect(try connection.query("SELECT 3 AS three", name: "three").row(0) == [.integer(3)])
    }

    /// Ctrl-C while the server works: the statement is cancelled there, `Interrupted` is thrown, and the
    /// connection runs the next statement. (The test's own flag, not the process-wide one other suites read.)
    @Test func interruptionCancelsOnTheServer() throws {
        let connection = try TestServer.connect()
        let deadline = Date().addingTimeInterval(0.3)
        connection.isInterrupted = { Date() > deadline }
        let started = Date()
        #expect(throws: Interrupted.self) { _ = try connection.query("SELECT pg_sleep(30)", name: "sleep") }
        #expect(Date().timeIntervalSince(started) < 10)
        connection.isInterrupted = { false }
        #expect(try connection.query("SELECT 4 AS four", name: "four").row(0) == [.integer(4)])
    }

    /// An upload that fails on a row leaves no table behind.
    @Test func failedUploadLeavesNothing() throws {
        let connection = try TestServer.connect()
        let table = try Table(name: "nul", columns: [Column(name: "t", type: .text, values: [.text("a"), .text("b\u{0}c")])])
        let error = remoteError { try connection.upload(table, as: "solieu_nul_upload", replacing: true) }
        #expect(error?.kind == .unsupported)
        #expect(error?.english == "Row 2 of column 't' holds the character U+0000, which PostgreSQL text cannot store.")
        #expect(try connection.tables().contains { $0.name == "solieu_nul_upload" } == false)
    }
}

/// What the address may carry besides user, host, port and database.
@Suite(.enabled(if: TestServer.isConfigured, TestServer.skipped))
struct AddressParameterTests {
    /// Query parameters reach libpq; solieu's own name is only the fallback.
    @Test func parametersReachTheServer() throws {
        let named = try PostgresConnection.connect(url: TestServer.url! + "?application_name=solieu_check")
        #expect(try named.query("SELECT current_setting('application_name') AS a", name: "a").row(0) == [.text("solieu_check")])
        #expect(named.displayName == TestServer.url!)
        let plain = try TestServer.connect()
        #expect(try plain.query("SELECT current_setting('application_name') AS a", name: "a").row(0) == [.text("solieu")])
    }

    /// A password written in the address is accepted and shown nowhere. (That libpq takes it before
    /// PGPASSWORD is what `wrongPasswordIsRefusedWithoutShowingIt` shows: a wrong one there is refused.)
    @Test func passwordInTheAddress() throws {
        let password = try #require(ProcessInfo.processInfo.environment["PGPASSWORD"])
        let connection = try PostgresConnection.connect(url: TestServer.address(password: password),
                                                        environment: ["SOLIEU_POSTGRES_TIMEOUT": "60"])
        #expect(connection.displayName == TestServer.url!)
        #expect(try connection.query("SHOW statement_timeout", name: "t").row(0) == [.text("1min")])
    }
}

/// The server going away as the client sees it (a relay in front of it is cut), staying away for a
/// statement, and coming back.
@Suite(.enabled(if: TestServer.isConfigured, TestServer.skipped))
struct ServerGoneTests {
    @Test func sessionOutlivesTheServerGoingAway() throws {
        let relay = try Relay(to: URLComponents(string: TestServer.url!)!.port!)
        let connection = try PostgresConnection.connect(url: TestServer.address(port: Int(relay.port)), environment: [:])
        #expect(try connection.query("SELECT 1 AS one", name: "one").row(0) == [.integer(1)])

        relay.cut()
        let lost = remoteError { _ = try connection.query("SELECT 2 AS two", name: "two") }
        #expect(lost?.kind == .lostConnection)
        #expect(lost?.english.contains("was lost (server closed the connection unexpectedly) and connecting again failed "
            + "(connection to server at \"127.0.0.1\", port \(relay.port) failed: Connection refused).") == true)
        #expect(lost?.english.contains("The session and its other datasets are kept") == true)
        #expect(lost?.vietnamese.contains("Mất kết nối tới postgresql://solieu_test@127.0.0.1:\(relay.port)/solieu_test") == true)

        let stillGone = remoteError { _ = try connection.query("SELECT 3 AS three", name: "three") }
        #expect(stillGone?.kind == .lostConnection)
        #expect(stillGone?.english.contains("is still lost: connecting again failed (") == true)

        try relay.restore()
        #expect(try connection.query("SELECT 4 AS four, current_setting('DateStyle') AS style", name: "four").row(0)
                == [.integer(4), .text("ISO, YMD")])
        relay.cut()
    }
}
