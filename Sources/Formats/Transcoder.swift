import Foundation

/// Turns a file's bytes into UTF-8 in memory before a reader runs: through iconv where glibc has the
/// encoding (Windows-1258, VISCII, UTF-16), through `VietnameseLegacyTables` for TCVN3 and VNI.
enum Transcoder {
    /// How much of a file is checked for UTF-8 before the reader runs; the reader checks the rest, and a bad
    /// byte it finds later brings the file back here (`TableLoader`).
    static let utf8CheckedPrefix = 1 << 20
    /// How much text the detection decodes in each candidate encoding.
    static let detectionSample = 256 << 10
    /// The share of words beyond ASCII that must be Vietnamese syllables for an encoding to be chosen: text in
    /// the right encoding reads nearly all of them, a wrong one few.
    static let minimumPlausibility = 0.8

    /// The lines of `bytes` that hold a byte beyond ASCII, from the line of `offset` on, joined by line ends,
    /// until `limit` bytes are collected: the evidence for the detection, without the ASCII lines between.
    /// - Returns: the sample, and the start of the first line that is Vietnamese text in UTF-8 (looked for
    ///   before `offset`, where every line is valid UTF-8, and among the sampled lines): a legacy file has none,
    ///   so one means the file joins text of two encodings.
    static func linesBeyondASCII(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int, upTo limit: Int) -> (sample: [UInt8], utf8Line: Int?) {
        func isVietnameseUTF8(_ line: Range<Int>) -> Bool {
            guard firstInvalidUTF8(bytes, in: line) == nil else { return false }
            let score = VietnameseSyllables(scoring: String(decoding: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self))
            return score.syllables > 0 && score.plausibility >= minimumPlausibility
        }
        var start = offset
        while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
        var utf8Line: Int?
        var sample: [UInt8] = []
        var lineStart = 0
        // Lines before the first bad byte are valid UTF-8; with letters beyond ASCII, they may be Vietnamese.
        while lineStart < start && utf8Line == nil && sample.count < limit {
            var end = lineStart
            var beyondASCII = false
            while end < start && bytes[end] != 0x0A { beyondASCII = beyondASCII || bytes[end] >= 0x80; end += 1 }
            if beyondASCII && isVietnameseUTF8(lineStart..<end) { utf8Line = lineStart }
            lineStart = end + 1
        }
        while start < bytes.count && sample.count < limit {
            var end = start
            var beyondASCII = false
            while end < bytes.count && bytes[end] != 0x0A { beyondASCII = beyondASCII || bytes[end] >= 0x80; end += 1 }
            if beyondASCII {
                sample += bytes[start..<end]
                sample.append(0x0A)
                if utf8Line == nil && isVietnameseUTF8(start..<end) { utf8Line = start }
            }
            start = end + 1
        }
        return (sample, utf8Line)
    }

