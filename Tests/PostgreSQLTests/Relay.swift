import Foundation

/// A TCP relay on 127.0.0.1 in front of the test server, which a test can cut and bring back on the same
/// port: the server going away mid-session, as a client sees it, without stopping the server that other
/// suites share.
final class Relay: @unchecked Sendable {
    private let targetPort: UInt16
    private(set) var port: UInt16 = 0
    private let lock = NSLock()
    private var listener: Int32 = -1
    /// Signalled when the accepting thread has closed the listener, so the port can be bound again.
    private var listenerClosed = DispatchSemaphore(value: 0)
    private var pairs: [RelayedPair] = []

    init(to targetPort: Int) throws {
        self.targetPort = UInt16(targetPort)
        try listen()
    }

    deinit { cut() }

    /// Stops listening and ends every relayed connection: clients read the end of their stream, and new
    /// connections are refused. Sockets are only shut down here (which wakes the threads blocked on them);
    /// each is closed by the thread that uses it, so no descriptor number is reused while a thread holds it.
    func cut() {
        lock.lock()
        let listening = listener
        let ended = pairs
        listener = -1
        pairs = []
        lock.unlock()
        for pair in ended { pair.shutDown() }
        if listening >= 0 {
            shutdown(listening, Int32(SHUT_RDWR))
            listenerClosed.wait()
        }
    }

    /// Listens again on the same port.
    func restore() throws {
        try listen()
    }

    private func listen() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: port)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound, Glibc.listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        port = UInt16(bigEndian: address.sin_port)
        lock.lock()
        listener = descriptor
        lock.unlock()
        Thread.detachNewThread { [self] in accept(on: descriptor) }
    }

    private func accept(on descriptor: Int32) {
        while true {
            let client = Glibc.accept(descriptor, nil, nil)
            guard client >= 0 else {
                close(descriptor)
                listenerClosed.signal()
                return
            }
            let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = Self.loopback(port: targetPort)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            guard connected else {
                close(client)
                close(server)
                continue
            }
            let pair = RelayedPair(client: client, server: server)
            lock.lock()
            pairs.append(pair)
            lock.unlock()
            Thread.detachNewThread { Self.pump(from: client, to: server); pair.pumpEnded() }
            Thread.detachNewThread { Self.pump(from: server, to: client); pair.pumpEnded() }
        }
    }

    private static func pump(from source: Int32, to destination: Int32) {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = read(source, &buffer, buffer.count)
            guard count > 0 else { break }
            var sent = 0
            while sent < count {
                let written = buffer.withUnsafeBytes { send(destination, $0.baseAddress! + sent, count - sent, Int32(MSG_NOSIGNAL)) }
                guard written > 0 else { return }
                sent += written
            }
        }
        shutdown(destination, Int32(SHUT_WR))
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        return address
    }
}

/// A client's socket and the relay's socket to the server, closed once both directions have ended.
private final class RelayedPair: @unchecked Sendable {
    let client: Int32
    let server: Int32
    private let lock = NSLock()
    private var running = 2

    init(client: Int32, server: Int32) {
        self.client = client
        self.server = server
    }

    /// Ends both directions; nothing once the sockets are closed (their numbers may already be another's).
    func shutDown() {
        lock.lock()
        defer { lock.unlock() }
        guard running > 0 else { return }
        shutdown(client, Int32(SHUT_RDWR))
        shutdown(server, Int32(SHUT_RDWR))
    }

    func pumpEnded() {
        lock.lock()
        defer { lock.unlock() }
        running -= 1
        if running == 0 {
            close(client)
            close(server)
        }
    }
}
