import Foundation
@testable import Formats
import Testing

/// Every Vietnamese letter through every encoding: solieu's TCVN3 and VNI tables against the published
/// tables and glibc, and Windows-1258 and VISCII through iconv.
@Suite struct LegacyTableTests {
    @Test func thereAre134Letters() {
        #expect(vietnameseLowercase.count == 67)
        #expect(Set(vietnameseLowercase + vietnameseUppercase).count == 134)
        #expect(vietnameseLowercase.allSatisfy { $0.unicodeScalars.count == 1 })
        #expect(vietnameseUppercase.allSatisfy { $0.unicodeScalars.count == 1 && $0.isUppercase })
    }

    /// TCVN3 has all 67 lowercase letters and 7 capitals; its 75 characters above ASCII are where glibc's
    /// TCVN5712-1 (VN1, a superset) puts them, byte for byte.
    @Test func tcvn3AgreesWithGlibcOnEveryCharacter() throws {
        var assigned: [UInt8] = []
        for byte in UInt8(0xA0)...UInt8(0xFF) where VietnameseLegacyTables.tcvn3Scalar(byte) != nil { assigned.append(byte) }
        #expect(assigned.count == 75)
        let glibc = try iconvProgram(assigned, from: "TCVN5712-1", to: "UTF-8")
        let ours = try VietnameseLegacyTables.decodeTCVN3(assigned.withUnsafeBufferPointer { $0 })
        #expect(String(decoding: ours, as: UTF8.self).unicodeScalars.count == 75)
        #expect(ours == glibc)
    }

    @Test func tcvn3LettersRoundTrip() throws {
        let capitals: [Character] = ["Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"]
        for letter in vietnameseLowercase + capitals {
            let bytes = try #require(encodeTCVN3(String(letter)), "no TCVN3 code for \(letter)")
            #expect(bytes.count == 1 && bytes[0] >= 0xA1, "\(letter)")
            #expect(try transcode(bytes, .tcvn3).text == String(letter))
        }
        // The other 60 capitals have no code: the .VnTimeH fonts draw the lowercase codes as capitals.
        #expect(vietnameseUppercase.filter { encodeTCVN3(String($0)) == nil }.count == 60)
        #expect(try transcode(Array("H\u{B5} N\u{E9}i".unicodeScalars.map { UInt8($0.value) }), .tcvn3).text == "Hà Nội")
    }

