import Foundation
import Language
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes text to a file descriptor with write(2): all of it, retrying after a signal. Foundation's
/// `FileHandle.write(_:)` ends the program on a full disk or a closed descriptor; this throws instead.
public struct DescriptorWriter {
    public let descriptor: Int32

    /// A write that failed, with the system's reason (no space left on device, broken pipe, …).
    public struct Failure: Error {
        public var code: Int32
        public var reason: Message { Catalogue.systemReason(code) }
    }

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Opens (creating or emptying) the file at `path` for writing.
    /// - Throws: `Failure` when it cannot be opened.
    public init(creating path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(code: errno) }
        descriptor = fd
    }

    /// - Throws: `Failure` when the bytes cannot all be written.
    public func write(_ text: String) throws {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { systemWrite(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(code: errno)
            }
            offset += written
        }
        bytes.removeAll()
    }
}
