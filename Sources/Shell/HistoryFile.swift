import Foundation

/// The prompt's history on disk: one statement per line, newest last, duplicates removed (the newest kept),
/// at most `capacity` entries. Every change is written to a temporary file and renamed over the old one
/// under a lock, so a crash or two shells at once never leave a corrupt file.
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

    public func load() -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// Adds `entry` (newest), merging with whatever other shells wrote meanwhile.
    /// - Returns: false when the file could not be written (the session goes on without it).
    @discardableResult
    public func append(_ entry: String) -> Bool {
        let line = entry.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        guard !line.isEmpty else { return true }
        let folder = (path as NSString).deletingLastPathComponent
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return false }
        let lock = open(path + ".lock", O_CREAT | O_RDWR, 0o600)
        guard lock >= 0 else { return false }
        defer { close(lock) }
        flock(lock, LOCK_EX)
        defer { flock(lock, LOCK_UN) }
        var entries = load().filter { $0 != line }
        entries.append(line)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data((entries.joined(separator: "\n") + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]) else { return false }
        if rename(temporary, path) != 0 {
            unlink(temporary)
            return false
        }
        return true
    }
}
