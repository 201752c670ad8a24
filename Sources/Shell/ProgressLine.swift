import Foundation
import Formats
import Language
import Remote
#if canImport(Glibc)
import Glibc
#endif

/// One line on standard error that says how far a long load has come (bytes done, rate, time left), or how
/// long a remote engine has been running the statement's query, redrawn in place every tenth of a second
/// once the work has taken a second, and cleared when it ends.
///
/// Only the prompt starts one, and only when standard error is a terminal (not `dumb`): batch runs, pipes
/// and redirected output never see it.
final class ProgressLine: @unchecked Sendable {
    /// Work shorter than this shows nothing.
    static let delay: TimeInterval = 1
    static let interval: TimeInterval = 0.1

    private var progress = LoadProgress()
    private var remote = RemoteProgress()
    private let language: Language
    private let started = Date()
    private let lock = NSLock()
    private var running = true
    private var drawn = false
    private var thread: Thread?
    /// The load step shown last and when it was first seen, for the rate of the step under way.
    private var step: (step: LoadProgress.Step, file: String, since: Date)?
    private var lastDrawn: Date?

    /// Starts watching the loads of one statement; nil when standard error is not a terminal.
    static func start(language: Language, environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressLine? {
        guard isatty(2) != 0, environment["TERM"] != "dumb" else { return nil }
        let line = ProgressLine(language: language)
        LoadProgress.current = line.progress
        RemoteProgress.current = line.remote
        let thread = Thread { [line] in line.watch() }
        line.thread = thread
        thread.start()
        return line
    }

    private init(language: Language) {
        self.language = language
        progress = LoadProgress(onReport: { [weak self] in self?.tick() }, onFinish: { [weak self] in self?.clear() })
        remote = RemoteProgress(onFinish: { [weak self] in self?.clear() })
    }

    /// Stops watching and clears the line, before anything else is written.
    func stop() {
        lock.withLock { running = false }
        clear()
        LoadProgress.current = nil
        RemoteProgress.current = nil
    }

    /// Clears the line if it is shown (the load ended: its report comes next).
    private func clear() {
        lock.withLock {
            if drawn { write("\r\u{1b}[K") }
            drawn = false
        }
    }

    /// Redraws every tenth of a second. The reader also asks for a redraw each time it reports (`tick`),
    /// so the line keeps up when this thread is slow to be scheduled on cores the reader keeps busy.
    private func watch() {
        while true {
            Thread.sleep(forTimeInterval: ProgressLine.interval)
            let keepGoing: Bool = lock.withLock {
                guard running else { return false }
                drawIfDue()
                return true
            }
            if !keepGoing { return }
        }
    }

    /// A report from the reader's threads: a redraw if one is due, never waiting for the lock.
    private func tick() {
        guard lock.try() else { return }
        defer { lock.unlock() }
        if running { drawIfDue() }
    }

    /// Draws the line when the work has taken a second and the last drawing is a tenth of a second old.
    /// Called with `lock` held.
    private func drawIfDue() {
        let now = Date()
        let elapsed = now.timeIntervalSince(started)
        guard elapsed >= ProgressLine.delay, lastDrawn.map({ now.timeIntervalSince($0) >= ProgressLine.interval * 0.9 }) ?? true else { return }
        var shown: Message?
        if let state = progress.state {
            if step?.step != state.step || step?.file != state.fileName { step = (state.step, state.fileName, now) }
            shown = ProgressLine.text(state, elapsed: elapsed, inStep: now.timeIntervalSince(step!.since))
        } else if let wait = remote.state {
            let seconds = Double(wait.waited.components.seconds) + Double(wait.waited.components.attoseconds) / 1e18
            if seconds >= ProgressLine.delay { shown = ProgressLine.waiting(for: wait.server, seconds: seconds) }
        }
        guard let shown else { return }
        write("\r" + fitted(shown.text(language)) + "\u{1b}[K")
        drawn = true
        lastDrawn = now
    }

    /// What the line says of a load, in both languages; `elapsed` is the time since the statement began,
    /// `inStep` the time in the step under way.
    static func text(_ state: LoadProgress.State, elapsed: TimeInterval, inStep: TimeInterval) -> Message {
        let mib = { (bytes: Int) in String(format: "%.0f", Double(bytes) / 1_048_576) }
        let rate = inStep > 0 ? Double(state.bytesDone) / inStep : 0
        let left = state.fraction > 0 ? elapsed * (1 - state.fraction) / state.fraction : 0
        let seconds = max(1, Int(left.rounded(.up)))
        let file = URL(fileURLWithPath: state.fileName).lastPathComponent
        let done = mib(state.bytesDone), total = mib(state.stepBytes), rateText = mib(Int(rate))
        switch state.step {
        case .sheet:
            return Catalogue.sheetProgress(file, steps: state.stepCount, done: done, of: total, rate: rateText, secondsLeft: seconds)
        case .pass(let pass):
            return Catalogue.loadProgress(file, pass: pass, step: state.stepCount > 2 ? (state.stepNumber, state.stepCount) : nil,
                                          done: done, of: total, rate: rateText, secondsLeft: seconds)
        }
    }

    /// What the line says while a remote engine runs the query: it tells nothing of its progress, so the
    /// time waited.
    static func waiting(for server: String, seconds: Double) -> Message {
        Catalogue.remoteWait(server, seconds: Int(seconds))
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
