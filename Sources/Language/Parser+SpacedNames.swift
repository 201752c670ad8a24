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

    /// Words from `start` none of which is a name or keyword (`Số hộ nghèoo` typed bare), read together, and
    /// the name that needs backticks nearest to them, with the index of the last word; nil when fewer than
    /// two such words follow or no name is near.
    func misspeltSpacedName(at start: Int) -> (typed: String, name: String, last: Int)? {
        guard !spacedNames.isEmpty else { return nil }
        let characters = Array(source)
        func isUnknownWord(_ token: Token) -> Bool {
            token.kind == .word && !token.backticked && !isKeyword(token) && !isVocabulary(token.text)
                && Literal(text: token.text, quoted: false, span: token.span).number == nil
        }
        var last = start
        while last + 1 < min(tokens.count, start + Parser.longestSpacedName), isUnknownWord(tokens[last + 1]) { last += 1 }
        guard start < tokens.count, isUnknownWord(tokens[start]), last > start else { return nil }
        let candidates = Array(Set(spacedNames.values)).sorted()
        for end in stride(from: last, to: start, by: -1) {
            let from = tokens[start].span.column - 1, to = tokens[end].span.endColumn - 1
            guard from >= 0, to <= characters.count else { return nil }
            let typed = String(characters[from..<to])
            if let nearest = Suggestions.nearest(typed, among: candidates, limit: 1).first { return (typed, nearest, end) }
        }
        return nil
    }

    /// - Throws: `LanguageError` over the words when the next tokens spell a name that needs backticks,
    ///   or come near one (several unknown words in a row), suggesting the name in backticks.
    func refuseUnquotedSpacedName() throws {
        if spacedName(at: position) == nil, let (typed, name, last) = misspeltSpacedName(at: position) {
            throw LanguageError(
                Catalogue.unknownSpacedColumn(typed),
                at: tokens[position].span.joined(tokens[last].span), suggestions: [NameSpelling.typed(name)])
        }
        guard let (name, last) = spacedName(at: position) else { return }
        let span = tokens[position].span.joined(tokens[last].span)
        throw LanguageError(
            Catalogue.nameNeedsBackticks(NameSpelling.typed(name)),
            at: span, suggestions: [NameSpelling.typed(name)])
    }
}
