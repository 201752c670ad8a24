import Engine
import Foundation

extension Verb {
    static let history = Verb(
        name: "history", aliases: ["lich_su", "lichsu"], arguments: .raw,
        syntax: "history [N]",
        summary: Message(en: "list the statements typed at the prompt, newest last", vi: "liệt kê các câu lệnh đã gõ, mới nhất ở cuối"),
        details: Message(
            en: "Shows the last N statements (20 unless given; `history all` for every one) kept in the history file ($XDG_STATE_HOME/solieu/history, by default ~/.local/state/solieu/history), each with its number counted from the oldest kept. At the prompt, Up and Ctrl-R bring one back to edit.",
            vi: "Hiện N câu lệnh gần nhất (20 nếu không ghi; `history all` để xem hết) trong tệp lịch sử ($XDG_STATE_HOME/solieu/history, mặc định ~/.local/state/solieu/history), mỗi câu kèm số thứ tự tính từ câu cũ nhất còn giữ. Ở dấu nhắc, phím Lên và Ctrl-R gọi lại một câu để sửa."),
        examples: [],
        action: { statement, session in try listHistory(statement, session) })
}

/// The numbered list of `history [N|all]`.
/// - Throws: `LanguageError` when the argument is neither a number above 0 nor `all`.
func listHistory(_ statement: Statement, _ session: Session) throws -> Output {
    let argument = statement.rawArgument?.text.trimmingCharacters(in: .whitespaces) ?? ""
    let entries = session.historyReader?() ?? []
    let count: Int
    if argument.isEmpty {
        count = 20
    } else if ["all", "tat ca"].contains(TextFolding.fold(argument)) {
        count = entries.count
    } else if let n = Int(argument), n > 0 {
        count = n
    } else {
        throw LanguageError(Catalogue.historyCount,
                            at: statement.rawArgument?.span ?? statement.verb.span, example: "history 10")
    }
    guard !entries.isEmpty else {
        return .report([Catalogue.historyEmpty.text(session.settings.language)])
    }
    let first = max(0, entries.count - count)
    let digits = String(entries.count).count
    return .text(entries.indices.dropFirst(first).map { index in
        let number = String(index + 1)
        return String(repeating: " ", count: digits - number.count) + number + "  " + entries[index]
    })
}
