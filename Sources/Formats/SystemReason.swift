import Foundation

/// Why the system refused a file, in English (the C library's words) or in Vietnamese, so that a
/// Vietnamese session does not quote `No such file or directory` in the middle of its own sentence.
public enum SystemReason {
    /// The failures a user can put right, in Vietnamese; any other keeps the system's English text.
    public static let vietnamese: [Int32: String] = [
        ENOENT: "không có tệp hoặc thư mục này",
        EACCES: "không có quyền truy cập",
        EPERM: "không được phép",
        EISDIR: "đây là thư mục",
        ENOTDIR: "một phần của đường dẫn không phải thư mục",
        ENAMETOOLONG: "tên tệp quá dài",
        ELOOP: "đường dẫn có quá nhiều liên kết tượng trưng",
        EIO: "lỗi đọc ghi của ổ đĩa",
        ENOSPC: "ổ đĩa đã đầy",
        EROFS: "ổ đĩa chỉ cho đọc",
        EMFILE: "chương trình đang mở quá nhiều tệp",
    ]

    /// The system's text for `code`.
    public static func english(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// The Vietnamese text for `code`, or the system's when it has none.
    public static func vietnamese(_ code: Int32) -> String { vietnamese[code] ?? english(code) }
}
