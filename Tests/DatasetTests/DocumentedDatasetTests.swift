import Engine
import Foundation
import Formats
import Testing

/// Every file in datasets/ loads with exactly the rows and column types datasets/README.md documents.
@Suite struct DocumentedDatasetTests {
    @Test func readmeDocumentsEveryFile() throws {
        let documented = Set(try DocumentedDataset.all().map(\.file))
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: Repository.dataset("")).filter { $0.hasSuffix(".csv") })
        #expect(documented == files)
        #expect(files.count == 5)
    }

    @Test(arguments: try DocumentedDataset.all())
    func loadsAsDocumented(_ dataset: DocumentedDataset) throws {
        let result = try Repository.load(dataset.file)
        #expect(result.report.rowCount == dataset.rows, "\(dataset.file): rows")
        #expect(result.table.rowCount == dataset.rows)
        #expect(result.table.columnNames == dataset.columns.map(\.name), "\(dataset.file): columns in order")
        for (name, type) in dataset.columns {
            #expect(result.table.column(named: name)?.type.rawValue == type, "\(dataset.file): \(name)")
        }
    }
}

extension DocumentedDataset: CustomTestStringConvertible {
    var testDescription: String { file }
}
