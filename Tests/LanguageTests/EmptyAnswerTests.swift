import Engine
import Language
import Testing

/// Well-formed filters that keep no row give every verb an empty result under its own columns, with the
/// note that says which filter kept nothing; a value that matches nothing stays an error.
@Suite struct EmptyAnswerTests {
    static let cases: [(statement: String, columns: [String])] = [
        ("show province year rate>99", ["province", "year"]),
        ("count rate>99", ["count"]),
        ("count by province rate>99", ["province", "count"]),
        ("sum poor_households by year rate>99", ["year", "sum(poor_households)"]),
        ("mean rate rate>99", ["mean(rate)"]),
        ("median rate rate>99", ["median(rate)"]),
        ("stddev rate rate>99", ["stddev(rate)"]),
        ("min rate rate>99", ["min(rate)"]),
        ("max rate rate>99", ["max(rate)"]),
        ("rank province by rate rate>99", ["rank", "province", "rate"]),
        ("compare province=Ninh Bình year=2021..2023 rate rate>99", ["province", "2021", "2023", "change (pp)", "change %", "per year (pp)"]),
        ("trend rate province=Ninh Bình rate>99", []),
    ]

    @Test(arguments: cases.indices)
    func anEmptyAnswerKeepsTheVerbsColumns(_ index: Int) throws {
        let (statement, columns) = Self.cases[index]
        let session = try Transcript.session()
        guard case .table(let result) = try session.run(statement) else {
            Issue.record("\(statement): no table")
            return
        }
        #expect(result.table.rowCount == 0, "\(statement)")
        #expect(result.table.columns.map { result.header(of: $0) } == columns, "\(statement)")
        #expect(result.notes.count == 1)
        #expect(result.notes[0].en.hasPrefix("no row matches "), "\(statement): \(result.notes[0].en)")
        #expect(session.lastResult?.table.rowCount == 0)
    }

    @Test func aValueThatMatchesNothingIsStillAnError() throws {
        let session = try Transcript.session()
        #expect(throws: LanguageError.self) { try session.run("show province=Ninh Binhh") }
        #expect(throws: LanguageError.self) { try session.run("show year=2030") }
        #expect(throws: LanguageError.self) { try session.run("show year=2030..2031") }
        // An empty filter does not hide a mistake elsewhere in the statement.
        #expect(throws: LanguageError.self) { try session.run("count by district rate>50") }
        #expect(throws: LanguageError.self) { try session.run("show provnce rate>50") }
    }
}
