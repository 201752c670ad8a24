import CLibPQ
import Foundation
import Remote

/// What solieu says when PostgreSQL or the way to it fails: each failure in English and Vietnamese, with
/// what to do next. Server and libpq texts are quoted as they come (they are the server's words, and the
/// server's manual and forums search by them).
enum PostgresErrors {
    /// A failed connection, told apart by libpq's message: refused, unknown host, password, database, role.
    static func connect(libpqMessage raw: String, address: PostgresAddress) -> RemoteError {
        let message = address.scrubbed(oneLine(raw))
        let target = address.displayName
        if message.contains("Connection refused") {
            return RemoteError(.connect,
                english: "Nothing answers at \(target) (connection refused). Check that the PostgreSQL server is running "
                    + "and that the host and port in the address are right.",
                vietnamese: "Không có máy chủ nào trả lời ở \(target) (kết nối bị từ chối). Hãy kiểm tra máy chủ PostgreSQL "
                    + "có đang chạy không, và máy, cổng trong địa chỉ có đúng không.")
        }
        if message.contains("could not translate host name") {
            return RemoteError(.connect,
                english: "The host in \(target) is not known (\(message)). Check how the host is spelled in the address.",
                vietnamese: "Không tìm thấy máy trong địa chỉ \(target) (\(message)). Hãy kiểm tra tên máy trong địa chỉ.")
        }
        if message.contains("password authentication failed") {
            return RemoteError(.connect,
                english: "PostgreSQL refused the password for \(target). solieu passes on the password of PGPASSWORD or of "
                    + "~/.pgpass (a line host:port:database:user:password); check it there.",
                vietnamese: "PostgreSQL không chấp nhận mật khẩu cho \(target). solieu dùng mật khẩu trong PGPASSWORD hoặc "
                    + "~/.pgpass (một dòng host:port:database:user:password); hãy kiểm tra ở đó.")
        }
        if message.contains("no password supplied") {
            return RemoteError(.connect,
                english: "PostgreSQL asks for a password for \(target) and none was given. Set PGPASSWORD, or add a line "
                    + "host:port:database:user:password to ~/.pgpass (readable by you only), then connect again.",
                vietnamese: "PostgreSQL cần mật khẩu cho \(target) nhưng không có. Hãy đặt PGPASSWORD, hoặc thêm một dòng "
                    + "host:port:database:user:password vào ~/.pgpass (chỉ bạn đọc được), rồi kết nối lại.")
        }
        if let database = quoted(in: message, after: "database ", before: " does not exist") {
            return RemoteError(.connect,
                english: "The server at \(target) has no database '\(database)'. Check the database name at the end of "
                    + "the address (psql -l lists the server's databases).",
                vietnamese: "Máy chủ ở \(target) không có cơ sở dữ liệu '\(database)'. Hãy kiểm tra tên cơ sở dữ liệu ở cuối "
                    + "địa chỉ (psql -l liệt kê các cơ sở dữ liệu của máy chủ).")
        }
        if let role = quoted(in: message, after: "role ", before: " does not exist") {
            return RemoteError(.connect,
                english: "The server at \(target) has no user '\(role)'. Check the user name before '@' in the address.",
                vietnamese: "Máy chủ ở \(target) không có người dùng '\(role)'. Hãy kiểm tra tên người dùng trước '@' trong địa chỉ.")
        }
        if message.contains("timeout expired") {
            return RemoteError(.connect,
                english: "The server at \(target) did not answer in time (\(message)). Check that it runs and that the "
                    + "network reaches it.",
                vietnamese: "Máy chủ ở \(target) không trả lời kịp (\(message)). Hãy kiểm tra máy chủ có chạy và mạng có tới "
                    + "được không.")
        }
        return RemoteError(.connect,
            english: "Could not connect to \(target): \(message). Check the address, PGPASSWORD or ~/.pgpass, and whether the "
                + "server runs.",
            vietnamese: "Không kết nối được tới \(target): \(message). Hãy kiểm tra địa chỉ, PGPASSWORD hoặc ~/.pgpass, và máy "
                + "chủ có đang chạy không.")
    }

    /// An error the server reported for a statement, by its SQLSTATE.
    static func server(_ failure: ServerFailure, on connection: PostgresConnection) -> RemoteError {
        let target = connection.displayName
        let primary = failure.primary
        switch failure.state {
        case "57014":
            let limit = connection.currentStatementTimeout() ?? "\(connection.statementTimeoutSeconds) s"
            return RemoteError(.timeout,
                english: "The query on \(target) ran past this connection's statement timeout (\(limit)) and PostgreSQL "
                    + "stopped it. Narrow the question with more filters, or allow longer: start solieu with "
                    + "SOLIEU_POSTGRES_TIMEOUT set to the seconds to allow (0 for no limit) and connect again.",
                vietnamese: "Truy vấn trên \(target) chạy quá thời hạn của kết nối (\(limit)) nên PostgreSQL đã dừng nó. "
                    + "Hãy thu hẹp câu hỏi bằng thêm bộ lọc, hoặc cho phép lâu hơn: chạy solieu với SOLIEU_POSTGRES_TIMEOUT "
                    + "là số giây cho phép (0 là không giới hạn) rồi kết nối lại.")
        case "42501":
            let user = connection.userName
            let prefix = "permission denied for table "
            guard primary.hasPrefix(prefix) else {
                return RemoteError(.permission,
                    english: "PostgreSQL refused \(user) on \(target): \(primary). Ask the database's administrator for "
                        + "the right, or connect as a user who has it.",
                    vietnamese: "PostgreSQL từ chối \(user) trên \(target): \(primary). Hãy nhờ người quản trị cơ sở dữ "
                        + "liệu cấp quyền, hoặc kết nối bằng người dùng có quyền.")
            }
            let table = String(primary.dropFirst(prefix.count))
            return RemoteError(.permission,
                english: "PostgreSQL does not let \(user) read the table \(table) on \(target) (\(primary)). Ask the "
                    + "database's administrator to grant it (GRANT SELECT ON \(table) TO \(user)), or connect as a user who may.",
                vietnamese: "PostgreSQL không cho \(user) đọc bảng \(table) trên \(target) (\(primary)). Hãy nhờ người "
                    + "quản trị cơ sở dữ liệu cấp quyền (GRANT SELECT ON \(table) TO \(user)), hoặc kết nối bằng người "
                    + "dùng có quyền.")
        default:
            let hint = failure.hint.map { " (\($0))" } ?? ""
            return RemoteError(.query,
                english: "PostgreSQL could not run the query on \(target): \(primary)\(hint) [SQLSTATE \(failure.state)].",
                vietnamese: "PostgreSQL không chạy được truy vấn trên \(target): \(primary)\(hint) [SQLSTATE \(failure.state)].")
        }
    }

