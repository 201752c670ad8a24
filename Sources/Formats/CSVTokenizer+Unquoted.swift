import CStructuralScan
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CSVTokenizer {
    /// The fast path for data without a single quote (most exports), a window of about 64 KiB at a time,
    /// each window ending at a line end.
    ///
    /// A C routine (SSE2) writes the offset of every delimiter and line end in the window; the window is
    /// taken whole when those marks show `expected` fields on every line: as many marks as lines times the
    /// fields (one more per line for CRLF), every line's last mark a line end, and CRs only right before LFs.
    /// Its records then go to the visitor as one block, without a test per mark. A window that does not
    /// pass (a blank line, a lone CR, LF and CRLF lines mixed, a row with the wrong number of fields) is
    /// read by `scanByMarks`, which stops at the first record it cannot take, for the general tokenizer to
    /// report exactly.
    /// - Returns: the summary so far and where the scan stopped (`range.upperBound` when it read everything).
    func scanUnquoted<V: CSVFieldVisitor>(_ range: Range<Int>, expected: Int, windowBytes: Int = 1 << 16,
                                          into visitor: inout V) -> (CSVScanSummary, stoppedAt: Int) {
        var summary = CSVScanSummary()
        guard let base = bytes.baseAddress, expected > 0 else { return (summary, range.lowerBound) }
        var marks = MarkBuffer(capacity: windowBytes)
        defer { marks.deallocate() }
        var start = range.lowerBound
        while start < range.upperBound {
            guard let end = windowEnd(from: start, in: range, windowBytes: windowBytes) else { break }
            if let block = marks.block(base + start, count: end - start, delimiter: delimiter, width: expected) {
                visitor.records(block)
                summary.records += block.count
                summary.newlines += block.count
            } else {
                let (window, stoppedAt) = scanByMarks(start..<end, expected: expected, into: &visitor)
                summary.append(window)
                if stoppedAt < end { return (summary, stoppedAt) }
            }
            start = end
        }
        guard start < range.upperBound else { return (summary, start) }
        // The last line, without a line end (or a line too long for a window).
        let (rest, stoppedAt) = scanByMarks(start..<range.upperBound, expected: expected, into: &visitor)
        summary.append(rest)
        return (summary, stoppedAt)
    }

    /// A window stretched to the end of a long line holds at most this many bytes: its marks take four bytes
    /// a byte at worst, and a longer line is read by `scanByMarks`, which needs no such buffer.
    static let longestWindow = 16 << 20

    /// Just past the last LF of the `windowBytes` from `start`, or of the line running beyond them; nil when
    /// no LF follows (or the line is longer than `longestWindow`).
    private func windowEnd(from start: Int, in range: Range<Int>, windowBytes: Int) -> Int? {
        let base = bytes.baseAddress!
        let limit = min(start + windowBytes, range.upperBound)
        let lastLineFeed = solieu_last_line_feed(base + start, limit - start)
        if lastLineFeed >= 0 { return start + lastLineFeed + 1 }
        guard limit < range.upperBound,
              let lineFeed = memchr(base + limit, Int32(CSVTokenizer.newline), range.upperBound - limit) else { return nil }
        let end = base.distance(to: lineFeed.assumingMemoryBound(to: UInt8.self)) + 1
        return end - start <= CSVTokenizer.longestWindow ? end : nil
    }

    /// The per-mark form of the fast path, for what the windowed scan does not accept (a blank line, a lone
    /// CR, a record with the wrong number of fields, a last line without a line end): one structural scan
    /// finds every delimiter and line end eight bytes at a time, and each is handled by iterating over the
    /// set bits of one mask word.
    ///
    /// A record is handed to the visitor only once it is known to be well formed. At anything unusual
    /// (a record with the wrong number of fields, a CR not followed by LF) the scan stops at that record's
    /// start and returns, so the general tokenizer can take over there and report it exactly.
    /// - Returns: the summary so far and where the scan stopped (`range.upperBound` when it read everything).
    func scanByMarks<V: CSVFieldVisitor>(_ range: Range<Int>, expected: Int, into visitor: inout V) -> (CSVScanSummary, stoppedAt: Int) {
        var summary = CSVScanSummary()
        guard let base = bytes.baseAddress, expected > 0 else { return (summary, range.lowerBound) }
        let end = range.upperBound
        let delimiter = self.delimiter
        let delimiterPattern = UInt64(delimiter) &* CSVTokenizer.lowBytes
        let skipsBlankLines = expected > 1
        // Field boundaries of the current record, handed on when the record ends well.
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: expected)
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: expected)
        defer { starts.deallocate(); ends.deallocate() }
        var fieldCount = 0
        var fieldStart = range.lowerBound
        var recordStart = range.lowerBound
        var position = range.lowerBound

        while position < end {
            var word: UInt64
            if position + 8 <= end {
                word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
            } else {
                // The tail, padded with a byte that is never special.
                word = 0x2020_2020_2020_2020
                for k in 0..<(end - position) {
                    word = (word & ~(0xFF << UInt64(k * 8))) | (UInt64(base[position + k]) << UInt64(k * 8))
                }
            }
            // Every mark is handled, not only the lowest, so each one's byte is looked at: a mark on a byte
            // that is neither the delimiter nor a line end (a `-` right after a `,`) is passed over.
            var marks = CSVTokenizer.candidateBytes(word, delimiterPattern: delimiterPattern)
            while marks != 0 {
                let p = position + marks.trailingZeroBitCount >> 3
                marks &= marks &- 1
                if p < fieldStart || p >= end { continue }  // the LF of a CRLF already handled; the tail's padding
                let byte = base[p]
                if byte == delimiter {
                    guard fieldCount < expected - 1 else { return (summary, recordStart) }
                    starts[fieldCount] = fieldStart
                    ends[fieldCount] = p
                    fieldCount += 1
                    fieldStart = p + 1
                } else if byte == CSVTokenizer.newline || byte == CSVTokenizer.carriageReturn {
                    // A line end: LF, or CRLF; a lone CR goes to the general tokenizer.
                    var next = p + 1
                    if byte == CSVTokenizer.carriageReturn {
                        guard p + 1 < end, base[p + 1] == CSVTokenizer.newline else { return (summary, recordStart) }
                        next = p + 2
                    }
                    if fieldCount == 0 && p == fieldStart && skipsBlankLines {
                        summary.blankLines += 1
                    } else {
                        guard fieldCount == expected - 1 else { return (summary, recordStart) }
                        starts[fieldCount] = fieldStart
                        ends[fieldCount] = p
                        CSVTokenizer.handOn(base, starts, ends, expected, to: &visitor)
                        summary.records += 1
                    }
                    summary.newlines += 1
                    fieldCount = 0
                    fieldStart = next
                    recordStart = next
                }
            }
            position += 8
        }
        // A last line without a line end.
        if fieldStart < end || fieldCount > 0 {
            if fieldCount == 0 && fieldStart == end { return (summary, end) }
            guard fieldCount == expected - 1 else { return (summary, recordStart) }
            starts[fieldCount] = fieldStart
            ends[fieldCount] = end
            CSVTokenizer.handOn(base, starts, ends, expected, to: &visitor)
            summary.records += 1
        }
        return (summary, end)
    }

    /// Gives the visitor the fields of one complete, well-formed record.
    @inline(__always)
    static func handOn<V: CSVFieldVisitor>(_ base: UnsafePointer<UInt8>, _ starts: UnsafeMutablePointer<Int>, _ ends: UnsafeMutablePointer<Int>,
                                           _ count: Int, to visitor: inout V) {
        for k in 0..<count {
            visitor.field(k, UnsafeBufferPointer(start: base + starts[k], count: ends[k] - starts[k]), quoted: false, hasEscapedQuotes: false)
        }
        visitor.endRecord(fieldCount: count)
    }

    /// Whether `range` holds no quote at all (memchr is vectorised in the C library).
    func hasNoQuotes(_ range: Range<Int>) -> Bool {
        guard let base = bytes.baseAddress, !range.isEmpty else { return true }
        return memchr(base + range.lowerBound, Int32(CSVTokenizer.quote), range.count) == nil
    }
}
