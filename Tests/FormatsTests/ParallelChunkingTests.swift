import Engine
@testable import Formats
import Testing

/// Inputs of 4 MiB or more are split into chunks read on several cores. Whatever the split, the table must be
/// exactly the one a plain sequential parse gives, and errors must name their absolute line.
@Suite struct ParallelChunkingTests {
    static let header = "id,tên,giá trị,ghi chú\n"

    /// About 5 MiB of rows whose text fields are often quoted and hold commas, semicolons, tabs, quotes, LF and
    /// CRLF; records end in LF or CRLF. `strayQuoteRows` get an unquoted field with a literal quote (`5" …`),
    /// which misleads the quote-parity split.
    static func generate(seed: UInt64, strayQuoteRows: Set<Int> = []) -> [UInt8] {
        var rng = SeededGenerator(seed: seed)
        var bytes = Array(header.utf8)
        bytes.reserveCapacity(CSVReader.minimumBytesToSplit + (1 << 20))
        var row = 0
        while bytes.count < CSVReader.minimumBytesToSplit + (1 << 20) {
            let k = rng.next() % 10_000
            let name: String
            if strayQuoteRows.contains(row) {
                name = "5\" màn hình \(k)"
            } else {
                switch rng.next() % 6 {
                case 0: name = "Tỉnh \(k)"
                case 1: name = "\"Hà Nội, \(k)\""
                case 2: name = "\"dòng \(k)\nhai\""
                case 3: name = "\"Cần Thơ\r\n\(k)\""
                case 4: name = "\"nói \"\"\(k)\"\" nhé\""
                default: name = "\"\""  // an empty quoted field: missing
                }
            }
            let value = "\(rng.next() % 100_000).\(1 + rng.next() % 9)"
            let note = rng.next() % 2 == 0 ? "\"a,b;c|d\te \(k)\"" : "x\(k)"
            let end = rng.next() % 4 == 0 ? "\r\n" : "\n"
            bytes += Array("\(row),\(name),\(value),\(note)\(end)".utf8)
            row += 1
        }
        return bytes
    }

