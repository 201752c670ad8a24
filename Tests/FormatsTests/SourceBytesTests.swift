import Foundation
@testable import Formats
import Testing

/// Files are read into memory: their bytes exactly, and a file that shrinks under the reader is an error,
/// never a signal.
@Suite final class SourceBytesTests {
    let folder = NSTemporaryDirectory() + "solieu-source-\(UUID().uuidString)/"

    init() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    // Each test gets its own instance: the files it wrote (megabytes) go with it.
    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Deterministic bytes: random bytes repeating with a period of 4,093 (a prime, so a block read to the
    /// wrong place, at any power-of-two offset, shows).
    static func pattern(_ count: Int) -> [UInt8] {
        var rng = SeededGenerator(seed: UInt64(count))
        let period = (0..<4_093).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        var out: [UInt8] = []
        out.reserveCapacity(count + period.count)
        while out.count < count { out += period }
        return Array(out.prefix(count))
    }

    func write(_ bytes: [UInt8], _ file: String) throws -> String {
        let path = folder + file
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func smallAndEmptyFilesAreReadExactly() throws {
        for count in [0, 1, 7, 8, 9, 4096, 100_003] {
            let bytes = Self.pattern(count)
            let source = try SourceBytes(path: try write(bytes, "f\(count)"))
            #expect(Array(source.buffer) == bytes, "\(count) bytes")
        }
    }

    /// A large file is read in parts on several threads, each in blocks (both made small here).
    @Test func fileReadInPartsAndBlocksIsExact() throws {
        let bytes = Self.pattern((3 << 20) + 12_345)
        let path = try write(bytes, "large")
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let memory = try FileMemory.readRegularFile(fd, size: bytes.count, path: path, minimumPerPart: 1 << 20, blockSize: 65_521)
        defer { memory.free() }
        #expect(memory.bytes.count == bytes.count)
        #expect(memcmp(memory.bytes.baseAddress!, bytes, bytes.count) == 0)
    }

    /// A file shorter than its size when opened (truncated between `fstat` and the reads).
    @Test func fileShorterThanWhenOpenedIsAnError() throws {
        let path = try write(Self.pattern(10_000), "short")
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        #expect(throws: LoadError.self) { _ = try FileMemory.readRegularFile(fd, size: 10_100, path: path) }
        do {
            _ = try FileMemory.readRegularFile(fd, size: 10_100, path: path)
        } catch let error as LoadError {
            #expect(error.reason == "the file became shorter while it was read (it had 10100 bytes when opened)")
            #expect(error.reasonVi == "tệp bị ngắn đi trong khi đang đọc (lúc mở tệp có 10100 byte)")
            #expect(error.hint?.contains("load it again") == true)
        }
    }

    /// Another thread truncates the file while it is read: every outcome is the whole file as it was, the
    /// short file, or the error; the process never gets SIGBUS (as it did when the file was mapped).
    @Test func fileTruncatedWhileReadGivesBytesOrAnError() throws {
        let bytes = Self.pattern(8 << 20)
        for attempt in 0..<4 {
            let path = try write(bytes, "shrinking\(attempt)")
            let truncated = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                usleep(UInt32(attempt * 1_500))
                truncate(path, 1_000)
                truncated.signal()
            }
            do {
                let source = try SourceBytes(path: path)
                #expect(source.count == bytes.count || source.count == 1_000)
                // memcmp touches every byte, as the reader's passes would. A file cut after it was opened
                // shows zeros where its bytes were (never a signal): then it must be shorter on disk now.
                if memcmp(source.buffer.baseAddress!, bytes, min(source.count, bytes.count)) != 0 {
                    truncated.wait()
                    var status = stat()
                    #expect(stat(path, &status) == 0 && status.st_size < bytes.count)
                    truncated.signal()
                }
            } catch let error as LoadError {
                #expect(error.reason.hasPrefix("the file became shorter while it was read"))
            }
            truncated.wait()
        }
    }

    /// A pipe has no size: it is read to its end.
    @Test func pipeIsReadToItsEnd() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let bytes = Self.pattern(300_000)
        let writer = fds[1]
        Thread.detachNewThread {
            bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.write(writer, raw.baseAddress! + offset, raw.count - offset)
                    if n <= 0 { break }
                    offset += n
                }
            }
            close(writer)
        }
        let memory = try FileMemory.readToEnd(fds[0], path: "pipe")
        defer { memory.free(); close(fds[0]) }
        #expect(Array(memory.bytes) == bytes)
    }

    @Test func missingFileAndFolderAreErrors() throws {
        #expect(throws: LoadError.self) { _ = try SourceBytes(path: folder + "nothing.csv") }
        do {
            _ = try SourceBytes(path: folder)
            Issue.record("a folder was read")
        } catch let error as LoadError {
            #expect(error.reason == "this is a folder, not a file")
        }
    }
}
