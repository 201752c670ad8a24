import Foundation
@testable import Formats
import Testing

// Helpers for the encoding tests: the Vietnamese letters, the reverse of solieu's TCVN3 and VNI tables
// (to write test files), and glibc's iconv run as a separate program.

/// The 134 precomposed Vietnamese letters: 67 lowercase (ă â đ ê ô ơ ư and every vowel with each of the five
/// tones) and their 67 capitals.
let vietnameseLowercase: [Character] = {
    var letters: [Character] = ["ă", "â", "đ", "ê", "ô", "ơ", "ư"]
    for vowel in "aăâeêioôơuưy" {
        for tone in ["\u{301}", "\u{300}", "\u{309}", "\u{303}", "\u{323}"] {
            letters.append(Character((String(vowel) + tone).precomposedStringWithCanonicalMapping))
        }
    }
    return letters
}()
let vietnameseUppercase: [Character] = vietnameseLowercase.map { Character($0.uppercased()) }

/// UTF-8 text written in TCVN3 with the reverse of solieu's table, or nil when a character has no TCVN3 code.
func encodeTCVN3(_ text: String) -> [UInt8]? {
    var reverse: [UInt32: UInt8] = [:]
    for byte in UInt8(0x80)...UInt8(0xFF) { if let s = VietnameseLegacyTables.tcvn3Scalar(byte) { reverse[s] = byte } }
    var out: [UInt8] = []
    for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
        if scalar.value < 0x80 { out.append(UInt8(scalar.value)); continue }
        guard let byte = reverse[scalar.value] else { return nil }
        out.append(byte)
    }
    return out
}

/// UTF-8 text written in VNI with the reverse of solieu's tables: a letter byte where VNI has one, else the
/// base letter and the diacritic byte of its case.
func encodeVNI(_ text: String) -> [UInt8]? {
    var letterBytes: [UInt32: UInt8] = [:]
    for (byte, scalar) in VietnameseLegacyTables.vniLetters { letterBytes[scalar] = byte }
    var pairs: [UInt32: (base: UInt32, mark: UInt8)] = [:]
    for (key, letter) in VietnameseLegacyTables.vniPairs {
        let base = key >> 8, mark = UInt8(key & 0xFF)
        let baseIsCapital = Character(Unicode.Scalar(base)!).isUppercase
        // Lowercase diacritics (0xE0…) go with lowercase bases, capital ones (0xC0…) with capitals.
        if baseIsCapital == (mark < 0xE0) && letterBytes[letter] == nil { pairs[letter] = (base, mark) }
    }
    var out: [UInt8] = []
    func append(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { out.append(UInt8(scalar)); return true }
        if let byte = letterBytes[scalar] { out.append(byte); return true }
        guard let (base, mark) = pairs[scalar], append(base) else { return false }
        out.append(mark)
        return true
    }
    for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
        guard append(scalar.value) else { return nil }
    }
    return out
}

/// `bytes` converted by the iconv program (glibc's converters, run as another process).
func iconvProgram(_ bytes: [UInt8], from: String, to: String) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    process.arguments = ["-f", from, "-t", to]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Written from another thread so that a large output cannot block the input.
    let writer = Thread { input.fileHandleForWriting.write(Data(bytes)); try? input.fileHandleForWriting.close() }
    writer.start()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw LoadError(file: "iconv", reason: "iconv -f \(from) -t \(to) failed") }
    return Array(data)
}

/// A fresh folder for files a test writes; removed by the caller.
func temporaryFolder(_ label: String) throws -> String {
    let folder = NSTemporaryDirectory() + "solieu-\(label)-\(UUID().uuidString)/"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}

/// Decodes bytes the way `load` does, with or without `encoding=`.
func transcode(_ bytes: [UInt8], _ encoding: TextEncoding?, name: String = "test.csv") throws -> (text: String, decision: EncodingDecision?) {
    let (source, decision) = try Transcoder.utf8(SourceBytes(bytes: bytes, name: name), requested: encoding)
    return (String(decoding: Array(source.buffer), as: UTF8.self), decision)
}
