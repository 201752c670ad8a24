import Engine

/// A column name with spaces or punctuation typed without backticks (`sum Số hộ nghèo`) would split into
/// several words; the parser recognises it and says how to write it, instead of failing on the first word.
extension Parser {
    /// The longest run of tokens a name may be typed as (`Số hộ nghèo - Tổng số` is six).
    static let longestSpacedName = 16

    /// The vocabulary's names that are not plain words, by their folded form (`so ho ngheo`).
    static func spacedNames(in vocabulary: Set<String>) -> [String: String] {
        var names: [String: String] = [:]
        for name in vocabulary where !NameSpelling.isPlain(name) {
            names[TextFolding.fold(name), default: name] = name
        }
        return names
    }

    /// The name that tokens from `start` spell when read together, with the index of its last token; nil
    /// when they spell none, or when each word is itself a name (`province year` is two columns).
    func spacedName(at start: Int) -> (name: String, last: Int)? {
        guard !spacedNames.isEmpty, start < tokens.count, tokens[start].kind == .word, !tokens[start].backticked else { return nil }
        let characters = Array(source)
        var found: (name: String, last: Int)? = nil
        var end = start + 1
        while end < min(tokens.count, start + Parser.longestSpacedName) {
            let token = tokens[end]
            if token.backticked || token.kind == .quoted || token.kind == .semicolon { break }
            let from = tokens[start].span.column - 1, to = token.span.endColumn - 1
            if from >= 0, to <= characters.count, let name = spacedNames[TextFolding.fold(String(characters[from..<to]))] {
                found = (name, end)
            }
            end += 1
        }
        guard let found else { return nil }
        let words = tokens[start...found.last].filter { $0.kind == .word }
        return words.allSatisfy({ isVocabulary($0.text) }) ? nil : found
    }

    /// - Throws: `LanguageError` over the words when the next tokens spell a name that needs backticks,
    ///   suggesting the name in backticks.
    func refuseUnquotedSpacedName() throws {
        guard let (name, last) = spacedName(at: position) else { return }
        let span = tokens[position].span.joined(tokens[last].span)
        throw LanguageError(
            Message(en: "the name \(NameSpelling.typed(name)) has spaces or punctuation: write it in backticks, or use its alias (describe lists them)",
                    vi: "tên \(NameSpelling.typed(name)) có dấu cách hoặc dấu câu: hãy viết trong dấu `, hoặc dùng tên gọi thay thế (describe liệt kê)"),
            at: span, suggestions: [NameSpelling.typed(name)])
    }
}
