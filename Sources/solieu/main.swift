import ArgumentParser
import Dispatch
import Engine
import Formats
#if canImport(Glibc)
import Glibc
#endif

/// solieu's command line. The interactive shell and the query language build on this entry point.
struct SolieuCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solieu",
        abstract: "Ask questions of Vietnam's poverty-reduction figures.",
        version: "0.1.0")

    @Option(name: .customLong("load"), help: "Load a CSV, TSV or JSON Lines file and print what was read (repeatable).")
    var files: [String] = []

    @Flag(help: "After loading, print the time taken and the memory the tables hold.")
    var stats = false

    func run() throws {
        for path in files {
            let started = DispatchTime.now()
            let result: LoadResult
            do {
                result = try TableLoader.load(path: path)
            } catch let error as LoadError {
                FileHandle.standardError.write(error.description + "\n")
                throw ExitCode(1)
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            result.report.lines.forEach { print($0) }
            if stats {
                let bytes = result.table.byteCount
                let perRow = result.table.rowCount > 0 ? Double(bytes) / Double(result.table.rowCount) : 0
                print("stats: load \(String(format: "%.3f", seconds)) s; columns hold \(bytes) bytes (\(String(format: "%.2f", perRow)) bytes/row); resident memory after load \(residentBytes() / 1_048_576) MiB")
            }
        }
    }
}

/// Resident set size of this process now, from /proc/self/statm (0 where that file does not exist).
func residentBytes() -> Int {
    guard let file = fopen("/proc/self/statm", "r") else { return 0 }
    defer { fclose(file) }
    var size = 0, resident = 0
    guard withUnsafeMutablePointer(to: &size, { s in withUnsafeMutablePointer(to: &resident) { r in
        fscanfTwo(file, s, r) } }) else { return 0 }
    return resident * Int(sysconf(Int32(_SC_PAGESIZE)))
}

private func fscanfTwo(_ file: UnsafeMutablePointer<FILE>, _ a: UnsafeMutablePointer<Int>, _ b: UnsafeMutablePointer<Int>) -> Bool {
    var line = [CChar](repeating: 0, count: 256)
    guard fgets(&line, 256, file) != nil else { return false }
    let parts = String(cString: line).split(separator: " ")
    guard parts.count >= 2, let x = Int(parts[0]), let y = Int(parts[1]) else { return false }
    a.pointee = x
    b.pointee = y
    return true
}

extension FileHandle {
    func write(_ text: String) { write(text.data(using: .utf8)!) }
}

import Foundation
SolieuCommand.main()
