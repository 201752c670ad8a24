#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C as one flag that every long loop can look at: the prompt's SIGINT handler sets it, and the
/// loader (between its passes), the renderers and exporters (at every row: formatting a row costs far
/// more than reading a flag) and the long kernels (grouping, aggregates, sort, gather and join, at every
/// block of `blockRows` rows) check it, so a statement stops within milliseconds and the session and its
/// datasets stay. Nothing else sets it; batch runs keep SIGINT's default (the program ends).
public enum Interruption {
    /// Set by the SIGINT handler: see `SignalSafeFlag` for why it is not a stored `static var`.
    private static let pressed = SignalSafeFlag()

    /// What the SIGINT handler calls. Safe in a signal handler once `clear()` has run (which made the flag):
    /// one store through a pointer, no allocation, no lock, no exclusivity bookkeeping.
    public static func raise() { pressed.raise() }

    /// Rows a kernel handles between two looks at the flag: about a millisecond of the slowest per-row work
    /// (a hashed group lookup), and few enough looks that they cost nothing beside the rows.
    public static let blockRows = 1 << 16

    /// Whether Ctrl-C was pressed since the flag was last cleared (or the running work's own
    /// `InterruptionRequest` was raised).
    public static var isRequested: Bool { pressed.isRaised || InterruptionRequest.current?.isRaised == true }

    /// Called by the prompt before each statement.
    public static func clear() { pressed.clear() }

    /// - Throws: `Interrupted` when Ctrl-C was pressed since the flag was last cleared.
    @inline(__always)
    public static func checkpoint() throws {
        if isRequested { throw Interrupted() }
    }
}

/// A stop request for one piece of work, raised from any thread: the process-wide flag stays the
/// prompt's, while work run inside `during(_:)` (on this thread and on the worker threads `Parallel`
/// starts for it) also stops at its next checkpoint once this is raised. Tests use it to interrupt one
/// kernel without touching others running at the same time.
public final class InterruptionRequest: @unchecked Sendable {
    private let raised = SignalSafeFlag()

    public init() {}
    deinit { raised.deallocate() }

    /// Asks the work running `during` this request to stop.
    public func raise() { raised.raise() }

    public var isRaised: Bool { raised.isRaised }

    /// Runs `body` with this request as the current thread's, restoring the one before afterwards.
    public func during<T>(_ body: () throws -> T) rethrows -> T {
        let before = InterruptionRequest.current
        InterruptionRequest.current = self
        defer { InterruptionRequest.current = before }
        return try body()
    }

    /// The request of the work on this thread, if any.
    static var current: InterruptionRequest? {
        get {
            guard let pointer = pthread_getspecific(key) else { return nil }
            return Unmanaged<InterruptionRequest>.fromOpaque(pointer).takeUnretainedValue()
        }
        set {
            // The request outlives the work it is current for (`during` holds it), so no retain is needed.
            pthread_setspecific(key, newValue.map { Unmanaged.passUnretained($0).toOpaque() })
        }
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
}

/// A flag a signal handler may raise while any thread reads it.
///
/// The value lives behind a pointer, not in a stored variable. Swift checks each access to a global or static
/// variable for exclusivity at run time, so a handler storing into one while the code it interrupted was in
/// the middle of reading it aborted the program ("Simultaneous accesses … modification requires exclusive
/// access"). That is how Ctrl-C during a long `show` once crashed the shell. A pointee's accesses are not
/// tracked, and a `sig_atomic_t` store is what a handler may safely do.
public struct SignalSafeFlag: @unchecked Sendable {
    private let cell: UnsafeMutablePointer<sig_atomic_t>

    public init() {
        cell = .allocate(capacity: 1)
        cell.initialize(to: 0)
    }

    public func raise() { cell.pointee = 1 }
    public func clear() { cell.pointee = 0 }
    public var isRaised: Bool { cell.pointee != 0 }

    /// Frees the cell; for an owner that ends (`InterruptionRequest`), never for a handler's flag.
    func deallocate() { cell.deallocate() }
}

/// A statement stopped by Ctrl-C: nothing was shown or written.
public struct Interrupted: Error {
    public init() {}
}
