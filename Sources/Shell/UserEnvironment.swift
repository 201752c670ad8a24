import Foundation
import Language

/// What the user's environment says about a new session: the language of the locale and where the init
/// file lives (XDG base directories).
public enum UserEnvironment {
    /// Vietnamese when the locale is (LC_ALL, else LC_MESSAGES, else LANG, as POSIX orders them), e.g.
    /// `vi_VN.UTF-8`; English otherwise.
    public static func language(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return locale.lowercased().hasPrefix("vi") ? .vi : .en
    }

    /// `$XDG_CONFIG_HOME/solieu/init.solieu`, by default `~/.config/solieu/init.solieu`.
    public static func initFilePath(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.config")
        return config + "/solieu/init.solieu"
    }

    /// Why the file at `path` cannot be opened for reading, or nil when it can.
    public static func unreadableReason(_ path: String) -> Message? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return Catalogue.noSuchFile
        }
        if isDirectory.boolValue {
            return Catalogue.folderNotFile
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return Catalogue.systemReason(errno) }
        close(fd)
        return nil
    }
}
