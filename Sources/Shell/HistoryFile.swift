import Foundation

/// The prompt's history on disk: one statement per line, newest last, duplicates removed (the newest kept),
/// at most `capacity` entries. Every change is written to a temporary file and renamed over the old one
/// under a lock, so a crash or two shells at once never leave a corrupt file.
///
/// Lines are kept as bytes: a line that is not UTF-8 (written by another program, or damaged) is not
/// offered at the prompt but is written back as it was, so only the size cap ever makes the file shorter.
/// A file that exists but cannot be read is never replaced.
public struct HistoryFile {
    public let path: String
    public let capacity: Int

    public init(path: String, capacity: Int = 1000) {
        self.path = path
        self.capacity = capacity
    }

    /// `$XDG_STATE_HOME/solieu/history`, by default `~/.local/state/solieu/history`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/state")
        return state + "/solieu/history"
    }

    /// The entries that are UTF-8 text, oldest first (an empty list when there is no file yet).
    public func load() -> [String] {
        (lines() ?? []).compactMap { String(validating: $0, as: UTF8.self) }
    }

    /// Every line of the file as bytes; `[]` when there is no file, nil when it exists but cannot be read.
    private func lines() -> [[UInt8]]? {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return data.split(separator: 0x0A).map(Array.init).filter { !$0.isEmpty }
    }

    /// Adds `entry` (newest), merging with whatever other shells wrote meanwhile.
    /// - Returns: false when the file could not be read or written (the session goes on without it).
    @discardableResult
    public func append(_ entry: String) -> Bool {
        let line = Array(entry.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces).utf8)
        guard !line.isEmpty else { return true }
        let folder = (path as NSString).deletingLastPathComponent
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return false }
        let lock = open(path + ".lock", O_CREAT | O_RDWR, 0o600)
        guard lock >= 0 else { return false }
        defer { close(lock) }
        flock(lock, LOCK_EX)
        defer { flock(lock, LOCK_UN) }
        guard var entries = lines() else { return false }
        entries.removeAll { $0 == line }
        entries.append(line)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        let temporary = path + ".\(getpid()).tmp"
        var contents = Data()
        for entry in entries {
            contents.append(contentsOf: entry)
            contents.append(0x0A)
        }
        guard FileManager.default.createFile(atPath: temporary, contents: contents, attributes: [.posixPermissions: 0o600]) else { return false }
        if rename(temporary, path) != 0 {
            unlink(temporary)
            return false
        }
        return true
    }
}
