import Engine

extension Verb {
    static let help = Verb(
        name: "help", aliases: ["?", "trogiup", "tro_giup"], arguments: .raw,
        syntax: "help [VERB]",
        summary: Message(en: "list the verbs, or explain one", vi: "liệt kê các lệnh, hoặc giải thích một lệnh"),
        details: Message(en: "`help` lists every verb with one line; `help VERB` gives its syntax, what it does and examples that run on the built-in data. `set language vi` switches help and messages to Vietnamese.",
                         vi: "`help` liệt kê mọi lệnh, mỗi lệnh một dòng; `help LỆNH` cho cú pháp, ý nghĩa và ví dụ chạy được trên dữ liệu có sẵn. `set language en` chuyển sang tiếng Anh."),
        examples: ["help", "help compare"],
        action: { statement, session in .text(try helpText(statement, session)) })
}

/// The help lines for `help` or `help VERB`.
/// - Throws: `LanguageError` at the topic when no verb is called so, with the nearest names.
func helpText(_ statement: Statement, _ session: Session) throws -> [String] {
    let language = session.settings.language
    let vi = language == .vi
    if let topic = statement.rawArgument?.text, !topic.isEmpty {
        guard let verb = VerbRegistry.verb(named: topic) else {
            throw LanguageError(Message(en: "there is no verb '\(topic)'", vi: "không có lệnh '\(topic)'"), at: statement.rawArgument?.span,
                                suggestions: Suggestions.nearest(topic, among: VerbRegistry.allNames), example: "help")
        }
        var lines = [Catalogue.syntax(verb.syntax, language), "", verb.summary.text(language) + ".", ""]
        lines += wrap(verb.details.text(language), width: 88)
        if !verb.aliases.isEmpty { lines += ["", (vi ? "Tên khác: " : "Also: ") + verb.aliases.joined(separator: ", ")] }
        if !verb.examples.isEmpty {
            lines += ["", vi ? "Ví dụ:" : "Examples:"] + verb.examples.map { "  " + $0 }
        }
        return lines
    }
    let width = VerbRegistry.all.map(\.name.count).max() ?? 8
    var lines = [vi ? "Các lệnh (help LỆNH để xem chi tiết):" : "Verbs (help VERB for details):"]
    for verb in VerbRegistry.all {
        lines.append("  " + verb.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + verb.summary.text(language))
    }
    lines.append("  " + "quit".padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                 + (vi ? "rời dấu nhắc (cũng: exit, thoát, Ctrl-D)" : "leave the prompt (also: exit, Ctrl-D)"))
    lines += [""] + (vi ? [
        "Bộ lọc: cột=giá trị, cột=a,b, cột=2021..2023, cột<giá trị (cả != <= > >=); gõ không dấu cũng được.",
        "Tên có dấu cách hoặc dấu câu: viết trong dấu ` (sum `Số hộ nghèo`) hoặc bằng tên gọi thay thế (sum so_ho_ngheo); describe liệt kê.",
        "Ví dụ: compare province=Ninh Bình year=2021..2023 rate",
    ] : [
        "Filters: column=value, column=a,b, column=2021..2023, column<value (also != <= > >=); accents are optional.",
        "Names with spaces or punctuation: in backticks (sum `Số hộ nghèo`) or by their alias (sum so_ho_ngheo); describe lists them.",
        "Example: compare province=Ninh Bình year=2021..2023 rate",
    ])
    return lines
}

/// Splits a paragraph into lines of at most `width` characters.
func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
        if !line.isEmpty && line.count + 1 + word.count > width {
            lines.append(line)
            line = ""
        }
        line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines
}
