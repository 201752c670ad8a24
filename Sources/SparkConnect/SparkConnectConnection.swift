import ArrowIPC
import Engine
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import Remote

/// A connection to a Spark Connect server (Spark 3.4 or later): SQL goes in, Arrow batches come back as
/// engine tables.
///
/// Each connection is one Spark session: a UUID chosen here, with the user from the URL's `user_id` or else
/// `$USER`, so temporary views made through it are seen by its later queries and by no other connection.
/// Nothing is sent until the first call, so an unreachable server is reported by the first `query` or
/// `tables()`, as a `.connect` error that says what to check.
public final class SparkConnectConnection: SQLConnection {
    public let dialect: SQLDialect = .spark
    public let displayName: String
    let sessionID: String
    let userID: String

    private let bridge = BlockingBridge()
    private let client: GRPCClient<HTTP2ClientTransport.Posix>
    private var connectionLoop: Task<Void, Never>?

    static let service = "spark.connect.SparkConnectService"
    static let executePlan = MethodDescriptor(fullyQualifiedService: service, method: "ExecutePlan")
    static let releaseSession = MethodDescriptor(fullyQualifiedService: service, method: "ReleaseSession")
    /// Spark sends batches of up to about 4 MiB (`spark.connect.grpc.arrow.maxBatchSize`); a server set higher
    /// still fits under this bound.
    static let largestResponse = 256 << 20

    /// - Throws: `RemoteError(.connect)` when `url` is not an `sc://HOST:PORT` address; `.unsupported` when it
    ///   asks for TLS (`token`, `use_ssl`).
    public init(url: String) throws {
        let address = try SparkConnectAddress(url: url)
        displayName = address.displayName
        userID = address.userID ?? ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "solieu"
        sessionID = UUID().uuidString.lowercased()
        do {
            let transport = try HTTP2ClientTransport.Posix(
                target: .dns(host: address.host, port: address.port), transportSecurity: .plaintext)
            client = GRPCClient(transport: transport)
        } catch {
            throw RemoteError(.connect,
                english: "cannot prepare a connection to \(address.displayName): \(error)",
                vietnamese: "không chuẩn bị được kết nối tới \(address.displayName): \(error)")
        }
        let client = self.client
        connectionLoop = bridge.start { try? await client.runConnections() }
    }

    deinit {
        client.beginGracefulShutdown()
    }

    /// Runs one Spark SQL statement; its rows as an engine table named `name`.
    /// - Throws: `RemoteError`: `.connect` when the server cannot be reached, `.lostConnection` when the
    ///   answer stops half way, `.query` with the first line of Spark's message when Spark refuses the
    ///   statement (an AnalysisException, say), `.unsupported` for a column type the engine cannot hold;
    ///   `Interrupted` when Ctrl-C stopped it.
    public func query(_ sql: String, name: String) throws -> Table {
        let request = executeRequest(sql)
        let progress = ResponseProgress()
        let client = self.client
        do {
            return try bridge.wait {
                try await client.serverStreaming(
                    request: ClientRequest(message: request),
                    descriptor: Self.executePlan,
                    serializer: ProtobufSerializer<Spark_Connect_ExecutePlanRequest>(),
                    deserializer: ProtobufDeserializer<Spark_Connect_ExecutePlanResponse>(),
                    options: Self.callOptions
                ) { response in
                    var decoder = ArrowStreamDecoder()
                    for try await message in response.messages {
                        progress.received()
                        if case .arrowBatch(let batch) = message.responseType {
                            try decoder.append(stream: [UInt8](batch.data))
                        }
                    }
                    return try decoder.table(named: name)
                }
            }
        } catch let error as RemoteError {
            throw error
        } catch let interrupted as Interrupted {
            throw interrupted
        } catch {
            throw remoteError(for: error, afterResponses: progress.count)
        }
    }

    /// Ends the Spark session (its temporary views go with it) and the connection; calls after it fail.
    public func close() {
        guard let loop = connectionLoop else { return }
        connectionLoop = nil
        let request = releaseRequest()
        let client = self.client
        // A server that is gone has released the session already; there is nothing to report.
        _ = try? bridge.wait {
            try await client.unary(
                request: ClientRequest(message: request),
                descriptor: Self.releaseSession,
                serializer: ProtobufSerializer<Spark_Connect_ReleaseSessionRequest>(),
                deserializer: ProtobufDeserializer<Spark_Connect_ReleaseSessionResponse>(),
                options: Self.callOptions
            ) { _ in }
        }
        client.beginGracefulShutdown()
        _ = try? bridge.wait { await loop.value }
    }

    static let clientType = "solieu"

    static var callOptions: CallOptions {
        var options = CallOptions.defaults
        // Fail at once when the server is not there, instead of waiting for it to appear.
        options.waitForReady = false
        options.maxResponseMessageBytes = largestResponse
        return options
    }

    var userContext: Spark_Connect_UserContext {
        var context = Spark_Connect_UserContext()
        context.userID = userID
        context.userName = userID
        return context
    }

    func releaseRequest() -> Spark_Connect_ReleaseSessionRequest {
        var request = Spark_Connect_ReleaseSessionRequest()
        request.sessionID = sessionID
        request.userContext = userContext
        request.clientType = Self.clientType
        return request
    }

    func executeRequest(_ sql: String) -> Spark_Connect_ExecutePlanRequest {
        var request = Spark_Connect_ExecutePlanRequest()
        request.sessionID = sessionID
        request.userContext = userContext
        request.clientType = Self.clientType
        request.operationID = UUID().uuidString.lowercased()
        request.plan.root.sql.query = sql
        return request
    }
}

/// How many responses of a call have arrived, shared between the call's task and the waiting thread.
final class ResponseProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var responses = 0

    func received() {
        lock.lock()
        responses += 1
        lock.unlock()
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return responses
    }
}
