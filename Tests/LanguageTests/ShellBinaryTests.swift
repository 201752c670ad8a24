import Foundation
import Testing

/// The built `solieu` program, run as a scheduler would run it: arguments, script files, standard input,
/// exit status, and what goes to standard output and standard error.
///
/// Where the binary is: `swift build --build-tests` builds every product, so `solieu` sits in the same
/// build-products folder as the test bundle. On Linux the test bundle `solieuPackageTests.xctest` is
/// itself the executable being run, so the folder of `/proc/self/exe` (which is also
/// `Bundle.main.bundleURL`) holds `solieu`. On macOS the `.xctest` bundle is loaded by a host
/// process; its parent folder (found among `Bundle.allBundles`) holds `solieu`. As a last resort the
/// scratch path of the brief, `<repo>/.build-langtests/debug/solieu`, is tried.
///
/// The child gets a nearly empty environment (no SOLIEU_DATA, HOME in a temporary folder) and runs in a
/// temporary directory, so these tests also show that the program carries its built-in datasets.
@Suite struct ShellBinaryTests {
    static let binary: String? = {
        let fm = FileManager.default
        var candidates: [String] = []
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("solieu").path)
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("solieu").path)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("solieu").path)
        }
        candidates.append(Transcript.repositoryRoot + "/.build-langtests/debug/solieu")
        return candidates.first { fm.isExecutableFile(atPath: $0) && !$0.hasSuffix(".xctest") }
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `body` in a new temporary folder, removed afterwards.
    static func withFolder<T>(_ body: (String) throws -> T) throws -> T {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try body(folder)
    }

    /// A fresh temporary folder for one test.
    static func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "solieu_langtests_shell_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs the program with `arguments` in `folder`; standard input is `stdin` (a file, so not a terminal)
    /// or /dev/null.
    static func run(_ arguments: [String], stdin: String? = nil, in folder: String, environment: [String: String] = [:],
                    binary chosen: String? = nil) throws -> Run {
        let binary = try chosen ?? #require(Self.binary, "the solieu binary was not found next to the test bundle; build with `swift build --build-tests`")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": folder, "LANG": "C.UTF-8", "NO_COLOR": "1"].merging(environment) { $1 }
        let outPath = folder + "/.stdout", errPath = folder + "/.stderr"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try #require(FileHandle(forWritingAtPath: outPath))
        let err = try #require(FileHandle(forWritingAtPath: errPath))
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let inPath = folder + "/.stdin"
            try stdin.write(toFile: inPath, atomically: true, encoding: .utf8)
            process.standardInput = try #require(FileHandle(forReadingAtPath: inPath))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Run(status: process.terminationStatus,
                   stdout: try String(contentsOfFile: outPath, encoding: .utf8),
                   stderr: try String(contentsOfFile: errPath, encoding: .utf8))
    }

    @Test func binaryIsFound() {
        #expect(Self.binary != nil, "looked next to the test bundle and in .build-langtests/debug")
    }

    /// (a) The brief's example as CSV: full precision on stdout, the note on stderr, exit 0.
    @Test func compareAsCSV() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.run(["-c", "compare province=Ninh Bình year=2021..2023 rate", "--format", "csv"], in: folder)
        #expect(run.stdout == "province,2021,2023,change (pp),change %,per year (pp)\nNinh Bình,3.07,1.86,-1.21,-39.41368078175896,-0.6050\n")
        #expect(run.stderr == "note: no row for 2022 in this range\n")
        #expect(run.status == 0)
    }

    /// The same as a table: the note is part of the output.
    @Test func compareAsTable() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.run(["-c", "compare province=Ninh Bình year=2021..2023 rate"], in: folder)
        #expect(run.stdout == """
            province    2021   2023   change (pp)   change %   per year (pp)
            Ninh Bình   3.07   1.86         −1.21    −39.4 %           −0.60
            note: no row for 2022 in this range

            """)
        #expect(run.stderr == "")
        #expect(run.status == 0)
    }

    /// (b) A script whose third line names an unknown column: FILE:3:COL, a suggestion, exit 1, and the
    /// lines after it are not run.
    @Test func scriptErrorNamesFileLineAndColumn() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = folder + "/quarterly.solieu"
        try "# quarterly check\ncount\nshow provnce year rate\ndatasets\n".write(toFile: script, atomically: true, encoding: .utf8)
        let run = try Self.run([script], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout == "count\n   14\n")
        #expect(run.stderr.hasPrefix("\(script):3:"))
        #expect(run.stderr.hasPrefix("\(script):3:6: error: there is no column 'provnce' in reports\n"))
        #expect(run.stderr.contains("did you mean province?"))
        #expect(run.stderr == """
            \(script):3:6: error: there is no column 'provnce' in reports
              show provnce year rate
                   ^^^^^^^
              did you mean province?
              try: show province year rate

            """)
    }

    /// A script given relative to the working directory is named as typed; a statement after `;` keeps its column.
    @Test func scriptErrorAfterSemicolon() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "count\n\ncount; count by provnce\n".write(toFile: folder + "/q.solieu", atomically: true, encoding: .utf8)
        let run = try Self.run(["q.solieu"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("q.solieu:3:17: error: there is no column 'provnce' in reports\n"))
        #expect(run.stdout == "count\n   14\ncount\n   14\n")
    }

    /// (c) Statements on standard input (not a terminal) run; exit 0.
    @Test func statementsFromStandardInput() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.run([], stdin: "count\nuse gso\ncount   # the GSO table\n", in: folder)
        #expect(run.stdout == "count\n   14\nusing gso: 567 rows × 10 columns\ncount\n  567\n")
        #expect(run.stderr == "")
        #expect(run.status == 0)
    }

    @Test func errorOnStandardInputExitsOne() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.run([], stdin: "count\ncount by provnce\ncount\n", in: folder)
        #expect(run.status == 1)
        #expect(run.stdout == "count\n   14\n")
        #expect(run.stderr.hasPrefix("<stdin>:2:10: error: there is no column 'provnce' in reports\n"))
    }

    /// (d) --keep-going runs the statements after an error and still exits 1; without it they do not run.
    @Test func keepGoing() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let kept = try Self.run(["-c", "show nosuch", "-c", "count", "--keep-going"], in: folder)
        #expect(kept.status == 1)
        #expect(kept.stdout == "count\n   14\n")
        #expect(kept.stderr.hasPrefix("error: there is no column 'nosuch' in reports\n"))
        let stopped = try Self.run(["-c", "show nosuch", "-c", "count"], in: folder)
        #expect(stopped.status == 1)
        #expect(stopped.stdout == "")
        #expect(stopped.stderr == kept.stderr)

        let script = folder + "/two_errors.solieu"
        try "show nosuch\ncount\nshow other\ncount by year rate>20\n".write(toFile: script, atomically: true, encoding: .utf8)
        let keptScript = try Self.run(["--keep-going", script], in: folder)
        #expect(keptScript.status == 1)
        #expect(keptScript.stdout == "count\n   14\nyear   count\n2015       1\n2017       1\n")
        #expect(keptScript.stderr.components(separatedBy: "\n").filter { $0.hasPrefix(script) }
            == ["\(script):1:6: error: there is no column 'nosuch' in reports", "\(script):3:6: error: there is no column 'other' in reports"])
    }

    /// (e) --echo prints each statement after the prompt, then its result and a blank line.
    @Test func echo() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.run(["--echo", "-c", "count", "-c", "use gso", "-c", "count"], in: folder)
        #expect(run.stdout == "reports> count\ncount\n   14\n\nreports> use gso\nusing gso: 567 rows × 10 columns\n\ngso> count\ncount\n  567\n\n")
        #expect(run.stderr == "")
        #expect(run.status == 0)
    }

    /// (f) An unknown --format is refused before anything runs, with a message naming the formats.
    @Test func unknownFormat() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.run(["--format", "nonsense", "-c", "count"], in: folder)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("Error: --format takes table, line, csv, json, jsonl, markdown or html, not 'nonsense'\n"))
    }

    @Test func otherFormats() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let json = try Self.run(["--format", "json", "-c", "count by province rate>20"], in: folder)
        #expect(json.status == 0)
        #expect(json.stdout.contains("Kon Tum"))
        let markdown = try Self.run(["--format", "markdown", "-c", "count by province rate>20"], in: folder)
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("| province"))
    }

    /// A missing script file is refused before anything runs, with exit 3.
    @Test func missingScript() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.run(["-c", "count", "nowhere.solieu"], in: folder)
        #expect(run.status == 3)
        #expect(run.stdout == "")
        #expect(run.stderr == "nowhere.solieu: error: cannot read this file: there is no such file; check the path\n")
    }
}
