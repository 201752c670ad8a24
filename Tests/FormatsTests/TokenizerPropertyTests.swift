import Engine
@testable import Formats
import Testing

/// The eight-bytes-at-a-time scan (`scanUnquoted`, taken by `scan` for quote-free data) must find exactly the
/// records the general byte-by-byte tokenizer finds, on any input: every byte after a separator (`-` `:` `}`
/// `;` are one bit away from `,` `;` `|`), every position in the eight-byte word, every line end, stray rows.
@Suite struct TokenizerPropertyTests {
    /// Everything a visitor is told, in order, so two tokenizers can be compared event for event.
    struct RecordingVisitor: CSVFieldVisitor {
        var events: [UInt8] = []
        var records = 0
        mutating func field(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, hasEscapedQuotes: Bool) {
            // index, flags, length, bytes: unambiguous when concatenated.
            events.append(UInt8(truncatingIfNeeded: index))
            events.append((quoted ? 1 : 0) | (hasEscapedQuotes ? 2 : 0))
            events.append(UInt8(truncatingIfNeeded: bytes.count))
            events.append(contentsOf: bytes)
        }
        mutating func endRecord(fieldCount: Int) {
            events.append(0xFF)
            events.append(UInt8(truncatingIfNeeded: fieldCount))
            records += 1
        }
    }

    static let separators: [UInt8] = [0x2C, 0x3B, 0x7C, 0x09]  // , ; | tab

    /// Unquoted field texts, chosen to sit one bit away from the separators and line ends (`-` is `,` ^ 0x01,
    /// `:` is `;` ^ 0x01, `}` is `|` ^ 0x01, 0x0B and 0x0C are LF and CR ^ 0x01/0x01), Vietnamese letters, and
    /// lengths that move the next separator through the word.
    static let plainFields: [[UInt8]] = [
        "", "-", "-5.81", "-1,21", ":", ":x", "}", "}}", "-:}", "\u{0B}", "\u{0C}", "\u{08}", "+", "/", "=", "{",
        "a", "ab", "abcdefg", "abcdefgh", "abcdefghijklmno", "2017", "3.07", "Ninh Bình", "Kon Tum", "Hòa Bình",
        "ệ", "Đắk Lắk", "hộ nghèo", "\u{7F}", "\u{80}", "x y",
    ].map { Array($0.utf8) }

    /// With a literal quote inside an unquoted field (Excel's `5"`), which only the general tokenizer reads.
    static let fieldsWithQuotes = plainFields + [Array("5\"".utf8), Array("a\"b".utf8)]

    /// Builds one random small file; `allowQuotes` false keeps every byte off the quote, so `scan` takes the fast path.
    static func randomFile(_ rng: inout SeededGenerator, separator: UInt8, columns: Int, allowQuotes: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        // A lead of 0-7 bytes puts the first separator at every position of the first word.
        let lead = Int(rng.next() % 8)
        let rows = 1 + Int(rng.next() % 6)
        for row in 0..<rows {
            let roll = rng.next()
            if roll % 11 == 0 { appendLineEnd(&out, &rng) }  // a blank line
            // Now and then a row with a field too few or too many: the fast scan must stop and hand over.
            var fields = columns
            if roll % 37 == 1 { fields = max(1, columns - 1) } else if roll % 37 == 2 { fields = columns + 1 }
            for f in 0..<fields {
                if f > 0 { out.append(separator) }
                if row == 0 && f == 0 { out.append(contentsOf: repeatElement(0x61, count: lead)) }
                let pick = rng.next()
                if allowQuotes && pick % 5 == 0 {
                    out.append(0x22)
                    for _ in 0..<(pick >> 8) % 4 {
                        switch rng.next() % 6 {
                        case 0: out.append(separator)
                        case 1: out += [0x22, 0x22]
                        case 2: out.append(0x0A)
                        case 3: out += [0x0D, 0x0A]
                        default: out += plainFields[Int(rng.next() % UInt64(plainFields.count))]
                        }
                    }
                    out.append(0x22)
                } else {
                    // Sometimes another separator's byte inside the field: it is text here.
                    if pick % 7 == 1 { out.append(separators[Int((pick >> 16) % 4)] == separator ? 0x2D : separators[Int((pick >> 16) % 4)]) }
                    let choices = allowQuotes ? fieldsWithQuotes : plainFields
                    out += choices[Int((pick >> 24) % UInt64(choices.count))]
                }
            }
            if row < rows - 1 || rng.next() % 2 == 0 { appendLineEnd(&out, &rng) }
        }
        return out
    }

