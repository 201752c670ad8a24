import Foundation
import Testing

/// A query a PostgreSQL server takes more than a second over shows one line saying how long solieu has
/// waited, cleared before the answer; Ctrl-C cancels the query on the server. The slow table is a view that
/// sleeps on the server for each of its rows (the sleep names a column of the row, so it is not run once
/// for all), in a database of its own so no other suite sees it. Its column is `place`, not `province`,
/// so that connecting asks for no distinct values.
@Suite(.serialized) struct RemoteProgressLineTests {
    static let server = ProcessInfo.processInfo.environment["SOLIEU_TEST_POSTGRES"]
    static let skipped: Comment = "SOLIEU_TEST_POSTGRES is not set: scripts/test starts a PostgreSQL server and sets it (with PGPASSWORD)"

    /// The test server's address with another database.
    static func address(database: String) -> String {
        var parts = URLComponents(string: server!)!
        parts.path = "/" + database
        return parts.string!
    }

    /// psql, from the client package or beside the server.
    static var psql: String? {
        let found = ["/usr/bin/psql"] + ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .sorted(by: >).map { "/usr/lib/postgresql/\($0)/bin/psql" }
        return found.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ sql: String, database: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(psql, "no psql"))
        process.arguments = ["-X", "-q", "-v", "ON_ERROR_STOP=1", address(database: database), "-c", sql]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "psql failed on: \(sql)")
    }

    let database = "solieu_progress"

    init() throws {
        guard Self.server != nil else { return }
        let home = URLComponents(string: Self.server!)!.path.dropFirst()
        try Self.run("DROP DATABASE IF EXISTS \(database)", database: String(home))
        try Self.run("CREATE DATABASE \(database)", database: String(home))
        try Self.run("""
            CREATE VIEW slow AS SELECT p.place, p.households FROM (VALUES ('Hà Giang', 12), ('Ninh Bình', 7)) AS p(place, households),
            LATERAL (SELECT pg_sleep(0.8 + 0 * p.households)) AS s
            """, database: database)
        try Self.run("CREATE VIEW slower AS SELECT slow.* FROM slow, LATERAL (SELECT pg_sleep(2 + 0 * slow.households)) AS s", database: database)
    }

    func environment() -> [String: String] {
        let folder = NSTemporaryDirectory() + "solieu-remote-progress-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var environment = ["TERM": "xterm", "HOME": folder, "XDG_STATE_HOME": folder, "PATH": "/usr/bin:/bin"]
        environment["PGPASSWORD"] = ProcessInfo.processInfo.environment["PGPASSWORD"]
        return environment
    }

    @Test(.enabled(if: server != nil, skipped))
    func aSlowQueryShowsTheTimeWaitedThenTheAnswer() throws {
        let t = try PseudoTerminal(environment: environment())
        #expect(t.waitFor("reports> ", seconds: 30))
        var mark = t.mark
        t.type("connect \(Self.address(database: database)) as db" + PseudoTerminal.enter)
        #expect(t.waitFor("> ", after: mark, seconds: 60), "\(t.transcript[mark...])")
        t.type("use db_slow" + PseudoTerminal.enter)
        #expect(t.waitFor("db_slow> ", after: mark, seconds: 60), "\(t.transcript[mark...])")
        mark = t.mark
        t.type("show sum(households)" + PseudoTerminal.enter)
        #expect(t.waitFor("db_slow> ", after: mark, seconds: 60), "\(t.transcript[mark...])")
        let shown = String(t.transcript[mark...])
        let line = "\rwaiting for \(Self.address(database: database).replacingOccurrences(of: ":\(URLComponents(string: Self.server!)!.password ?? "-")@", with: "@")): 1 s (Ctrl-C cancels the query)"
        #expect(shown.contains(line), "no waiting line in: \(shown.debugDescription)")
        let last = try #require(shown.range(of: "\rwaiting for", options: .backwards))
        let after = shown[last.upperBound...]
        let cleared = try #require(after.range(of: "\r\u{1b}[K"), "\(after)")
        #expect(after[cleared.upperBound...].contains("             19"), "the answer follows the cleared line: \(after.debugDescription)")
        t.type(PseudoTerminal.controlD)
        #expect(t.waitForExit(seconds: 30) == 0)
    }

    @Test(.enabled(if: server != nil, skipped))
    func controlCCancelsTheQueryOnTheServer() throws {
        let t = try PseudoTerminal(environment: environment())
        #expect(t.waitFor("reports> ", seconds: 30))
        t.type("connect \(Self.address(database: database)) as db" + PseudoTerminal.enter)
        t.type("use db_slower" + PseudoTerminal.enter)
        #expect(t.waitFor("db_slower> ", seconds: 60), "\(t.transcript)")
        let mark = t.mark
        t.type("show sum(households)" + PseudoTerminal.enter)
        #expect(t.waitFor("\rwaiting for", after: mark, seconds: 30), "\(t.transcript[mark...])")
        let asked = Date()
        t.interrupt()
        #expect(t.waitFor("interrupted", after: mark, seconds: 10), "\(t.transcript[mark...])")
        // The query had more than four seconds to go: stopped well before that, with no answer, it was cancelled.
        #expect(Date().timeIntervalSince(asked) < 3)
        #expect(t.waitFor("db_slower> ", after: mark, seconds: 10))
        #expect(!t.transcript[mark...].contains("             19"), "\(t.transcript[mark...])")
        t.type(PseudoTerminal.controlD)
        #expect(t.waitForExit(seconds: 30) == 0)
    }
}
