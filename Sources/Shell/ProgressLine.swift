import Foundation
import Formats
import Language
#if canImport(Glibc)
import Glibc
#endif

/// One line on standard error that says how far a long load has come (bytes done, rate, time left),
/// redrawn in place every tenth of a second once the work has taken a second, and cleared when it ends.
///
/// Only the prompt starts one, and only when standard error is a terminal (not `dumb`): batch runs, pipes
/// and redirected output never see it.
final class ProgressLine: @unchecked Sendable {
    /// Work shorter than this shows nothing.
    static let delay: TimeInterval = 1
    static let interval: TimeInterval = 0.1

    private var progress = LoadProgress()
    private let language: Language
    private let started = Date()
    private let lock = NSLock()
    private var running = true
    private var drawn = false
    private var thread: Thread?

    /// Starts watching the loads of one statement; nil when standard error is not a terminal.
    static func start(language: Language, environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressLine? {
        guard isatty(2) != 0, environment["TERM"] != "dumb" else { return nil }
        let line = ProgressLine(language: language)
        LoadProgress.current = line.progress
        let thread = Thread { [line] in line.watch() }
        line.thread = thread
        thread.start()
        return line
    }

    private init(language: Language) {
        self.language = language
        progress = LoadProgress(onFinish: { [weak self] in self?.clear() })
    }

    /// Stops watching and clears the line, before anything else is written.
    func stop() {
        lock.withLock { running = false }
        clear()
        LoadProgress.current = nil
    }

    /// Clears the line if it is shown (the load ended: its report comes next).
    private func clear() {
        lock.withLock {
            if drawn { write("\r\u{1b}[K") }
            drawn = false
        }
    }

    private func watch() {
        while true {
            Thread.sleep(forTimeInterval: ProgressLine.interval)
            let keepGoing: Bool = lock.withLock {
                guard running else { return false }
                let elapsed = Date().timeIntervalSince(started)
                if elapsed >= ProgressLine.delay, let state = progress.state {
                    write("\r" + fitted(ProgressLine.text(state, elapsed: elapsed).text(language)) + "\u{1b}[K")
                    drawn = true
                }
                return true
            }
            if !keepGoing { return }
        }
    }

    /// What the line says, in both languages.
    static func text(_ state: LoadProgress.State, elapsed: TimeInterval) -> Message {
        let mib = { (bytes: Int) in String(format: "%.0f", Double(bytes) / 1_048_576) }
        // Both passes read every byte, so the rate counts the bytes of each.
        let workDone = state.fraction * 2 * Double(state.dataBytes)
        let rate = elapsed > 0 ? workDone / elapsed : 0
        let left = rate > 0 ? (2 * Double(state.dataBytes) - workDone) / rate : 0
        let seconds = max(1, Int(left.rounded(.up)))
        let file = URL(fileURLWithPath: state.fileName).lastPathComponent
        return Catalogue.loadProgress(file, pass: state.pass, done: mib(state.bytesDone), of: mib(state.dataBytes), rate: mib(Int(rate)), secondsLeft: seconds)
    }

    /// The text cut to the terminal's width, so redrawing never wraps onto a second line.
    private func fitted(_ text: String) -> String {
        var size = winsize()
        let columns = ioctl(2, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 1 ? Int(size.ws_col) - 1 : 79
        return text.count > columns ? String(text.prefix(columns)) : text
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { if n < 0 && errno == EINTR { continue }; return }
                offset += n
            }
        }
    }
}