    /// LF, CRLF, or now and then a lone CR (which the fast scan hands to the general tokenizer).
    static func appendLineEnd(_ out: inout [UInt8], _ rng: inout SeededGenerator) {
        switch rng.next() % 9 {
        case 0...4: out.append(0x0A)
        case 5...7: out += [0x0D, 0x0A]
        default: out.append(0x0D)
        }
    }

    /// Runs `scan` (fast path where it can) and `scanGeneral` on `bytes`; returns a description of the first
    /// difference, or nil when both saw the same fields, records, line counts and error.
    static func difference(_ bytes: [UInt8], separator: UInt8, columns: Int, fastRecords: inout Int) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            let tokenizer = CSVTokenizer(bytes: buffer, delimiter: separator, expectedFields: columns)
            var fast = RecordingVisitor(), general = RecordingVisitor(), unquotedOnly = RecordingVisitor()
            let (fastSummary, fastEnd) = tokenizer.scan(0..<buffer.count, into: &fast)
            let (generalSummary, generalEnd) = tokenizer.scanGeneral(0..<buffer.count, maximumRecords: .max, into: &general)
            if tokenizer.hasNoQuotes(0..<buffer.count) {
                // What the fast scan accepted alone must be a prefix of what the general tokenizer found.
                let (_, stoppedAt) = tokenizer.scanUnquoted(0..<buffer.count, expected: columns, into: &unquotedOnly)
                fastRecords += unquotedOnly.records
                if stoppedAt > buffer.count { return "scanUnquoted stopped past the end" }
                if !general.events.starts(with: unquotedOnly.events) { return "scanUnquoted's records are not the general tokenizer's" }
            }
            if fast.events != general.events { return "different fields or records" }
            if fastEnd != generalEnd { return "ended at \(fastEnd) and \(generalEnd)" }
            if fastSummary.records != generalSummary.records || fastSummary.newlines != generalSummary.newlines
                || fastSummary.blankLines != generalSummary.blankLines {
                return "summaries differ: \(fastSummary) and \(generalSummary)"
            }
            let a = fastSummary.error, b = generalSummary.error
            if (a == nil) != (b == nil) || a?.offset != b?.offset || a?.newlinesBefore != b?.newlinesBefore
                || a?.lineStart != b?.lineStart || a?.reason != b?.reason {
                return "errors differ: \(String(describing: a)) and \(String(describing: b))"
            }
            return nil
        }
    }

    @Test func fastScanAndGeneralTokenizerAgreeOnRandomFiles() {
        var rng = SeededGenerator(seed: 0x5EED_CA11)
        var failures = 0
        var fastRecords = 0
        let files = 100_000
        for n in 0..<files {
            let separator = TokenizerPropertyTests.separators[n % 4]
            let columns = 1 + Int(rng.next() % 5)
            let bytes = TokenizerPropertyTests.randomFile(&rng, separator: separator, columns: columns, allowQuotes: n % 4 == 3)
            if let problem = TokenizerPropertyTests.difference(bytes, separator: separator, columns: columns, fastRecords: &fastRecords) {
                failures += 1
                if failures <= 3 {
                    Issue.record("file \(n) (\(columns) columns, separator 0x\(String(separator, radix: 16))): \(problem)\n\(String(decoding: bytes, as: UTF8.self).debugDescription)")
                }
            }
        }
        #expect(failures == 0)
        // The fast scan must really have been exercised, not have handed every file to the general tokenizer.
        #expect(fastRecords > files, "the fast scan accepted only \(fastRecords) records")
    }

    /// The issue's reproductions: a field starting with the byte one above the separator, in every position
    /// of the word, read through the whole reader.
    @Test(arguments: [(",", "-"), (";", ":"), ("|", "}")])
    func fieldStartingOneAboveTheSeparatorIsText(separator: String, neighbour: String) throws {
        for lead in 0..<8 {
            let pad = String(repeating: "x", count: lead)
            let text = "province\(separator)year\(separator)change\n\(pad)Kon Tum\(separator)2017\(separator)\(neighbour)5.81\n"
                + "Ninh Bình\(separator)2023\(separator)\(neighbour)1.21\n"
            let result = try readCSV(text, delimiter: Array(separator.utf8)[0])
            #expect(result.table.rowCount == 2)
            #expect(result.cells("province") == [.text("\(pad)Kon Tum"), .text("Ninh Bình")])
            let expected: [Value] = neighbour == "-" ? [.decimal(-5.81), .decimal(-1.21)] : [.text("\(neighbour)5.81"), .text("\(neighbour)1.21")]
            #expect(result.cells("change") == expected, "lead \(lead)")
        }
    }

    /// The chunked, multi-core path over quote-free data full of fields that start one bit away from the
    /// separator, against the reference parser cell by cell.
    @Test func chunkedReadOfNegativeNumbersMatchesReference() throws {
        var rng = SeededGenerator(seed: 42)
        var bytes = Array("id;change;note\n".utf8)
        bytes.reserveCapacity(CSVReader.minimumBytesToSplit + (1 << 16))
        var row = 0
        while bytes.count < CSVReader.minimumBytesToSplit + (1 << 16) {
            let note = [":", ":a", "-", "}", "Ninh Bình", ":Kon Tum"][Int(rng.next() % 6)]
            bytes += Array("\(row);-\(rng.next() % 1000),\(rng.next() % 100);\(note)\(rng.next() % 3 == 0 ? "\r\n" : "\n")".utf8)
            row += 1
        }
        let result = try readCSV(bytes: bytes, delimiter: 0x3B)
        let reference = try #require(referenceParse(bytes, delimiter: 0x3B))
        let records = Array(reference.records.dropFirst())
        #expect(result.table.rowCount == records.count)
        let change = result.cells("change"), note = result.cells("note")
        let changeMismatches = records.indices.filter { change[$0] != .decimal(Double(records[$0][1].replacingOccurrences(of: ",", with: "."))!) }
        // A lone dash is how Excel exports show an empty cell: the reader takes it for a missing value.
        let noteMismatches = records.indices.filter { note[$0] != (records[$0][2] == "-" ? .missing : .text(records[$0][2])) }
        #expect(changeMismatches.isEmpty && noteMismatches.isEmpty, "first bad rows: \(changeMismatches.prefix(3)) \(noteMismatches.prefix(3))")
    }

    @Test func exactZeroByteTestMarksOnlyZeroBytes() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            // Words made mostly of 0x00 and 0x01 bytes, where the borrow-prone test goes wrong.
            var word: UInt64 = 0
            for k in 0..<8 { word |= UInt64([0x00, 0x01, 0x80, 0x81, 0x7F, 0xFF][Int(rng.next() % 6)]) << UInt64(8 * k) }
            var expected: UInt64 = 0
            for k in 0..<8 where (word >> UInt64(8 * k)) & 0xFF == 0 { expected |= 0x80 << UInt64(8 * k) }
            #expect(CSVTokenizer.zeroBytes(word) == expected, "word 0x\(String(word, radix: 16))")
        }
    }
}
