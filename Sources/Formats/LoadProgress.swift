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
    /// A workbook's load starts with a step of its own: parsing the sheet's XML, before the two passes over
    /// the text made of it.
    private let hasSheetStep = Atomic<Bool>(false)
    private let inSheetStep = Atomic<Bool>(false)
    private let sheetBytes = Atomic<Int>(0)
    private let sheetBytesDone = Atomic<Int>(0)

    private let running = Atomic<Bool>(false)
    private let onReport: @Sendable () -> Void
    private let onFinish: @Sendable () -> Void

    /// - Parameters:
    ///   - onReport: called on a reader's thread after each report (every 65,536 rows, every MiB of sheet
    ///     XML), so a watcher can redraw without depending on its own thread being scheduled.
    ///   - onFinish: called on the reader's thread when a load ends, before its result is shown, so a
    ///     progress line is gone before anything else is written.
    public init(onReport: @escaping @Sendable () -> Void = {}, onFinish: @escaping @Sendable () -> Void = {}) {
        self.onReport = onReport
        self.onFinish = onFinish
    }

    /// Whether a load is under way.
    public var isRunning: Bool { running.load(ordering: .relaxed) }

    /// The step of a load: a workbook's sheet XML, then the reader's two passes (types, then values).
    public enum Step: Sendable, Equatable {
        case sheet
        case pass(Int)
    }

    /// A snapshot of the load.
    public struct State: Sendable, Equatable {
        public var fileName: String
        public var step: Step
        /// The step's number and how many the load has (2 for a text file, 3 for a workbook's sheet).
        public var stepNumber: Int
        public var stepCount: Int
        /// Bytes the current step reads, and those behind it.
        public var stepBytes: Int
        public var bytesDone: Int
        /// The share of the whole load done, 0...1.
        public var fraction: Double
    }

    /// The share of the whole load each step takes, measured on the bench's 200,000-row workbook: expat's
    /// parse of the XML is most of it.
    static let sheetShare = 0.6

    /// Nil unless the reader is on the data.
    public var state: State? {
        guard isRunning else { return nil }
        let sheet = hasSheetStep.load(ordering: .relaxed)
        let steps = sheet ? 3 : 2
        let passShare = sheet ? (1 - LoadProgress.sheetShare) / 2 : 0.5
        if inSheetStep.load(ordering: .relaxed) {
            let total = sheetBytes.load(ordering: .relaxed)
            guard total > 0 else { return nil }
            let done = min(sheetBytesDone.load(ordering: .relaxed), total)
            return State(fileName: fileName.withLock { $0 }, step: .sheet, stepNumber: 1, stepCount: steps, stepBytes: total,
                         bytesDone: done, fraction: LoadProgress.sheetShare * Double(done) / Double(total))
        }
        let bytes = dataBytes.load(ordering: .relaxed)
        let rows = max(expectedRows.load(ordering: .relaxed), 1)
        guard bytes > 0 else { return nil }
        let second = secondPass.load(ordering: .relaxed)
        let done = Double(second ? parsedRows.load(ordering: .relaxed) : profiledRows.load(ordering: .relaxed)) / Double(rows)
        let share = min(max(done, 0), 1)
        let before = (sheet ? LoadProgress.sheetShare : 0) + (second ? passShare : 0)
        return State(fileName: fileName.withLock { $0 }, step: .pass(second ? 2 : 1), stepNumber: steps - (second ? 0 : 1), stepCount: steps,
                     stepBytes: bytes, bytesDone: Int(share * Double(bytes)), fraction: before + share * passShare)
    }

    /// A workbook's load begins: `xmlBytes` of sheet XML to parse before the text passes.
    public func beginSheet(file: String, xmlBytes: Int) {
        fileName.withLock { $0 = file }
        dataBytes.store(0, ordering: .relaxed)
        sheetBytesDone.store(0, ordering: .relaxed)
        sheetBytes.store(max(xmlBytes, 1), ordering: .relaxed)
        hasSheetStep.store(true, ordering: .relaxed)
        inSheetStep.store(true, ordering: .relaxed)
        running.store(true, ordering: .relaxed)
    }

    /// Bytes of sheet XML parsed, from whichever core parsed them.
    public func sheetParsed(_ bytes: Int) {
        sheetBytesDone.add(bytes, ordering: .relaxed)
        onReport()
    }

    func begin(file: String, dataBytes bytes: Int, estimatedRows: Int) {
        inSheetStep.store(false, ordering: .relaxed)
        fileName.withLock { $0 = file }
        expectedRows.store(max(estimatedRows, 1), ordering: .relaxed)
        profiledRows.store(0, ordering: .relaxed)
        parsedRows.store(0, ordering: .relaxed)
        secondPass.store(false, ordering: .relaxed)
        dataBytes.store(bytes, ordering: .relaxed)
        running.store(true, ordering: .relaxed)
    }

    /// The load ended (read, refused or interrupted). Called again by a workbook's reader after the text
    /// reader's own call, which is harmless.
    public func finish() {
        running.store(false, ordering: .relaxed)
        hasSheetStep.store(false, ordering: .relaxed)
        inSheetStep.store(false, ordering: .relaxed)
        onFinish()
    }

    func beginSecondPass(rows: Int) {
        expectedRows.store(max(rows, 1), ordering: .relaxed)
        secondPass.store(true, ordering: .relaxed)
    }

    func profiled(_ rows: Int) {
        profiledRows.add(rows, ordering: .relaxed)
        onReport()
    }

    func parsed(_ rows: Int) {
        parsedRows.add(rows, ordering: .relaxed)
        onReport()
    }

    /// Rows in `range` of `bytes`, estimated from the line ends of its first megabyte.
    static func estimatedRows(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        let sample = range.lowerBound..<min(range.upperBound, range.lowerBound + (1 << 20))
        var lines = 0
        for i in sample where bytes[i] == 0x0A { lines += 1 }
        guard lines > 0 else { return 1 }
        return Int(Double(range.count) * Double(lines) / Double(sample.count))
    }
}
