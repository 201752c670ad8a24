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

    /// Questions whose answer names the first of several conflicting cells. Spark has no row order a query
    /// can read inside an aggregate, so the first conflicting cell in reading order is named, where memory
    /// and PostgreSQL name the first in the data. Such a question must still be refused the same way
    /// (several rows for one cell, with the filter that picks one).
    static let dependOnRowOrder: Set<String> = ["trend_rank.solieu:8"]

    @Test(.enabled(if: url != nil, "SOLIEU_TEST_SPARK is not set: scripts/test-spark starts Spark and sets it"))
    func everyGoldenQuestionGetsTheSameAnswer() throws {
        let gazetteerSession = try Self.prepareServer()
        var differences: [String] = []
        var rowOrderDifferences: [String] = []
        let statements = try GoldenQuestions.statements()
        for script in GoldenQuestions.scripts {
            let memory = try GoldenQuestions.memorySession()
            let (remote, report) = try GoldenQuestions.remoteSession(Self.url!, gazetteer: gazetteerSession.gazetteer)
            #expect(report.contains("connected to"), "\(report)")
            for (place, statement) in statements where place.hasPrefix(script + ".") {
                let expected = GoldenQuestions.transcript(memory, [statement])
                let actual = GoldenQuestions.transcript(remote, [statement])
                guard expected != actual else { continue }
                let difference = "\(place): \(statement)\n--- in memory\n\(expected)--- on Spark\n\(actual)"
                if Self.dependOnRowOrder.contains(place) { rowOrderDifferences.append(difference) } else { differences.append(difference) }
            }
        }
        #expect(statements.count > 100)
        for difference in rowOrderDifferences {
            let sides = difference.components(separatedBy: "--- on Spark")
            #expect(sides.count == 2 && sides.allSatisfy { $0.contains(" rows for ") && $0.contains("pick one with a filter such as") },
                    "not the same refusal:\n\(difference)")
        }
        #expect(differences.isEmpty, "\(differences.count) of \(statements.count) differ:\n\(differences.joined(separator: "\n"))")
    }
}
