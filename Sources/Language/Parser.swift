import Engine

/// Turns tokens into a `Statement`: the verb, then filters, bare items and keyword clauses in any order.
///
/// Unquoted values may span several words (`province=Ninh Bình year=2022`): a value runs on until a word
/// that starts another filter (`year=`), a keyword, or a name in `vocabulary` (the dataset's columns and
/// measures), so `compare province=Ninh Bình year=2021..2023 rate` reads as the user means it.
public struct Parser {
    public static let keywords: Set<String> = Set(["by", "sort", "desc", "asc", "limit", "top", "as", "to", "weight"] + keywordAliases.keys)
    /// Vietnamese spellings of keywords, folded (`theo`, `sắp_xếp`), by the keyword they stand for. Words
    /// that are also data values (`theo` in the reports' notes) are quoted in suggestions, as any keyword is.
    public static let keywordAliases: [String: String] = [
        "theo": "by", "sap_xep": "sort", "giam_dan": "desc", "tang_dan": "asc", "gioi_han": "limit", "trong_so": "weight",
    ]

    /// The keyword `word` spells (`theo` is `by`), or nil. English keywords are matched by case only, so
    /// that a Vietnamese word folding to one stays a word of its value (`Ba Tơ` is not `Ba to`); the
    /// Vietnamese ones with or without their accents (`sắp_xếp`).
    static func canonicalKeyword(_ word: String) -> String? {
        let lowered = word.lowercased()
        if keywords.contains(lowered), keywordAliases[lowered] == nil { return lowered }
        return keywordAliases[TextFolding.fold(word)]
    }

    var tokens: [Token]
    var position = 0
    let source: String
    let line: Int
    /// Names that end an unquoted value: columns, measures, aggregate functions.
    let vocabulary: Set<String>
    /// Operators and nested parentheses or calls so far in the expression being read: evaluation recurses
    /// over the expression's tree, so its size is bounded (no real formula comes near the limits).
    var operators = 0
    var nesting = 0
    /// Vocabulary names that need backticks, by their folded form, so one typed without them is caught.
    var spacedNames: [String: String] = [:]
    static let maximumOperators = 256, maximumNesting = 64

    /// Whether `word` names something in the vocabulary. Names written with diacritics must be typed with
    /// them (in lower or upper case): `Nam` in `Quảng Nam` is not the column `năm`. ASCII names match any case.
    func isVocabulary(_ word: String) -> Bool {
        let lower = word.lowercased()
        return vocabulary.contains { name in
            let nameLower = name.lowercased()
            return nameLower == lower || (nameLower.utf8.allSatisfy { $0 < 0x80 } && TextFolding.fold(name) == TextFolding.fold(word) && lower.utf8.allSatisfy { $0 < 0x80 })
        }
    }

    /// Parses one statement.
    /// - Throws: `LanguageError` pointing at the token that does not fit, with a suggestion where one exists.
    public static func parse(_ text: String, line: Int = 1, vocabulary: Set<String> = []) throws -> Statement {
        // Verbs that take raw text (a path, a statement to explain) must not have it tokenised: a path
        // holds characters the language does not.
        let leading = text.prefix(while: { $0.isWhitespace }).count
        let firstWord = text.dropFirst(leading).prefix(while: { !$0.isWhitespace })
        var lexed = text
        if let verb = VerbRegistry.verb(named: String(firstWord)), verb.arguments == .raw {
            lexed = String(text.prefix(leading + firstWord.count))
        }
        // `?` (help) is punctuation to the lexer, so it is made the verb's token here.
        let tokens = firstWord == "?"
            ? [Token(kind: .word, text: "?", span: SourceSpan(line: line, column: leading + 1, endColumn: leading + 2), spaceBefore: leading > 0)]
            : try Lexer.tokens(lexed, line: line)
        var parser = Parser(tokens: tokens, source: text, line: line, vocabulary: vocabulary)
        parser.spacedNames = Parser.spacedNames(in: vocabulary)
        return try parser.statement()
    }

