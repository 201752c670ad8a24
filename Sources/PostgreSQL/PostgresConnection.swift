import CLibPQ
import Engine
import Foundation
import Remote

/// One live connection to a PostgreSQL server, through libpq.
///
/// libpq finds the password itself (in the address, `PGPASSWORD` or `~/.pgpass`); solieu never keeps it:
/// reconnecting uses libpq's own copy (`PQreset`). Every connection reads dates in ISO form, floating-point
/// numbers exactly and text as UTF-8, and stops a statement after `statementTimeoutSeconds`.
/// Not thread-safe: one statement at a time, as the shell runs them.
public final class PostgresConnection: SQLConnection {
    public let dialect = SQLDialect.postgres
    public let displayName: String
    /// The longest a statement may run on the server (`statement_timeout`); 0 for no limit.
    public let statementTimeoutSeconds: Int
    /// Asked while a statement runs; true cancels it on the server (`PQcancel`). By default Ctrl-C.
    public var isInterrupted: () -> Bool = { Interruption.isRequested }

    /// libpq's connection (`PGconn *`); nil once closed.
    var handle: OpaquePointer?

    /// The variable that sets `statementTimeoutSeconds`, and its value when the variable is not set.
    public static let timeoutVariable = "SOLIEU_POSTGRES_TIMEOUT"
    public static let defaultTimeoutSeconds = 300
    /// How long a connection attempt waits for the server, unless the address says otherwise (`connect_timeout=`).
    static let connectTimeoutSeconds = 10

    /// Connects to `url` (`postgresql://USER@HOST:PORT/DB`, or `postgres://`; query parameters go to libpq).
    /// - Throws: `RemoteError` (`.connect`) saying what failed (refused, unknown host, password, database) and
    ///   what to check.
    public static func connect(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PostgresConnection {
        let timeout = try statementTimeout(from: environment)
        let address = try PostgresAddress(url)
        // The address comes last, so what it says (connect_timeout=, client_encoding=) wins over these defaults.
        let settings: [(String, String)] = [
            ("connect_timeout", String(connectTimeoutSeconds)),
            ("fallback_application_name", "solieu"),
            ("client_encoding", "UTF8"),
            ("dbname", address.text),
        ]
        let handle = withCStrings(settings.map(\.0)) { keywords in
            withCStrings(settings.map(\.1)) { values in
                PQconnectdbParams(keywords, values, 1)  // 1: the dbname is expanded as an address
            }
        }
        guard let handle, PQstatus(handle) == CONNECTION_OK else {
            let message = handle.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            PQfinish(handle)
            throw PostgresErrors.connect(libpqMessage: message, address: address)
        }
        let connection = PostgresConnection(handle: handle, displayName: address.displayName, statementTimeoutSeconds: timeout)
        try connection.prepareSession()
        return connection
    }

    private init(handle: OpaquePointer, displayName: String, statementTimeoutSeconds: Int) {
        self.handle = handle
        self.displayName = displayName
        self.statementTimeoutSeconds = statementTimeoutSeconds
    }

    deinit { close() }

    public func close() {
        PQfinish(handle)
        handle = nil
    }

    /// The user name the server knows this connection by.
    public var userName: String { handle.flatMap { PQuser($0) }.map { String(cString: $0) } ?? "?" }

    /// The server process serving this connection (`pg_backend_pid()`); changes when solieu reconnects.
    public var serverProcessID: Int32 { handle.map { PQbackendPID($0) } ?? 0 }

    /// Runs statements whose rows, if any, are not wanted (`SET …`, `CREATE …`).
    /// - Throws: `RemoteError` as `query` does; `Interrupted` when cancelled.
    public func execute(_ sql: String) throws {
        try run(sql, rows: nil)
    }

    /// Runs one query and returns its rows as a table named `name`.
    /// - Throws: `RemoteError`: `.lostConnection` (solieu has tried to connect again and says how it went),
    ///   `.timeout`, `.permission` (naming the table), `.query` (with SQLSTATE); `Interrupted` after Ctrl-C,
    ///   once the server has cancelled the query.
    public func query(_ sql: String, name: String) throws -> Table {
        var columns: ResultColumns?
        var finished = false
        try run(sql, rows: { result, isLastPiece in
            guard !finished else {
                throw RemoteError(.unsupported,
                    english: "The text sent to \(self.displayName) holds more than one query; send one at a time.",
                    vietnamese: "Văn bản gửi tới \(self.displayName) có nhiều hơn một truy vấn; hãy gửi từng truy vấn một.")
            }
            if columns == nil { columns = try ResultColumns(describing: result) }
            try columns!.append(result)
            finished = isLastPiece
        })
        return try columns?.table(named: name) ?? Table(name: name, columns: [])
    }

    /// The server's `statement_timeout` as it prints it (`5min`, `1ms`), or nil if it cannot be asked.
    func currentStatementTimeout() -> String? {
        guard let table = try? query("SHOW statement_timeout", name: "timeout"), table.rowCount == 1,
              case .text(let value) = table.columns[0].value(at: 0) else { return nil }
        return value
    }

    /// What every connection (and every reconnection) sets before its first statement. libpq prints the
    /// server's notices to standard error; only warnings and worse are sent, so that a `DROP … IF EXISTS`
    /// that found nothing does not interleave a line with the results.
    func prepareSession() throws {
        let milliseconds = statementTimeoutSeconds * 1000
        try execute("SET DateStyle = ISO, YMD; SET extra_float_digits = 3; SET standard_conforming_strings = on; "
            + "SET client_min_messages = warning; "
            + "SET statement_timeout = \(milliseconds)")
    }

    /// Seconds from `SOLIEU_POSTGRES_TIMEOUT`, else the default.
    /// - Throws: `RemoteError` (`.connect`) when the variable holds anything but whole seconds.
    static func statementTimeout(from environment: [String: String]) throws -> Int {
        guard let text = environment[timeoutVariable] else { return defaultTimeoutSeconds }
        guard let seconds = Int(text.trimmingCharacters(in: .whitespaces)), seconds >= 0, seconds <= Int(Int32.max) / 1000 else {
            throw RemoteError(.connect,
                english: "\(timeoutVariable) is '\(text)'; it takes whole seconds (for example 600), or 0 for no limit.",
                vietnamese: "\(timeoutVariable) đang là '\(text)'; biến này nhận số giây nguyên (ví dụ 600), hoặc 0 là không giới hạn.")
        }
        return seconds
    }
}

/// Calls `body` with `strings` as a NULL-terminated array of C strings, valid during the call only.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    let pointers: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) } + [nil]
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
