#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Conversion to UTF-8 through the C library's iconv (glibc on Linux), for the encodings it knows.
enum Iconv {
    /// Why a conversion stopped.
    enum Failure: Error, Equatable {
        /// The C library has no converter for this encoding.
        case unsupported(String)
        /// The bytes from this offset are no character of the encoding (or end in the middle of one).
        case invalidInput(offset: Int)
    }

    /// `bytes` converted from `encoding` (an iconv name such as `CP1258`) to UTF-8.
    /// - Throws: `Failure.unsupported` when iconv lacks the encoding; `Failure.invalidInput` with the offset of
    ///   the first byte that does not convert.
    static func toUTF8(_ bytes: UnsafeBufferPointer<UInt8>, from encoding: String) throws -> [UInt8] {
        let converter = iconv_open("UTF-8", encoding)
        // iconv_open reports failure as (iconv_t)-1.
        guard let converter, Int(bitPattern: converter) != -1 else { throw Failure.unsupported(encoding) }
        defer { iconv_close(converter) }
        guard let base = bytes.baseAddress, bytes.count > 0 else { return [] }

        // Mostly ASCII text needs about as many bytes of UTF-8 as it has; the buffer doubles whenever the
        // converter runs out of room (E2BIG), so no input is ever cut short.
        var output = [UInt8](repeating: 0, count: bytes.count + bytes.count / 2 + 16)
        var written = 0
        var consumed = 0
        while true {
            let (inputLeft, outputLeft, failure): (Int, Int, Int32?) = output.withUnsafeMutableBufferPointer { out in
                var input = UnsafeMutableRawPointer(mutating: base + consumed).assumingMemoryBound(to: CChar.self) as UnsafeMutablePointer<CChar>?
                var inputLeft = bytes.count - consumed
                var target = UnsafeMutableRawPointer(out.baseAddress! + written).assumingMemoryBound(to: CChar.self) as UnsafeMutablePointer<CChar>?
                var targetLeft = out.count - written
                let result = iconv(converter, &input, &inputLeft, &target, &targetLeft)
                return (inputLeft, targetLeft, result == -1 ? errno : nil)
            }
            consumed = bytes.count - inputLeft
            written = output.count - outputLeft
            if failure == E2BIG {
                output += [UInt8](repeating: 0, count: output.count)
                continue
            }
            // EILSEQ (no character of the encoding) or EINVAL (the input ends inside a character).
            if failure != nil || inputLeft > 0 { throw Failure.invalidInput(offset: consumed) }
            break
        }
        // glibc's Windows-1258 converter holds back the last letter in case a combining tone follows it;
        // a call without input flushes it.
        while true {
            let (outputLeft, failure): (Int, Int32?) = output.withUnsafeMutableBufferPointer { out in
                var target = UnsafeMutableRawPointer(out.baseAddress! + written).assumingMemoryBound(to: CChar.self) as UnsafeMutablePointer<CChar>?
                var targetLeft = out.count - written
                let result = iconv(converter, nil, nil, &target, &targetLeft)
                return (targetLeft, result == -1 ? errno : nil)
            }
            written = output.count - outputLeft
            guard failure == E2BIG else { break }
            output += [UInt8](repeating: 0, count: output.count)
        }
        output.removeSubrange(written...)
        return output
    }
}
