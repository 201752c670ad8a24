import Engine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory holding a file's bytes, and how to give it back.
struct FileMemory {
    var bytes: UnsafeMutableBufferPointer<UInt8>
    var free: () -> Void

    /// Each thread reads its part of the file in blocks of this size.
    static let blockSize = 8 << 20
    /// Files smaller than this are read on one thread.
    static let minimumBytesToSplit = 64 << 20

    /// Reads `size` bytes of the regular file `fd` into new memory, in parallel parts for a large file.
    /// A file that grows meanwhile is read as it was when opened (the first `size` bytes).
    /// - Throws: `LoadError` when a read fails, or when the file turns out shorter than `size` (it was
    ///   truncated or rewritten while it was read); no partial bytes are returned.
    static func readRegularFile(_ fd: Int32, size: Int, path: String,
                                minimumPerPart: Int = minimumBytesToSplit, blockSize: Int = blockSize) throws -> FileMemory {
        let memory = allocate(size)
        let pieces = Parallel.ranges(size, minimumPerRange: minimumPerPart)
        // Each piece answers with the errno of a failed read, or -1 when the file ended early, or 0.
        let outcomes = Parallel.map(pieces.count) { readRange(fd, pieces[$0], blockSize: blockSize, into: memory.bytes) }
        if let failure = outcomes.first(where: { $0 != 0 }) {
            memory.free()
            if failure > 0 { throw SourceBytes.readError(path, failure) }
            throw SourceBytes.shrankError(path, size: size)
        }
        return memory
    }

    /// Reads `fd` (a pipe, a terminal, a device) until it ends, into memory that grows as needed.
    /// - Throws: `LoadError` when a read fails.
    static func readToEnd(_ fd: Int32, path: String) throws -> FileMemory {
        var bytes: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SourceBytes.readError(path, errno)
            }
            if n == 0 { break }
            bytes += block[0..<n]
        }
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = copy.initialize(from: bytes)
        return FileMemory(bytes: UnsafeMutableBufferPointer(rebasing: copy[0..<bytes.count]), free: { copy.deallocate() })
    }

    /// Fresh memory for `size` bytes. Its pages are faulted in by the reads themselves, so on two cores
    /// the two parts share that cost. (Asking for huge pages, or populating the memory up front, measured
    /// slower on a busy machine: the kernel compacts memory to find huge pages, or does the work on one core.)
    private static func allocate(_ size: Int) -> FileMemory {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(size, 1), alignment: 64)
        let bytes = UnsafeMutableBufferPointer(start: memory.baseAddress!.bindMemory(to: UInt8.self, capacity: max(size, 1)), count: size)
        return FileMemory(bytes: bytes, free: { memory.deallocate() })
    }

    /// Reads the bytes of `range` of the file with `pread`, block by block.
    /// - Returns: 0 when every byte was read, -1 when the file ended first, or the errno of a failed read.
    private static func readRange(_ fd: Int32, _ range: Range<Int>, blockSize: Int, into bytes: UnsafeMutableBufferPointer<UInt8>) -> Int32 {
        guard let base = bytes.baseAddress else { return 0 }
        var offset = range.lowerBound
        while offset < range.upperBound {
            let n = pread(fd, base + offset, min(blockSize, range.upperBound - offset), off_t(offset))
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return -1 }
            offset += n
        }
        return 0
    }
}

extension SourceBytes {
    /// The error for a failed system call on the file at `path`.
    static func readError(_ path: String, _ code: Int32) -> LoadError {
        return LoadError(file: path, reason: "cannot read the file: \(SystemReason.english(code))", hint: "check that the file is readable and the disk is healthy",
                         vi: "không đọc được tệp: \(SystemReason.vietnamese(code))", hintVi: "hãy kiểm tra tệp có quyền đọc và ổ đĩa không bị lỗi")
    }
}
