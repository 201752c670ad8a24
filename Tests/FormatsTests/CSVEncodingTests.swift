import Engine
@testable import Formats
import Testing

/// The readers take UTF-8 only (the loader converts other encodings first, see `EncodingLoadTests`): other
/// bytes are refused with their place and a hint naming `encoding=`; text is NFC.
@Suite struct CSVEncodingTests {
    /// `Hòa` in NFD (o + U+0300) and in NFC (ò) is one value with one dictionary code.
    @Test func nfdAndNfcAreOneValue() throws {
        let nfc = "H\u{F2}a B\u{EC}nh", nfd = "Ho\u{300}a Bi\u{300}nh"
        #expect(Array(nfc.utf8) != Array(nfd.utf8))
        let result = try readCSV("tỉnh,n\n\(nfd),1\n\(nfc),2\n\(nfd),3\n")
        #expect(result.dictionary("tỉnh")?.map { Array($0.unicodeScalars) } == [Array(nfc.unicodeScalars)])
        let column = try #require(result.table.column(named: "tỉnh"))
        guard case .text(let text) = column.storage else { Issue.record("not text"); return }
        #expect((0..<3).map { text.codes[$0] } == [0, 0, 0])
        for row in 0..<3 {
            guard case .text(let s) = column.value(at: row) else { Issue.record("row \(row) not text"); continue }
            #expect(Array(s.utf8) == Array(nfc.utf8), "row \(row) is NFC")
        }
    }

    @Test func windows1258ByteIsRefusedWithItsPlace() {
        // "tỉnh,năm\n" is 12 bytes; on line 2 `H` is byte 12 and the Windows-1258 ò (0xD2) byte 13.
        let bytes = Array("tỉnh,năm\nH".utf8) + [0xD2] + Array("a Bình,2021\n".utf8)
        let error = loadError { try readCSV(bytes: bytes) }
        expectError(error, line: 2, column: 2, reason: "the file is not UTF-8: byte 13 (0xD2)")
        #expect(error?.reason.contains("bytes: D2 61 20 42") == true, "\(String(describing: error))")
        #expect(error?.hint?.contains("Windows-1258") == true)
        #expect(error?.hint?.contains("encoding=") == true)
    }

    @Test func tcvn3BytesAreRefused() {
        // TCVN3 (ABC) writes "Hà Nội" as H 0xB5 space N 0xE9 i.
        let bytes = Array("tinh,nam\n".utf8) + [0x48, 0xB5, 0x20, 0x4E, 0xE9, 0x69] + Array(",2021\n".utf8)
        let error = loadError { try readCSV(bytes: bytes) }
        expectError(error, line: 2, column: 2, reason: "byte 10 (0xB5)")
    }

    /// Old Mac exports end lines with CR alone: the bad byte is still placed on its line.
    @Test func invalidByteInCROnlyFile() {
        let error = loadError { try readCSV(bytes: Array("a,b\r1,2\rH".utf8) + [0xD2] + Array("a,3\r".utf8)) }
        expectError(error, line: 3, column: 2, reason: "byte 9 (0xD2)")
    }

    @Test func invalidByteInHeader() {
        let error = loadError { try readCSV(bytes: [0x74, 0xEC, 0x6E, 0x68, 0x2C, 0x78, 0x0A, 0x31, 0x2C, 0x32, 0x0A]) }
        expectError(error, line: 1, column: 2, reason: "byte 1 (0xEC)")
    }

    @Test func invalidByteAfterByteOrderMark() {
        // The mark is no character: the bad byte after "H" is in column 2.
        let error = loadError { try readCSV(bytes: [0xEF, 0xBB, 0xBF, 0x48, 0xD2, 0x61, 0x0A]) }
        expectError(error, line: 1, column: 2, reason: "byte 4 (0xD2)")
    }

    @Test func overlongAndSurrogateSequencesAreRefused() {
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE1, 0x80]] {
            let error = loadError { try readCSV(bytes: Array("a\nx".utf8) + bad + [0x0A]) }
            expectError(error, line: 2, column: 2, reason: "byte 3")
        }
    }

    @Test func utf16IsRefused() {
        let le: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00, 0x31, 0x00, 0x0A, 0x00]
        let be: [UInt8] = [0xFE, 0xFF, 0x00, 0x61, 0x00, 0x0A, 0x00, 0x31, 0x00, 0x0A]
        for bytes in [le, be] {
            let error = loadError { try readCSV(bytes: bytes) }
            expectError(error, line: 1, column: 1, reason: "the file is UTF-16, not UTF-8")
            #expect(error?.hint?.contains("encoding=utf-16") == true)
        }
    }
}
