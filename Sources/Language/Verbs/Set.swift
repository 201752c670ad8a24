import Engine

extension Verb {
    static let set = Verb(
        name: "set", aliases: ["dat", "cai_dat"], arguments: .raw,
        syntax: "set [OPTION VALUE]",
        summary: Message(en: "show or change options: language, format, decimals, rows, timer, pager", vi: "xem hoặc đổi tuỳ chọn: language, format, decimals, rows, timer, pager"),
        details: Message(
            en: "`set` lists the options. language en|vi: help and messages; format table|line|csv|json|jsonl|markdown: how results are written (line: one `column: value` per line, a record at a time, for wide results); decimals N: decimal places in tables; rows N: rows a table shows before saying how many more there are; timer on|off: print each statement's time; pager auto|on|off: at a terminal, results taller than the screen go through $PAGER (less -S -R -F -X unless set) with auto, every result with on, none with off. At a terminal a table is fitted to its width (or to COLUMNS): long cells are cut with …, and columns that still do not fit are left out with a note; files, pipes, csv and json are never cut. Control characters in cells and names are shown as \\x1b, ⏎ (a line end) and ⇥ (a tab) in tables; csv and json keep the exact text.",
            vi: "`set` liệt kê các tuỳ chọn. language en|vi: ngôn ngữ trợ giúp và thông báo; format table|line|csv|json|jsonl|markdown: cách ghi kết quả (line: mỗi dòng một `cột: giá trị`, từng bản ghi một, cho kết quả nhiều cột); decimals N: số chữ số thập phân trong bảng; rows N: số dòng hiển thị trước khi báo còn bao nhiêu; timer on|off: in thời gian của mỗi câu lệnh; pager auto|on|off: trên màn hình, kết quả dài hơn màn hình được chuyển qua $PAGER (mặc định less -S -R -F -X) với auto, mọi kết quả với on, không kết quả nào với off. Trên màn hình, bảng được thu vừa chiều rộng (hoặc theo COLUMNS): ô dài bị cắt với …, cột vẫn không vừa thì được bỏ bớt kèm lưu ý; tệp, ống dẫn, csv và json không bao giờ bị cắt. Ký tự điều khiển trong ô và tên cột được hiện thành \\x1b, ⏎ (xuống dòng) và ⇥ (tab) trong bảng; csv và json giữ nguyên văn bản."),
        examples: ["set", "set decimals 1", "set format line", "show year=2021 province=Ninh Bình", "set format table", "set decimals 2"],
        action: { statement, session in try changeSetting(statement, session) })
}

func changeSetting(_ statement: Statement, _ session: Session) throws -> Output {
    let parts = (statement.rawArgument?.text ?? "").split(whereSeparator: { $0.isWhitespace || $0 == "=" }).map(String.init)
    let span = statement.rawArgument?.span ?? statement.verb.span
    var s = session.settings
    if parts.isEmpty {
        return .text([
            "language  \(s.language.rawValue)" + "    (en | vi)",
            "format    \(s.format.rawValue)" + "    (table | line | csv | json | jsonl | markdown)",
            "decimals  \(s.decimals)",
            "rows      \(s.maxRows)" + "    (\(Catalogue.rowsShownAtMost.text(s.language)))",
            "timer     \(s.timer ? "on" : "off")",
            "pager     \(s.pager.rawValue)" + "    (auto | on | off)",
        ])
    }
    func bad(_ expected: Message, _ example: String) -> LanguageError {
        LanguageError(Catalogue.setTakes(parts[0], expected), at: span, example: "set \(parts[0]) \(example)")
    }
    let value = parts.count > 1 ? TextFolding.fold(parts[1]) : ""
    // Numbers are read from the text as typed: folding drops the sign, and `rows -5` must not become 5.
    let number = parts.count > 1 ? Int(parts[1]) : nil
    switch TextFolding.fold(parts[0]) {
    case "language", "lang", "ngon ngu":
        guard let l = Language(rawValue: value) else { throw bad(Catalogue.enOrVi, "vi") }
        s.language = l
    case "format":
        guard let f = OutputFormat(rawValue: value == "md" ? "markdown" : value) else { throw bad(Catalogue.outputFormats, "csv") }
        s.format = f
    case "decimals":
        guard let n = number, (0...12).contains(n) else { throw bad(Catalogue.zeroToTwelve, "2") }
        s.decimals = n
    case "rows", "maxrows", "max_rows":
        guard let n = number, n > 0 else { throw bad(Catalogue.aboveZero, "100") }
        s.maxRows = n
    case "timer":
        guard ["on", "off"].contains(value) else { throw bad(Catalogue.onOrOff, "on") }
        s.timer = value == "on"
    case "pager":
        guard let mode = PagerMode(rawValue: value) else { throw bad(Catalogue.pagerModes, "off") }
        s.pager = mode
    default:
        throw LanguageError(Catalogue.unknownOption(parts[0]), at: span,
                            suggestions: Suggestions.nearest(parts[0], among: ["language", "format", "decimals", "rows", "timer", "pager"]), example: "set")
    }
    session.settings = s
    let shown = parts.count > 1 ? parts[1] : ""
    return .report([Message.verbatim("\(parts[0]) = \(shown)").text(s.language)])
}
