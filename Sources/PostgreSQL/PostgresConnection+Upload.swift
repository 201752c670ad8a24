import CLibPQ
import Engine
import Foundation
import Remote

extension PostgresConnection {
    /// Creates the table `name` with `table`'s columns (`PostgresType.sqlType(of:)`) and copies every row
    /// into it exactly, in one transaction: nothing is left behind if a row fails. For tests and benchmarks,
    /// which put the built-in datasets and generated households into a real server.
    /// - Parameter replacing: drop a table of that name first, instead of failing on it.
    /// - Throws: `RemoteError` (a text cell holding U+0000, which PostgreSQL text cannot store, is
    ///   `.unsupported`); `Interrupted` when cancelled.
    public func upload(_ table: Table, as name: String, replacing: Bool = false) throws {
        let definitions = table.columns.map { quotedIdentifier($0.name) + " " + PostgresType.sqlType(of: $0) }
        let columnList = table.columns.map { quotedIdentifier($0.name) }.joined(separator: ", ")
        do {
            try execute("BEGIN")
            if replacing { try execute("DROP TABLE IF EXISTS \(quotedIdentifier(name))") }
            try execute("CREATE TABLE \(quotedIdentifier(name)) (\(definitions.joined(separator: ", ")))")
            try copy(table, into: "\(quotedIdentifier(name)) (\(columnList))")
            try execute("COMMIT")
        } catch {
            // After a lost connection there is no transaction left to roll back.
            if let handle, PQstatus(handle) == CONNECTION_OK, PQtransactionStatus(handle) != PQTRANS_IDLE {
                try? execute("ROLLBACK")
            }
            throw error
        }
    }

    /// Bytes handed to libpq at a time: large enough that a call per piece costs nothing, small enough
    /// that the piece is not a second copy of a large table.
    static let copyPieceBytes = 1 << 20

    /// `COPY target FROM STDIN` in PostgreSQL's text format, row by row from `table`.
    private func copy(_ table: Table, into target: String) throws {
        let handle = try connectedHandle()
        guard let start = PQexec(handle, "COPY \(target) FROM STDIN") else { throw reconnect(after: "out of memory") }
        let status = PQresultStatus(start)
        let failure = status == PGRES_COPY_IN ? nil : ServerFailure(start)
        PQclear(start)
        if let failure {
            if PQstatus(handle) == CONNECTION_BAD || failure.endsConnection { throw reconnect(after: failure.primary) }
            throw PostgresErrors.server(failure, on: self)
        }

        var piece: [UInt8] = []
        piece.reserveCapacity(Self.copyPieceBytes + 4096)
        var stopped: Error?
        rows: for row in 0..<table.rowCount {
            if row & 4095 == 0, isInterrupted() {
                stopped = Interrupted()
                break
            }
            for (index, column) in table.columns.enumerated() {
                if index > 0 { piece.append(0x09) }
                do {
                    try CopyText.append(column, row: row, to: &piece)
                } catch {
                    stopped = error
                    break rows
                }
            }
            piece.append(0x0A)
            if piece.count >= Self.copyPieceBytes {
                guard send(piece, on: handle) else { break }
                piece.removeAll(keepingCapacity: true)
            }
        }
        if stopped == nil, !piece.isEmpty { _ = send(piece, on: handle) }
        // An error message here makes the server abort the COPY, so a half-sent table is never committed.
        _ = PQputCopyEnd(handle, stopped == nil ? nil : "solieu stopped the upload")

        var serverFailure: ServerFailure?
        while let result = PQgetResult(handle) {
            if PQresultStatus(result) == PGRES_FATAL_ERROR, serverFailure == nil { serverFailure = ServerFailure(result) }
            PQclear(result)
        }
        if PQstatus(handle) == CONNECTION_BAD {
            throw reconnect(after: serverFailure?.primary ?? String(cString: PQerrorMessage(handle)))
        }
        if let stopped { throw stopped }
        if let serverFailure { throw PostgresErrors.server(serverFailure, on: self) }
    }

    /// Hands `bytes` to libpq (which blocks until the socket takes them); false when the connection failed.
    private func send(_ bytes: [UInt8], on handle: OpaquePointer) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) == 1 }
        }
    }
}

/// One cell in PostgreSQL's COPY text format: `\N` for missing; backslash, tab, newline and carriage return
/// escaped (`\\`, `\t`, `\n`, `\r`); every other character as its UTF-8 bytes, Vietnamese letters included.
enum CopyText {
    /// - Throws: `RemoteError` (`.unsupported`) for text holding U+0000.
    static func append(_ column: Column, row: Int, to bytes: inout [UInt8]) throws {
        guard column.isPresent(row) else {
            bytes.append(contentsOf: [0x5C, 0x4E])  // \N
            return
        }
        switch column.storage {
        case .integer(let values):
            bytes.append(contentsOf: String(values[row]).utf8)
        case .decimal(let values):
            bytes.append(contentsOf: number(values[row]).utf8)
        case .boolean(let values):
            bytes.append(values[row] ? 0x74 : 0x66)  // t, f
        case .text(let text):
            for byte in text.dictionary[Int(text.codes[row])].utf8 {
                switch byte {
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                case 0x00:
                    throw RemoteError(.unsupported,
                        english: "Row \(row + 1) of column '\(column.name)' holds the character U+0000, which PostgreSQL text cannot store.",
                        vietnamese: "Dòng \(row + 1) của cột '\(column.name)' chứa ký tự U+0000, kiểu text của PostgreSQL không lưu được.")
                default: bytes.append(byte)
                }
            }
        }
    }

    /// The shortest text that reads back as exactly `value` (Swift's own, which float8 input accepts),
    /// and PostgreSQL's spellings of the infinities and NaN.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return "\(value)"
    }
}
