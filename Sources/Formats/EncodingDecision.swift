import Foundation

/// Which encoding a file was read in and why, for the load report.
public struct EncodingDecision: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// `encoding=` named it.
        case asked
        /// The file starts with a UTF-16 byte-order mark.
        case byteOrderMark
        /// No byte-order mark, but the zero bytes that UTF-16 gives ASCII letters fall in every other place.
        case zeroBytes
        /// The file is not UTF-8 and this encoding reads its letters as Vietnamese, clearly better than the others.
        case detected
    }

    public var encoding: TextEncoding
    public var reason: Reason

    public init(encoding: TextEncoding, reason: Reason) {
        self.encoding = encoding
        self.reason = reason
    }

    /// The other encodings a user could name instead, as `encoding=` words.
    var alternatives: String {
        let others = TextEncoding.legacyCandidates.filter { $0 != encoding }.map(\.optionName)
        return others.dropLast().joined(separator: ", ") + " or " + others.last!
    }

    /// The load report's note, e.g. "encoding: Windows-1258 (detected from its letters; say encoding=tcvn3, vni or viscii to choose another)".
    public var note: String {
        switch reason {
        case .asked: return "encoding: \(encoding.displayName) (as asked with encoding=\(encoding.optionName))"
        case .byteOrderMark: return "encoding: \(encoding.displayName) (from its byte-order mark)"
        case .zeroBytes: return "encoding: \(encoding.displayName) (no byte-order mark; known by the zero byte beside each ASCII letter)"
        case .detected: return "encoding: \(encoding.displayName) (detected from its letters; say encoding=\(alternatives) to choose another)"
        }
    }

    /// The note in Vietnamese.
    public var noteVi: String {
        switch reason {
        case .asked: return "bảng mã: \(encoding.displayName) (theo yêu cầu encoding=\(encoding.optionName))"
        case .byteOrderMark: return "bảng mã: \(encoding.displayName) (nhận theo dấu thứ tự byte ở đầu tệp)"
        case .zeroBytes: return "bảng mã: \(encoding.displayName) (không có dấu thứ tự byte; nhận theo byte 0 đi kèm mỗi chữ ASCII)"
        case .detected: return "bảng mã: \(encoding.displayName) (nhận dạng theo các chữ cái; ghi encoding=\(alternatives.replacingOccurrences(of: " or ", with: " hoặc ")) để chọn bảng mã khác)"
        }
    }
}
