import Dispatch

/// Splits large scans across the machine's cores; small inputs stay on one thread, where splitting costs more than it saves.
public enum Parallel {
    /// Below this many rows a scan runs on one thread.
    public static let minimumRowsToSplit = 200_000

    /// Number of worker threads used for large inputs.
    public static var workerCount: Int = max(1, min(ProcessInfoCores.count, 8))

    /// Splits `0..<count` into contiguous ranges, one per worker (a single range when `count` is small).
    public static func ranges(_ count: Int, minimumPerRange: Int = minimumRowsToSplit) -> [Range<Int>] {
        let pieces = max(1, min(workerCount, count / max(1, minimumPerRange)))
        let size = (count + pieces - 1) / max(1, pieces)
        return stride(from: 0, to: max(count, 1), by: max(size, 1)).map { $0..<min($0 + size, count) }
    }

    /// Runs `body` for every index in `0..<count` on all cores and returns the results in index order.
    public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        if count == 1 { return [body(0)] }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results[index] = body(index)
        }
        return results.map { $0! }
    }
}

/// The number of online processors, read once.
enum ProcessInfoCores {
    static let count: Int = {
        #if os(Linux)
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        #else
        let n = sysconf(_SC_NPROCESSORS_ONLN)
        #endif
        return n > 0 ? n : 1
    }()
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
