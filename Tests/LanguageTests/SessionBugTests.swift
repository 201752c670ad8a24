import Engine
import Foundation
@testable import Language
import Testing

/// Bugs found while writing the language tests, shown end to end through a Session on the built-in data.
/// Each test states what the documentation promises; they fail until the bug is fixed.
@Suite struct SessionBugTests {
    /// rate of each reports row, in file order.
    static let rates: [Double?] = [7.6, 6.8, nil, 0.8, 0.52, 2.04, 1.51, nil, nil, 26.11, 20.3, nil, 3.07, 1.86]

    static func column(_ session: Session, _ statement: String, _ name: String) throws -> [Double?] {
        guard case .table(let result) = try session.run(statement) else {
            Issue.record("\(statement): no table")
            return []
        }
        let column = try #require(result.table.column(named: name))
        return (0..<column.count).map { column.value(at: $0).number }
    }

    @Test func theRatesAreAsExpected() throws {
        let session = try Transcript.session()
        #expect(try Self.column(session, "show rate", "rate") == Self.rates)
    }

    /// docs/language.md: expression := … | expression (+ - * /) expression.
    ///
    /// BUG: `let y = -rate` succeeds but y equals rate: the sign is silently dropped. Lexer.tokens reads
    /// `-rate` as one word "-rate" (the `where` clause of `case "-", "−" where …` guards "−" only), and
    /// Binder.column finds it because TextFolding.fold turns "-" into a space and trims it.
    @Test func unaryMinusNegates() throws {
        let session = try Transcript.session()
        _ = try session.run("let y = -rate")
        #expect(try Self.column(session, "show y", "y") == Self.rates.map { $0.map { -$0 } })
    }

    /// BUG: `let z = rate - 1` fails with "'-' is not expected here" (same cause as above).
    @Test func subtraction() throws {
        let session = try Transcript.session()
        var error: LanguageError? = nil
        do { _ = try session.run("let z = rate - 1") } catch let e as LanguageError { error = e }
        #expect(error == nil, "\(error?.message.en ?? "")")
        if error == nil {
            let z = try Self.column(session, "show z", "z")
            // Exact: each rate is written with at most two places, so rate - 1 is the nearest double of the decimal.
            #expect(zip(z, Self.rates).allSatisfy { a, b in a == b.map { ExactDecimal.difference($0, 1) } })
        }
        var measureError: LanguageError? = nil
        do { _ = try session.run("measure gap = 30 - max(rate)") } catch let e as LanguageError { measureError = e }
        #expect(measureError == nil, "\(measureError?.message.en ?? "")")
    }

    /// `load PATH` takes the rest of the line as the path.
    ///
    /// Was a bug when these tests were written (the whole statement was lexed, so `@` or `[` in a path
    /// gave "'@' has no meaning here"); fixed meanwhile in Parser.parse. Kept as a regression test.
    @Test func loadTakesAnyPath() throws {
        let folder = NSTemporaryDirectory() + "solieu_langtests_paths_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/bao_cao[2023]@v2.csv"
        try "province,rate\nKon Tum,3.5\n".write(toFile: path, atomically: true, encoding: .utf8)
        let session = try Transcript.session()
        var error: LanguageError? = nil
        do { _ = try session.run("load \(path) as bc") } catch let e as LanguageError { error = e }
        #expect(error == nil, "\(error?.message.en ?? "")")
        #expect(session.currentName == "bc")
    }

    /// Values typed as the data spells them select rows, even when one of their words folds to a keyword
    /// or a column name.
    ///
    /// BUG (Parser.literal / Parser.isKeyword compare folded words): with Vietnamese headers, where `năm`
    /// is the period column, `compare tỉnh=Quảng Nam năm=2021..2022 tỷ_lệ` fails with
    /// "no tỉnh matches 'Quảng'" (and the error's "try:" line suggests `tỉnh=Quảng Nam Nam`, which fails
    /// again); `count district=Ba Tơ` fails with "'Tơ' needs a name after it".
    @Test func vietnameseValuesWithWordsThatFoldToNames() throws {
        let session = try Transcript.session()
        let table = try Table(name: "vn", columns: [
            Column(name: "tỉnh", values: ["Quảng Nam", "Quảng Nam", "Hà Nam", "Hà Nam"].map { .text($0) }),
            Column(name: "huyện", values: ["Ba Tơ", "Núi Thành", "Duy Tiên", "Ba Tơ"].map { .text($0) }),
            Column(name: "năm", values: [2021, 2022, 2021, 2022].map { .integer($0) }),
            Column(name: "tỷ_lệ", values: [7.6, 6.8, 2.0, 1.5].map { .decimal($0) }),
        ])
        session.add(Dataset(table: table, origin: "test"), makeCurrent: true)
        var compared: ResultTable? = nil
        do {
            if case .table(let r) = try session.run("compare tỉnh=Quảng Nam năm=2021..2022 tỷ_lệ") { compared = r }
        } catch let e as LanguageError { Issue.record("compare: \(e.message.en)") }
        #expect(compared?.table.columnNames == ["tỉnh", "2021", "2022", "change (pp)", "change %", "per year (pp)"])
        #expect(compared.map { Array($0.table.row(0).prefix(3)) } == [.text("Quảng Nam"), .decimal(7.6), .decimal(6.8)])
        #expect(compared?.table.row(0)[3].number.map { abs($0 - -0.8) < 1e-12 } == true)
        var counted: ResultTable? = nil
        do {
            if case .table(let r) = try session.run("count huyện=Ba Tơ") { counted = r }
        } catch let e as LanguageError { Issue.record("count: \(e.message.en)") }
        #expect(counted?.table.row(0) == [.integer(2)])
    }
}
