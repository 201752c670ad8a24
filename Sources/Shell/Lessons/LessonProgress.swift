import Foundation

/// Where the learner is in the lessons, kept in `$XDG_STATE_HOME/solieu/lessons` (by default
/// `~/.local/state/solieu/lessons`) so `lesson` resumes in the next session.
///
/// The file is two kinds of line a person can read: `current NAME STEP` (the lesson under way and the step,
/// from 1) and `done NAME` for each finished lesson. Written to a temporary name and renamed, so a crash
/// never leaves half a file; a file that cannot be read or written leaves the lessons working, unsaved.
public struct LessonProgress: Equatable {
    public var current: (name: String, step: Int)?
    public var done: [String] = []

    public init(current: (name: String, step: Int)? = nil, done: [String] = []) {
        self.current = current
        self.done = done
    }

    public static func == (a: LessonProgress, b: LessonProgress) -> Bool {
        a.current?.name == b.current?.name && a.current?.step == b.current?.step && a.done == b.done
    }

    /// `$XDG_STATE_HOME/solieu/lessons`, by default `~/.local/state/solieu/lessons`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let history = HistoryFile.defaultPath(environment: environment)
        return (history as NSString).deletingLastPathComponent + "/lessons"
    }

    /// The progress saved at `path`; none when there is no file or it cannot be read. Lines it does not
    /// know (from a later version) are passed over.
    public static func load(from path: String) -> LessonProgress {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return LessonProgress() }
        var progress = LessonProgress()
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            if words.count == 3, words[0] == "current", let step = Int(words[2]), step >= 1 {
                progress.current = (words[1], step)
            } else if words.count == 2, words[0] == "done", !progress.done.contains(words[1]) {
                progress.done.append(words[1])
            }
        }
        return progress
    }

    /// Writes the progress to `path`. - Returns: false when it cannot be written.
    @discardableResult
    public func save(to path: String) -> Bool {
        var text = current.map { "current \($0.name) \($0.step)\n" } ?? ""
        text += done.map { "done \($0)\n" }.joined()
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return true
        } catch {
            return false
        }
    }
}
