/// Decoding of TCVN3 and VNI bytes to UTF-8 with solieu's own tables (`VietnameseLegacyTables`).
extension VietnameseLegacyTables {
    /// A byte that is no character of the encoding, or a VNI diacritic byte after a letter that takes no such mark.
    struct Undecodable: Error, Equatable {
        var offset: Int
    }

    /// `bytes` in TCVN3 (ABC) as UTF-8.
    /// - Throws: `Undecodable` at the first byte VN3 leaves unassigned.
    /// - Complexity: O(n), one table look-up per byte.
    static func decodeTCVN3(_ bytes: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2)
        for (offset, byte) in bytes.enumerated() {
            if byte < 0x80 { out.append(byte); continue }
            guard let scalar = tcvn3Scalar(byte) else { throw Undecodable(offset: offset) }
            appendUTF8(scalar, to: &out)
        }
        return out
    }

    /// `bytes` in VNI as UTF-8, each base letter and its diacritic byte made one precomposed letter (NFC).
    /// - Throws: `Undecodable` at the first byte that is no VNI character or a diacritic that cannot stand
    ///   where it is (after a consonant, a digit, another diacritic, or a circumflex after u).
    /// - Complexity: O(n).
    static func decodeVNI(_ bytes: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2)
        // The letter just written that a diacritic byte may still change, and where its bytes start in `out`.
        var base: UInt32?
        var baseStart = 0
        for (offset, byte) in bytes.enumerated() {
            if byte < 0x80 {
                base = UInt32(byte)
                baseStart = out.count
                out.append(byte)
            } else if case let letter = vniLetterTable[Int(byte)], letter != 0 {
                base = letter
                baseStart = out.count
                appendUTF8(letter, to: &out)
            } else if vniIsMark[Int(byte)] {
                guard let b = base, let letter = vniPairs[pairKey(b, byte)] else { throw Undecodable(offset: offset) }
                out.removeSubrange(baseStart...)
                appendUTF8(letter, to: &out)
                base = nil
            } else if let punctuation = windowsPunctuation[byte] {
                base = nil
                appendUTF8(punctuation, to: &out)
            } else if byte == 0xA0 {
                base = nil
                appendUTF8(0xA0, to: &out)
            } else {
                throw Undecodable(offset: offset)
            }
        }
        return out
    }

    /// `vniLetters` as a flat table indexed by byte (0: not a letter byte), and which bytes are diacritics:
    /// looked up for every byte beyond ASCII, so no hashing.
    static let vniLetterTable: [UInt32] = (0..<256).map { vniLetters[UInt8($0)] ?? 0 }
    static let vniIsMark: [Bool] = (0..<256).map { vniMarks[UInt8($0)] != nil }

    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case ..<0x80: out.append(UInt8(scalar))
        case ..<0x800:
            out.append(0xC0 | UInt8(scalar >> 6))
            out.append(0x80 | UInt8(scalar & 0x3F))
        default:
            out.append(0xE0 | UInt8(scalar >> 12))
            out.append(0x80 | UInt8((scalar >> 6) & 0x3F))
            out.append(0x80 | UInt8(scalar & 0x3F))
        }
    }
}
