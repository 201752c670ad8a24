import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program on a pseudo-terminal, so it sees a real terminal (libedit, Tab, arrow keys), and lets a
/// test type into it and read what it prints.
final class PseudoTerminal {
    let process = Process()
    private let master: Int32
    /// The test's own handle on the terminal's program side. Held open so output written just before the
    /// program ends stays readable (Linux drops it once every program-side handle is closed), and used to
    /// see whether the program is reading keys (raw mode) before typing.
    private let slave: Int32
    private(set) var transcript = ""
    /// Whether the program has been seen reading keys one at a time (libedit, a pager). Once it has, typing
    /// waits for it to be doing so again: keys sent while a statement runs land in cooked mode, where the
    /// terminal itself interprets Ctrl-D and the line editor never sees them.
    private var seenReadingKeys = false

    /// The solieu binary built beside this test bundle.
    static var solieuBinary: String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: me).deletingLastPathComponent()
        if folder.lastPathComponent == "MacOS" || folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        return folder.appendingPathComponent("solieu").path
    }

    init(arguments: [String] = [], environment: [String: String]) throws {
        // posix_openpt and friends are not exported to Swift here; the Linux ioctls they wrap are
        // TIOCSPTLCK (unlock the slave) and TIOCGPTN (its number), whose values Swift does not import either.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        let TIOCSPTLCK: UInt = 0x4004_5431, TIOCGPTN: UInt = 0x8004_5430
        guard master >= 0, ioctl(master, TIOCSPTLCK, &unlock) == 0, ioctl(master, TIOCGPTN, &number) == 0 else {
            throw NSError(domain: "pty", code: 1, userInfo: [NSLocalizedDescriptionKey: "no pseudo-terminal"])
        }
        let name = "/dev/pts/\(number)"
        var size = winsize(ws_row: 40, ws_col: 160, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        slave = open(name, O_RDWR | O_NOCTTY)
        guard slave >= 0 else {
            throw NSError(domain: "pty", code: 2, userInfo: [NSLocalizedDescriptionKey: "cannot open \(name)"])
        }
        let programSide = FileHandle(fileDescriptor: dup(slave), closeOnDealloc: true)
        process.executableURL = URL(fileURLWithPath: PseudoTerminal.solieuBinary)
        process.arguments = arguments
        // A crash prints its whole backtrace to the transcript instead of waiting for a key to be pressed.
        process.environment = environment.merging(["SWIFT_BACKTRACE": "interactive=no"]) { old, _ in old }
        process.standardInput = programSide
        process.standardOutput = programSide
        process.standardError = programSide
        try process.run()
        try programSide.close()
        let flags = fcntl(master, F_GETFL)
        _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
        close(slave)
    }

    /// Whether the program reads keys one at a time now (canonical mode off), as a line editor at its prompt does.
    private var readingKeys: Bool {
        var settings = termios()
        guard tcgetattr(slave, &settings) == 0 else { return false }
        let reading = settings.c_lflag & tcflag_t(ICANON) == 0
        if reading { seenReadingKeys = true }
        return reading
    }

    /// Types `text`; if the program reads keys itself, first waits (up to `seconds`) until it is doing so.
    func type(_ text: String, seconds: Double = 10) {
        if readingKeys || seenReadingKeys {
            let deadline = Date().addingTimeInterval(seconds)
            while !readingKeys && process.isRunning && Date() < deadline { drain(); usleep(5_000) }
        }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Ctrl-C while a statement runs. The program is not started as the terminal's controlling process,
    /// so the terminal cannot turn a typed Ctrl-C into SIGINT as a real one does; it is sent directly.
    func interrupt() {
        kill(process.processIdentifier, SIGINT)
    }

    static let enter = "\r", tab = "\t", left = "\u{1B}[D", up = "\u{1B}[A", backspace = "\u{7F}", controlC = "\u{03}", controlD = "\u{04}"

    /// Reads until `text` appears in the output since `from` (default: everything read so far), or the time runs out.
    /// - Returns: whether it appeared.
    @discardableResult
    func waitFor(_ text: String, after marker: String.Index? = nil, seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            drain()
            _ = readingKeys
            let searched = marker.map { transcript[$0...] } ?? transcript[...]
            if searched.contains(text) { return true }
            usleep(20_000)
        }
        return false
    }

    /// Where the output ends now, to search only what comes next.
    var mark: String.Index {
        drain()
        return transcript.endIndex
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(master, &buffer, buffer.count)
            guard n > 0 else { break }
            transcript += String(decoding: buffer[0..<n], as: UTF8.self)
        }
    }

    /// Waits for the program to end; nil if it does not within the time.
    func waitForExit(seconds: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { drain(); usleep(20_000) }
        drain()
        return process.isRunning ? nil : process.terminationStatus
    }
}
