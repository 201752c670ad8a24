/// Measures and formulas: what a measure may be, the functions of a measure (per group) and of a row formula
/// (`let`), and the notes an aggregate leaves under its table. The warning that the mean of rates is not a
/// rate is here too, as every verb that averages a rate gives it.
extension Catalogue {
    // What a measure is.
    public static func textMeasure(_ column: String) -> Message {
        Message(en: "'\(column)' holds text; a measure must be numbers", vi: "cột '\(column)' chứa chữ; chỉ số phải là số")
    }

    public static let measureKinds = Message(en: "a measure is a column, a named measure or an aggregate such as mean(income)",
                                             vi: "chỉ số là một cột, một chỉ số đã đặt tên bằng measure, hoặc một hàm gộp như mean(income)")
    public static let measureMustBeNumber = Message(en: "a measure must be a number", vi: "chỉ số phải là số")

    public static func columnNeedsAggregate(_ column: String) -> Message {
        Message(en: "'\(column)' is a column: say how to combine its rows, e.g. mean(\(column)) or sum(\(column))",
                vi: "'\(column)' là một cột: hãy nói cách gộp các dòng, ví dụ mean(\(column)) hoặc sum(\(column))")
    }

    public static let comparisonInMeasure = Message(en: "a comparison gives true/false per row; use it inside if(…) in a let",
                                                    vi: "phép so sánh cho đúng/sai theo dòng; hãy dùng trong if(…) với let")

    public static func measureNeeded(by verb: String) -> Message {
        Message(en: "\(verb) needs a measure, such as rate", vi: "\(verb) cần một chỉ số, ví dụ rate")
    }

    public static func alreadyAMeasure(_ measure: String, definedAs expression: String) -> Message {
        Message(en: "'\(measure)' is already a measure (\(expression)); show it by group with show \(measure) by …",
                vi: "'\(measure)' đã là một chỉ số (\(expression)); hãy dùng show \(measure) by …")
    }

    public static func verbNeedsNumbers(_ verb: String, column: String) -> Message {
        Message(en: "\(verb) needs numbers, and '\(column)' holds text", vi: "\(verb) cần số, còn '\(column)' chứa chữ")
    }

    // Functions of a measure (per group).
    public static func notAnAggregate(_ function: String) -> Message {
        Message(en: "'\(function)' is not an aggregate function", vi: "'\(function)' không phải là hàm gộp")
    }

    public static func aggregateTakesOne(_ function: String) -> Message {
        Message(en: "\(function)() takes one column or formula", vi: "\(function)() nhận một cột hoặc công thức")
    }

    public static func aggregateNeedsNumbers(_ function: String, column: String) -> Message {
        Message(en: "\(function)() needs numbers, and '\(column)' holds text", vi: "\(function)() cần số, còn '\(column)' chứa chữ")
    }

    public static func roundOrAbsArguments(_ function: String) -> Message {
        Message(en: "\(function) takes a measure (and, for round, the decimal places)",
                vi: "\(function) nhận một chỉ số (và với round, số chữ số thập phân)")
    }

    public static func rowFunctionInMeasure(_ function: String) -> Message {
        Message(en: "'\(function)' works on rows; use it in a let", vi: "'\(function)' dùng theo dòng; hãy dùng với let")
    }

    public static let roundPlaces = Message(en: "round's decimal places must be a whole number from -15 to 15, written out",
                                            vi: "số chữ số thập phân của round phải là số nguyên từ -15 đến 15, viết trực tiếp")

    // Functions of a row formula (`let`).
    public static func measureInRowFormula(_ name: String, definedAs expression: String) -> Message {
        Message(en: "'\(name)' is a measure (\(expression)), computed per group, not per row",
                vi: "'\(name)' là một chỉ số (\(expression)), tính theo nhóm chứ không theo dòng")
    }

    public static func aggregateInRowFormula(_ function: String) -> Message {
        Message(en: "\(function)() combines rows; use it in a measure, not in a row formula",
                vi: "\(function)() gộp nhiều dòng; hãy dùng trong measure, không dùng trong công thức theo dòng")
    }

    public static func moreArguments(_ function: String, usage: Message) -> Message {
        Message(en: "\(function) needs more arguments: \(usage.en)", vi: "\(function) cần thêm đối số: \(usage.vi)")
    }