    mutating func statement() throws -> Statement {
        guard let first = peek else {
            throw LanguageError(Catalogue.emptyStatement, example: "help")
        }
        guard first.kind == .word else { throw unexpected(first) }
        advance()
        let verbName = Name(text: first.text, span: first.span)
        guard let verb = VerbRegistry.verb(named: first.text) else {
            throw LanguageError(
                Catalogue.notAVerb(first.text),
                at: first.span, suggestions: VerbRegistry.nearest(first.text),
                example: "help")
        }
        // Dataset names are not in the vocabulary: after these verbs, unknown words are not misspelt columns.
        if ["use", "describe"].contains(verb.name) { spacedNames = [:] }
        var statement = Statement(verb: Name(text: verb.name, span: verbName.span), clauses: Clauses(), definition: nil,
                                  rawArgument: nil, source: source, span: SourceSpan(line: line, column: 1, endColumn: source.count + 1))
        switch verb.arguments {
        case .none:
            if let extra = peek { throw unexpected(extra) }
        case .raw:
            let afterVerb = source.dropFirst(first.span.endColumn - 1)
            let skipped = afterVerb.prefix(while: { $0.isWhitespace }).count
            if skipped < afterVerb.count {
                let startColumn = first.span.endColumn + skipped
                var text = String(afterVerb.dropFirst(skipped))
                if let hash = commentStart(text) { text = String(text[..<hash]) }
                text = text.trimmingCharacters(in: .whitespaces)
                statement.rawArgument = (text, SourceSpan(line: line, column: startColumn, endColumn: startColumn + text.count))
            }
        case .definition:
            statement.definition = try definition()
        case .clauses:
            statement.clauses = try clauses()
        }
        return statement
    }

    // MARK: Clauses

    mutating func clauses() throws -> Clauses {
        var result = Clauses()
        while let token = peek {
            switch token.kind {
            case .comma:
                advance()
            case .word where isKeyword(token) && !startsFilter:
                try keywordClause(token, into: &result)
            case .word, .quoted:
                try refuseUnquotedSpacedName()
                if startsFilter {
                    result.filters.append(try filter())
                } else {
                    result.items.append(try item())
                }
            default:
                throw unexpected(token)
            }
        }
        return result
    }

    mutating func keywordClause(_ token: Token, into result: inout Clauses) throws {
        advance()
        switch Parser.canonicalKeyword(token.text) ?? token.text.lowercased() {
        case "by":
            result.by += try nameList(after: token)
        case "sort":
            let name = try expectName(after: token, example: "show sort rate desc")
            var descending = false
            if let next = peek, next.kind == .word, !next.backticked, let order = Parser.canonicalKeyword(next.text), ["desc", "asc"].contains(order) {
                descending = order == "desc"
                advance()
            }
            result.sort.append((name, descending))
        case "limit":
            result.limit = try count(after: token, example: "show limit 10")
        case "top":
            result.top = try count(after: token, example: "rank province by rate top 5")
        case "asc":
            result.ascending = token.span
        case "desc":
            result.descending = token.span
        case "as":
            result.alias = try expectName(after: token, example: "load data/households.csv as households")
        case "to":
            result.target = try expectName(after: token, example: "rollup province to 2025")
        case "weight":
            result.weight = try expectName(after: token, example: "rollup province to 2025 rate weight households")
        default:
            throw unexpected(token)
        }
    }

