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
    static func prepareServer() throws -> (url: String, memory: Session) {
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
