import Synchronization

/// The query a remote engine is running for the statement under way, for a progress line: which server,
/// and since when. The engine says nothing of how far it has come until it answers, so the line can only
/// show the time waited. Nothing here writes to a terminal.
public final class RemoteProgress: Sendable {
    /// The progress object of the statement under way, set by whoever wants to watch (the prompt).
    nonisolated(unsafe) public static var current: RemoteProgress?

    private let server = Mutex<String?>(nil)
    private let started = Mutex<ContinuousClock.Instant?>(nil)
    private let onFinish: @Sendable () -> Void

    /// - Parameter onFinish: called when the query ends, before its answer is shown.
    public init(onFinish: @escaping @Sendable () -> Void = {}) {
        self.onFinish = onFinish
    }

    /// A query is sent to `server` (its display name: never with a password).
    public func begin(server name: String) {
        server.withLock { $0 = name }
        started.withLock { $0 = .now }
    }

    public func finish() {
        server.withLock { $0 = nil }
        onFinish()
    }

    /// The server waited for and for how long; nil when no query is out.
    public var state: (server: String, waited: Duration)? {
        guard let name = server.withLock({ $0 }), let since = started.withLock({ $0 }) else { return nil }
        return (name, .now - since)
    }
}
