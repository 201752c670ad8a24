#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of an input, mapped from a file, read from a pipe, or owned in memory, readable as one buffer.
///
/// A regular file is mapped (no pass over its bytes to copy them), under `MappingGuard`: if another program
/// truncates it while it is read, the vanished pages read as zeros and `checkIntact()` then fails the load,
/// where an unguarded mapping would kill the process with SIGBUS.
public final class SourceBytes: @unchecked Sendable {
    public let name: String
    public let buffer: UnsafeBufferPointer<UInt8>
    private let release: () -> Void
    /// The mapping's slot in `MappingGuard`, for a mapped file.
    private let guardSlot: Int?
    private let path: String

    /// Reads the whole file at `path` into memory (a regular file in parallel blocks; a pipe or device to its end).
    /// - Throws: `LoadError` when the file cannot be opened or read, or when it becomes shorter while it is read.
    public init(path: String, name: String? = nil) throws {
        self.name = name ?? path
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let code = errno
            throw LoadError(file: path, reason: "cannot open the file: \(SystemReason.english(code))",
                            hint: "check the path; a relative path is taken from the script's folder in a script, else from the current directory",
                            vi: "không mở được tệp: \(SystemReason.vietnamese(code))",
                            hintVi: "hãy kiểm tra đường dẫn; đường dẫn tương đối tính từ thư mục của kịch bản khi ở trong kịch bản, nếu không thì từ thư mục hiện tại")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw SourceBytes.readError(path, errno)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw LoadError(file: path, reason: "this is a folder, not a file", hint: "name a .csv, .tsv or .jsonl file inside it",
                            vi: "đây là thư mục, không phải tệp", hintVi: "hãy nêu một tệp .csv, .tsv hoặc .jsonl trong thư mục đó")
        }
        let regular = (info.st_mode & S_IFMT) == S_IFREG
        if regular, let (memory, slot) = FileMemory.map(fd, size: Int(info.st_size)) {
            buffer = UnsafeBufferPointer(memory.bytes)
            release = memory.free
            guardSlot = slot
            return
        }
        let memory = regular ? try FileMemory.readRegularFile(fd, size: Int(info.st_size), path: path) : try FileMemory.readToEnd(fd, path: path)
        buffer = UnsafeBufferPointer(memory.bytes)
        release = memory.free
        guardSlot = nil
    }

    /// - Throws: `LoadError` when the mapped file became shorter while it was read (its lost bytes read as zeros).
    public func checkIntact() throws {
        if let slot = guardSlot, MappingGuard.isDamaged(slot) { throw SourceBytes.shrankError(path, size: buffer.count) }
    }

    static func shrankError(_ path: String, size: Int) -> LoadError {
        LoadError(file: path, reason: "the file became shorter while it was read (it had \(size) bytes when opened)",
                  hint: "another program is writing or truncating it; load it again once that program has finished",
                  vi: "tệp bị ngắn đi trong khi đang đọc (lúc mở tệp có \(size) byte)",
                  hintVi: "có chương trình khác đang ghi hoặc cắt ngắn tệp; hãy nạp lại khi chương trình đó đã xong")
    }

    /// Bytes held in memory (tests, standard input).
    public init(bytes: [UInt8], name: String) {
        self.name = name
        self.path = name
        guardSlot = nil
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = copy.initialize(from: bytes)
        buffer = UnsafeBufferPointer(start: copy.baseAddress, count: bytes.count)
        release = { copy.deallocate() }
    }

    public convenience init(text: String, name: String) {
        self.init(bytes: Array(text.utf8), name: name)
    }

    deinit { release() }

    public var count: Int { buffer.count }

    /// The line and character column of byte `offset`, counting from 1.
    /// - Complexity: O(offset); used only to report errors.
    public func position(of offset: Int) -> SourcePosition {
        var line = 1, lineStart = 0
        let end = min(offset, buffer.count)
        // LF, CRLF and a lone CR each end a line, as the CSV tokenizer counts them.
        for i in 0..<end where buffer[i] == 0x0A || (buffer[i] == 0x0D && (i + 1 == buffer.count || buffer[i + 1] != 0x0A)) {
            line += 1
            lineStart = i + 1
        }
        return SourcePosition(file: name, line: line, column: characterColumn(lineStart: lineStart, offset: end))
    }

    /// 1-based character column of `offset` on the line starting at `lineStart` (UTF-8 continuation bytes are not counted).
    public func characterColumn(lineStart: Int, offset: Int) -> Int {
        var column = 1
        var i = lineStart
        // A UTF-8 byte-order mark starting the file is no character of the first line.
        if i == 0 && buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF && offset >= 3 { i = 3 }
        while i < offset && i < buffer.count {
            if buffer[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }
}
