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

        // A UTF-8 character takes at most 3 bytes per input byte for these encodings (a UTF-16 unit of 2 bytes
        // gives at most 3 bytes; a single byte at most 3), so one buffer of 3 × n + 4 never fills.
        var output = [UInt8](repeating: 0, count: bytes.count * 3 + 4)
        let written: Int = try output.withUnsafeMutableBufferPointer { out in
            var input = UnsafeMutableRawPointer(mutating: base).assumingMemoryBound(to: CChar.self) as UnsafeMutablePointer<CChar>?
            var inputLeft = bytes.count
            var target = UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: CChar.self) as UnsafeMutablePointer<CChar>?
            var targetLeft = out.count
            let result = iconv(converter, &input, &inputLeft, &target, &targetLeft)
            if result == -1 || inputLeft > 0 {
                throw Failure.invalidInput(offset: bytes.count - inputLeft)
            }
            // Flush any state the converter still holds (none for these encodings, but it is the protocol).
            _ = iconv(converter, nil, nil, &target, &targetLeft)
            return out.count - targetLeft
        }
        output.removeSubrange(written...)
        return output
    }
}
