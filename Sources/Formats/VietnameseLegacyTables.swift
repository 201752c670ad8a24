import Foundation

/// The two Vietnamese legacy encodings solieu decodes with its own tables, because glibc's iconv has no
/// converter for them that matches the files offices hold:
///
/// - **TCVN3 (ABC)** is VN3, the 8-bit font encoding of TCVN 5712:1993 (Vietnamese Standard Code for
///   Information Interchange, TCVN/TC1 technical committee on information technology), used by the .VnTime
///   fonts. Table: "VSCII", Wikipedia, section "VSCII-3" (https://en.wikipedia.org/wiki/VSCII), checked against
///   "Bảng đối chiếu encoding các bộ chữ hiện hành với Unicode" (https://www.scribd.com/document/23311958/Bang-Ma-Unicode).
///   Its 75 characters above ASCII: 67 lowercase letters, 7 capitals without tone (Ă Â Ê Ô Ơ Ư Đ) and the
///   no-break space. glibc's `TCVN5712-1` is VN1, which agrees with VN3 on those 75 positions (the tests check
///   every one against iconv) but also gives the other positions, C0 control bytes among them, to capitals and
///   combining marks; in a VN3 file those bytes are damage and are refused here, not turned into letters.
///   Capitals with a tone do not exist in VN3: the .VnTimeH fonts draw the lowercase codes as capitals, so such
///   text decodes to lowercase letters, as the bytes say.
/// - **VNI** (VNI Windows, VNI Software Company) writes a letter as its base letter followed by one diacritic
///   byte (`a` + 0xF9 is `á`), with single bytes for ơ ư đ and the toned i and ỵ. Table: the VNI rows of the
///   same "Bảng đối chiếu" and `vni.h` of xvnkb by Đào Hải Lâm, VISC (https://github.com/lamdao/xvnkb/blob/master/vni.h).
///
/// Both tables also read the Windows typographic punctuation that Windows fonts draw at 0x85 and 0x91–0x97
/// (… ‘ ’ “ ” • – —), which word processors put into such text.
enum VietnameseLegacyTables {
    /// TCVN3 bytes 0xA0…0xFF to Unicode scalars; 0 marks a byte VN3 leaves unassigned.
    static let tcvn3High: [UInt32] = [
        // A0: no-break space, Ă Â Ê Ô Ơ Ư Đ, ă â ê ô ơ ư đ, (AF unassigned)
        0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0,
        // B0: (B0–B4 unassigned) à ả ã á ạ, (BA) ằ ẳ ẵ ắ, (BF)
        0, 0, 0, 0, 0, 0x00E0, 0x1EA3, 0x00E3, 0x00E1, 0x1EA1, 0, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0,
        // C0: (C0–C5 unassigned) ặ, ầ ẩ ẫ ấ ậ, è (CD) ẻ ẽ
        0, 0, 0, 0, 0, 0, 0x1EB7, 0x1EA7, 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0, 0x1EBB, 0x1EBD,
        // D0: é ẹ, ề ể ễ ế ệ, ì ỉ (D9–DB) ĩ í ị, ò
        0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, 0x1EC9, 0, 0, 0, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
        // E0: (E0) ỏ õ ó ọ, ồ ổ ỗ ố ộ, ờ ở ỡ ớ ợ, ù
        0, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
        // F0: (F0) ủ ũ ú ụ, ừ ử ữ ứ ự, ỳ ỷ ỹ ý ỵ (FF)
        0, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0,
    ]

    /// Windows typographic punctuation at 0x85 and 0x91…0x97, read the same in TCVN3 and VNI text.
    static let windowsPunctuation: [UInt8: UInt32] = [
        0x85: 0x2026, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014,
    ]

    /// The scalar a TCVN3 byte stands for, or nil for a byte that is no TCVN3 character (a C0 or C1 control
    /// byte other than tab and line ends counts as a character here; the caller judges those).
    static func tcvn3Scalar(_ byte: UInt8) -> UInt32? {
        if byte < 0x80 { return UInt32(byte) }
        if byte >= 0xA0 { let s = tcvn3High[Int(byte) - 0xA0]; return s == 0 ? nil : s }
        return windowsPunctuation[byte]
    }

    // MARK: VNI

