import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Handouts made by the program: `--echo` keeps a script's comments as narrative, `--echo --format
/// markdown` fences statements, `--echo --format html` writes one self-contained page with the charts in it.
/// (scripts/checks/handout.py renders the page in headless Chromium and looks for the chart in the picture.)
@Suite struct HandoutTests {
    static let script = Transcript.repositoryRoot + "/docs/examples/teaching/reading-a-rate.solieu"

    /// The elements of a page, read by an XML parser (the page is well-formed XML as well as HTML).
    final class PageReader: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var text: [String: String] = [:]
        private var open: [String] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append((name, attributes))
            open.append(attributes["class"].map { name + "." + $0 } ?? name)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { open.removeLast() }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            for key in open { text[key, default: ""] += string }
        }
        func count(_ name: String, class wanted: String? = nil) -> Int {
            elements.filter { $0.name == name && (wanted == nil || $0.attributes["class"] == wanted) }.count
        }
    }

    @Test func theHTMLPageHoldsNarrativeStatementsTablesAndCharts() throws {
        let run = try ShellBinaryTests.withFolder { try ShellBinaryTests.run(["--echo", "--format", "html", Self.script], in: $0) }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "")
        let page = run.stdout
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"))
        #expect(page.hasSuffix("</body>\n</html>\n"))
        let parser = XMLParser(data: Data(page.utf8))
        let reader = PageReader()
        parser.delegate = reader
        #expect(parser.parse(), "the page is not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        // Self-contained: no script, no style sheet or picture fetched from elsewhere.
        #expect(reader.count("script") == 0 && reader.count("link") == 0 && reader.count("img") == 0)
        #expect(!page.contains("src=") && !page.contains("href="))
        #expect(reader.count("style") == 1)
        #expect(page.contains("@page { size: A4;"))
        // Five comment paragraphs, eight statements, four tables, two charts in the order of the script.
        #expect(reader.count("p", class: "narrative") == 5)
        #expect(reader.count("pre", class: "statement") == 8)
        #expect(reader.count("table") == 4)
        #expect(reader.count("figure", class: "chart") == 2)
        #expect(reader.count("svg") == 2)
        #expect(reader.count("polyline") == 2, "one line for Ninh Bình, one for Kon Tum")
        #expect(reader.text["p.narrative"]?.contains("not \"1.21 %\"") == true)
        #expect(reader.text["figure.chart"]?.contains("Source: dataset gso (datasets/gso_poverty_by_province.csv)") == true)
        #expect(reader.text["ul.notes"]?.contains("note: rate is a rate: mean(rate) is the unweighted mean") == true)
        let cells = reader.elements.filter { $0.name == "td" }.count
        #expect(cells == 6 + 16 * 3 + 6 * 2 + 1)
        #expect(reader.text["table"]?.contains("−1.21") == true)
    }

    @Test func vietnameseHandoutsHaveVietnameseCharts() throws {
        let run = try ShellBinaryTests.withFolder { try ShellBinaryTests.run(["--echo", "--format", "html", Self.script], in: $0, environment: ["LANG": "vi_VN.UTF-8"]) }
        #expect(run.status == 0)
        #expect(run.stdout.contains("<html lang=\"vi\">"))
        #expect(run.stdout.contains("<title>tỷ lệ hộ nghèo (%) theo năm</title>"))
        #expect(run.stdout.contains(">Nguồn: bộ dữ liệu gso (datasets/gso_poverty_by_province.csv)</text>"))
        #expect(run.stdout.contains("<li>lưu ý: rate là tỷ lệ: mean(rate) là trung bình cộng không trọng số"))
    }

    /// Markdown: statements fenced, narrative as paragraphs, the block-character chart fenced too.
    @Test func markdownFencesStatementsAndKeepsNarrative() throws {
        let run = try ShellBinaryTests.withFolder { folder -> ShellBinaryTests.Run in
            try "# Ninh Bình, from its own report.\ncompare province=Ninh Bình year=2021..2023 rate\n# The change is in points.\nchart\n"
                .write(toFile: folder + "/h.solieu", atomically: true, encoding: .utf8)
            return try ShellBinaryTests.run(["--echo", "--format", "markdown", "h.solieu"], in: folder)
        }
        #expect(run.status == 0)
        #expect(run.stdout == """
            Ninh Bình, from its own report.

            ```
            reports> compare province=Ninh Bình year=2021..2023 rate
            ```

            | province | 2021 | 2023 | change (pp) | change % | per year (pp) |
            |---|---:|---:|---:|---:|---:|
            | Ninh Bình | 3.07 | 1.86 | −1.21 | −39.4 % | −0.60 |

            Note: no row for 2022 in this range

            The change is in points.

            ```
            reports> chart
            ```

            ```text
            change (pp) by province
            Ninh Bình  ████████████████████████████████████████ −1.21 pp
            (a bar's length is the size of the change; its sign is in the figure)
            change (pp)
            Source: dataset reports (datasets/reports.csv)
            ```


            """)
    }

    /// `--echo` in a table keeps the comments as written; a script run without `--echo` says nothing of them.
    @Test func echoKeepsCommentsAsNarrative() throws {
        let (echoed, plain) = try ShellBinaryTests.withFolder { folder -> (ShellBinaryTests.Run, ShellBinaryTests.Run) in
            try "# First the count.\n#\n# Then nothing else.\ncount\n# The end.\n".write(toFile: folder + "/n.solieu", atomically: true, encoding: .utf8)
            return (try ShellBinaryTests.run(["--echo", "n.solieu"], in: folder), try ShellBinaryTests.run(["n.solieu"], in: folder))
        }
        #expect(echoed.stdout == "# First the count.\n\n# Then nothing else.\n\nreports> count\ncount\n   14\n\n# The end.\n\n")
        #expect(plain.stdout == "count\n   14\n")
    }

    /// An error in an HTML handout is shown in the page too, where it happened, and the page is still whole.
    @Test func anErrorIsInThePage() throws {
        let run = try ShellBinaryTests.withFolder { try ShellBinaryTests.run(["--echo", "--format", "html", "--keep-going", "-c", "cuont; count"], in: $0) }
        #expect(run.status == 1)
        #expect(run.stdout.contains("<pre class=\"error\">error: 'cuont' is not a verb\n  cuont\n  ^^^^^\n  did you mean count?\n  try: count</pre>\n<pre class=\"statement\"><code>reports&gt; count</code></pre>\n"), "\(run.stdout)")
        #expect(run.stdout.hasSuffix("</body>\n</html>\n"))
        #expect(run.stderr.contains("cuont"))
    }
}
