import Engine

extension Verb {
    static let set = Verb(
        name: "set", arguments: .raw,
        syntax: "set [OPTION VALUE]",
        summary: Message(en: "show or change options: language, format, decimals, rows, timer", vi: "xem hoặc đổi tuỳ chọn: language, format, decimals, rows, timer"),
        details: Message(
            en: "`set` lists the options. language en|vi: help and messages; format table|csv|json|jsonl|markdown: how results are written; decimals N: decimal places in tables; rows N: rows a table shows before saying how many more there are; timer on|off: print each statement's time.",
            vi: "`set` liệt kê các tuỳ chọn. language en|vi: ngôn ngữ trợ giúp và thông báo; format table|csv|json|jsonl|markdown: cách ghi kết quả; decimals N: số chữ số thập phân trong bảng; rows N: số dòng hiển thị trước khi báo còn bao nhiêu; timer on|off: in thời gian của mỗi câu lệnh."),
        examples: ["set", "set decimals 1", "set decimals 2"],
        action: { statement, session in try changeSetting(statement, session) })
}

func changeSetting(_ statement: Statement, _ session: Session) throws -> Output {
    let parts = (statement.rawArgument?.text ?? "").split(whereSeparator: { $0.isWhitespace || $0 == "=" }).map(String.init)
    let span = statement.rawArgument?.span ?? statement.verb.span
    var s = session.settings
    if parts.isEmpty {
        let vi = s.language == .vi
        return .text([
            "language  \(s.language.rawValue)" + (vi ? "    (en | vi)" : "    (en | vi)"),
            "format    \(s.format.rawValue)" + "    (table | csv | json | jsonl | markdown)",
            "decimals  \(s.decimals)",
            "rows      \(s.maxRows)" + (vi ? "    (số dòng hiển thị tối đa)" : "    (rows shown at most)"),
            "timer     \(s.timer ? "on" : "off")",
        ])
    }
    func bad(_ expected: String, _ example: String) -> LanguageError {
        LanguageError(Message(en: "set \(parts[0]) takes \(expected)", vi: "set \(parts[0]) nhận \(expected)"), at: span, example: "set \(parts[0]) \(example)")
    }
    let value = parts.count > 1 ? TextFolding.fold(parts[1]) : ""
    switch TextFolding.fold(parts[0]) {
    case "language", "lang", "ngon ngu":
        guard let l = Language(rawValue: value) else { throw bad("en or vi", "vi") }
        s.language = l
    case "format":
        guard let f = OutputFormat(rawValue: value == "md" ? "markdown" : value) else { throw bad("table, csv, json, jsonl or markdown", "csv") }
        s.format = f
    case "decimals":
        guard let n = Int(value), (0...12).contains(n) else { throw bad("a number from 0 to 12", "2") }
        s.decimals = n
    case "rows", "maxrows", "max_rows":
        guard let n = Int(value), n > 0 else { throw bad("a number above 0", "100") }
        s.maxRows = n
    case "timer":
        guard ["on", "off"].contains(value) else { throw bad("on or off", "on") }
        s.timer = value == "on"
    default:
        throw LanguageError(Message(en: "there is no option '\(parts[0])'", vi: "không có tuỳ chọn '\(parts[0])'"), at: span,
                            suggestions: Suggestions.nearest(parts[0], among: ["language", "format", "decimals", "rows", "timer"]), example: "set")
    }
    session.settings = s
    let shown = parts.count > 1 ? parts[1] : ""
    return .text([Message(en: "\(parts[0]) = \(shown)", vi: "\(parts[0]) = \(shown)").text(s.language)])
}
