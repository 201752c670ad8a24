import Synchronization

/// How far the load under way has come, for a progress line: the CSV reader's two passes add the rows they
/// have read (every 65,536 rows, from whichever core reads them); the shell reads the figures from another
/// thread. Nothing here writes to a terminal.
public final class LoadProgress: Sendable {
    /// The progress object of the load under way, set by whoever wants to watch (the prompt); the reader
    /// reports to it when it is there and costs nothing when it is not.
    nonisolated(unsafe) public static var current: LoadProgress?

    /// Rows the reader adds at a time: a power of two, so the visitors test it with a mask.
    static let rowsPerReport = 1 << 16

    private let fileName = Mutex<String>("")
    private let dataBytes = Atomic<Int>(0)
    /// Rows expected, estimated from the first megabyte before the first pass, exact after it.
    private let expectedRows = Atomic<Int>(0)
    private let profiledRows = Atomic<Int>(0)
    private let parsedRows = Atomic<Int>(0)
    private let secondPass = Atomic<Bool>(false)

    private let running = Atomic<Bool>(false)
    private let onFinish: @Sendable () -> Void

    /// - Parameter onFinish: called on the reader's thread when a load ends, before its result is shown,
    ///   so a progress line is gone before anything else is written.
    public init(onFinish: @escaping @Sendable () -> Void = {}) {
        self.onFinish = onFinish
    }

    /// Whether a load is under way.
    public var isRunning: Bool { running.load(ordering: .relaxed) }

    /// A snapshot of the load.
    public struct State: Sendable, Equatable {
        public var fileName: String
        public var dataBytes: Int
        /// 1 or 2.
        public var pass: Int
        /// Bytes of the current pass behind the reader.
        public var bytesDone: Int
        /// The share of the whole load (both passes) done, 0...1.
        public var fraction: Double
    }

    /// Nil unless the reader is on the data.
    public var state: State? {
        guard isRunning else { return nil }
        let bytes = dataBytes.load(ordering: .relaxed)
        let rows = max(expectedRows.load(ordering: .relaxed), 1)
        guard bytes > 0 else { return nil }
        let second = secondPass.load(ordering: .relaxed)
        let done = Double(second ? parsedRows.load(ordering: .relaxed) : profiledRows.load(ordering: .relaxed)) / Double(rows)
        let share = min(max(done, 0), 1)
        return State(fileName: fileName.withLock { $0 }, dataBytes: bytes, pass: second ? 2 : 1,
                     bytesDone: Int(share * Double(bytes)), fraction: (second ? 0.5 : 0) + share / 2)
    }

    func begin(file: String, dataBytes bytes: Int, estimatedRows: Int) {
        fileName.withLock { $0 = file }
        expectedRows.store(max(estimatedRows, 1), ordering: .relaxed)
        profiledRows.store(0, ordering: .relaxed)
        parsedRows.store(0, ordering: .relaxed)
        secondPass.store(false, ordering: .relaxed)
        dataBytes.store(bytes, ordering: .relaxed)
        running.store(true, ordering: .relaxed)
    }

    func finish() {
        running.store(false, ordering: .relaxed)
        onFinish()
    }

    func beginSecondPass(rows: Int) {
        expectedRows.store(max(rows, 1), ordering: .relaxed)
        secondPass.store(true, ordering: .relaxed)
    }

    func profiled(_ rows: Int) { profiledRows.add(rows, ordering: .relaxed) }
    func parsed(_ rows: Int) { parsedRows.add(rows, ordering: .relaxed) }

    /// Rows in `range` of `bytes`, estimated from the line ends of its first megabyte.
    static func estimatedRows(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        let sample = range.lowerBound..<min(range.upperBound, range.lowerBound + (1 << 20))
        var lines = 0
        for i in sample where bytes[i] == 0x0A { lines += 1 }
        guard lines > 0 else { return 1 }
        return Int(Double(range.count) * Double(lines) / Double(sample.count))
    }
}
