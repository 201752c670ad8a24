import Engine
import Foundation
@testable import Formats
import Testing

/// The same table in every encoding an office exports, each loaded equal to its UTF-8 twin, detected and
/// with `encoding=`; junk and wrong choices refused with their place, never a crash or a guess.
@Suite struct EncodingLoadTests {
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The province table with its Vietnamese columns (names, full names, regions, the 2025 units).
    static func provincesUTF8() throws -> String {
        let text = try String(contentsOfFile: repositoryRoot + "/datasets/provinces.csv", encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            return [0, 1, 3, 4, 5, 10, 13].map { String(cells[$0]) }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }

    /// The table as each encoding writes it; the file name's extension picks the reader.
    static func encodedFiles() throws -> [(encoding: TextEncoding, file: String, bytes: [UInt8])] {
        let text = try provincesUTF8()
        let tabbed = text.replacingOccurrences(of: ",", with: "\t").replacingOccurrences(of: "\n", with: "\r\n")
        return [
            (.windows1258, "tinh-cp1258.csv", try iconvProgram(Array(text.utf8), from: "UTF-8", to: "CP1258")),
            (.viscii, "tinh-viscii.csv", try iconvProgram(Array(text.utf8), from: "UTF-8", to: "VISCII")),
            (.tcvn3, "tinh-tcvn3.csv", try #require(encodeTCVN3(text))),
            (.vni, "tinh-vni.csv", try #require(encodeVNI(text))),
            // Excel's "Unicode Text": UTF-16LE with a byte-order mark, tab-separated, CRLF.
            (.utf16LE, "tinh-unicode.txt", [0xFF, 0xFE] + (try iconvProgram(Array(tabbed.utf8), from: "UTF-8", to: "UTF-16LE"))),
            (.utf16BE, "tinh-utf16be.txt", [0xFE, 0xFF] + (try iconvProgram(Array(tabbed.utf8), from: "UTF-8", to: "UTF-16BE"))),
        ]
    }

    /// Column names, types and every value equal.
    func expectSameTable(_ a: Table, _ b: Table, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.columnNames == b.columnNames, "\(label)", sourceLocation: sourceLocation)
        #expect(a.rowCount == b.rowCount, "\(label)", sourceLocation: sourceLocation)
        for name in a.columnNames {
            guard let x = a.column(named: name), let y = b.column(named: name) else { continue }
            #expect(x.type == y.type, "\(label): \(name)", sourceLocation: sourceLocation)
            let same = (0..<min(x.count, y.count)).allSatisfy { x.value(at: $0) == y.value(at: $0) }
            #expect(same, "\(label): values of \(name)", sourceLocation: sourceLocation)
        }
    }

    @Test func everyEncodingLoadsEqualToTheUTF8File() throws {
        let folder = try temporaryFolder("encodings")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let twinPath = folder + "tinh.csv"
        try Self.provincesUTF8().write(toFile: twinPath, atomically: true, encoding: .utf8)
        let twin = try TableLoader.load(path: twinPath, tableName: "t")
        #expect(twin.report.notes.isEmpty)
        #expect(twin.table.rowCount == 63)

        for (encoding, file, bytes) in try Self.encodedFiles() {
            let path = folder + file
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let detected = try TableLoader.load(path: path, tableName: "t")
            expectSameTable(detected.table, twin.table, "\(file) detected")
            let how = encoding.isUTF16 ? "from its byte-order mark"
                : "detected from its letters; say encoding=" + TextEncoding.legacyCandidates.filter { $0 != encoding }.map(\.optionName).joined(separator: ", ")
                    .replacingOccurrences(of: ", ([a-z0-9]+)$", with: " or $1", options: .regularExpression) + " to choose another"
            #expect(detected.report.notes.first == "encoding: \(encoding.displayName) (\(how))", "\(file)")
            // The Vietnamese report carries the same decision (its exact text is in the golden transcript).
            let reason: EncodingDecision.Reason = encoding.isUTF16 ? .byteOrderMark : .detected
            #expect(detected.report.lines(vietnamese: true).contains("  ghi chú: " + EncodingDecision(encoding: encoding, reason: reason).noteVi))

            let asked = try TableLoader.load(path: path, tableName: "t", options: LoadOptions(encoding: encoding.optionName))
            expectSameTable(asked.table, twin.table, "\(file) with encoding=\(encoding.optionName)")
            #expect(asked.report.notes.first == "encoding: \(encoding.displayName) (as asked with encoding=\(encoding.optionName))")
        }
        // "utf-16" without a byte order reads the mark.
        let unicode = try TableLoader.load(path: folder + "tinh-unicode.txt", tableName: "t", options: LoadOptions(encoding: "UTF16"))
        expectSameTable(unicode.table, twin.table, "utf16")
    }

    /// UTF-16 without its byte-order mark (some exporters leave it out) is known by its zero bytes.
    @Test func utf16WithoutAMarkIsDetected() throws {
        let text = "tỉnh\tnăm\r\nHoà Bình\t2023\r\nĐắk Lắk\t2023\r\n"
        for order in [TextEncoding.utf16LE, .utf16BE] {
            let bytes = try iconvProgram(Array(text.utf8), from: "UTF-8", to: order.iconvName!)
            let (decoded, decision) = try transcode(bytes, nil)
            #expect(decoded == text)
            #expect(decision?.note == "encoding: \(order.displayName) (no byte-order mark; known by the zero byte beside each ASCII letter)")
        }
        // Text in an 8-bit encoding has no zero byte; bytes with zeros in both halves are not taken for UTF-16.
        #expect(Transcoder.utf16WithoutMark([0x61, 0x62, 0x63, 0x0A].withUnsafeBufferPointer { $0 }) == nil)
        #expect(Transcoder.utf16WithoutMark([0x00, 0x61, 0x62, 0x00, 0x00, 0x63].withUnsafeBufferPointer { $0 }) == nil)
    }

    /// The example files of docs/examples, one table in five encodings.
    @Test func exampleFilesLoadEqualToTheUTF8One() throws {
        let folder = Self.repositoryRoot + "/docs/examples/ty-le-ho-ngheo-2023"
        let twin = try TableLoader.load(path: folder + ".csv", tableName: "t")
        #expect(twin.cells("tỉnh").contains(.text("Hoà Bình")))
        for (suffix, encoding) in [("-cp1258.csv", TextEncoding.windows1258), ("-tcvn3.csv", .tcvn3), ("-vni.csv", .vni), ("-unicode.txt", .utf16LE)] {
            let result = try TableLoader.load(path: folder + suffix, tableName: "t")
            expectSameTable(result.table, twin.table, suffix)
            #expect(result.report.notes.first?.hasPrefix("encoding: \(encoding.displayName) (") == true, "\(suffix): \(result.report.notes)")
        }
    }

    /// `Hoà Bình` in Windows-1258 (o + à, i + combining grave) loads as the same NFC value as in UTF-8.
    @Test func hoaBinhInWindows1258() throws {
        let folder = try temporaryFolder("hoabinh")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = "tỉnh,tỷ lệ\nHoà Bình,\"6,8\"\nThừa Thiên Huế,\"3,1\"\n"
        try text.write(toFile: folder + "utf8.csv", atomically: true, encoding: .utf8)
        let bytes = try iconvProgram(Array(text.utf8), from: "UTF-8", to: "CP1258")
        #expect(bytes.contains(0xCC))  // ì is i + combining grave in Windows-1258
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "cp1258.csv"))
        let utf8 = try TableLoader.load(path: folder + "utf8.csv")
        let legacy = try TableLoader.load(path: folder + "cp1258.csv")
        expectSameTable(legacy.table, utf8.table, "Hoà Bình")
        #expect(legacy.cells("tỉnh").first == .text("Hoà Bình"))
    }

