import Engine

extension Verb {
    static let expect = Verb(
        name: "expect", aliases: ["kiem_tra", "kiemtra"], arguments: .raw,
        syntax: "expect rows COMPARISON N",
        summary: Message(en: "fail on purpose unless the last result has as many rows as expected",
                         vi: "cố ý báo lỗi nếu kết quả gần nhất không có số dòng như mong đợi"),
        details: Message(
            en: "An empty result is an answer, not an error; a script that must have rows says so with `expect rows>0`, and then stops (exit status 1) when there are none. The comparison is one of = != < <= > >=.",
            vi: "Kết quả rỗng là một câu trả lời, không phải lỗi; kịch bản cần có dòng thì ghi `expect rows>0`, khi đó sẽ dừng (mã thoát 1) nếu không có dòng nào. Phép so sánh là một trong = != < <= > >=."),
        examples: ["count by province", "expect rows>0", "expect rows=7"],
        action: { statement, session in
            try checkExpectation(statement, session)
            return .nothing
        })
}

/// Compares the last result's row count with `rows OP N`.
/// - Throws: `LanguageError` when the expectation is malformed, when there is no result yet, or when it fails.
func checkExpectation(_ statement: Statement, _ session: Session) throws {
    let example = "expect rows>0"
    guard let raw = statement.rawArgument, !raw.text.isEmpty else {
        throw LanguageError(Catalogue.expectNeedsCondition,
                            at: statement.verb.span, example: example)
    }
    let text = raw.text.filter { !$0.isWhitespace }
    let operators: [(String, (Int, Int) -> Bool)] = [("!=", (!=)), ("<=", (<=)), (">=", (>=)), ("=", (==)), ("<", (<)), (">", (>))]
    guard TextFolding.fold(String(text.prefix(4))) == "rows",
          let (symbol, compare) = operators.first(where: { text.dropFirst(4).hasPrefix($0.0) }),
          let wanted = Int(text.dropFirst(4 + symbol.count)), wanted >= 0 else {
        throw LanguageError(Catalogue.expectSyntax(raw.text),
                            at: raw.span, example: example)
    }
    guard let result = session.lastResult else {
        throw LanguageError(Catalogue.nothingToCheck,
                            at: statement.verb.span, example: "count by province")
    }
    let rows = result.table.rowCount
    guard compare(rows, wanted) else {
        throw LanguageError(Catalogue.expectationFailed("rows\(symbol)\(wanted)", rows: rows),
                            at: raw.span)
    }
}