    /// Names separated by commas or spaces, up to a filter, keyword or the end.
    mutating func nameList(after keyword: Token) throws -> [Name] {
        var names: [Name] = []
        while let token = peek, token.kind == .word || token.kind == .comma {
            if token.kind == .comma { advance(); continue }
            if isKeyword(token) || startsFilter { break }
            if position + 1 < tokens.count, tokens[position + 1].kind == .leftParen, !token.backticked { break }
            try refuseUnquotedSpacedName()
            names.append(Name(text: token.text, span: token.span))
            advance()
        }
        let callFollows = position + 1 < tokens.count && tokens[position + 1].kind == .leftParen
        if names.isEmpty && !callFollows {
            throw LanguageError(Catalogue.columnNameNeeded(after: keyword.text),
                                at: keyword.span, example: "count by province")
        }
        return names
    }

    /// A bare item: a name, or a call such as `mean(income)`.
    mutating func item() throws -> Expression {
        let token = peek!
        if token.kind == .word, !token.backticked, position + 1 < tokens.count, tokens[position + 1].kind == .leftParen {
            return try primary()
        }
        advance()
        if token.backticked { return .name(Name(text: token.text, span: token.span)) }
        if token.kind == .quoted { return .text(token.text, token.span) }
        if let n = Literal(text: token.text, quoted: false, span: token.span).constant { return .number(n, token.span) }
        return .name(Name(text: token.text, span: token.span))
    }

    // MARK: Filters

    /// The next tokens are `word op …`.
    var startsFilter: Bool {
        guard let token = peek, token.kind == .word || token.kind == .quoted, position + 1 < tokens.count else { return false }
        if case .comparison = tokens[position + 1].kind { return true }
        return false
    }

    mutating func filter() throws -> Filter {
        let columnToken = peek!
        advance()
        guard case .comparison(let op) = peek!.kind else { throw unexpected(peek!) }
        let opToken = peek!
        advance()
        let column = Name(text: columnToken.text, span: columnToken.span)
        guard let next = peek, !isKeyword(next) else {
            throw LanguageError(Catalogue.filterValueNeeded(columnToken.text + op.rawValue),
                                at: opToken.span, example: "\(NameSpelling.typed(columnToken.text))\(op.rawValue)2022")
        }
        let first = try literal()
        var value = FilterValue.single(first)
        if let next = peek, next.kind == .range {
            advance()
            guard peek != nil else {
                throw LanguageError(Catalogue.rangeEndNeeded, at: next.span, example: "year=2021..2023")
            }
            value = .range(first, try literal())
        } else if let next = peek, next.kind == .comma, followsListItem {
            var items = [first]
            while let comma = peek, comma.kind == .comma, followsListItem {
                advance()
                items.append(try literal())
            }
            value = .list(items)
        }
        if op != .equal && op != .notEqual, value.literals.count > 1 {
            throw LanguageError(Catalogue.listNeedsEquality,
                                at: opToken.span, example: "year=2021..2023")
        }
        let end = value.literals.last!.span
        return Filter(column: column, comparison: op, value: value, span: columnToken.span.joined(end))
    }

    /// After a comma: another value follows (not a new filter or keyword clause).
    var followsListItem: Bool {
        guard position + 1 < tokens.count else { return false }
        let next = tokens[position + 1]
        guard next.kind == .word || next.kind == .quoted, !next.backticked else { return false }
        if next.kind == .word && (Parser.isKeyword(next.text) || isVocabulary(next.text)) { return false }
        if position + 2 < tokens.count, case .comparison = tokens[position + 2].kind { return false }
        return true
    }

