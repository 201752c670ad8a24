import CStructuralScan

/// The complete, well-formed records of one window of unquoted data, as the offsets of their fields' ends,
/// handed to a visitor together.
///
/// A visitor can then read the block column by column: one type test or parse repeated down a column runs
/// with the same branches taken row after row, and what differs per column (its profile, its buffer, its
/// kind) is looked up once per block instead of once per field.
struct CSVRecordBlock {
    let base: UnsafePointer<UInt8>
    let width: Int
    /// Records in the block.
    let count: Int
    /// Marks per record: `width`, or one more when lines end in CRLF (the CR ends the last field, the LF the line).
    fileprivate let stride: Int
    /// The offset of each mark from `base`; `ends[-1]` is -1, so that every field starts one past a mark.
    fileprivate let ends: UnsafePointer<Int32>

    /// The bytes of the field in `column` of the block's `row`.
    @inline(__always)
    func field(_ row: Int, _ column: Int) -> UnsafeBufferPointer<UInt8> {
        let k = row &* stride &+ column
        let start = Int(ends[k &- 1]) &+ 1
        return UnsafeBufferPointer(start: base + start, count: Int(ends[k]) &- start)
    }
}

/// Where a window's marks are written, reused from window to window.
struct MarkBuffer {
    /// One slot before the marks (the -1 that starts the first field) and the C routine's 16 of slack.
    private var storage: UnsafeMutablePointer<Int32>
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity + 17)
    }

    func deallocate() { storage.deallocate() }

    /// The window's records if every line holds `width` fields; nil when it does not (or holds no line).
    /// - Parameter count: the window's bytes, ending just after an LF.
    mutating func block(_ window: UnsafePointer<UInt8>, count: Int, delimiter: UInt8, width: Int) -> CSVRecordBlock? {
        if count > capacity {
            storage.deallocate()
            capacity = count
            storage = .allocate(capacity: capacity + 17)
        }
        storage[0] = -1
        let ends = storage + 1
        var counts = solieu_mark_counts()
        let marks = solieu_csv_marks(window, count, delimiter, ends, &counts)
        let lines = counts.lineFeeds
        guard lines > 0, counts.carriageReturns == 0 || counts.carriageReturns == lines else { return nil }
        let crlf = counts.carriageReturns > 0
        let stride = width + (crlf ? 1 : 0)
        guard marks == lines * stride else { return nil }
        // With as many LFs (and CRs) as lines, each line's last mark being its LF (and the one before it the
        // CR right before) leaves no LF or CR anywhere else: every other mark is a delimiter.
        var wellFormed = true
        for line in 0..<lines {
            let lineFeed = Int(ends[line &* stride &+ stride &- 1])
            wellFormed = wellFormed && window[lineFeed] == CSVTokenizer.newline
            if crlf {
                let carriageReturn = Int(ends[line &* stride &+ width &- 1])
                wellFormed = wellFormed && carriageReturn == lineFeed &- 1 && window[carriageReturn] == CSVTokenizer.carriageReturn
            }
        }
        guard wellFormed else { return nil }
        return CSVRecordBlock(base: window, width: width, count: lines, stride: stride, ends: ends)
    }
}

extension CSVFieldVisitor {
    /// Row by row, field by field: for visitors that gain nothing from reading a column at a time.
    mutating func records(_ block: CSVRecordBlock) {
        for row in 0..<block.count {
            for column in 0..<block.width {
                field(column, block.field(row, column), quoted: false, hasEscapedQuotes: false)
            }
            endRecord(fieldCount: block.width)
        }
    }
}