    /// The connection broke; `reconnectFailure` says why connecting again failed (nil: it worked). Only the
    /// first line of each libpq message is kept: the rest guesses at causes ("This probably means…").
    static func lost(_ target: String, reason: String, reconnectFailure: String?) -> RemoteError {
        let reason = firstLine(reason)
        guard let failure = reconnectFailure.map(firstLine) else {
            return RemoteError(.lostConnection,
                english: "The connection to \(target) was lost (\(reason)); solieu connected again. Run the statement again.",
                vietnamese: "Mất kết nối tới \(target) (\(reason)); solieu đã kết nối lại. Hãy chạy lại câu lệnh.")
        }
        return RemoteError(.lostConnection,
            english: "The connection to \(target) was lost (\(reason)) and connecting again failed (\(failure)). The session "
                + "and its other datasets are kept; the next statement on this connection tries again, once the server is back.",
            vietnamese: "Mất kết nối tới \(target) (\(reason)) và kết nối lại không được (\(failure)). Phiên làm việc và các "
                + "bộ dữ liệu khác vẫn còn; câu lệnh sau trên kết nối này sẽ thử lại khi máy chủ chạy trở lại.")
    }

    /// A statement on a connection lost earlier, for which connecting again failed once more.
    static func stillLost(_ target: String, reconnectFailure: String) -> RemoteError {
        let failure = firstLine(reconnectFailure)
        return RemoteError(.lostConnection,
            english: "The connection to \(target) is still lost: connecting again failed (\(failure)). The session and its "
                + "other datasets are kept; the next statement on this connection tries again, once the server is back.",
            vietnamese: "Kết nối tới \(target) vẫn mất: kết nối lại không được (\(failure)). Phiên làm việc và các bộ dữ liệu "
                + "khác vẫn còn; câu lệnh sau trên kết nối này sẽ thử lại khi máy chủ chạy trở lại.")
    }

    /// A statement libpq could not even send (the connection is usable, the text is not).
    static func notSent(_ target: String, reason: String) -> RemoteError {
        RemoteError(.query,
            english: "solieu could not send the query to \(target): \(reason).",
            vietnamese: "solieu không gửi được truy vấn tới \(target): \(reason).")
    }

    /// A reply of a kind solieu does not read (COPY TO STDOUT, say, in a query).
    static func unexpectedReply(_ target: String, status: String) -> RemoteError {
        RemoteError(.unsupported,
            english: "\(target) answered with \(status), which solieu does not read in a query; ask with a SELECT.",
            vietnamese: "\(target) trả lời bằng \(status), solieu không đọc được trong một truy vấn; hãy hỏi bằng SELECT.")
    }

    /// A libpq message (several lines, tabs, a trailing newline) as one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
            .replacingOccurrences(of: ":  ", with: ": ")
    }

    /// The first line of a libpq message.
    static func firstLine(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) } ?? ""
        return line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ":  ", with: ": ")
    }

    /// `name` in `…database "name" does not exist…`.
    private static func quoted(in message: String, after prefix: String, before suffix: String) -> String? {
        guard let start = message.range(of: prefix + "\""),
              let end = message.range(of: "\"" + suffix, range: start.upperBound..<message.endIndex) else { return nil }
        return String(message[start.upperBound..<end.lowerBound])
    }
}

/// The parts of a server's error that solieu reads, copied out of libpq's result (which is freed before the
/// error is told: telling a timeout asks the server for the timeout in force).
struct ServerFailure {
    var state: String
    var primary: String
    var hint: String?

    init(_ result: OpaquePointer) {
        state = Self.field(result, Int32(CLIBPQ_DIAG_SQLSTATE)) ?? "?????"
        primary = Self.field(result, Int32(CLIBPQ_DIAG_MESSAGE_PRIMARY)) ?? PostgresErrors.firstLine(String(cString: PQresultErrorMessage(result)))
        hint = Self.field(result, Int32(CLIBPQ_DIAG_MESSAGE_HINT))
    }

    /// A connection failure (SQLSTATE class 08) or the server ending the session (57P01–57P03).
    var endsConnection: Bool { state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state) }

    private static func field(_ result: OpaquePointer, _ code: Int32) -> String? {
        guard let text = PQresultErrorField(result, code) else { return nil }
        return String(cString: text)
    }
}
