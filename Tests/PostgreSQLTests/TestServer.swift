import Engine
import Foundation
import PostgreSQL
import Remote
import Testing

/// The PostgreSQL server the tests run against: `SOLIEU_TEST_POSTGRES` (scripts/test starts one of its own
/// and sets it, with PGPASSWORD). Without it the suites that need a server are skipped with this reason.
enum TestServer {
    static let url = ProcessInfo.processInfo.environment["SOLIEU_TEST_POSTGRES"]
    static var isConfigured: Bool { url != nil }
    static let skipped: Comment = "SOLIEU_TEST_POSTGRES is not set: scripts/test starts a PostgreSQL server and sets it (with PGPASSWORD)"

    static func connect(environment: [String: String] = [:]) throws -> PostgresConnection {
        try PostgresConnection.connect(url: url!, environment: environment)
    }

    /// The server's address with its path (the database) replaced, or its port.
    static func address(database: String? = nil, port: Int? = nil, password: String? = nil) -> String {
        var components = URLComponents(string: url!)!
        if let database { components.path = "/" + database }
        if let port { components.port = port }
        if let password { components.password = password }
        return components.string!
    }
}

/// Whether two cells are the same value, decimals bit for bit (−0.0 is not 0.0; NaN is NaN).
func sameCell(_ a: Value, _ b: Value) -> Bool {
    if case .decimal(let x) = a, case .decimal(let y) = b { return x.bitPattern == y.bitPattern }
    return a == b
}

/// Records every difference between two tables: names, types, row counts, then the first differing cell
/// of each column.
func expectSameCells(_ actual: Table, _ expected: Table, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.columnNames == expected.columnNames, sourceLocation: sourceLocation)
    #expect(actual.rowCount == expected.rowCount, "rows of \(expected.name)", sourceLocation: sourceLocation)
    for (got, want) in zip(actual.columns, expected.columns) {
        #expect(got.type == want.type, "type of \(expected.name).\(want.name)", sourceLocation: sourceLocation)
        for row in 0..<min(got.count, want.count) where !sameCell(got.value(at: row), want.value(at: row)) {
            Issue.record("\(expected.name).\(want.name) row \(row + 1): \(got.value(at: row)) ≠ \(want.value(at: row))",
                         sourceLocation: sourceLocation)
            break
        }
    }
}

/// `table` with a first column numbering its rows from 0, so that a server copy can be read back in order.
func numbered(_ table: Table) throws -> Table {
    let order = Column(name: "solieu_row", storage: .integer(IntegerBuffer(narrowing: ContiguousArray(0..<Int64(table.rowCount)))))
    return try Table(name: table.name, columns: [order] + table.columns)
}

/// A port on 127.0.0.1 that nothing listens on (the kernel handed it out and it was closed again).
func closedPort() -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
    }
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// The error `body` throws as a `RemoteError`; records an issue when it throws nothing or something else.
func remoteError(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> RemoteError? {
    do {
        try body()
        Issue.record("expected a RemoteError, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as RemoteError {
        return error
    } catch {
        Issue.record("expected a RemoteError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
