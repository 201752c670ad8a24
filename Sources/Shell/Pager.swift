import Foundation
import Language
#if canImport(Glibc)
import Glibc
#endif

/// Shows long results through the user's pager (`$PAGER`, by default `less -S -R -F -X`: long lines not
/// wrapped, colours kept, no paging when the text fits, the screen left as it was).
enum Pager {
    static let defaultCommand = "less -S -R -F -X"

    /// The pager to run: `$PAGER`, the default when it is unset; nil when it is set empty (no pager).
    static func command(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let chosen = environment["PAGER"] else { return defaultCommand }
        let trimmed = chosen.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Whether text of `lines` lines goes through the pager with `mode`, on a screen `rows` tall (one row
    /// is kept for the prompt).
    static func wanted(lines: Int, mode: PagerMode, rows: Int) -> Bool {
        switch mode {
        case .on: true
        case .off: false
        case .auto: lines > max(1, rows - 1)
        }
    }

    /// Runs `command` with the shell and gives it `text` on its standard input; its output goes to the
    /// terminal. - Returns: false when the pager could not be started (the caller then writes the text
    /// itself, so nothing is lost); true once it has ended, whether or not it read everything (quitting
    /// `less` early is the point).
    static func show(_ text: String, command: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardInput = pipe
        // A pager quit early closes the pipe: the writes below then fail with EPIPE instead of a SIGPIPE
        // ending the whole session.
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        do { try process.run() } catch { return false }
        let descriptor = pipe.fileHandleForWriting.fileDescriptor
        text.utf8CString.withUnsafeBufferPointer { buffer in
            var offset = 0
            let count = buffer.count - 1  // without the closing NUL
            while offset < count {
                let written = write(descriptor, buffer.baseAddress! + offset, count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    break
                }
                offset += written
            }
        }
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        // 126 and 127 are the shell's "cannot run" and "not found": the pager never showed anything.
        let status = process.terminationStatus
        return !(process.terminationReason == .exit && (status == 126 || status == 127))
    }
}
