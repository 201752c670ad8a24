import Language
import Testing

/// `$name`, `${name}` and `$$` in statements, and the error for a parameter that was not given.
@Suite struct ParameterTests {
    let values = ["year": "2023", "province": "Kon Tum", "p_1": "x"]

    @Test func substitution() throws {
        #expect(try Parameters.substitute("compare province=${province} year=$year rate", values) == "compare province=Kon Tum year=2023 rate")
        #expect(try Parameters.substitute("show $p_1,${year}x", values) == "show x,2023x")
        #expect(try Parameters.substitute("count $$year $ 5 $", values) == "count $year $ 5 $")
        #expect(try Parameters.substitute("count", [:]) == "count")
    }

    @Test func aParameterNotGivenIsNamedAtItsColumn() {
        do {
            _ = try Parameters.substitute("count year=${yr}", values, line: 4)
            Issue.record("no error")
        } catch let error as LanguageError {
            #expect(error.message.en == "the parameter 'yr' was not given; run with --set yr=VALUE")
            #expect(error.message.vi == "chưa có giá trị cho tham số 'yr'; hãy chạy với --set yr=GIÁ_TRỊ")
            #expect(error.span == SourceSpan(line: 4, column: 12, endColumn: 17))
            #expect(error.suggestions == ["$year"])
        } catch {
            Issue.record("\(error)")
        }
        #expect(throws: LanguageError.self) { try Parameters.substitute("count ${year", values) }
    }
}
