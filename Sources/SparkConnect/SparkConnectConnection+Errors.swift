import GRPCCore
import Remote

extension SparkConnectConnection {
    /// The `RemoteError` for a failed call: gRPC's status code says whether the server was never reached,
    /// the answer broke off, or Spark refused the statement (Spark Connect reports its exceptions, such as
    /// AnalysisException, as a status whose message is Spark's own message).
    func remoteError(for error: any Error, afterResponses responses: Int) -> RemoteError {
        guard let rpc = error as? RPCError else {
            return RemoteError(.lostConnection,
                english: "the call to Spark Connect at \(displayName) failed: \(error); run the statement again",
                vietnamese: "lệnh gọi Spark Connect tại \(displayName) thất bại: \(error); hãy chạy lại câu lệnh")
        }
        let sparkMessage = firstLine(of: rpc.message)
        switch rpc.code {
        case .unavailable where responses == 0:
            return RemoteError(.connect,
                english: "Spark Connect at \(displayName) does not answer (\(sparkMessage)); check that the server is running (sbin/start-connect-server.sh) and listens on that host and port",
                vietnamese: "Spark Connect tại \(displayName) không trả lời (\(sparkMessage)); hãy kiểm tra máy chủ đang chạy (sbin/start-connect-server.sh) và nghe ở đúng máy và cổng đó")
        case .unavailable, .cancelled, .aborted, .dataLoss:
            return RemoteError(.lostConnection,
                english: "the connection to Spark Connect at \(displayName) broke while the answer arrived (\(sparkMessage)); run the statement again",
                vietnamese: "kết nối tới Spark Connect tại \(displayName) bị đứt khi đang nhận kết quả (\(sparkMessage)); hãy chạy lại câu lệnh")
        case .deadlineExceeded:
            return RemoteError(.timeout,
                english: "Spark Connect at \(displayName) took too long (\(sparkMessage)); narrow the question with filters, or try again later",
                vietnamese: "Spark Connect tại \(displayName) trả lời quá lâu (\(sparkMessage)); hãy thu hẹp câu hỏi bằng bộ lọc, hoặc thử lại sau")
        case .permissionDenied, .unauthenticated:
            return RemoteError(.permission,
                english: "Spark Connect at \(displayName) refused user '\(userID)': \(sparkMessage); ask the platform's administrators for access",
                vietnamese: "Spark Connect tại \(displayName) từ chối người dùng '\(userID)': \(sparkMessage); hãy xin quyền truy cập từ người quản trị nền tảng")
        case .unimplemented:
            return RemoteError(.connect,
                english: "the server at \(displayName) is not a Spark Connect server (\(sparkMessage)); check the port: Spark Connect listens on 15002 unless set otherwise",
                vietnamese: "máy chủ tại \(displayName) không phải Spark Connect (\(sparkMessage)); hãy kiểm tra cổng: Spark Connect nghe ở cổng 15002 nếu không đặt khác")
        case .resourceExhausted:
            return RemoteError(.query,
                english: "Spark's answer is too large to receive (\(sparkMessage)); ask for fewer rows, or group them",
                vietnamese: "kết quả của Spark quá lớn để nhận (\(sparkMessage)); hãy lấy ít dòng hơn, hoặc gộp nhóm")
        default:
            return RemoteError(.query,
                english: "Spark refused the query: \(sparkMessage)",
                vietnamese: "Spark từ chối câu truy vấn: \(sparkMessage)")
        }
    }

    /// Spark's messages carry the query plan after the first line; the first line says what is wrong.
    private func firstLine(of message: String) -> String {
        let line = message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first.map(String.init) ?? ""
        return line.isEmpty ? "no message" : line
    }
}