    @Test func jsonLinesInWindows1258() throws {
        let folder = try temporaryFolder("jsonl")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = "{\"tỉnh\": \"Bắc Kạn\", \"năm\": 2023}\n{\"tỉnh\": \"Quảng Nam\", \"năm\": 2022}\n"
        try Data(try iconvProgram(Array(text.utf8), from: "UTF-8", to: "CP1258")).write(to: URL(fileURLWithPath: folder + "f.jsonl"))
        let result = try TableLoader.load(path: folder + "f.jsonl")
        #expect(result.table.columnNames == ["tỉnh", "năm"])
        #expect(result.cells("tỉnh") == [.text("Bắc Kạn"), .text("Quảng Nam")])
        #expect(result.report.notes.first?.hasPrefix("encoding: Windows-1258 (detected") == true)
    }

    /// The first megabyte is checked before reading; a legacy byte after it is found by the reader and the
    /// file is then read again in the encoding detected.
    @Test func legacyByteAfterTheCheckedPrefix() throws {
        let folder = try temporaryFolder("late")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var text = "tinh,n\n"
        while text.utf8.count < Transcoder.utf8CheckedPrefix + 1000 { text += "Ha Noi,1\n" }
        text += "Hà Nội,2\nĐắk Lắk,3\n"
        try Data(try iconvProgram(Array(text.utf8), from: "UTF-8", to: "CP1258")).write(to: URL(fileURLWithPath: folder + "big.csv"))
        let result = try TableLoader.load(path: folder + "big.csv")
        #expect(result.cells("tinh").suffix(2) == [.text("Hà Nội"), .text("Đắk Lắk")])
        #expect(result.report.notes.first?.hasPrefix("encoding: Windows-1258 (detected") == true)
    }

