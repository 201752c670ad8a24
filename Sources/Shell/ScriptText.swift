import Foundation
import Formats
import Language

/// Reads a script file (or standard input) as text: any readable file or device, `/dev/stdin` included,
/// which must be UTF-8. Line ends and a byte-order mark are left to `ScriptSplitter`.
public enum ScriptText {
    /// Why a script could not be read.
    public enum Failure: Error, Equatable {
        case missing(path: String)
        case folder(path: String)
        /// Not readable; `reason` is the system's word for why.
        case unreadable(path: String, reason: Message)
        /// A byte that is not UTF-8, at its 1-based line and character column.
        case notUTF8(path: String, line: Int, column: Int, byte: UInt8)

        /// Where: `FILE` or `FILE:LINE:COL`.
        var place: String {
            switch self {
            case .missing(let path), .folder(let path), .unreadable(let path, _): path
            case .notUTF8(let path, let line, let column, _): "\(path):\(line):\(column)"
            }
        }

        /// What is wrong and what to do, without the place.
        var reason: Message {
            switch self {
            case .missing:
                Catalogue.noSuchScript
            case .folder:
                Catalogue.folderNotScript
            case .unreadable(_, let reason):
                Catalogue.cannotReadScript(reason)
            case .notUTF8(_, _, _, let byte):
                Catalogue.notUTF8(byte: byte)
            }
        }

        /// The whole line to show: `FILE:LINE:COL: error: …`.
        var message: Message {
            Catalogue.errorAt(place, reason)
        }
    }

    /// The text of the script at `path`.
    /// - Throws: `Failure` when the file cannot be read or is not UTF-8.
    static func read(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure.missing(path: path)
        }
        guard !isDirectory.boolValue else { throw Failure.folder(path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure.unreadable(path: path, reason: Catalogue.systemReason(errno))
        }
        defer { try? handle.close() }
        let bytes: Data
        do { bytes = try handle.readToEnd() ?? Data() } catch {
            // The system's reason when Foundation passes one on, else a failure to read the disk.
            let code = (error as NSError).domain == NSPOSIXErrorDomain ? Int32(truncatingIfNeeded: (error as NSError).code) : EIO
            throw Failure.unreadable(path: path, reason: Catalogue.systemReason(code))
        }
        return try decode(Array(bytes), name: path)
    }

    /// `bytes` as text. - Throws: `Failure.notUTF8` with the place of the first byte that is not UTF-8.
    static func decode(_ bytes: [UInt8], name: String) throws -> String {
        let bad = bytes.withUnsafeBufferPointer { firstInvalidUTF8($0, in: 0..<$0.count) }
        guard let bad else { return String(decoding: bytes, as: UTF8.self) }
        var line = 1, lineStart = 0
        for i in 0..<bad where bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        var i = lineStart
        if i == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < bad {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        throw Failure.notUTF8(path: name, line: line, column: column, byte: bytes[bad])
    }
}