    /// Bytes VN3 leaves unassigned, and C1 bytes other than Windows punctuation, are refused, never guessed.
    @Test func tcvn3RefusesUnassignedBytes() {
        var unassigned: [UInt8] = []
        for byte in UInt8(0x80)...UInt8(0xFF) where VietnameseLegacyTables.tcvn3Scalar(byte) == nil { unassigned.append(byte) }
        #expect(unassigned.count == 21 + 32 - 8)
        for byte in unassigned {
            #expect(throws: VietnameseLegacyTables.Undecodable(offset: 1)) {
                try VietnameseLegacyTables.decodeTCVN3([0x61, byte].withUnsafeBufferPointer { $0 })
            }
        }
    }

    /// The VNI spellings as the published tables print them (each byte shown as its Windows-1252 glyph):
    /// rows of a vowel with no tone, acute, grave, hook, tilde, dot below.
    static let publishedVNI: [(String, [String])] = [
        ("a", ["a", "aù", "aø", "aû", "aõ", "aï"]), ("â", ["aâ", "aá", "aà", "aå", "aã", "aä"]),
        ("ă", ["aê", "aé", "aè", "aú", "aü", "aë"]), ("e", ["e", "eù", "eø", "eû", "eõ", "eï"]),
        ("ê", ["eâ", "eá", "eà", "eå", "eã", "eä"]), ("o", ["o", "où", "oø", "oû", "oõ", "oï"]),
        ("ô", ["oâ", "oá", "oà", "oå", "oã", "oä"]), ("ơ", ["ô", "ôù", "ôø", "ôû", "ôõ", "ôï"]),
        ("u", ["u", "uù", "uø", "uû", "uõ", "uï"]), ("ư", ["ö", "öù", "öø", "öû", "öõ", "öï"]),
        ("i", ["i", "í", "ì", "æ", "ó", "ò"]), ("y", ["y", "yù", "yø", "yû", "yõ", "î"]),
        ("A", ["A", "AÙ", "AØ", "AÛ", "AÕ", "AÏ"]), ("Â", ["AÂ", "AÁ", "AÀ", "AÅ", "AÃ", "AÄ"]),
        ("Ă", ["AÊ", "AÉ", "AÈ", "AÚ", "AÜ", "AË"]), ("E", ["E", "EÙ", "EØ", "EÛ", "EÕ", "EÏ"]),
        ("Ê", ["EÂ", "EÁ", "EÀ", "EÅ", "EÃ", "EÄ"]), ("O", ["O", "OÙ", "OØ", "OÛ", "OÕ", "OÏ"]),
        ("Ô", ["OÂ", "OÁ", "OÀ", "OÅ", "OÃ", "OÄ"]), ("Ơ", ["Ô", "ÔÙ", "ÔØ", "ÔÛ", "ÔÕ", "ÔÏ"]),
        ("U", ["U", "UÙ", "UØ", "UÛ", "UÕ", "UÏ"]), ("Ư", ["Ö", "ÖÙ", "ÖØ", "ÖÛ", "ÖÕ", "ÖÏ"]),
        ("I", ["I", "Í", "Ì", "Æ", "Ó", "Ò"]), ("Y", ["Y", "YÙ", "YØ", "YÛ", "YÕ", "Î"]),
    ]

    @Test func vniReadsThePublishedTable() throws {
        var letters = 0
        for (vowel, spellings) in Self.publishedVNI {
            for (tone, spelling) in zip(["", "\u{301}", "\u{300}", "\u{309}", "\u{303}", "\u{323}"], spellings) {
                let expected = (vowel + tone).precomposedStringWithCanonicalMapping
                let bytes = spelling.unicodeScalars.map { UInt8($0.value) }  // the glyphs are Latin-1, one per byte
                #expect(try transcode(bytes, .vni).text == expected, "\(spelling) should be \(expected)")
                if expected.unicodeScalars.first!.value >= 0x80 { letters += 1 }
            }
        }
        #expect(try transcode([0xF1, 0xD1], .vni).text == "đĐ")
        #expect(letters + 2 == 134)
    }

    @Test func vniLettersRoundTrip() throws {
        for letter in vietnameseLowercase + vietnameseUppercase {
            let bytes = try #require(encodeVNI(String(letter)), "no VNI spelling for \(letter)")
            #expect(bytes.count <= 2)
            #expect(try transcode(bytes, .vni).text == String(letter), "\(letter)")
        }
    }

    /// A diacritic byte that cannot stand where it is makes the bytes no VNI text.
    @Test func vniRefusesImpossibleSequences() {
        let impossible: [[UInt8]] = [
            [0x62, 0xF9],        // acute after b
            [0x75, 0xE2],        // circumflex on u
            [0x6F, 0xEA],        // breve on o
            [0xF9, 0x61],        // a diacritic starting the text
            [0x61, 0xF9, 0xF9],  // two tones on one letter
            [0xF4, 0xE2],        // circumflex on ơ
            [0x31, 0xF8],        // grave after a digit
            [0x61, 0xBC],        // a byte VNI does not use
        ]
        for bytes in impossible {
            #expect(throws: VietnameseLegacyTables.Undecodable.self, "\(bytes)") {
                try VietnameseLegacyTables.decodeVNI(bytes.withUnsafeBufferPointer { $0 })
            }
        }
    }

    /// Windows-1258 (precomposed or letter + combining tone) and VISCII, written by glibc, read back as NFC.
    @Test(arguments: [TextEncoding.windows1258, .viscii])
    func iconvEncodingsRoundTripEveryLetter(_ encoding: TextEncoding) throws {
        let all = String(vietnameseLowercase + vietnameseUppercase)
        let bytes = try iconvProgram(Array(all.utf8), from: "UTF-8", to: encoding.iconvName!)
        let text = try transcode(bytes, encoding).text
        #expect(Array(text.unicodeScalars) == Array(all.unicodeScalars))
    }

    /// Windows-1258 writes ễ as ê + a combining tilde; the loaded text is NFC, as in the UTF-8 file.
    @Test func windows1258CombiningMarksBecomeNFC() throws {
        let bytes: [UInt8] = [0x48, 0x6F, 0xE0, 0x20, 0x42, 0x69, 0xCC, 0x6E, 0x68, 0x2C, 0x4E, 0x67, 0x75, 0x79, 0xEA, 0xDE, 0x6E]
        let text = try transcode(bytes, .windows1258).text
        #expect(Array(text.utf8) == Array("Hoà Bình,Nguyễn".precomposedStringWithCanonicalMapping.utf8))
        // glibc holds back the last letter until it knows no tone follows: it must still come out, toned or not.
        #expect(try transcode([0x61], .windows1258).text == "a")
        #expect(try transcode([0x61, 0xEC], .windows1258).text == "á")
    }

    /// Text that triples in UTF-8 (each € is one byte in Windows-1258, three in UTF-8) overflows the first
    /// output buffer: it grows and nothing is lost.
    @Test func iconvOutputGrowsAsNeeded() throws {
        let bytes = [UInt8](repeating: 0x80, count: 5000) + [0x61]
        let text = try transcode(bytes, .windows1258).text
        #expect(text == String(repeating: "€", count: 5000) + "a")
    }

    @Test func encodingNamesAreReadLoosely() {
        let names: [(String, TextEncoding)] = [
            ("cp1258", .windows1258), ("CP1258", .windows1258), ("windows-1258", .windows1258), ("Windows_1258", .windows1258),
            ("tcvn3", .tcvn3), ("TCVN", .tcvn3), ("abc", .tcvn3), ("TCVN5712", .tcvn3), ("vni", .vni), ("VNI-Windows", .vni),
            ("viscii", .viscii), ("utf-16", .utf16), ("utf16", .utf16), ("UTF-16LE", .utf16LE), ("unicode", .utf16),
            ("utf-8", .utf8), ("UTF8", .utf8),
        ]
        for (name, encoding) in names { #expect(TextEncoding(named: name) == encoding, "\(name)") }
        for name in ["latin1", "", "cp1252", "vn"] { #expect(TextEncoding(named: name) == nil, "\(name)") }
        #expect(TextEncodingNames.known.allSatisfy { TextEncoding(named: $0) != nil })
        #expect(TextEncodingNames.nearestFirst(to: "vnii").prefix(2) == ["vni", "viscii"])
        #expect(TextEncodingNames.nearestFirst(to: "cp1252").first == "cp1258")
    }
}
