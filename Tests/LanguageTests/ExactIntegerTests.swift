import Engine
import Foundation
@testable import Language
import Testing

/// Statements compare whole numbers as 64-bit integers: a filter on 9007199254740993 finds that row and no
/// other, and the messages name values exactly.
@Suite struct ExactIntegerTests {
    static func session() throws -> Session {
        let session = try Transcript.session()
        let table = try Table(name: "ids", columns: [
            Column(name: "a", values: [9_007_199_254_740_992, 9_007_199_254_740_993, .min, .max].map { .integer($0) }),
            Column(name: "b", values: [1, 2, 3, 4].map { .integer($0) }),
        ])
        session.add(Dataset(table: table, origin: "test"), makeCurrent: true)
        return session
    }

    /// The `b` values of the rows a statement keeps.
    static func kept(_ session: Session, _ statement: String) throws -> [Int64] {
        guard case .table(let result) = try session.run(statement), let b = result.table.column(named: "b") else {
            Issue.record("\(statement): no table with b")
            return []
        }
        return (0..<b.count).compactMap { if case .integer(let v) = b.value(at: $0) { v } else { nil } }
    }

    @Test func filtersCompareIntegersExactly() throws {
        let session = try Self.session()
        #expect(try Self.kept(session, "show a=9007199254740993") == [2])
        #expect(try Self.kept(session, "show a=9007199254740992") == [1])
        #expect(try Self.kept(session, "show a>9007199254740992") == [2, 4])
        #expect(try Self.kept(session, "show a>=9007199254740993") == [2, 4])
        #expect(try Self.kept(session, "show a<9007199254740993") == [1, 3])
        #expect(try Self.kept(session, "show a!=9007199254740993") == [1, 3, 4])
        #expect(try Self.kept(session, "show a=9007199254740993..9223372036854775807") == [2, 4])
        #expect(try Self.kept(session, "show a=9007199254740992,9223372036854775807") == [1, 4])
        #expect(try Self.kept(session, "show a=-9223372036854775808") == [3])
        #expect(try Self.kept(session, "show a=−9223372036854775808") == [3])
    }

    /// Comparisons inside expressions (`let`) compare whole numbers exactly too.
    @Test func expressionComparisonsAreExact() throws {
        let session = try Self.session()
        _ = try session.run("let hit = a = 9007199254740993")
        guard case .table(let result) = try session.run("show hit"), let hit = result.table.column(named: "hit") else {
            Issue.record("no hit column")
            return
        }
        #expect((0..<hit.count).map { hit.value(at: $0) } == [.boolean(false), .boolean(true), .boolean(false), .boolean(false)])
        _ = try session.run("let above = a > 9007199254740992")
        guard case .table(let above) = try session.run("show above"), let column = above.table.column(named: "above") else { return }
        #expect((0..<column.count).map { column.value(at: $0) } == [.boolean(false), .boolean(true), .boolean(false), .boolean(true)])
    }

    @Test func valuesThatMatchNothingAreNamedExactly() throws {
        let session = try Self.session()
        do {
            _ = try session.run("show a=9007199254740994")
            Issue.record("a value in no row was accepted")
        } catch let error as LanguageError {
            #expect(error.message.en == "no row has a=9007199254740994 (values run from -9223372036854775808 to 9223372036854775807)")
            #expect(error.message.vi == "không có dòng nào có a=9007199254740994 (các giá trị từ -9223372036854775808 đến 9223372036854775807)")
            #expect(error.suggestions == ["9007199254740992", "9007199254740993"])
        }
        // A range written backwards is told apart by one, beyond 2^53.
        #expect(throws: LanguageError.self) { try session.run("show a=9007199254740993..9007199254740992") }
    }

    @Test func literalsKeepTheirDigits() {
        func literal(_ text: String, quoted: Bool = false) -> Literal {
            Literal(text: text, quoted: quoted, span: SourceSpan(column: 1, endColumn: text.count + 1))
        }
        #expect(literal("9007199254740993").constant == .integer(9_007_199_254_740_993))
        #expect(literal("-9223372036854775808").constant == .integer(.min))
        #expect(literal("+12").constant == .integer(12))
        #expect(literal("5%").constant == .integer(5))
        #expect(literal("9223372036854775808").constant == .decimal(9_223_372_036_854_775_808.0))
        #expect(literal("6.8").constant == .decimal(6.8))
        #expect(literal("12", quoted: true).constant == nil)
    }
}
