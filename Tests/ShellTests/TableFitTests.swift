import Foundation
import Language
import Testing
@testable import Shell

/// A text table at a terminal is fitted to its width: long cells cut with `…`, columns left out with a
/// note when still too wide; nothing is cut without a width (files, pipes).
@Suite struct TableFitTests {
    @Test func columnsThatFitKeepTheirWidths() {
        #expect(TableFit(natural: [10, 20, 5], available: 80, gap: 3).widths == [10, 20, 5])
        #expect(TableFit(natural: [10, 20, 5], available: 41, gap: 3).widths == [10, 20, 5])
    }

    @Test func theWidestAreNarrowedToOneCap() {
        // 10 + 3 + 30 + 3 + 25 = 71 in 50 columns: a cap of 17 gives 10 + 3 + 17 + 3 + 17 = 50.
        #expect(TableFit(natural: [10, 30, 25], available: 50, gap: 3).widths == [10, 17, 17])
    }

    @Test func columnsAreLeftOutFromTheRightWhenEvenTheNarrowestDoNotFit() {
        // Eight columns at the narrowest 16 need 8 × 16 + 7 × 3 = 149 columns; three need 54; two fit in 40,
        // and then share the room: 2 × 18 + 3 = 39.
        #expect(TableFit(natural: Array(repeating: 20, count: 8), available: 40, gap: 3).widths == [18, 18])
        // A narrow column stays as it is when others are left out.
        #expect(TableFit(natural: [4, 30, 30, 30], available: 30, gap: 3).widths == [4, 23])
        #expect(TableFit(natural: [200], available: 40, gap: 3).widths == [40])
    }

    @Test func aWideResultIsCutAndNarrowedWithANote() throws {
        let session = try TestSession.make()
        let runner = StatementRunner(session: session)
        runner.output = { _ in }
        runner.errors = { _ in }
        #expect(runner.run("use gso"))
        #expect(runner.run("show province=Hà Giang year=2023 limit 1"))
        let result = try #require(session.lastResult)
        let fitted = try TextTableRenderer(width: 70).render(result, settings: session.settings)
        #expect(fitted == """
            code   province   year    rate   preliminary   series
            02     Hà Giang   2023   29.07             1   gso_V14.49_multidimens…
            note: 4 columns left out to fit the terminal's 70 columns: source_label, source, region, unit_2025 (set format line shows every column)

            """)
        for line in fitted.split(separator: "\n").dropLast() { #expect(DisplayWidth.of(String(line)) <= 70) }
        // Without a width (a file, a pipe) nothing is cut.
        let full = try TextTableRenderer().render(result, settings: session.settings)
        #expect(full.contains("gso_V14.49_multidimensional") && full.contains("Trung du và miền núi phía Bắc"))
    }
}