    /// What a row function takes, as the error after too few arguments shows it.
    public static func rowFunctionUsage(_ function: String) -> Message {
        switch function {
        case "if": Message(en: "if(condition, then, else)", vi: "if(điều kiện, thì, không thì)")
        case "round": Message(en: "round(x) or round(x, places)", vi: "round(x) hoặc round(x, số chữ số thập phân)")
        case "log": Message(en: "log(x), the natural logarithm", vi: "log(x), lôgarit tự nhiên")
        case "lower": Message(en: "lower(text)", vi: "lower(văn bản)")
        case "upper": Message(en: "upper(text)", vi: "upper(văn bản)")
        case "fold": Message(en: "fold(text): without accents, lower case", vi: "fold(văn bản): bỏ dấu, chữ thường")
        default: .verbatim("\(function)(x)")
        }
    }

    public static func unknownFunction(_ function: String) -> Message {
        Message(en: "there is no function '\(function)'", vi: "không có hàm '\(function)'")
    }

    public static func notANumberValue(_ value: String) -> Message {
        Message(en: "'\(value)' is not a number", vi: "'\(value)' không phải là số")
    }

    public static func textNotNumbers(_ column: String) -> Message {
        Message(en: "'\(column)' holds text, not numbers", vi: "cột '\(column)' chứa chữ, không phải số")
    }

    public static func notOnServer(_ function: String) -> Message {
        Message(en: "\(function)() of this is not available on a table that stays on a server; load the table to use it",
                vi: "\(function)() của biểu thức này không dùng được với bảng nằm trên máy chủ; hãy nạp bảng về (load) để dùng")
    }

    // Notes under an aggregate.
    public static func missingLeftOut(_ column: String, count missing: Int) -> Message {
        Message(en: "\(column): \(missing) missing value\(missing == 1 ? "" : "s") left out", vi: "\(column): bỏ qua \(missing) giá trị thiếu")
    }

    /// A filter on a mean of exact decimals: the mean divides, so the filter compares a double.
    public static func binaryFloatingPoint(_ measure: String) -> Message {
        Message(en: "\(measure) is computed in binary floating point (about 16 significant digits), so a filter on it is not an exact decimal comparison",
                vi: "\(measure) được tính bằng số thực dấu phẩy động (khoảng 16 chữ số có nghĩa), nên bộ lọc trên nó không phải phép so sánh thập phân chính xác")
    }

    public static func sumOfRates(_ column: String) -> Message {
        Message(en: "\(column) is a rate: a sum of rates has no meaning as a rate", vi: "\(column) là tỷ lệ: tổng các tỷ lệ không phải là một tỷ lệ")
    }

    /// `mean rate`: the mean of the rows' rates, which is not the rate of the group.
    public static func meanOfRowRates(_ column: String) -> Message {
        Message(en: "\(column) is a rate: this is the unweighted mean of the rows' rates, not the rate of the group",
                vi: "\(column) là tỷ lệ: đây là trung bình cộng không trọng số của các tỷ lệ, không phải tỷ lệ của cả nhóm")
    }

    /// `mean(rate)` inside another verb (compare, rank, show … by): the same warning, with where the real figure is.
    public static func meanOfRates(_ column: String) -> Message {
        Message(en: "\(column) is a rate: mean(\(NameSpelling.typed(column))) is the unweighted mean of the rows' rates, not the rate of the group; take the published figure of the group (gso_regions), or weight it (rollup … weight households)",
                vi: "\(column) là tỷ lệ: mean(\(NameSpelling.typed(column))) là trung bình cộng không trọng số của các tỷ lệ, không phải tỷ lệ của cả nhóm; hãy lấy số liệu công bố của nhóm (gso_regions), hoặc tính có trọng số (rollup … weight households)")
    }

    /// Every message above once, with sample arguments: `Catalogue.all` lists them for the tests.
    static var measureMessages: [Message] { [
        textMeasure("province"),
        measureKinds,
        measureMustBeNumber,
        columnNeedsAggregate("poor_households"),
        comparisonInMeasure,
        measureNeeded(by: "sum"),
        alreadyAMeasure("r", definedAs: "100 * sum(poor_households) / sum(households)"),
        verbNeedsNumbers("sum", column: "province"),
        notAnAggregate("mena"),
        aggregateTakesOne("mean"),
        aggregateNeedsNumbers("mean", column: "province"),
        roundOrAbsArguments("round"),
        rowFunctionInMeasure("lower"),
        roundPlaces,
        measureInRowFormula("r", definedAs: "mean(rate)"),
        aggregateInRowFormula("mean"),
        moreArguments("if", usage: rowFunctionUsage("if")),
        rowFunctionUsage("fold"),
        unknownFunction("lg"),
        notANumberValue("Ninh Bình"),
        textNotNumbers("province"),
        notOnServer("fold"),
        missingLeftOut("rate", count: 3),
        binaryFloatingPoint("mean(rate)"),
        sumOfRates("rate"),
        meanOfRowRates("rate"),
        meanOfRates("rate"),
    ] }
}