    /// What a VNI diacritic byte adds to the letter before it, as combining marks.
    struct VNIMark {
        /// The circumflex (U+0302) or breve (U+0306), or nil.
        var shape: UInt32?
        /// The tone mark (U+0300, U+0301, U+0303, U+0309 or U+0323), or nil.
        var tone: UInt32?
    }

    static let acute: UInt32 = 0x0301, grave: UInt32 = 0x0300, hook: UInt32 = 0x0309, tilde: UInt32 = 0x0303, dotBelow: UInt32 = 0x0323
    static let circumflex: UInt32 = 0x0302, breve: UInt32 = 0x0306

    /// VNI diacritic bytes, lowercase (0xE0…0xFF) and capital (0xC0…0xDF), each meaning the same marks.
    static let vniMarks: [UInt8: VNIMark] = {
        let lower: [(UInt8, VNIMark)] = [
            (0xF9, VNIMark(tone: acute)), (0xF8, VNIMark(tone: grave)), (0xFB, VNIMark(tone: hook)),
            (0xF5, VNIMark(tone: tilde)), (0xEF, VNIMark(tone: dotBelow)),
            (0xE2, VNIMark(shape: circumflex)), (0xE1, VNIMark(shape: circumflex, tone: acute)),
            (0xE0, VNIMark(shape: circumflex, tone: grave)), (0xE5, VNIMark(shape: circumflex, tone: hook)),
            (0xE3, VNIMark(shape: circumflex, tone: tilde)), (0xE4, VNIMark(shape: circumflex, tone: dotBelow)),
            (0xEA, VNIMark(shape: breve)), (0xE9, VNIMark(shape: breve, tone: acute)),
            (0xE8, VNIMark(shape: breve, tone: grave)), (0xFA, VNIMark(shape: breve, tone: hook)),
            (0xFC, VNIMark(shape: breve, tone: tilde)), (0xEB, VNIMark(shape: breve, tone: dotBelow)),
        ]
        var marks: [UInt8: VNIMark] = [:]
        for (byte, mark) in lower {
            marks[byte] = mark
            marks[byte - 0x20] = mark  // the capital form of each diacritic is 0x20 below it (Ù for ù, …)
        }
        return marks
    }()

    /// VNI bytes that are whole letters: ơ ư đ, the toned i, ỵ, and their capitals.
    static let vniLetters: [UInt8: UInt32] = [
        0xF4: 0x01A1, 0xF6: 0x01B0, 0xF1: 0x0111, 0xED: 0x00ED, 0xEC: 0x00EC, 0xE6: 0x1EC9, 0xF3: 0x0129, 0xF2: 0x1ECB, 0xEE: 0x1EF5,
        0xD4: 0x01A0, 0xD6: 0x01AF, 0xD1: 0x0110, 0xCD: 0x00CD, 0xCC: 0x00CC, 0xC6: 0x1EC8, 0xD3: 0x0128, 0xD2: 0x1ECA, 0xCE: 0x1EF4,
    ]

    /// The letter a base letter and a VNI diacritic byte make, for every pair that makes one Vietnamese letter:
    /// a circumflex goes on a, e, o; a breve on a; a tone on any vowel, ơ and ư included.
    static let vniPairs: [UInt32: UInt32] = {
        var pairs: [UInt32: UInt32] = [:]
        let bases = "aeiouyAEIOUY\u{1A1}\u{1B0}\u{1A0}\u{1AF}".unicodeScalars
        for base in bases {
            let plain = Character(base).lowercased()
            for (byte, mark) in vniMarks {
                if mark.shape == circumflex && !"aeo".contains(plain) { continue }
                if mark.shape == breve && plain != "a" { continue }
                if mark.shape != nil && "\u{1A1}\u{1B0}".contains(plain) { continue }
                var text = String(base)
                for m in [mark.shape, mark.tone].compactMap({ $0 }) { text.unicodeScalars.append(Unicode.Scalar(m)!) }
                let composed = text.precomposedStringWithCanonicalMapping.unicodeScalars
                guard composed.count == 1 else { continue }
                pairs[pairKey(base.value, byte)] = composed.first!.value
            }
        }
        return pairs
    }()

    static func pairKey(_ base: UInt32, _ mark: UInt8) -> UInt32 { base << 8 | UInt32(mark) }
}
