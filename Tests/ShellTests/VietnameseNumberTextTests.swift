import Engine
import Language
import Testing
@testable import Shell

/// Numbers in a Vietnamese table are written as GSO writes them (`26.164` households, a rate of `3,07`),
/// while csv and json keep the one machine text whatever the language.
@Suite struct VietnameseNumberTextTests {
    @Test func separatorsSwapInVietnamese() {
        #expect(NumberText.cell(.integer(26_164), role: .value, decimals: 2, language: .vi) == "26.164")
        #expect(NumberText.cell(.integer(26_164), role: .value, decimals: 2, language: .en) == "26,164")
        #expect(NumberText.cell(.decimal(3.07), role: .percent, decimals: 2, language: .vi) == "3,07")
        #expect(NumberText.cell(.decimal(-39.41), role: .percentChange, decimals: 2, language: .vi) == "−39,4 %")
        #expect(NumberText.cell(.decimal(-1.21), role: .percentagePoints, decimals: 2, language: .vi) == "−1,21")
        #expect(NumberText.cell(.decimal(-1234.5), role: .value, decimals: 2, language: .vi) == "−1.234,50")
        #expect(NumberText.cell(.integer(-3318), role: .change, decimals: 2, language: .vi) == "−3.318")
        #expect(NumberText.cell(.integer(9_007_199_254_740_993), role: .value, decimals: 2, language: .vi) == "9.007.199.254.740.993")
    }

    @Test func yearsCodesAndTextStayAsTheyAre() {
        #expect(NumberText.cell(.integer(2023), role: .label, decimals: 2, language: .vi) == "2023")
        #expect(NumberText.cell(.text("6,8 và 1.234"), role: .value, decimals: 2, language: .vi) == "6,8 và 1.234")
        #expect(NumberText.cell(.missing, role: .value, decimals: 2, language: .vi) == "–")
        #expect(NumberText.cell(.boolean(true), role: .value, decimals: 2, language: .vi) == "đúng")
        #expect(NumberText.cell(.boolean(false), role: .value, decimals: 2, language: .en) == "false")
    }

    /// Figures in running text take the same convention as the tables: the English text with its separators
    /// swapped (a count is not grouped in either language; a year has no separator to swap).
    @Test func figuresInMessagesFollowTheSession() {
        #expect(NumberText.text("29.07", .vi) == "29,07" && NumberText.text("29.07", .en) == "29.07")
        #expect(NumberText.text("2023", .vi) == "2023")
        #expect(Catalogue.statementTime(milliseconds: 1.25).vi == "thời gian: 1,25 ms")
        #expect(Catalogue.statementTime(milliseconds: 1.25).en == "time: 1.25 ms")
        #expect(Catalogue.noRowHas("rate", equal: "99.55", present: ("0", "58.2")).vi == "không có dòng nào có rate=99.55 (các giá trị từ 0 đến 58,2)")
    }

    /// The brief's example, in a Vietnamese table and in csv and json in Vietnamese mode.
    @Test func compareInEachFormat() throws {
        let session = try TestSession.make()
        session.settings.language = .vi
        guard case .table(let result) = try session.run("compare province=Ninh Bình year=2021..2023 rate") else {
            Issue.record("compare gave no table")
            return
        }
        let lines = try TextTableRenderer().render(result, settings: session.settings).split(separator: "\n")
        let cells = lines.map { $0.split(separator: #/  +/#).map(String.init) }
        #expect(cells[0] == ["province", "2021", "2023", "thay đổi (đpt)", "thay đổi %", "bình quân năm (đpt)"])
        #expect(cells[1] == ["Ninh Bình", "3,07", "1,86", "−1,21", "−39,4 %", "−0,60"])
        #expect(lines.last?.hasPrefix("lưu ý: ") == true, "\(lines)")
        // csv keeps the column names and the exact numbers, whatever the language.
        let csv = try CSVRenderer().render(result, settings: session.settings).split(separator: "\n")
        #expect(csv[0] == "province,2021,2023,change (pp),change %,per year (pp)")
        #expect(csv[1].hasPrefix("Ninh Bình,3.07,1.86,-1.2"), "\(csv)")
        let json = try JSONRenderer().render(result, settings: session.settings)
        #expect(json.contains("{\"province\":\"Ninh Bình\",\"2021\":3.07,\"2023\":1.86,\"change (pp)\":-1.2"), "\(json)")
        let markdown = try MarkdownRenderer().render(result, settings: session.settings)
        #expect(markdown.contains("| Ninh Bình | 3,07 | 1,86 | −1,21 | −39,4 % | −0,60 |"), "\(markdown)")
        #expect(markdown.contains("\nLưu ý: "), "\(markdown)")
    }
}
