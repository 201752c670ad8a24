// SYNTHETIC DATA GENERATOR — the households it writes are invented, for benchmarks and tests only.
//
// Where the CSV goes: standard output or a file, written with fwrite in large blocks.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

struct OutputError: Error, CustomStringConvertible {
    let description: String
}

/// A C stream opened for binary writing. Blocks are already several megabytes, so the stream's own
/// buffer only matters for the header.
final class OutputFile: @unchecked Sendable {
    private let stream: UnsafeMutablePointer<FILE>
    private let path: String?

    /// `path == nil` writes to standard output.
    init(path: String?) throws {
        self.path = path
        if let path {
            guard let stream = fopen(path, "wb") else {
                throw OutputError(description: "cannot open \(path) for writing: \(String(cString: strerror(errno)))")
            }
            self.stream = stream
        } else {
            self.stream = stdout
        }
    }

    func write(_ bytes: UnsafeRawPointer, count: Int) throws {
        guard count > 0 else { return }
        if fwrite(bytes, 1, count, stream) != count {
            throw OutputError(description: "cannot write \(path ?? "standard output"): \(String(cString: strerror(errno)))")
        }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0.baseAddress!, count: $0.count) }
    }

    /// Flushes and, for a file, closes it; a failure here is a failed write (for example a full disk).
    func finish() throws {
        let failed = path != nil ? fclose(stream) != 0 : fflush(stream) != 0
        if failed {
            throw OutputError(description: "cannot write \(path ?? "standard output"): \(String(cString: strerror(errno)))")
        }
    }
}