    /// One value: quoted text, a number, or unquoted words up to the next filter, keyword or known name.
    mutating func literal() throws -> Literal {
        let token = peek!
        switch token.kind {
        case .quoted:
            advance()
            return Literal(text: token.text, quoted: true, span: token.span)
        case .word where token.backticked:
            throw LanguageError(
                Catalogue.backtickedValue(token.text),
                at: token.span, suggestions: ["\"" + token.text + "\""])
        case .word:
            advance()
            var text = token.text
            var span = token.span
            let numeric = Literal(text: text, quoted: false, span: span).number != nil
            while !numeric, let next = peek {
                // A dash between words belongs to the name: `Bà Rịa - Vũng Tàu`.
                if next.kind == .arithmetic("-"), position + 1 < tokens.count, tokens[position + 1].kind == .word {
                    text += " -"
                    advance()
                    continue
                }
                guard next.kind == .word, !next.backticked, !isKeyword(next), !isVocabulary(next.text), !startsFilter, spacedName(at: position) == nil,
                      !(position + 1 < tokens.count && tokens[position + 1].kind == .leftParen) else { break }
                text += " " + next.text
                span = span.joined(next.span)
                advance()
            }
            return Literal(text: text, quoted: false, span: span)
        default:
            throw LanguageError(Catalogue.valueNeeded, at: token.span, example: "province=Ninh Bình")
        }
    }

    // MARK: Definitions and expressions

    mutating func definition() throws -> (name: Name, expression: Expression, asPercent: Bool) {
        guard let nameToken = peek, nameToken.kind == .word else {
            throw LanguageError(Catalogue.definitionNameNeeded,
                                at: peek?.span, example: "measure rate = 100 * mean(poor)")
        }
        advance()
        if let equals = tokens[position...].firstIndex(where: { $0.kind == .comparison(.equal) }), equals > position,
           tokens[position..<equals].allSatisfy({ $0.kind != .quoted && !$0.backticked }) {
            // `let Tỷ lệ mới = …`: a new name with spaces, to be written in backticks.
            let characters = Array(source)
            let from = nameToken.span.column - 1, to = tokens[equals - 1].span.endColumn - 1
            let typed = String(characters[from..<min(to, characters.count)])
            throw LanguageError(Catalogue.spacedNameNeedsBackticks,
                                at: nameToken.span.joined(tokens[equals - 1].span), suggestions: [NameSpelling.typed(typed)])
        }
        guard let eq = peek, eq.kind == .comparison(.equal) else {
            throw LanguageError(Catalogue.equalsNeeded,
                                at: peek?.span ?? nameToken.span, example: "measure rate = 100 * mean(poor)")
        }
        advance()
        guard peek != nil else {
            throw LanguageError(Catalogue.expressionNeeded, at: eq.span,
                                example: "let income_year = income * 12")
        }
        let expression = try self.expression()
        var asPercent = false
        if let a = peek, a.kind == .word, TextFolding.fold(a.text) == "as",
           position + 1 < tokens.count, ["percent", "%", "phan tram"].contains(TextFolding.fold(tokens[position + 1].text)) {
            asPercent = true
            advance(); advance()
        }
        if let extra = peek { throw unexpected(extra) }
        return (Name(text: nameToken.text, span: nameToken.span), expression, asPercent)
    }

    mutating func expression() throws -> Expression {
        let left = try additive()
        if let token = peek, case .comparison(let op) = token.kind {
            advance()
            let right = try additive()
            return .comparison(op, left, right, left.span.joined(right.span))
        }
        return left
    }

    mutating func countOperator(_ token: Token) throws {
        operators += 1
        if operators > Parser.maximumOperators {
            throw LanguageError(Catalogue.tooManyOperators(Parser.maximumOperators),
                                at: token.span, example: "let part = a + b")
        }
    }

    mutating func nest(_ token: Token) throws {
        nesting += 1
        if nesting > Parser.maximumNesting {
            throw LanguageError(Catalogue.nestedTooDeep(Parser.maximumNesting),
                                at: token.span, example: "let part = (a + b) * c")
        }
    }

    mutating func additive() throws -> Expression {
        var left = try multiplicative()
        while let token = peek, case .arithmetic(let op) = token.kind, op == "+" || op == "-" {
            try countOperator(token)
            advance()
            let right = try multiplicative()
            left = .binary(op, left, right, left.span.joined(right.span))
        }
        return left
    }