    /// The file as UTF-8, and the encoding decision for the load report (nil when it was UTF-8 already).
    /// - Parameter requested: the `encoding=` of the load, or nil to detect it.
    /// - Throws: `LoadError` with the place of a byte the encoding cannot read, or, when detecting, of the
    ///   first byte that is not UTF-8 when no encoding is clearly right.
    static func utf8(_ raw: SourceBytes, requested: TextEncoding?) throws -> (SourceBytes, EncodingDecision?) {
        if let requested {
            if requested == .utf8 { return (raw, nil) }
            do {
                return (try decode(raw, as: requested, reason: .asked), EncodingDecision(encoding: requested, reason: .asked))
            } catch let error as LoadError {
                throw pointingToBetterReading(error, raw, instead: requested)
            }
        }
        let bytes = raw.buffer
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let encoding: TextEncoding = bytes[0] == 0xFF ? .utf16LE : .utf16BE
            return (try decode(raw, as: encoding, reason: .byteOrderMark), EncodingDecision(encoding: encoding, reason: .byteOrderMark))
        }
        if let order = utf16WithoutMark(bytes) {
            return (try decode(raw, as: order, reason: .zeroBytes), EncodingDecision(encoding: order, reason: .zeroBytes))
        }
        var end = min(bytes.count, utf8CheckedPrefix)
        // Cut the prefix at a character boundary so that a character is not judged by half its bytes.
        while end < bytes.count && end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
        guard let invalid = firstInvalidUTF8(bytes, in: 0..<end) else { return (raw, nil) }
        let (source, decision) = try detectLegacy(raw, firstInvalid: invalid)
        return (source, decision)
    }

    /// Chooses the single-byte Vietnamese encoding whose decoding of the file reads most as Vietnamese.
    /// Each candidate decodes the lines that hold bytes beyond ASCII, from the first that is not UTF-8 on. A
    /// candidate that cannot decode them, or gives control characters, is out; the best must read at least 80 %
    /// of its words beyond ASCII as syllables and leave at most half as many non-syllables as any candidate
    /// giving another text.
    /// - Throws: `LoadError` at `firstInvalid` (the first byte that is not UTF-8), its hint naming `encoding=`
    ///   and the candidates, when none is clearly ahead.
    static func detectLegacy(_ raw: SourceBytes, firstInvalid: Int) throws -> (SourceBytes, EncodingDecision) {
        let (sample, utf8Line) = linesBeyondASCII(raw.buffer, from: firstInvalid, upTo: detectionSample)
        if let utf8Line { throw mixedEncodings(raw, utf8Line: utf8Line, firstInvalid: firstInvalid) }
        struct Reading { var encoding: TextEncoding; var text: [UInt8]; var score: VietnameseSyllables }
        var readings: [Reading] = []
        for candidate in TextEncoding.legacyCandidates {
            guard let text = try? sample.withUnsafeBufferPointer({ try decodeBytes($0, as: candidate) }), !containsControlCharacter(text) else { continue }
            readings.append(Reading(encoding: candidate, text: text, score: VietnameseSyllables(scoring: String(decoding: text, as: UTF8.self))))
        }
        func misses(_ r: Reading) -> Int { r.score.wordsBeyondASCII - r.score.syllables }
        // The most syllables wins; the earlier candidate (the more common encoding) on a tie.
        let best = readings.enumerated().max { a, b in
            a.element.score.syllables != b.element.score.syllables ? a.element.score.syllables < b.element.score.syllables : a.offset > b.offset
        }?.element
        if let best, best.score.syllables > 0, best.score.plausibility >= minimumPlausibility,
           readings.allSatisfy({ $0.text == best.text || misses($0) >= 2 * misses(best) + 1 }) {
            let decision = EncodingDecision(encoding: best.encoding, reason: .detected)
            return (try decode(raw, as: best.encoding, reason: .detected), decision)
        }
        throw refusal(raw, firstInvalid: firstInvalid, readable: readings.filter { $0.score.plausibility >= minimumPlausibility }.map(\.encoding))
    }

    /// `error` (the file does not read in the encoding asked) with a hint naming the encoding detection finds,
    /// when it finds one.
    static func pointingToBetterReading(_ error: LoadError, _ raw: SourceBytes, instead asked: TextEncoding) -> LoadError {
        let bytes = raw.buffer
        let better: TextEncoding?
        let utf16Mark = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        if utf16Mark || utf16WithoutMark(bytes) != nil {
            better = .utf16
        } else if let invalid = firstInvalidUTF8(bytes, in: 0..<bytes.count) {
            better = (try? detectLegacy(raw, firstInvalid: invalid))?.1.encoding
        } else {
            better = .utf8
        }
        guard let better, better != asked, !(better.isUTF16 && asked.isUTF16) else { return error }
        var pointed = error
        if better == .utf8 {
            pointed.hint = "the file is UTF-8: leave out encoding="
            pointed.hintVi = "tệp dùng UTF-8: hãy bỏ encoding="
        } else {
            pointed.hint = "it reads as \(better.displayName): load \(raw.name) encoding=\(better.optionName), or leave out encoding= to have it detected"
            pointed.hintVi = "tệp đọc được theo \(better.displayName): load \(raw.name) encoding=\(better.optionName), hoặc bỏ encoding= để chương trình tự nhận"
        }
        return pointed
    }

    /// The error for a file with a line in UTF-8 and a byte elsewhere that is not: reading it in one encoding
    /// would garble the other part.
    static func mixedEncodings(_ raw: SourceBytes, utf8Line: Int, firstInvalid offset: Int) -> LoadError {
        let bytes = raw.buffer
        let shown = String(format: "%02X", bytes[offset])
        let line = raw.position(of: utf8Line).line, badLine = raw.position(of: offset)
        var error = LoadError(file: raw.name, position: badLine,
                              reason: "the file mixes encodings: line \(line) is UTF-8, but byte \(offset) (0x\(shown)) on line \(badLine.line) is not",
                              hint: "save the whole file in one encoding (in Excel: Save As → CSV UTF-8), then load it again",
                              vi: "tệp lẫn nhiều bảng mã: dòng \(line) dùng UTF-8, nhưng byte \(offset) (0x\(shown)) ở dòng \(badLine.line) thì không",
                              hintVi: "hãy lưu cả tệp theo một bảng mã (trong Excel: Save As → CSV UTF-8) rồi nạp lại")
        error.undecodedByte = offset
        return error
    }

    /// The error for a file that is not UTF-8 and that no legacy encoding clearly reads.
    static func refusal(_ raw: SourceBytes, firstInvalid offset: Int, readable: [TextEncoding]) -> LoadError {
        let bytes = raw.buffer
        let shown = bytes[offset..<min(offset + 4, bytes.count)].map { String(format: "%02X", $0) }.joined(separator: " ")
        let reason = "the file is not UTF-8: byte \(offset) (0x\(shown.prefix(2))) starts no valid character (bytes: \(shown))"
        let reasonVi = "tệp không phải UTF-8: byte \(offset) (0x\(shown.prefix(2))) không bắt đầu một ký tự hợp lệ (các byte: \(shown))"
        var error: LoadError
        if readable.count >= 2 {
            let names = readable.map(\.displayName).joined(separator: ", ")
            let options = readable.map { "encoding=\($0.optionName)" }
            error = LoadError(file: raw.name, position: raw.position(of: offset),
                              reason: reason + "; it reads as Vietnamese in more than one encoding (\(names)) and none is clearly ahead",
                              hint: "say which it is: load \(raw.name) \(options[0]), or " + options.dropFirst().joined(separator: ", or "),
                              vi: reasonVi + "; tệp đọc được thành tiếng Việt theo nhiều bảng mã (\(names)) mà không bảng mã nào rõ ràng hơn",
                              hintVi: "hãy cho biết bảng mã: load \(raw.name) \(options[0]), hoặc " + options.dropFirst().joined(separator: ", hoặc "))
        } else {
            error = LoadError(file: raw.name, position: raw.position(of: offset),
                              reason: reason + "; nor does it read as Vietnamese text in Windows-1258, TCVN3, VNI or VISCII",
                              hint: "if it is text, name its encoding with encoding= (cp1258, tcvn3, vni, viscii or utf-16), e.g. load \(raw.name) encoding=cp1258, or save it from Excel as CSV UTF-8; a workbook or other binary file cannot be loaded this way",
                              vi: reasonVi + "; tệp cũng không đọc được thành văn bản tiếng Việt theo Windows-1258, TCVN3, VNI hay VISCII",
                              hintVi: "nếu là tệp văn bản, hãy ghi bảng mã bằng encoding= (cp1258, tcvn3, vni, viscii hoặc utf-16), ví dụ load \(raw.name) encoding=cp1258, hoặc lưu từ Excel dạng CSV UTF-8; tệp bảng tính hay tệp nhị phân khác không nạp được theo cách này")
        }
        error.undecodedByte = offset
        return error
    }

    /// The whole file decoded, as a source named like the file.
    /// - Throws: `LoadError` at the first byte the encoding cannot read, with what to do.
    static func decode(_ raw: SourceBytes, as encoding: TextEncoding, reason: EncodingDecision.Reason) throws -> SourceBytes {
        var bytes = raw.buffer
        if encoding.isUTF16 {
            let (order, markLength) = utf16Order(bytes, encoding)
            bytes = UnsafeBufferPointer(rebasing: bytes[markLength...])
            do {
                let text = try Iconv.toUTF8(bytes, from: order.iconvName!)
                // A table exported as text has line ends; random bytes after a mark (or a binary file) rarely do.
                // An empty text goes on to the reader, which says the file is empty.
                if containsControlCharacter(text) || !text.isEmpty && !text.contains(0x0A) && !text.contains(0x0D) {
                    throw LoadError(file: raw.name, reason: "the file does not read as \(order.displayName) text: it decodes to control characters or holds no line end",
                                    hint: reason == .asked ? "leave out encoding= to have the encoding detected" : "the file may be binary, not a text export",
                                    vi: "tệp không đọc được thành văn bản \(order.displayName): giải mã ra ký tự điều khiển hoặc không có dấu xuống dòng",
                                    hintVi: reason == .asked ? "hãy bỏ encoding= để chương trình tự nhận bảng mã" : "tệp có thể là tệp nhị phân, không phải tệp văn bản xuất ra")
                }
                return SourceBytes(bytes: text, name: raw.name)
            } catch Iconv.Failure.invalidInput(let offset) {
                throw undecodable(raw, encoding: order, offset: offset + markLength, reason: reason, decodedBefore: { try? Iconv.toUTF8(UnsafeBufferPointer(rebasing: bytes[..<(($0 - markLength) & ~1)]), from: order.iconvName!) })
            }
        }
        do {
            var text = try decodeBytes(bytes, as: encoding)
            if containsCombiningMark(text) {
                text = Array(String(decoding: text, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
            }
            return SourceBytes(bytes: text, name: raw.name)
        } catch let failure as VietnameseLegacyTables.Undecodable {
            throw undecodable(raw, encoding: encoding, offset: failure.offset, reason: reason, decodedBefore: { try? decodeBytes(UnsafeBufferPointer(rebasing: bytes[..<$0]), as: encoding) })
        } catch Iconv.Failure.invalidInput(let offset) {
            throw undecodable(raw, encoding: encoding, offset: offset, reason: reason, decodedBefore: { try? decodeBytes(UnsafeBufferPointer(rebasing: bytes[..<$0]), as: encoding) })
        }
    }

    /// Single-byte text decoded to UTF-8 (not yet NFC).
    /// - Throws: `VietnameseLegacyTables.Undecodable` or `Iconv.Failure` at the first byte that does not decode.
    static func decodeBytes(_ bytes: UnsafeBufferPointer<UInt8>, as encoding: TextEncoding) throws -> [UInt8] {
        switch encoding {
        case .tcvn3: return try VietnameseLegacyTables.decodeTCVN3(bytes)
        case .vni: return try VietnameseLegacyTables.decodeVNI(bytes)
        case .utf8: return Array(bytes)
        default: return try Iconv.toUTF8(bytes, from: encoding.iconvName!)
        }
    }

    /// The error for a byte the encoding cannot read, placed by line and column of the text decoded before it.
    static func undecodable(_ raw: SourceBytes, encoding: TextEncoding, offset: Int, reason: EncodingDecision.Reason,
                            decodedBefore: (Int) -> [UInt8]?) -> LoadError {
        let bytes = raw.buffer
        let shown = bytes[offset..<min(offset + 4, bytes.count)].map { String(format: "%02X", $0) }.joined(separator: " ")
        let position = decodedBefore(offset).map { SourceBytes(bytes: $0, name: raw.name).position(of: $0.count) }
        let how = [.detected: " (detected from its letters)", .byteOrderMark: " (from its byte-order mark)", .zeroBytes: " (known by its zero bytes)"][reason] ?? ""
        let howVi = [.detected: " (nhận dạng theo các chữ cái)", .byteOrderMark: " (nhận theo dấu thứ tự byte)", .zeroBytes: " (nhận theo các byte 0)"][reason] ?? ""
        let what = offset >= bytes.count - 1 && encoding.isUTF16 ? "the file ends in the middle of a character" : "byte \(offset) (0x\(shown.prefix(2))) is no character of \(encoding.displayName) here (bytes: \(shown))"
        let whatVi = offset >= bytes.count - 1 && encoding.isUTF16 ? "tệp kết thúc giữa chừng một ký tự" : "byte \(offset) (0x\(shown.prefix(2))) không phải ký tự \(encoding.displayName) ở vị trí này (các byte: \(shown))"
        return LoadError(file: raw.name, position: position,
                         reason: "the file does not read as \(encoding.displayName)\(how): \(what)",
                         hint: reason == .asked
                            ? "the file may be in another encoding: leave out encoding= to have it detected, or name another (cp1258, tcvn3, vni, viscii, utf-16, utf-8)"
                            : "name the file's encoding with encoding= (cp1258, tcvn3, vni, viscii, utf-16, utf-8)",
                         vi: "tệp không đọc được theo \(encoding.displayName)\(howVi): \(whatVi)",
                         hintVi: reason == .asked
                            ? "tệp có thể dùng bảng mã khác: hãy bỏ encoding= để chương trình tự nhận, hoặc ghi bảng mã khác (cp1258, tcvn3, vni, viscii, utf-16, utf-8)"
                            : "hãy ghi bảng mã của tệp bằng encoding= (cp1258, tcvn3, vni, viscii, utf-16, utf-8)")
    }

    /// The byte order of UTF-16 bytes and the length of the byte-order mark to skip. Without a mark, the order
    /// is the one that puts the zero bytes of ASCII text in the high half of each unit.
    static func utf16Order(_ bytes: UnsafeBufferPointer<UInt8>, _ encoding: TextEncoding) -> (TextEncoding, Int) {
        let le = bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE
        let be = bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF
        switch encoding {
        case .utf16LE: return (.utf16LE, le ? 2 : 0)
        case .utf16BE: return (.utf16BE, be ? 2 : 0)
        default:
            if le { return (.utf16LE, 2) }
            if be { return (.utf16BE, 2) }
            var zerosEven = 0, zerosOdd = 0
            for i in 0..<min(bytes.count, 4096) where bytes[i] == 0 { if i & 1 == 0 { zerosEven += 1 } else { zerosOdd += 1 } }
            return (zerosEven > zerosOdd ? .utf16BE : .utf16LE, 0)
        }
    }

    /// UTF-16 without a byte-order mark, known by its zero bytes: in the first kilobyte, at least a third of the
    /// 16-bit units have a zero high byte (ASCII letters) and none a zero low byte. Text in any 8-bit encoding
    /// holds no zero byte at all.
    /// - Returns: the byte order, or nil when the bytes do not look like UTF-16.
    static func utf16WithoutMark(_ bytes: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        let units = min(bytes.count, 1024) / 2
        guard units >= 2 else { return nil }
        var zerosEven = 0, zerosOdd = 0
        for u in 0..<units {
            if bytes[2 * u] == 0 { zerosEven += 1 }
            if bytes[2 * u + 1] == 0 { zerosOdd += 1 }
        }
        if zerosEven == 0 && zerosOdd * 3 >= units { return .utf16LE }
        if zerosOdd == 0 && zerosEven * 3 >= units { return .utf16BE }
        return nil
    }

    /// Whether UTF-8 text holds a C0 control other than tab and line ends, DEL, or a C1 control: text in the
    /// right encoding has none, bytes read in the wrong one (or binary data) usually do.
    static func containsControlCharacter(_ text: [UInt8]) -> Bool {
        var previous: UInt8 = 0
        for byte in text {
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F { return true }
            if previous == 0xC2 && byte >= 0x80 && byte <= 0x9F { return true }
            previous = byte
        }
        return false
    }

    /// Whether UTF-8 text holds a combining mark (U+0300…U+036F), which Windows-1258 writes after a letter.
    static func containsCombiningMark(_ text: [UInt8]) -> Bool {
        var previous: UInt8 = 0
        for byte in text {
            if (previous == 0xCC && byte >= 0x80) || (previous == 0xCD && byte <= 0xAF && byte >= 0x80) { return true }
            previous = byte
        }
        return false
    }
}

extension TextEncoding {
    var isUTF16: Bool { self == .utf16 || self == .utf16LE || self == .utf16BE }
}