    /// Random bytes are refused with the first byte that is not UTF-8, never read in some encoding.
    @Test func randomJunkIsRefused() throws {
        var generator = SeededGenerator(seed: 1258)
        for round in 0..<100 {
            let count = Int.random(in: 200...2000, using: &generator)
            // Half of the files hold only letters, spaces and high bytes: no control byte gives them away.
            let lettersOnly = round % 2 == 1
            let pool: [UInt8] = lettersOnly ? Array(0x61...0x7A) + [0x20, 0x20, 0x0A] + Array(0xA0...0xFF) : Array(0...255)
            var bytes = (0..<count).map { _ in pool.randomElement(using: &generator)! }
            if bytes.count >= 2 && bytes[0] == 0xFF { bytes[0] = 0x41 }  // a UTF-16 mark is tested on its own below
            let error = loadError { () throws -> LoadResult in
                let (source, _) = try Transcoder.utf8(SourceBytes(bytes: bytes, name: "junk.csv"), requested: nil)
                return try CSVReader.read(source, tableName: "t")
            }
            #expect(error?.reason.hasPrefix("the file is not UTF-8: byte") == true, "round \(round): \(String(describing: error))")
            #expect(error?.hint?.contains("encoding=") == true)
        }
    }

    @Test func junkWithAUTF16MarkIsRefused() {
        var generator = SeededGenerator(seed: 16)
        var refused = 0
        for _ in 0..<100 {
            let bytes: [UInt8] = [0xFF, 0xFE] + (0..<200).map { _ in UInt8.random(in: 0...255, using: &generator) }
            do {
                _ = try Transcoder.utf8(SourceBytes(bytes: bytes, name: "junk.txt"), requested: nil)
            } catch let error as LoadError {
                #expect(error.reason.hasPrefix("the file does not read as UTF-16LE"), "\(error)")
                refused += 1
            } catch {
                Issue.record("\(error)")
            }
        }
        #expect(refused == 100)
    }

    /// `t` + 0xE3 + `n` is "tăn" in Windows-1258, "tãn" in VISCII and "tón" in TCVN3: all Vietnamese, so the
    /// load is refused, naming the candidates.
    @Test func ambiguousFileIsRefusedWithTheCandidates() {
        let bytes: [UInt8] = Array("tu,n\n".utf8) + [0x74, 0xE3, 0x6E] + Array(",1\n".utf8)
        let error = loadError { () throws -> LoadResult in
            let (source, _) = try Transcoder.utf8(SourceBytes(bytes: bytes, name: "f.csv"), requested: nil)
            return try CSVReader.read(source, tableName: "t")
        }
        expectError(error, line: 2, column: 2, reason: "the file is not UTF-8: byte 6 (0xE3)")
        #expect(error?.reason.contains("more than one encoding (Windows-1258, TCVN3 (ABC), VISCII)") == true, "\(String(describing: error))")
        #expect(error?.hint == "say which it is: load f.csv encoding=cp1258, or encoding=tcvn3, or encoding=viscii")
    }

    /// A UTF-8 line and a Windows-1258 line in one file (two exports pasted together): no single encoding reads
    /// both, so the load is refused, naming both lines, whichever comes first.
    @Test func mixedEncodingsAreRefused() throws {
        let utf8Line = Array("Hà Nội,1\n".utf8)
        let legacyLine = try iconvProgram(Array("Hoà Bình,2\n".utf8), from: "UTF-8", to: "CP1258")
        for (bytes, lines) in [(Array("tinh,n\n".utf8) + utf8Line + legacyLine, (2, 3)), (Array("tinh,n\n".utf8) + legacyLine + utf8Line, (3, 2))] {
            let error = loadError { () throws -> LoadResult in
                let (source, _) = try Transcoder.utf8(SourceBytes(bytes: bytes, name: "f.csv"), requested: nil)
                return try CSVReader.read(source, tableName: "t")
            }
            #expect(error?.reason.hasPrefix("the file mixes encodings: line \(lines.0) is UTF-8, but byte") == true, "\(String(describing: error))")
            #expect(error?.reason.hasSuffix("on line \(lines.1) is not") == true, "\(String(describing: error))")
            #expect(error?.position?.line == lines.1)
        }
    }

