import Foundation
import Language
@testable import Shell

/// A session with the built-in datasets, as the program starts, found from this source file.
enum TestSession {
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func make() throws -> Session {
        setenv("SOLIEU_DATA", repositoryRoot + "/datasets", 1)
        let session = Session()
        try BuiltinData.load(into: session)
        return session
    }
}
