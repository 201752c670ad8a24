import CLibPQ
import Engine
import Foundation
import Remote

extension PostgresConnection {
    /// Rows per piece when libpq streams in chunks (PostgreSQL 17's libpq); older ones stream row by row.
    static let rowsPerChunk: Int32 = 10_000

    /// Sends `sql` and reads every reply, handing each piece of rows to `rows` (with whether it is the last
    /// piece of its result). Waits in `poll` a tenth of a second at a time so that Ctrl-C can cancel the
    /// statement on the server, and reads every reply to the end, so the connection is ready for the next one.
    /// - Throws: `RemoteError`, `Interrupted`, or what `rows` throws.
    func run(_ sql: String, rows: ((OpaquePointer, Bool) throws -> Void)?) throws {
        let handle = try connectedHandle()
        guard PQsendQuery(handle, sql) == 1 else {
            let reason = String(cString: PQerrorMessage(handle))
            if PQstatus(handle) == CONNECTION_BAD { throw reconnect(after: reason) }
            throw PostgresErrors.notSent(displayName, reason: PostgresErrors.oneLine(reason))
        }
        if rows != nil { _ = clibpq_stream_rows(handle, Self.rowsPerChunk) }

        var cancelled = false
        var failure: ServerFailure?
        var unexpected: String?
        var rowsError: Error?
        while true {
            awaitReply(handle, cancelled: &cancelled)
            guard let result = PQgetResult(handle) else { break }
            defer { PQclear(result) }
            let status = PQresultStatus(result)
            switch status {
            case PGRES_TUPLES_OK, _ where clibpq_is_partial_result(status) != 0:
                guard let rows, failure == nil, rowsError == nil else { continue }
                do {
                    try rows(result, status == PGRES_TUPLES_OK)
                } catch {
                    // Stop the server sending the rest; the replies are still read to the end below.
                    rowsError = error
                    cancel(handle)
                }
            case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                continue
            case PGRES_FATAL_ERROR:
                if failure == nil { failure = ServerFailure(result) }
            case PGRES_COPY_IN:
                unexpected = "COPY FROM STDIN"
                _ = PQputCopyEnd(handle, "solieu sends no COPY data in a query")
            case PGRES_COPY_OUT, PGRES_COPY_BOTH:
                unexpected = "COPY TO STDOUT"
                drainCopyOut(handle)
            default:
                unexpected = String(cString: PQresStatus(status))
            }
        }

        if PQstatus(handle) == CONNECTION_BAD {
            throw reconnect(after: failure?.primary ?? String(cString: PQerrorMessage(handle)))
        }
        if cancelled { throw Interrupted() }
        if let rowsError { throw rowsError }
        if let failure {
            if failure.endsConnection { throw reconnect(after: failure.primary) }
            throw PostgresErrors.server(failure, on: self)
        }
        if let unexpected { throw PostgresErrors.unexpectedReply(displayName, status: unexpected) }
    }

    /// The open connection; if an earlier statement lost it and connecting again failed then, one more try.
    /// - Throws: `RemoteError` (`.lostConnection`) when that try fails too, or the connection was closed.
    func connectedHandle() throws -> OpaquePointer {
        guard let handle else {
            throw RemoteError(.lostConnection,
                english: "The connection to \(displayName) is closed; connect again.",
                vietnamese: "Kết nối tới \(displayName) đã đóng; hãy kết nối lại.")
        }
        if PQstatus(handle) == CONNECTION_BAD {
            PQreset(handle)
            guard PQstatus(handle) == CONNECTION_OK else {
                throw PostgresErrors.stillLost(displayName, reconnectFailure: String(cString: PQerrorMessage(handle)))
            }
            try prepareSession()
        }
        return handle
    }

    /// After the connection broke (server stopped, backend terminated, network gone): connects again once,
    /// and returns the error that says so. The statement is not run again: it may be what ended the session.
    func reconnect(after reason: String) -> RemoteError {
        guard let handle else { return PostgresErrors.lost(displayName, reason: reason, reconnectFailure: "closed") }
        PQreset(handle)
        guard PQstatus(handle) == CONNECTION_OK else {
            return PostgresErrors.lost(displayName, reason: reason, reconnectFailure: String(cString: PQerrorMessage(handle)))
        }
        do {
            try prepareSession()
        } catch {
            return PostgresErrors.lost(displayName, reason: reason, reconnectFailure: (error as? RemoteError)?.english ?? "\(error)")
        }
        return PostgresErrors.lost(displayName, reason: reason, reconnectFailure: nil)
    }

    /// Waits until libpq holds a whole reply (or the connection fails), cancelling the statement once if
    /// `isInterrupted` turns true meanwhile.
    private func awaitReply(_ handle: OpaquePointer, cancelled: inout Bool) {
        while PQisBusy(handle) != 0 {
            if !cancelled, isInterrupted() {
                cancel(handle)
                cancelled = true
            }
            var socket = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            // A signal (Ctrl-C) ends the wait early with EINTR; the loop then looks at the flag.
            _ = poll(&socket, 1, 100)
            if PQconsumeInput(handle) == 0 { return }  // the connection failed: PQgetResult reports it
        }
    }

    /// Asks the server to stop the running statement (over a connection of its own, as libpq does).
    func cancel(_ handle: OpaquePointer) {
        guard let request = PQgetCancel(handle) else { return }
        var message = [CChar](repeating: 0, count: 256)
        _ = PQcancel(request, &message, Int32(message.count))
        PQfreeCancel(request)
    }

    private func drainCopyOut(_ handle: OpaquePointer) {
        var buffer: UnsafeMutablePointer<CChar>?
        while PQgetCopyData(handle, &buffer, 0) > 0 {
            PQfreemem(buffer)
            buffer = nil
        }
    }
}
