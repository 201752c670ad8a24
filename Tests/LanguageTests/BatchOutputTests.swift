import Foundation
import Testing

/// What a scheduler sees of a batch run by the built program: clean machine output, empty answers,
/// `expect`, write errors, `--output`, `--quiet`, and the exit statuses 0, 1, 2 and 3.
@Suite struct BatchOutputTests {
    typealias Binary = ShellBinaryTests

    /// The pipeline of the report: `use gso` and its confirmation on standard error, one JSON document on
    /// standard output, read back by Foundation's parser.
    @Test func jsonStandardOutputHoldsOnlyTheResult() throws {
        try Binary.withFolder { folder in
            let run = try Binary.run(["--format", "json", "-c", "use gso", "-c", "count by series"], in: folder)
            #expect(run.status == 0)
            #expect(run.stderr == "using gso: 567 rows × 10 columns\n")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            #expect(document["columns"] as? [String] == ["series", "count"])
            let rows = try #require(document["rows"] as? [[String: Any]])
            #expect(rows.map { $0["count"] as? Int } == [504, 63])
        }
    }

    /// JSON Lines: one object per row, every line parsed on its own; notes, the load report and confirmations
    /// on standard error.
    @Test func jsonLinesIsAnObjectPerRow() throws {
        try Binary.withFolder { folder in
            try "district,year,poor\nA,2023,12\nB,2023,7\n".write(toFile: folder + "/d.csv", atomically: true, encoding: .utf8)
            let run = try Binary.run(["--format", "jsonl", "-c", "load d.csv", "-c", "show year=2023 district poor", "-c", "export out.csv"], in: folder)
            #expect(run.status == 0)
            #expect(run.stdout == "{\"district\":\"A\",\"poor\":12}\n{\"district\":\"B\",\"poor\":7}\n")
            #expect(run.stderr.hasPrefix("loaded d.csv: 2 rows × 3 columns (CSV)\n"))
            #expect(run.stderr.hasSuffix("using d\nwrote 2 rows to out.csv (csv)\n"))
            for line in run.stdout.split(separator: "\n") {
                #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
            }
        }
    }

