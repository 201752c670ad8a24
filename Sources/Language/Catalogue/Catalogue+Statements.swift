/// Errors of typing a statement: the lexer's characters and quotes, the parser's grammar, `${parameters}`
/// and names that need backticks. Each says what is wrong at the marked place; the example that goes with
/// it stays at the call site, next to the grammar it illustrates.
extension Catalogue {
    // Characters and quotes (the lexer).
    public static let unclosedQuote = Message(en: "this quote is never closed", vi: "dấu ngoặc kép này chưa được đóng")

    public static func meaninglessCharacter(_ character: Character) -> Message {
        Message(en: "'\(character)' has no meaning here", vi: "ký tự '\(character)' không có nghĩa ở đây")
    }

    public static let unclosedBacktick = Message(en: "this backtick is never closed: a name in backticks ends with another `",
                                                 vi: "dấu ` này chưa được đóng: tên trong dấu ` phải kết thúc bằng một dấu ` nữa")
    public static let emptyBackticks = Message(en: "there is no name between these backticks", vi: "giữa hai dấu ` không có tên nào")

    // Grammar (the parser).
    public static let emptyStatement = Message(en: "empty statement", vi: "câu lệnh trống")

    public static func notAVerb(_ word: String) -> Message {
        Message(en: "'\(word)' is not a verb", vi: "'\(word)' không phải là một lệnh")
    }

    public static func columnNameNeeded(after keyword: String) -> Message {
        Message(en: "'\(keyword)' needs a column name after it", vi: "sau '\(keyword)' cần tên cột")
    }

    /// `year=` with nothing after it: the column and the comparison as typed.
    public static func filterValueNeeded(_ filter: String) -> Message {
        Message(en: "'\(filter)' needs a value", vi: "'\(filter)' cần một giá trị")
    }

    public static let rangeEndNeeded = Message(en: "a range needs an end: a..b", vi: "khoảng cần điểm cuối: a..b")
    public static let listNeedsEquality = Message(en: "a list or range goes with = or != only", vi: "danh sách hoặc khoảng chỉ dùng với = hoặc !=")

    public static func backtickedValue(_ text: String) -> Message {
        Message(en: "`\(text)` in backticks is a name; a value is written as it is, or in double quotes",
                vi: "`\(text)` trong dấu ` là một tên; giá trị được viết nguyên dạng, hoặc trong dấu ngoặc kép")
    }

    public static let valueNeeded = Message(en: "a value is needed here", vi: "cần một giá trị ở đây")
    public static let definitionNameNeeded = Message(en: "a name is needed: NAME = EXPRESSION", vi: "cần một tên: TÊN = BIỂU_THỨC")
    public static let spacedNameNeedsBackticks = Message(en: "a name with spaces or punctuation is written in backticks",
                                                         vi: "tên có dấu cách hoặc dấu câu được viết trong dấu `")
    public static let equalsNeeded = Message(en: "'=' is needed after the name", vi: "cần dấu '=' sau tên")
    public static let expressionNeeded = Message(en: "an expression is needed after '='", vi: "cần biểu thức sau '='")

    public static func tooManyOperators(_ limit: Int) -> Message {
        Message(en: "this expression has more than \(limit) operators; split it with let",
                vi: "biểu thức có hơn \(limit) phép toán; hãy tách bằng let")
    }

    public static func nestedTooDeep(_ limit: Int) -> Message {
        Message(en: "this expression nests more than \(limit) levels deep", vi: "biểu thức lồng nhau quá \(limit) tầng")
    }

    public static let expressionEndsEarly = Message(en: "the expression ends too early", vi: "biểu thức kết thúc quá sớm")
    public static let closingParenthesisMissing = Message(en: "')' is missing", vi: "thiếu dấu ')'")

    public static func nameNeeded(after keyword: String) -> Message {
        Message(en: "'\(keyword)' needs a name after it", vi: "sau '\(keyword)' cần một tên")
    }

    public static func wholeNumberNeeded(after keyword: String) -> Message {
        Message(en: "'\(keyword)' needs a whole number after it", vi: "sau '\(keyword)' cần một số nguyên")
    }

    public static func unexpectedWord(_ word: String) -> Message {
        Message(en: "'\(word)' is not expected here", vi: "không mong đợi '\(word)' ở đây")
    }

    // Names with spaces or punctuation.
    public static func unknownSpacedColumn(_ typed: String) -> Message {
        Message(en: "there is no column '\(typed)'; a name with spaces or punctuation is written in backticks",
                vi: "không có cột '\(typed)'; tên có dấu cách hoặc dấu câu được viết trong dấu `")
    }

    public static func nameNeedsBackticks(_ name: String) -> Message {
        Message(en: "the name \(name) has spaces or punctuation: write it in backticks, or use its alias (describe lists them)",
                vi: "tên \(name) có dấu cách hoặc dấu câu: hãy viết trong dấu `, hoặc dùng tên gọi thay thế (describe liệt kê)")
    }

    // Parameters of a script (`${province}`, given with --set).
    public static let parameterNameNeeded = Message(en: "'${' needs a parameter name and a closing '}'", vi: "'${' cần tên tham số và dấu '}' đóng")

    public static func parameterNotGiven(_ name: String) -> Message {
        Message(en: "the parameter '\(name)' was not given; run with --set \(name)=VALUE",
                vi: "chưa có giá trị cho tham số '\(name)'; hãy chạy với --set \(name)=GIÁ_TRỊ")
    }

    /// Every message above once, with sample arguments: `Catalogue.all` lists them for the tests.
    static var statementMessages: [Message] { [
        unclosedQuote,
        meaninglessCharacter("§"),
        unclosedBacktick,
        emptyBackticks,
        emptyStatement,
        notAVerb("cuont"),
        columnNameNeeded(after: "by"),
        filterValueNeeded("year="),
        rangeEndNeeded,
        listNeedsEquality,
        backtickedValue("Ninh Bình"),
        valueNeeded,
        definitionNameNeeded,
        spacedNameNeedsBackticks,
        equalsNeeded,
        expressionNeeded,
        tooManyOperators(64),
        nestedTooDeep(32),
        expressionEndsEarly,
        closingParenthesisMissing,
        nameNeeded(after: "as"),
        wholeNumberNeeded(after: "top"),
        unexpectedWord("rate"),
        unknownSpacedColumn("So ho ngheo"),
        nameNeedsBackticks("`Số hộ nghèo`"),
        parameterNameNeeded,
        parameterNotGiven("province"),
    ] }
}
