/// The first records of a file read as text, each with where it starts, so the layout around the data
/// (title lines, a header of one to three rows, notes below the table) can be recognised before the fast
/// reader runs over the data itself.
struct CSVPreview {
    struct Record {
        /// The cells, unescaped, as written.
        var cells: [String]
        /// What each cell looks like (number, text, missing, boolean), as the type inference sees it.
        var kinds: [FieldShape.Kind]
        /// 1-based line the record starts on.
        var line: Int
        /// Byte offsets: where the record starts and where the next one may start (after its line end).
        var start: Int
        var end: Int
        /// Line ends between the file's start and this record's start.
        var newlinesBefore: Int
        /// Blank lines (or lines of separators only) right above it.
        var blankLinesAbove: Int

        var width: Int { cells.count }
        var nonEmptyCount: Int { kinds.filter { $0 != .missing }.count }
        /// Every cell empty or spaces: a blank line, or one of separators only (as Excel writes an empty row).
        var isBlank: Bool { cells.allSatisfy { $0.allSatisfy { $0 == " " || $0 == "\t" } } }
        func kind(_ column: Int) -> FieldShape.Kind { column < kinds.count ? kinds[column] : .missing }
        func cell(_ column: Int) -> String { column < cells.count ? cells[column] : "" }
        /// The first cell that holds anything, for messages.
        var firstText: String { cells.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "" }
    }

    var records: [Record] = []
    /// Where reading stopped: the end of the last record read, and the line ends before it.
    var end: Int
    var newlinesBeforeEnd: Int
    /// A syntax error stopped the preview early (the reader proper reports it with its position).
    var stoppedAtError = false

    /// Reads up to `maximumRecords` non-blank records of `range`; blank lines and lines holding only
    /// separators are counted, not kept.
    /// - Parameter newlinesBefore: line ends between the file's start and `range.lowerBound`.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, delimiter: UInt8, newlinesBefore: Int,
                     maximumRecords: Int = 200, maximumBytes: Int = 1 << 20, keepsSeparatorLines: Bool = false) -> CSVPreview {
        let tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter, expectedFields: nil)
        var preview = CSVPreview(end: range.lowerBound, newlinesBeforeEnd: newlinesBefore)
        var position = range.lowerBound
        var newlines = newlinesBefore
        var blankAbove = 0
        while position < range.upperBound && preview.records.count < maximumRecords && position - range.lowerBound < maximumBytes {
            // Blank lines are skipped here, so the record's own start and line are known.
            if bytes[position] == CSVTokenizer.newline || bytes[position] == CSVTokenizer.carriageReturn {
                if bytes[position] == CSVTokenizer.carriageReturn, position + 1 < range.upperBound, bytes[position + 1] == CSVTokenizer.newline {
                    position += 1
                }
                position += 1
                newlines += 1
                blankAbove += 1
                continue
            }
            var collector = RecordCollector()
            let (summary, next) = tokenizer.scanGeneral(position..<range.upperBound, maximumRecords: 1, into: &collector)
            if summary.error != nil || summary.endedInsideQuotes || summary.records == 0 {
                preview.stoppedAtError = summary.error != nil
                break
            }
            let record = Record(cells: collector.cells, kinds: collector.kinds, line: newlines + 1, start: position, end: next,
                                newlinesBefore: newlines, blankLinesAbove: blankAbove)
            newlines += summary.newlines
            position = next
            if record.isBlank && !keepsSeparatorLines {
                blankAbove += 1
            } else {
                preview.records.append(record)
                blankAbove = 0
            }
            preview.end = position
            preview.newlinesBeforeEnd = newlines
        }
        return preview
    }

    /// Line ends in `range`, counted as the tokenizer counts them (LF, CRLF, a lone CR), ignoring quotes.
    static func lineEnds(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        var i = range.lowerBound
        while i < range.upperBound {
            if bytes[i] == CSVTokenizer.newline { count += 1 }
            else if bytes[i] == CSVTokenizer.carriageReturn && (i + 1 >= bytes.count || bytes[i + 1] != CSVTokenizer.newline) { count += 1 }
            i += 1
        }
        return count
    }
}

/// Collects one record's cells as strings with their shapes.
struct RecordCollector: CSVFieldVisitor {
    var cells: [String] = []
    var kinds: [FieldShape.Kind] = []

    mutating func field(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, hasEscapedQuotes: Bool) {
        cells.append(CSVText.string(bytes, hasEscapedQuotes: hasEscapedQuotes))
        let kind = hasEscapedQuotes ? FieldShape.Kind.text : FieldClassifier.classify(bytes).kind
        // A boolean word in a header (`Có`, `Không`) is still a word; only numbers set cells apart here.
        kinds.append(kind == .boolean ? .text : kind)
    }

    mutating func endRecord(fieldCount: Int) {}
}

extension CSVPreview {
    /// The line each record of `range` starts on, as the reader counts records (a line of separators only
    /// is a record; an empty line is not). Used only to name the lines of rows in messages.
    static func recordLines(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, delimiter: UInt8, newlinesBefore: Int) -> [Int] {
        read(bytes, range, delimiter: delimiter, newlinesBefore: newlinesBefore, maximumRecords: .max, maximumBytes: .max,
             keepsSeparatorLines: true).records.map(\.line)
    }
}