    mutating func multiplicative() throws -> Expression {
        var left = try unary()
        while let token = peek, case .arithmetic(let op) = token.kind, op == "*" || op == "/" {
            try countOperator(token)
            advance()
            let right = try unary()
            left = .binary(op, left, right, left.span.joined(right.span))
        }
        return left
    }

    mutating func unary() throws -> Expression {
        if let token = peek, case .arithmetic("-") = token.kind {
            try countOperator(token)
            advance()
            let operand = try unary()
            return .unary("-", operand, token.span.joined(operand.span))
        }
        return try primary()
    }

    mutating func primary() throws -> Expression {
        guard let token = peek else {
            throw LanguageError(Catalogue.expressionEndsEarly,
                                example: "measure rate = 100 * mean(poor)")
        }
        switch token.kind {
        case .leftParen:
            try nest(token)
            advance()
            let inner = try expression()
            try expect(.rightParen, after: token)
            nesting -= 1
            return inner
        case .quoted:
            advance()
            return .text(token.text, token.span)
        case .word where token.backticked:
            advance()
            return .name(Name(text: token.text, span: token.span))
        case .word:
            try refuseUnquotedSpacedName()
            advance()
            if let n = Literal(text: token.text, quoted: false, span: token.span).constant { return .number(n, token.span) }
            let name = Name(text: token.text, span: token.span)
            if let open = peek, open.kind == .leftParen {
                try nest(open)
                defer { nesting -= 1 }
                advance()
                var arguments: [Expression] = []
                if let close = peek, close.kind == .rightParen {
                    advance()
                    return .call(name, [], token.span.joined(close.span))
                }
                while true {
                    arguments.append(try expression())
                    if let comma = peek, comma.kind == .comma { advance(); continue }
                    break
                }
                let close = peek
                try expect(.rightParen, after: open)
                return .call(name, arguments, token.span.joined(close!.span))
            }
            return .name(name)
        default:
            throw unexpected(token)
        }
    }

    // MARK: Helpers

    var peek: Token? { position < tokens.count ? tokens[position] : nil }
    mutating func advance() { position += 1 }

    func isKeyword(_ token: Token) -> Bool { token.kind == .word && !token.backticked && Parser.isKeyword(token.text) }

    /// Keywords are ASCII words in any case; `Tơ` (a place name) is not `to`.
    static func isKeyword(_ word: String) -> Bool { canonicalKeyword(word) != nil }

    mutating func expect(_ kind: Token.Kind, after opener: Token) throws {
        guard let token = peek, token.kind == kind else {
            throw LanguageError(Catalogue.closingParenthesisMissing, at: peek?.span ?? opener.span, example: "mean(income)")
        }
        advance()
    }

    mutating func expectName(after keyword: Token, example: String) throws -> Name {
        guard let token = peek, token.kind == .word || token.kind == .quoted else {
            throw LanguageError(Catalogue.nameNeeded(after: keyword.text), at: keyword.span, example: example)
        }
        advance()
        return Name(text: token.text, span: token.span)
    }

    mutating func count(after keyword: Token, example: String) throws -> (value: Int, span: SourceSpan) {
        guard let token = peek, token.kind == .word, let n = Int(token.text), n >= 0 else {
            throw LanguageError(Catalogue.wholeNumberNeeded(after: keyword.text),
                                at: peek?.span ?? keyword.span, example: example)
        }
        advance()
        return (n, token.span)
    }

    func unexpected(_ token: Token) -> LanguageError {
        LanguageError(Catalogue.unexpectedWord(token.text), at: token.span)
    }

    private func commentStart(_ text: String) -> String.Index? {
        var inQuotes = false, inBackticks = false
        var previous: Character = " "
        for index in text.indices {
            let c = text[index]
            if c == "\"" && !inBackticks { inQuotes.toggle() }
            if c == "`" && !inQuotes { inBackticks.toggle() }
            if c == "#" && !inQuotes && !inBackticks && previous.isWhitespace { return index }
            previous = c
        }
        return nil
    }
}
