import Foundation
import Testing
@testable import Shell

/// The datasets compiled into the program are the files in datasets/, byte for byte (else run
/// scripts/generate-builtin-data).
@Suite struct EmbeddedDatasetsTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    @Test func everyBuiltInFileIsCurrent() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/datasets").filter { $0.hasSuffix(".csv") }.sorted()
        #expect(files.count == 5)
        #expect(EmbeddedDatasets.base64.keys.sorted() == files)
        for file in files {
            let onDisk = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.root + "/datasets/" + file)))
            #expect(EmbeddedDatasets.bytes(of: file) == onDisk, "\(file) changed: run scripts/generate-builtin-data")
        }
    }
}
