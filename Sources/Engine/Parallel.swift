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
        // Worker threads see the caller's stop request, so Ctrl-C (or a test's request) reaches every piece.
        let request = InterruptionRequest.current
        DispatchQueue.concurrentPerform(iterations: count) { index in
            if let request {
                results[index] = request.during { body(index) }
            } else {
                results[index] = body(index)
            }
        }
        return results.map { $0! }
    }

    /// The most pieces an aggregation is cut into, whatever the machine: each piece keeps one partial result
    /// per group, and the partials are merged in piece order.
    public static let maximumAggregationPieces = 4

    /// Splits `0..<count` into the pieces of a parallel aggregation.
    ///
    /// Unlike `ranges`, the cut depends on `count` and `perPieceCost` only, never on the number of cores, so a
    /// sum of doubles merged piece by piece gives the same bits on every machine. Each piece must hold at least
    /// `minimumRowsToSplit` rows and at least 16 × `perPieceCost` (the groups whose partials it keeps), so the
    /// merge stays small beside the scan.
    public static func aggregationPieces(_ count: Int, perPieceCost: Int = 0) -> [Range<Int>] {
        let minimum = max(minimumRowsToSplit, 16 * perPieceCost)
        let pieces = max(1, min(maximumAggregationPieces, count / minimum))
        let size = (count + pieces - 1) / pieces
        return (0..<pieces).map { p in min(p * size, count)..<min((p + 1) * size, count) }
    }

    /// Runs `body` for every index in `0..<count` on all cores; the results in index order, or the first error
    /// (by index) that a body threw, once every body has returned.
    public static func mapThrowing<T>(_ count: Int, _ body: (Int) throws -> T) throws -> [T] {
        if count == 1 { return [try body(0)] }
        let outcomes = map(count) { index in Result { try body(index) } }
        return try outcomes.map { try $0.get() }
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