    /// Checks every cell of `result` against the reference parse of `bytes`.
    static func expectMatchesReference(_ result: LoadResult, _ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        guard let reference = referenceParse(bytes, delimiter: 0x2C) else {
            Issue.record("the reference parser refused the generated file", sourceLocation: sourceLocation)
            return
        }
        let records = reference.records.dropFirst()
        #expect(result.table.columnNames == ["id", "tên", "giá trị", "ghi chú"], sourceLocation: sourceLocation)
        #expect(result.table.rowCount == records.count, sourceLocation: sourceLocation)
        #expect(result.type("id") == .integer && result.type("tên") == .text && result.type("giá trị") == .decimal
                && result.type("ghi chú") == .text, "\(result.report.lines)", sourceLocation: sourceLocation)
        guard result.table.rowCount == records.count else { return }
        let columns = result.table.columns
        var mismatches = 0
        for (row, fields) in records.enumerated() {
            let expected: [Value] = [
                Int64(fields[0]).map(Value.integer) ?? .missing,
                fields[1].isEmpty ? .missing : .text(fields[1]),
                Double(fields[2]).map(Value.decimal) ?? .missing,
                .text(fields[3]),
            ]
            let actual = columns.map { $0.value(at: row) }
            // Text is compared byte by byte: String's == is canonical equivalence and could hide a difference.
            let same = zip(actual, expected).allSatisfy { a, e in
                if case .text(let x) = a, case .text(let y) = e { return Array(x.utf8) == Array(y.utf8) }
                return a == e
            }
            if !same {
                mismatches += 1
                if mismatches <= 5 { Issue.record("row \(row): \(actual) != \(expected)", sourceLocation: sourceLocation) }
            }
        }
        #expect(mismatches == 0, sourceLocation: sourceLocation)
    }

    /// The chunks the reader would use for `bytes` (data after the one-line header).
    static func chunks(_ source: SourceBytes) -> [Range<Int>] {
        let dataStart = header.utf8.count
        return CSVReader.chunkRanges(source.buffer, dataStart..<source.count).chunks
    }

    @Test func splitReadEqualsReferenceParse() throws {
        let bytes = Self.generate(seed: 1)
        #expect(bytes.count > CSVReader.minimumBytesToSplit)
        let source = SourceBytes(bytes: bytes, name: "big.csv")
        let chunks = Self.chunks(source)
        if Parallel.workerCount > 1 {
            #expect(chunks.count > 1, "a \(bytes.count)-byte input is split on \(Parallel.workerCount) workers")
        }
        // Every cut is a record boundary of the reference parse.
        let starts = Set(referenceParse(bytes, delimiter: 0x2C)?.recordStarts ?? [])
        for chunk in chunks { #expect(starts.contains(chunk.lowerBound), "cut at \(chunk.lowerBound)") }
        let result = try CSVReader.read(source, tableName: "big")
        Self.expectMatchesReference(result, bytes)
        #expect(result.summary("tên")?.missing == (0..<result.table.rowCount).filter { !result.table.columns[1].isPresent($0) }.count)
    }

    /// A literal quote early in the first chunk makes the quote-parity split cut inside a quoted field; the
    /// reader must notice and read the data as one chunk.
    @Test func strayQuoteFallsBackToOneChunk() throws {
        let bytes = Self.generate(seed: 2, strayQuoteRows: [3])
        let source = SourceBytes(bytes: bytes, name: "stray.csv")
        if Parallel.workerCount > 1 {
            let starts = Set(referenceParse(bytes, delimiter: 0x2C)?.recordStarts ?? [])
            let cuts = Self.chunks(source).dropFirst().map(\.lowerBound)
            #expect(!cuts.isEmpty && cuts.contains { !starts.contains($0) },
                    "the stray quote should mislead the split (cuts \(cuts)), or this test exercises nothing")
        }
        let result = try CSVReader.read(source, tableName: "stray")
        Self.expectMatchesReference(result, bytes)
        #expect(result.cells("tên")[3] == .text("5\" màn hình \(Self.nameNumber(bytes, row: 3))"))
    }

    /// Several stray quotes (three before the middle of the file): still the sequential table.
    @Test func strayQuotesAtSeveralPlaces() throws {
        let bytes = Self.generate(seed: 3, strayQuoteRows: [10, 20_000, 30_000, 60_001])
        let result = try CSVReader.read(SourceBytes(bytes: bytes, name: "stray.csv"), tableName: "stray")
        Self.expectMatchesReference(result, bytes)
    }

    /// The k in row `row`'s `5" màn hình k` (read back through the reference parser).
    static func nameNumber(_ bytes: [UInt8], row: Int) -> String {
        let fields = referenceParse(bytes, delimiter: 0x2C)?.records[row + 1] ?? []
        return fields.count > 1 ? String(fields[1].split(separator: " ").last ?? "") : ""
    }

    /// 1-based line of byte `offset`, counted independently (LF ends a line; CR before it is part of the end).
    static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    @Test func errorDeepInSecondChunkNamesAbsoluteLine() throws {
        var bytes = Self.generate(seed: 4)
        let source0 = SourceBytes(bytes: bytes, name: "x")
        let lastChunkStart = Self.chunks(source0).last!.lowerBound
        // Insert a row with one field too many, well inside the last chunk.
        let reference = try #require(referenceParse(bytes, delimiter: 0x2C))
        let target = try #require(reference.recordStarts.last { $0 > lastChunkStart + 100_000 })
        let prefix = "Hòa Bình,\"x\ny\",1.5,ghi chú,"
        bytes.insert(contentsOf: Array((prefix + "thừa\n").utf8), at: target)
        let error = loadError { try readCSV(bytes: bytes, name: "big.csv") }
        // The row starts on the line of `target`; the extra field is on the next line (after the quoted LF).
        let expectedLine = Self.line(of: target, in: bytes) + 1
        expectError(error, line: expectedLine, column: "y\",1.5,ghi chú,".count + 1, reason: "more fields than the header's 4: 5 found")
        #expect(error?.file == "big.csv")
        if Parallel.workerCount > 1 { #expect(Self.chunks(source0).count > 1) }
    }

    @Test func fewerFieldsDeepInSecondChunk() throws {
        var bytes = Self.generate(seed: 5)
        let reference = try #require(referenceParse(bytes, delimiter: 0x2C))
        let target = reference.recordStarts[reference.recordStarts.count - 7]
        bytes.insert(contentsOf: Array("1,Kon Tum\n".utf8), at: target)
        let error = loadError { try readCSV(bytes: bytes) }
        expectError(error, line: Self.line(of: target, in: bytes), column: "1,Kon Tum".count + 1,
                    reason: "this row has 2 fields where the header has 4")
    }

    @Test func unclosedQuoteInLastChunk() throws {
        var bytes = Self.generate(seed: 6)
        let start = bytes.count
        bytes += Array("99,\"không đóng\n1,2,3,4\n".utf8)
        let error = loadError { try readCSV(bytes: bytes) }
        expectError(error, line: Self.line(of: start, in: bytes), column: 4, reason: "never closed")
    }
}
