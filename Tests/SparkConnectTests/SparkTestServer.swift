import Engine
import Foundation
import Formats
import Testing
@testable import SparkConnect

/// The Spark Connect server the tests may use: `SOLIEU_TEST_SPARK` (scripts/test-spark starts one and sets it).
enum SparkTestServer {
    static let url = ProcessInfo.processInfo.environment["SOLIEU_TEST_SPARK"].flatMap { $0.isEmpty ? nil : $0 }
    static let isAvailable = url != nil
    static let skipReason: Comment = "SOLIEU_TEST_SPARK is not set: run scripts/test-spark, which starts Spark and sets it"

    static func connect() throws -> SparkConnectConnection {
        try SparkConnectConnection(url: url!)
    }

    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The built-in datasets as the loader reads them from datasets/.
    static func builtinTables() throws -> [Table] {
        try [("reports", "reports.csv"), ("gso", "gso_poverty_by_province.csv"),
             ("gso_regions", "gso_poverty_aggregates.csv"), ("provinces", "provinces.csv"),
             ("province_aliases", "province_aliases.csv")].map { name, file in
            try TableLoader.load(path: repositoryRoot + "/datasets/" + file, tableName: name).table
        }
    }
}

/// A free TCP port on 127.0.0.1 with nothing listening: bound once by the kernel's choice, then released.
func unusedLocalPort() throws -> Int {
    let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socketFD) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(socketFD, $0, length) == 0 && getsockname(socketFD, $0, &length) == 0
        }
    }
    try #require(bound)
    return Int(UInt16(bigEndian: address.sin_port))
}
