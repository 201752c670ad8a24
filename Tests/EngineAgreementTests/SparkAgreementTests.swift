import Engine
import Foundation
import Language
import Remote
import SparkConnect
import Testing

/// The golden scripts' questions asked of the built-in tables in memory and, put into a real Spark as
/// Parquet tables, of the same tables there through `connect sc://…`: every answer, note and error must be
/// the same.
@Suite(.serialized) struct SparkAgreementTests {
    static let url = ProcessInfo.processInfo.environment["SOLIEU_TEST_SPARK"].flatMap { $0.isEmpty ? nil : $0 }

    /// The built-in datasets as tables of the server's catalogue (without the columns the gazetteer adds in
    /// memory, which the server computes from the province column as solieu asks).
    static func prepareServer() throws -> Session {
        let memory = try GoldenQuestions.memorySession()
        let server = try SparkConnectConnection(url: url!)
        defer { server.close() }
        for name in memory.order {
            let dataset = memory.datasets[name]!
            let added = Set(dataset.provinceColumn?.addedColumns ?? [])
            let table = try Table(name: name, columns: dataset.table.columns.filter { !added.contains($0.name) })
            try server.uploadSharedForTests(table: table, as: name)
        }
        return memory
    }

    @Test(.enabled(if: url != nil, "SOLIEU_TEST_SPARK is not set: scripts/test-spark starts Spark and sets it"))
    func everyGoldenQuestionGetsTheSameAnswer() throws {
        let gazetteerSession = try Self.prepareServer()
        var differences: [String] = []
        let statements = try GoldenQuestions.statements()
        for script in GoldenQuestions.scripts {
            let memory = try GoldenQuestions.memorySession()
            let (remote, report) = try GoldenQuestions.remoteSession(Self.url!, gazetteer: gazetteerSession.gazetteer)
            #expect(report.contains("connected to"), "\(report)")
            for (place, statement) in statements where place.hasPrefix(script + ".") {
                let expected = GoldenQuestions.transcript(memory, [statement])
                let actual = GoldenQuestions.transcript(remote, [statement])
                if expected != actual { differences.append("\(place): \(statement)\n--- in memory\n\(expected)--- on Spark\n\(actual)") }
            }
        }
        #expect(statements.count > 100)
        #expect(differences.isEmpty, "\(differences.count) of \(statements.count) differ:\n\(differences.joined(separator: "\n"))")
    }
}
