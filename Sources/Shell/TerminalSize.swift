import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The size of the terminal standard output is on, in character cells.
struct TerminalSize: Equatable {
    var columns: Int
    var rows: Int

    /// The window's size as the terminal reports it, with `COLUMNS` and `LINES` taking precedence (as
    /// `ls` and `less` do), so a user or a test can choose a width; nil when neither gives a width.
    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalSize? {
        var size = winsize()
        let reported = ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
        let columns = environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? (reported ? Int(size.ws_col) : nil)
        let rows = environment["LINES"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? (reported && size.ws_row > 0 ? Int(size.ws_row) : 24)
        guard let columns else { return nil }
        return TerminalSize(columns: columns, rows: rows)
    }
}
