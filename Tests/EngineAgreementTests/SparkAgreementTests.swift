import Engine
import Foundation
import Language
import SparkConnect
import Testing

/// The golden scripts' questions asked of the built-in tables in memory and, put into a real Spark cluster
/// (scripts/test-spark starts one), of the same tables there through `connect sc://`: every answer, note
/// and error must be the same.
@Suite(.serialized) struct SparkAgreementTests {
    static let url = ProcessInfo.processInfo.environment["SOLIEU_TEST_SPARK"].flatMap { $0.isEmpty ? nil : $0 }

    @Test(.enabled(if: url != nil, "SOLIEU_TEST_SPARK is not set: run scripts/test-spark, which starts Spark and sets it"))
    func everyGoldenQuestionGetsTheSameAnswer() throws {
        let memory = try GoldenQuestions.memorySession()
        let spark = try SparkConnectConnection(url: Self.url!)
        defer { spark.close() }
        // Parquet tables in the cluster's catalogue (without the columns the gazetteer adds in memory, which
        // Spark computes from the province column as solieu asks).
        for name in memory.order {
            let dataset = memory.datasets[name]!
            let added = Set(dataset.provinceColumn?.addedColumns ?? [])
            try spark.uploadSharedForTests(table: try Table(name: name, columns: dataset.table.columns.filter { !added.contains($0.name) }), as: name)
        }
        let (differences, asked) = try GoldenQuestions.differences(address: Self.url!, gazetteer: memory.gazetteer, engine: "Spark")
        #expect(asked > 100)
        #expect(differences.isEmpty, "\(differences.count) of \(asked) differ:\n\(differences.joined(separator: "\n"))")
    }
}
