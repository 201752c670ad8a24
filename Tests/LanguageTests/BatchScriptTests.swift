import Foundation
import Testing

/// Scripts as editors save them, run by the built program: CRLF (Notepad), lone CR, a byte-order mark, a
/// trailing backslash before CRLF, in files, standard input, `-c` and `run`; and bytes that are not UTF-8.
@Suite struct BatchScriptTests {
    typealias Binary = ShellBinaryTests

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static let twoResults = "count\n   14\nyear   rate\n2021   3.07\n2023   1.86\n"

    /// The script of the report: a comment, then two statements, in each way an editor ends lines.
    @Test(arguments: ["\r\n", "\r", "\n"])
    func lineEndsOfEveryEditor(_ end: String) throws {
        try Binary.withFolder { folder in
            let text = ["# c", "count", "show province=Ninh Bình year rate", ""].joined(separator: end)
            try Self.write(Array(text.utf8), to: folder + "/q.solieu")
            let run = try Binary.run(["q.solieu"], in: folder)
            #expect(run.stdout == Self.twoResults)
            #expect(run.stderr == "")
            #expect(run.status == 0)
        }
    }

    /// A byte-order mark, CRLF and a continued line (backslash right before CRLF), from a file, from standard
    /// input, through `run`, and in `-c`.
    @Test func byteOrderMarkAndContinuationEverywhere() throws {
        try Binary.withFolder { folder in
            let text = "\u{FEFF}count\r\nshow province=Ninh Bình \\\r\n  year rate\r\n"
            try Self.write(Array(text.utf8), to: folder + "/q.solieu")
            let fromFile = try Binary.run(["q.solieu"], in: folder)
            #expect(fromFile.stdout == Self.twoResults)
            #expect(fromFile.status == 0)
            let fromStdin = try Binary.run([], stdin: text, in: folder)
            #expect(fromStdin.stdout == Self.twoResults)
            #expect(fromStdin.stderr == "")
            let throughRun = try Binary.run(["-c", "run q.solieu"], in: folder)
            #expect(throughRun.stdout == Self.twoResults)
            let fromArgument = try Binary.run(["-c", text], in: folder)
            #expect(fromArgument.stdout == Self.twoResults)
            #expect(fromArgument.status == 0)
        }
    }

    /// The error after a CRLF line keeps its line and column.
    @Test func errorsInACRLFScriptNameTheirPlace() throws {
        try Binary.withFolder { folder in
            try Self.write(Array("count\r\ncount by provnce\r\n".utf8), to: folder + "/q.solieu")
            let run = try Binary.run(["q.solieu"], in: folder)
            #expect(run.status == 1)
            #expect(run.stderr.hasPrefix("q.solieu:2:10: error: there is no column 'provnce' in reports\n"))
        }
    }

    /// A Windows-1258 script (ẫ is byte 0xDE there) is refused before anything runs, naming the first bad byte.
    @Test func aScriptThatIsNotUTF8IsRefusedWithItsPlace() throws {
        try Binary.withFolder { folder in
            try Self.write(Array("count\r\nshow province=Ninh B".utf8) + [0xEC] + Array("nh\r\n".utf8), to: folder + "/old.solieu")
            let run = try Binary.run(["old.solieu"], in: folder)
            #expect(run.status == 3)
            #expect(run.stdout == "")
            #expect(run.stderr == "old.solieu:2:21: error: byte 0xEC is not UTF-8 text; save the script as UTF-8 and run it again\n")
            let nested = try Binary.run(["-c", "run old.solieu"], in: folder)
            #expect(nested.status == 1)
            #expect(nested.stderr.hasPrefix("error: cannot run old.solieu:2:21: byte 0xEC is not UTF-8 text"))
        }
    }

    /// `;` separates statements in `-c` as it does in scripts.
    @Test func semicolonsInDashC() throws {
        try Binary.withFolder { folder in
            let run = try Binary.run(["-c", "count; count by year year>=2023"], in: folder)
            #expect(run.stdout == "count\n   14\nyear   count\n2023       2\n2025       1\n")
            #expect(run.status == 0)
            let error = try Binary.run(["-c", "count; count by provnce"], in: folder)
            #expect(error.stderr.hasPrefix("error: there is no column 'provnce' in reports\n  count; count by provnce\n                  ^^^^^^^\n"))
        }
    }
}