    /// Every file in every encoding: a load stating the encoding asked, or a positioned error; nothing else.
    @Test func wrongEncodingIsAnErrorOrAStatedLoad() throws {
        let folder = try temporaryFolder("wrong")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var errors = 0
        for (encoding, file, bytes) in try Self.encodedFiles() {
            let path = folder + file
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            for other in TextEncoding.allCases where other != encoding && !(encoding.isUTF16 && other.isUTF16) {
                do {
                    let result = try TableLoader.load(path: path, tableName: "t", options: LoadOptions(encoding: other.optionName))
                    if other != .utf8 { #expect(result.report.notes.first == "encoding: \(other.displayName) (as asked with encoding=\(other.optionName))") }
                } catch let error as LoadError {
                    errors += 1
                    #expect(error.position != nil || error.reason.contains("does not read as"), "\(file) as \(other): \(error)")
                    #expect(error.hint != nil, "\(file) as \(other)")
                }
            }
        }
        #expect(errors > 10)
        // Windows-1258 bytes read as TCVN3: the first one TCVN3 does not have, placed on its line.
        let error = loadError { try TableLoader.load(path: folder + "tinh-cp1258.csv", options: LoadOptions(encoding: "tcvn3")) }
        #expect(error?.reason.hasPrefix("the file does not read as TCVN3 (ABC): byte") == true, "\(String(describing: error))")
        #expect(error?.position?.line == 2)
        #expect(error?.hint?.contains("leave out encoding=") == true)
    }

    /// A wrong `encoding=` on a UTF-8 or UTF-16 file: the error's hint names what the file is.
    @Test func wrongEncodingHintNamesTheRightOne() throws {
        let folder = try temporaryFolder("hint")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = "tỉnh,n\nHà Nội,1\n"
        try text.write(toFile: folder + "utf8.csv", atomically: true, encoding: .utf8)
        try Data([0xFF, 0xFE] + (try iconvProgram(Array(text.utf8), from: "UTF-8", to: "UTF-16LE"))).write(to: URL(fileURLWithPath: folder + "utf16.csv"))
        let asUTF16 = loadError { try TableLoader.load(path: folder + "utf8.csv", options: LoadOptions(encoding: "utf-16")) }
        #expect(asUTF16?.hint == "the file is UTF-8: leave out encoding=", "\(String(describing: asUTF16))")
        let asUTF8 = loadError { try TableLoader.load(path: folder + "utf16.csv", options: LoadOptions(encoding: "utf-8")) }
        #expect(asUTF8?.reason == "the file is UTF-16, not UTF-8")
        #expect(asUTF8?.hint == "load it with encoding=utf-16, or leave encoding= out: the byte-order mark says it is UTF-16")
        let asVNI = loadError { try TableLoader.load(path: folder + "utf16.csv", options: LoadOptions(encoding: "vni")) }
        #expect(asVNI?.hint == "it reads as UTF-16: load \(folder)utf16.csv encoding=utf-16, or leave out encoding= to have it detected", "\(String(describing: asVNI))")
    }

    @Test func unknownEncodingNameListsTheKnownOnes() {
        let error = loadError { try TableLoader.load(path: Self.repositoryRoot + "/datasets/provinces.csv", options: LoadOptions(encoding: "vnii")) }
        #expect(error?.reason == "unknown encoding 'vnii'; solieu reads vni, viscii, tcvn3, utf-8, utf-16, cp1258")
    }

    @Test func emptyFilesInAnyEncodingAreEmpty() {
        for (bytes, encoding) in [([0xFF, 0xFE], nil), ([0xFE, 0xFF], nil), ([], "utf-16"), ([], "vni"), ([], "cp1258"), ([0xFF, 0xFE], "utf-16le")] as [([UInt8], String?)] {
            let error = loadError { () throws -> LoadResult in
                let (source, _) = try Transcoder.utf8(SourceBytes(bytes: bytes, name: "empty.csv"), requested: encoding.flatMap(TextEncoding.init(named:)))
                return try CSVReader.read(source, tableName: "t")
            }
            #expect(error?.reason == "the file is empty: there is no header row", "\(bytes) \(String(describing: encoding))")
        }
    }

    /// A UTF-8 file, with or without its byte-order mark, is read as it is: no note.
    @Test func utf8NeedsNoNote() throws {
        for bytes in [Array("tỉnh\nHà Nội\n".utf8), [0xEF, 0xBB, 0xBF] + Array("tỉnh\nHà Nội\n".utf8)] {
            let (source, decision) = try Transcoder.utf8(SourceBytes(bytes: bytes, name: "f.csv"), requested: nil)
            #expect(decision == nil)
            #expect(Array(source.buffer) == bytes)
        }
    }
}
