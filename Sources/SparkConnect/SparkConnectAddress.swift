import Remote

/// Where a Spark Connect server listens, from a URL such as `sc://127.0.0.1:15002` or
/// `sc://spark.example.vn:15002/;user_id=an`.
///
/// The URL form is Spark Connect's own (host, optional port, then `;key=value` parameters after a slash).
/// Only `user_id` is understood; `token` and `use_ssl` need TLS, which this client does not speak, so they are
/// refused rather than ignored.
struct SparkConnectAddress: Equatable {
    static let defaultPort = 15002

    var host: String
    var port: Int
    var userID: String?

    init(host: String, port: Int, userID: String? = nil) {
        self.host = host
        self.port = port
        self.userID = userID
    }

    init(url: String) throws {
        guard url.hasPrefix("sc://") else {
            throw SparkConnectAddress.refusal(url, "it must start with sc://, e.g. sc://127.0.0.1:15002",
                                              "nó phải bắt đầu bằng sc://, ví dụ sc://127.0.0.1:15002")
        }
        let rest = url.dropFirst("sc://".count)
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var parameters = rest[authorityEnd...].drop(while: { $0 == "/" })
        if parameters.first == ";" { parameters = parameters.dropFirst() }

        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            host = String(authority[..<colon])
            guard let port = Int(authority[authority.index(after: colon)...]), (1...65535).contains(port) else {
                throw SparkConnectAddress.refusal(url, "the port after ':' must be a number from 1 to 65535",
                                                  "cổng sau dấu ':' phải là một số từ 1 đến 65535")
            }
            self.port = port
        } else {
            host = String(authority)
            port = SparkConnectAddress.defaultPort
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else {
            throw SparkConnectAddress.refusal(url, "it names no host; write sc://HOST:PORT",
                                              "nó không có tên máy; hãy viết sc://MÁY:CỔNG")
        }
        for parameter in parameters.split(separator: ";") where !parameter.isEmpty {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else {
                throw SparkConnectAddress.refusal(url, "the parameter '\(parameter)' needs a value (key=value)",
                                                  "tham số '\(parameter)' cần một giá trị (khoá=giá_trị)")
            }
            switch pair[0] {
            case "user_id":
                userID = pair[1]
            case "token", "use_ssl":
                throw RemoteError(.unsupported,
                    english: "\(url): '\(pair[0])' needs a TLS connection, which solieu does not open yet; reach the server over a plain connection (an SSH tunnel, for example)",
                    vietnamese: "\(url): '\(pair[0])' cần kết nối TLS mà solieu chưa mở được; hãy nối tới máy chủ bằng kết nối thường (ví dụ qua đường hầm SSH)")
            default:
                throw SparkConnectAddress.refusal(url, "the parameter '\(pair[0])' is not known; only user_id is",
                                                  "không biết tham số '\(pair[0])'; chỉ dùng được user_id")
            }
        }
    }

    /// The URL as shown in `datasets` and errors (it never holds a secret: tokens are refused).
    var displayName: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "sc://\(shownHost):\(port)" + (userID.map { "/;user_id=\($0)" } ?? "")
    }

    private static func refusal(_ url: String, _ english: String, _ vietnamese: String) -> RemoteError {
        RemoteError(.connect,
                    english: "'\(url)' is not a Spark Connect address: \(english)",
                    vietnamese: "'\(url)' không phải địa chỉ Spark Connect: \(vietnamese)")
    }
}
