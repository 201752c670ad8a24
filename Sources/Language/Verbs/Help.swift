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
    if let topic = statement.rawArgument?.text, !topic.isEmpty {
        guard let verb = VerbRegistry.verb(named: topic) else {
            throw LanguageError(Catalogue.unknownVerb(topic), at: statement.rawArgument?.span,
                                suggestions: Suggestions.nearest(topic, among: VerbRegistry.allNames), example: "help")
        }
        var lines = [Catalogue.syntax(verb.syntax, language), "", verb.summary.text(language) + ".", ""]
        lines += wrap(verb.details.text(language), width: 88)
        if !verb.aliases.isEmpty { lines += ["", Catalogue.alsoNamed.text(language) + ": " + verb.aliases.joined(separator: ", ")] }
        if !verb.examples.isEmpty {
            lines += ["", Catalogue.examples.text(language) + ":"] + verb.examples.map { "  " + $0 }
        }
        return lines
    }
    let width = VerbRegistry.all.map(\.name.count).max() ?? 8
    var lines = [Catalogue.verbsHeading.text(language)]
    for verb in VerbRegistry.all {
        lines.append("  " + verb.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + verb.summary.text(language))
    }
    lines.append("  " + "quit".padding(toLength: width, withPad: " ", startingAt: 0) + "  " + Catalogue.quitSummary.text(language))
    lines += ["", Catalogue.filtersHelp.text(language), Catalogue.spacedNamesHelp.text(language),
              Catalogue.helpExample.text(language)]
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
