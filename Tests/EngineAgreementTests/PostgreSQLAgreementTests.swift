import Engine
import Foundation
import Language
import PostgreSQL
import Remote
import Testing

/// The golden scripts' questions asked of the built-in tables in memory and, put into a real PostgreSQL
/// server, of the same tables there through `connect`: every answer, note and error must be the same.
@Suite(.serialized) struct PostgreSQLAgreementTests {
    static let url = ProcessInfo.processInfo.environment["SOLIEU_TEST_POSTGRES"]
    static let database = "solieu_agreement"

    /// The built-in datasets as tables of a database of their own (without the columns the gazetteer
    /// adds in memory, which the server computes from the province column as solieu asks).
    static func prepareServer() throws -> (url: String, memory: Session) { try prepared.get() }

    /// Made once for both suites, which run at the same time: each dropping and creating the database
    /// would collide with the other's (a duplicate name, or a database in use).
    private static let prepared = Result { try fillServer() }

    private static func fillServer() throws -> (url: String, memory: Session) {
        var components = URLComponents(string: url!)!
        let admin = try PostgresConnection.connect(url: url!)
        try admin.execute("DROP DATABASE IF EXISTS \(database)")
        try admin.execute("CREATE DATABASE \(database)")
        admin.close()
        components.path = "/" + database
        let memory = try GoldenQuestions.memorySession()
        let server = try PostgresConnection.connect(url: components.string!)
        defer { server.close() }
        for name in memory.order {
            let dataset = memory.datasets[name]!
            let added = Set(dataset.provinceColumn?.addedColumns ?? [])
            let table = try Table(name: name, columns: dataset.table.columns.filter { !added.contains($0.name) })
            try server.upload(table, as: name, replacing: true)
        }
        return (components.string!, memory)
    }

    @Test(.enabled(if: url != nil, "SOLIEU_TEST_POSTGRES is not set: scripts/test starts a PostgreSQL server and sets it"))
    func everyGoldenQuestionGetsTheSameAnswer() throws {
        let (address, gazetteerSession) = try Self.prepareServer()
        var differences: [String] = []
        let statements = try GoldenQuestions.statements()
        // Each script from a fresh start on both sides, as the golden scripts run.
        for script in GoldenQuestions.scripts {
            let memory = try GoldenQuestions.memorySession()
            let (remote, report) = try GoldenQuestions.remoteSession(address, gazetteer: gazetteerSession.gazetteer)
            #expect(report.contains("connected to"), "\(report)")
            for (place, statement) in statements where place.hasPrefix(script + ".") {
                let expected = GoldenQuestions.transcript(memory, [statement])
                let actual = GoldenQuestions.transcript(remote, [statement])
                if expected != actual { differences.append("\(place): \(statement)\n--- in memory\n\(expected)--- on PostgreSQL\n\(actual)") }
            }
        }
        #expect(statements.count > 100)
        #expect(differences.isEmpty, "\(differences.count) of \(statements.count) differ:\n\(differences.joined(separator: "\n"))")
    }
}

/// `explain` and `explain sql` of every golden question: a plan in plain words, and SQL the server accepts.
@Suite(.serialized) struct ExplainAgreementTests {
    static let queryVerbs: Set<String> = ["show", "count", "sum", "mean", "avg", "min", "max", "median", "stddev", "compare", "trend", "rank"]

    @Test(.enabled(if: PostgreSQLAgreementTests.url != nil, "SOLIEU_TEST_POSTGRES is not set: scripts/test starts a PostgreSQL server and sets it"))
    func everyGoldenQuestionHasAPlanAndValidSQL() throws {
        let (address, gazetteerSession) = try PostgreSQLAgreementTests.prepareServer()
        let server = try PostgresConnection.connect(url: address)
        defer { server.close() }
        var checked = 0
        var problems: [String] = []
        for script in GoldenQuestions.scripts {
            let memory = try GoldenQuestions.memorySession()
            let (remote, _) = try GoldenQuestions.remoteSession(address, gazetteer: gazetteerSession.gazetteer)
            for (place, statement) in try GoldenQuestions.statements() where place.hasPrefix(script + ".") {
                let verb = statement.split(separator: " ").first.map { String($0).lowercased() } ?? ""
                guard Self.queryVerbs.contains(verb) else {
                    // use, set, let, measure: run on both sides so the next questions see the same state.
                    _ = GoldenQuestions.transcript(memory, [statement])
                    _ = GoldenQuestions.transcript(remote, [statement])
                    continue
                }
                let asked = GoldenQuestions.transcript(memory, [statement])
                let explained = GoldenQuestions.transcript(memory, ["explain " + statement])
                if asked.contains("error:") || asked.contains("lỗi:") {
                    // A mistake binding finds is the same mistake when explained; one only the rows show
                    // (two rows in a cell, mixed series) is not, since explain computes nothing.
                    if !explained.contains("error:") && !explained.contains("lỗi:") && !explained.contains("  1. ") {
                        problems.append("\(place): explain gives neither the error nor a plan:\n\(explained)")
                    }
                    continue
                }
                if !explained.contains("  1. ") { problems.append("\(place): explain gives no plan:\n\(explained)") }
                let sql = GoldenQuestions.transcript(remote, ["set format table", "explain sql " + statement])
                let sent = sql.split(separator: "\n").filter { $0.hasPrefix("SELECT") }
                if sent.isEmpty { problems.append("\(place): explain sql shows no SQL:\n\(sql)") }
                for query in sent {
                    do { try server.execute("EXPLAIN " + query) } catch { problems.append("\(place): the server refuses \(query): \(error)") }
                }
                checked += 1
            }
        }
        #expect(checked > 50)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
