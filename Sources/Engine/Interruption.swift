#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C as one flag that every long loop can look at: the prompt's SIGINT handler sets it, and the
/// loader (between its passes), the renderers and exporters (at every row: formatting a row costs far
/// more than reading a flag) check it, so a statement stops within milliseconds and the session and its
/// datasets stay. Nothing else sets it; batch runs keep SIGINT's default (the program ends).
public enum Interruption {
    /// A `sig_atomic_t`, because storing one is what a signal handler may safely do.
    nonisolated(unsafe) public static var flag: sig_atomic_t = 0

    /// Whether Ctrl-C was pressed since the flag was last cleared.
    public static var isRequested: Bool { flag != 0 }

    /// Called by the prompt before each statement.
    public static func clear() { flag = 0 }

    /// - Throws: `Interrupted` when Ctrl-C was pressed since the flag was last cleared.
    @inline(__always)
    public static func checkpoint() throws {
        if flag != 0 { throw Interrupted() }
    }
}

/// A statement stopped by Ctrl-C: nothing was shown or written.
public struct Interrupted: Error {
    public init() {}
}
