import Foundation
import Testing

/// One quarterly script for every year and province: paths taken from the script's folder, `--set`
/// parameters, the init file, the locale's language; and the smaller promises of the prompt's verbs.
@Suite struct ReusableScriptTests {
    typealias Binary = ShellBinaryTests

    /// A report folder with a script that runs a helper, loads a CSV and exports, all by relative path, run
    /// from another directory; `--set year=…` changes its answer.
    @Test func aQuarterlyScriptWorksFromAnyDirectory() throws {
        try Binary.withFolder { folder in
            let report = folder + "/report"
            try FileManager.default.createDirectory(atPath: report + "/data", withIntermediateDirectories: true)
            try "district,year,poor\nA,2022,12\nB,2022,7\nA,2023,9\nB,2023,4\nC,2023,1\n".write(toFile: report + "/data/d.csv", atomically: true, encoding: .utf8)
            try "load data/d.csv\n".write(toFile: report + "/setup.solieu", atomically: true, encoding: .utf8)
            try "run setup.solieu\nsum poor year=$year\nexport out_${year}.csv\n".write(toFile: report + "/quarterly.solieu", atomically: true, encoding: .utf8)
            let elsewhere = folder + "/elsewhere"
            try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)

            let y2023 = try Binary.run(["--quiet", "--set", "year=2023", "../report/quarterly.solieu"], in: elsewhere)
            #expect(y2023.stdout == "sum(poor)\n       14\n")
            #expect(y2023.status == 0)
            let y2022 = try Binary.run(["--quiet", "--set", "year=2022", report + "/quarterly.solieu"], in: "/")
            #expect(y2022.stdout == "sum(poor)\n       19\n")
            #expect(try String(contentsOfFile: report + "/out_2023.csv", encoding: .utf8) == "sum(poor)\n14\n")
            #expect(try String(contentsOfFile: report + "/out_2022.csv", encoding: .utf8) == "sum(poor)\n19\n")
            #expect(!FileManager.default.fileExists(atPath: elsewhere + "/out_2023.csv"))
        }
    }

    /// A script read from a device (`/dev/stdin`) has no folder of its own: its paths are the current directory's.
    @Test func aScriptFromStandardInputUsesTheCurrentDirectory() throws {
        try Binary.withFolder { folder in
            try "a\n1\n2\n".write(toFile: folder + "/d.csv", atomically: true, encoding: .utf8)
            let run = try Binary.run(["--quiet", "/dev/stdin"], stdin: "load d.csv\ncount\n", in: folder)
            #expect(run.stdout == "count\n    2\n")
            #expect(run.status == 0)
        }
    }

    /// A parameter with a space, and one that was not given: an error naming it, at its column.
    @Test func parameters() throws {
        try Binary.withFolder { folder in
            let run = try Binary.run(["--set", "province=Kon Tum", "-c", "compare province=${province} year=2015..2017 rate"], in: folder)
            #expect(run.status == 0)
            #expect(run.stdout.hasPrefix("province    2015    2017   change (pp)   change %   per year (pp)\nKon Tum    26.11   20.30         −5.81    −22.3 %           −2.90\n"))
            let unset = try Binary.run(["--set", "yaer=2023", "-c", "count year=$year"], in: folder)
            #expect(unset.status == 1)
            #expect(unset.stderr == """
                error: the parameter 'year' was not given; run with --set year=VALUE
                  count year=$year
                             ^^^^^
                  did you mean $yaer?
                  try: count year=$yaer

                """)
        }
    }

    /// The init file runs first (quietly), `--no-init` skips it, `--init FILE` replaces it.
    @Test func initFile() throws {
        try Binary.withFolder { folder in
            let config = folder + "/config"
            try FileManager.default.createDirectory(atPath: config + "/solieu", withIntermediateDirectories: true)
            try "set language vi\nset decimals 1\n".write(toFile: config + "/solieu/init.solieu", atomically: true, encoding: .utf8)
            let environment = ["XDG_CONFIG_HOME": config]
            let withInit = try Binary.run(["-c", "compare province=Ninh Bình year=2021..2023 rate"], in: folder, environment: environment)
            #expect(withInit.stdout.hasPrefix("province    2021   2023   thay đổi (đpt)   thay đổi %   bình quân năm (đpt)\nNinh Bình    3,1    1,9             −1,2"),
                    "\(withInit.stdout)")
            #expect(withInit.stdout.hasSuffix("\nlưu ý: không có dòng nào cho 2022 trong khoảng này\n"), "\(withInit.stdout)")
            let without = try Binary.run(["--no-init", "-c", "count by provnce"], in: folder, environment: environment)
            #expect(without.stderr.hasPrefix("error: there is no column"))
            #expect(try Binary.run(["-c", "count by provnce"], in: folder, environment: environment).stderr.hasPrefix("lỗi: "))
            try "set decimals 3\n".write(toFile: folder + "/other.solieu", atomically: true, encoding: .utf8)
            let other = try Binary.run(["--init", "other.solieu", "-c", "show province=Ninh Bình year=2021 rate"], in: folder, environment: environment)
            #expect(other.stdout == " rate\n3.070\n")
            let failing = try Binary.run(["--init", "other.solieu", "-c", "count"], in: folder, environment: ["XDG_CONFIG_HOME": "/nonexistent"])
            #expect(failing.status == 0)
        }
    }

    /// The locale's language: LC_ALL before LC_MESSAGES before LANG.
    @Test func vietnameseLocaleStartsInVietnamese() throws {
        try Binary.withFolder { folder in
            for environment in [["LANG": "vi_VN.UTF-8"], ["LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"], ["LC_MESSAGES": "vi_VN.UTF-8"]] {
                let run = try Binary.run(["-c", "count by provnce"], in: folder, environment: environment)
                #expect(run.stderr.hasPrefix("lỗi: "), "\(environment): \(run.stderr)")
            }
            let english = try Binary.run(["-c", "count by provnce"], in: folder, environment: ["LC_ALL": "C.UTF-8", "LANG": "vi_VN.UTF-8"])
            #expect(english.stderr.hasPrefix("error: "))
        }
    }

    @Test func helpForAnUnknownVerbIsAnError() throws {
        try Binary.withFolder { folder in
            let run = try Binary.run(["-c", "help comapre"], in: folder)
            #expect(run.status == 1)
            #expect(run.stdout == "")
            #expect(run.stderr == "error: there is no verb 'comapre'\n  help comapre\n       ^^^^^^^\n  did you mean compare?\n  try: help compare\n")
        }
    }

    @Test func negativeRowsAreRefused() throws {
        try Binary.withFolder { folder in
            let run = try Binary.run(["-c", "set rows -5", "-c", "set"], in: folder)
            #expect(run.status == 1)
            #expect(run.stderr.hasPrefix("error: set rows takes a number above 0\n"))
            let kept = try Binary.run(["-c", "set rows 3; show year; set rows 0; show year"], in: folder)
            #expect(kept.stdout.components(separatedBy: "note: 11 more rows not shown").count == 2)
        }
    }

    @Test func questionMarkIsHelp() throws {
        try Binary.withFolder { folder in
            let mark = try Binary.run(["-c", "? compare"], in: folder)
            let help = try Binary.run(["-c", "help compare"], in: folder)
            #expect(mark.status == 0)
            #expect(mark.stdout == help.stdout)
            #expect(mark.stdout.hasPrefix("compare FILTERS MEASURE"))
            let list = try Binary.run(["-c", "?"], in: folder)
            #expect(list.stdout.hasPrefix("Verbs (help VERB for details):"))
            #expect(list.stdout.contains("\n  quit      leave the prompt (also: exit, Ctrl-D)\n"))
        }
    }

    /// One row, one column, one value: singular in English; Vietnamese nouns do not change.
    @Test func oneRowIsSingular() throws {
        try Binary.withFolder { folder in
            try "a\n1\n".write(toFile: folder + "/one.csv", atomically: true, encoding: .utf8)
            let run = try Binary.run(["-c", "load one.csv; let b = a + 1; count; export c.csv"], in: folder)
            #expect(run.status == 0)
            #expect(run.stdout.contains("loaded one.csv: 1 row × 1 column (CSV)\n"))
            #expect(run.stdout.contains("added column b (integer, 1 value, 0 missing) to one\n"))
            #expect(run.stdout.contains("wrote 1 row to c.csv (csv)\n"))
            let more = try Binary.run(["-c", "set rows 13; show year"], in: folder)
            #expect(more.stdout.hasSuffix("note: 1 more row not shown (set rows 14 to see all)\n"))
            let vi = try Binary.run(["-c", "set language vi; load one.csv; count; export c.csv"], in: folder)
            #expect(vi.stdout.contains("đã ghi 1 dòng vào c.csv (csv)\n"))
        }
    }

    /// A copy of the program in an empty folder, far from the checkout, answers from its built-in data.
    @Test func aCopiedBinaryCarriesItsData() throws {
        try Binary.withFolder { folder in
            let copy = folder + "/bin/solieu"
            try FileManager.default.createDirectory(atPath: folder + "/bin", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: try #require(Binary.binary), toPath: copy)
            let run = try Binary.run(["-c", "compare province=ninh binh year=2021..2023 rate"], in: folder, binary: copy)
            #expect(run.status == 0)
            #expect(run.stdout.hasPrefix("province    2021   2023   change (pp)   change %   per year (pp)\nNinh Bình   3.07   1.86         −1.21"))
        }
    }
}