    /// Two CSV results are separated by one empty line; `--quiet` leaves out the confirmations and notes.
    @Test func csvResultsAndQuiet() throws {
        try Binary.withFolder { folder in
            let run = try Binary.run(["--format", "csv", "-c", "count; use gso; compare province=Ninh Bình year=2021..2023 rate; use reports; compare province=Ninh Bình year=2021..2023 rate"], in: folder)
            #expect(run.stdout == "count\n14\n\nprovince,2021,2023,change (pp),change %,per year (pp)\nNinh Bình,,1.07,,,\n\nprovince,2021,2023,change (pp),change %,per year (pp)\n"
                + "Ninh Bình,3.07,1.86,-1.21,-39.41368078175896,-0.6050\n")
            #expect(run.stderr.hasPrefix("using gso: 567 rows × 10 columns\n"))
            let quiet = try Binary.run(["--quiet", "--format", "csv", "-c", "count; use gso; compare province=Ninh Bình year=2021..2023 rate; use reports; compare province=Ninh Bình year=2021..2023 rate"], in: folder)
            #expect(quiet.stdout == run.stdout)
            #expect(quiet.stderr == "")
            // An empty answer is its header and no row (its note on standard error); one the verb cannot give
            // columns to (trend of nothing) is no text at all, not even a separator.
            let empty = try Binary.run(["--format", "csv", "-c", "count; count by year rate>50; trend rate province=Ninh Bình rate>50; count"], in: folder)
            #expect(empty.stdout == "count\n14\n\nyear,count\n\ncount\n14\n")
            #expect(empty.stderr == "note: (no rows)\nnote: no row matches rate>50 in reports\nnote: (no rows)\n"
                + "note: no row matches all the filters together (province=Ninh Bình keeps 2; rate>50 keeps 0)\n")
        }
    }

    /// `--output FILE` receives the results; standard output stays empty.
    @Test func outputToAFile() throws {
        try Binary.withFolder { folder in
            let run = try Binary.run(["--format", "csv", "--output", "result.csv", "-c", "count by year year>=2023"], in: folder)
            #expect(run.status == 0)
            #expect(run.stdout == "")
            #expect(try String(contentsOfFile: folder + "/result.csv", encoding: .utf8) == "year,count\n2023,2\n2025,1\n")
            let unwritable = try Binary.run(["--output", "no/such/folder/r.csv", "-c", "count"], in: folder)
            #expect(unwritable.status == 3)
            #expect(unwritable.stderr == "no/such/folder/r.csv: error: cannot write this file: No such file or directory\n")
        }
    }

    /// A well-formed question with no answer is an empty result and a note, exit 0; a value that matches
    /// nothing is still an error with a suggestion.
    @Test func anEmptyAnswerIsNotAnError() throws {
        try Binary.withFolder { folder in
            let empty = try Binary.run(["-c", "show province=Ninh Bình year rate rate>50"], in: folder)
            #expect(empty.status == 0)
            #expect(empty.stdout == "year   rate\n(no rows)\nnote: no row matches all the filters together (province=Ninh Bình keeps 2; rate>50 keeps 0)\n")
            let json = try Binary.run(["--format", "json", "-c", "count by province rate>50"], in: folder)
            #expect(json.status == 0)
            #expect(json.stdout == "{\"columns\":[\"province\",\"count\"],\"rows\":[],\"notes\":[\"no row matches rate>50 in reports\"]}\n")
            #expect(json.stderr == "note: no row matches rate>50 in reports\n")
            let typo = try Binary.run(["-c", "show province=Ninh Binhh"], in: folder)
            #expect(typo.status == 1)
            #expect(typo.stderr.contains("did you mean Ninh Bình?"))
        }
    }

    /// `expect` makes a script fail on purpose: exit 1 with the place, and the statements after it do not run.
    @Test func expectFailsOnPurpose() throws {
        try Binary.withFolder { folder in
            try "count rate>50\nexpect rows>0\ncount\n".write(toFile: folder + "/q.solieu", atomically: true, encoding: .utf8)
            let run = try Binary.run(["--quiet", "q.solieu"], in: folder)
            #expect(run.status == 1)
            #expect(run.stdout == "count\n(no rows)\nnote: no row matches rate>50 in reports\n")
            #expect(run.stderr == "q.solieu:2:8: error: expected rows>0, but the last result has 0 rows\n  expect rows>0\n         ^^^^^^\n")
            let passes = try Binary.run(["-c", "count by year; expect rows = 8; expect rows>=1"], in: folder)
            #expect(passes.status == 0)
            let malformed = try Binary.run(["-c", "count; expect lines>0"], in: folder)
            #expect(malformed.status == 1)
            #expect(malformed.stderr.hasPrefix("error: expect takes rows, a comparison and a whole number, not 'lines>0'\n"))
        }
    }

    /// A full disk or a closed standard output ends the run with one line and exit 1, never a crash.
    @Test func writeErrorsEndTheRunWithOneLine() throws {
        try Binary.withFolder { folder in
            for redirect in [">/dev/full", ">&-"] {
                let run = try Binary.run(["-c", "exec \"$0\" -c count \(redirect)", try #require(Binary.binary)], in: folder,
                                         binary: "/bin/sh")
                #expect(run.status == 1, "\(redirect)")
                #expect(run.stderr.hasPrefix("solieu: error: cannot write the results: "), "\(redirect): \(run.stderr)")
                #expect(run.stderr.split(separator: "\n").count == 1)
            }
        }
    }

    /// The exit statuses a scheduler relies on, one case each.
    @Test func exitStatusMatrix() throws {
        try Binary.withFolder { folder in
            try "count\n".write(toFile: folder + "/ok.solieu", atomically: true, encoding: .utf8)
            let cases: [([String], Int32)] = [
                (["-c", "count"], 0),
                (["ok.solieu"], 0),
                (["-c", "count rate>50"], 0),
                (["-c", "count by provnce"], 1),
                (["-c", "help nosuch"], 1),
                (["-c", "count; expect rows=2"], 1),
                (["--no-such-option"], 2),
                (["--format", "xml", "-c", "count"], 2),
                (["--set", "no-equals", "-c", "count"], 2),
                (["missing.solieu"], 3),
                (["--load", "missing.csv", "-c", "count"], 3),
                (["--init", "missing.solieu", "-c", "count"], 3),
                ([folder], 3),
            ]
            for (arguments, status) in cases {
                let run = try Binary.run(arguments, in: folder)
                #expect(run.status == status, "solieu \(arguments.joined(separator: " ")): \(run.stderr)")
                if status != 0 { #expect(!run.stderr.isEmpty, "\(arguments)") }
                if status >= 2 { #expect(run.stdout.isEmpty, "\(arguments)") }
            }
            let help = try Binary.run(["--help"], in: folder)
            #expect(help.status == 0)
            #expect(help.stdout.contains("Exit status:\n  0  success"))
            #expect(help.stdout.contains("\n  3  a script, --load or --init file cannot be read"))
        }
    }
}
