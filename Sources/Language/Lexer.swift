/// One token of a statement.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A bare word: a verb, a name or part of an unquoted value (`Ninh`, `rate`, `2021`, `6,8`); or a
        /// name in backticks (see `backticked`).
        case word
        /// A quoted string; `text` is its content without quotes.
        case quoted
        /// `=`, `!=`, `<`, `<=`, `>`, `>=`
        case comparison(Comparison)
        /// `..` between the ends of a range.
        case range
        case comma
        case leftParen, rightParen
        /// `+ - * / %` in expressions.
        case arithmetic(Character)
        /// `;` between statements on one line.
        case semicolon
    }

    public var kind: Kind
    public var text: String
    public var span: SourceSpan
    /// White space came right before this token (so `Ninh Bình` is two words of one value).
    public var spaceBefore: Bool
    /// A name written in backticks (`` `Số hộ nghèo` ``): a `.word` whose `text` is the content, never a
    /// keyword, a number or part of a value.
    public var backticked = false
}

import Engine

/// Splits a statement into tokens, each with its span. Words run until white space or punctuation, so
/// Vietnamese letters, digits and `_` form words; `6,8` stays one word only inside a value (see Parser).
public enum Lexer {
    /// - Throws: `LanguageError` for an unclosed quote or a character that has no meaning.
    public static func tokens(_ text: String, line: Int = 1) throws -> [Token] {
        let characters = Array(text)
        var tokens: [Token] = []
        var i = 0
        var spaceBefore = true
        func span(_ start: Int, _ end: Int) -> SourceSpan { SourceSpan(line: line, column: start + 1, endColumn: end + 1) }
        func add(_ kind: Token.Kind, _ start: Int, _ end: Int, _ value: String? = nil) {
            tokens.append(Token(kind: kind, text: value ?? String(characters[start..<end]), span: span(start, end), spaceBefore: spaceBefore))
            spaceBefore = false
        }
        while i < characters.count {
            let c = characters[i]
            if c.isWhitespace { spaceBefore = true; i += 1; continue }
            if c == "#" && spaceBefore { break }  // a comment runs to the end of the line
            let start = i
            switch c {
            case "\"", "“", "”":
                var j = i + 1
                var content = ""
                while j < characters.count && !["\"", "“", "”"].contains(characters[j]) {
                    content.append(characters[j])
                    j += 1
                }
                guard j < characters.count else {
                    throw LanguageError(Catalogue.unclosedQuote,
                                        at: span(start, characters.count), example: "province=\"Ninh Bình\"")
                }
                add(.quoted, start, j + 1, content)
                i = j + 1
            case "`":
                let (name, end) = try backtickedName(characters, from: i, span: span)
                add(.word, start, end, name)
                tokens[tokens.count - 1].backticked = true
                i = end
            case "=":
                add(.comparison(.equal), start, i + 1); i += 1
            case "!" where i + 1 < characters.count && characters[i + 1] == "=":
                add(.comparison(.notEqual), start, i + 2); i += 2
            case "<", ">":
                let orEqual = i + 1 < characters.count && characters[i + 1] == "="
                let op: Comparison = c == "<" ? (orEqual ? .lessOrEqual : .less) : (orEqual ? .greaterOrEqual : .greater)
                add(.comparison(op), start, i + (orEqual ? 2 : 1)); i += orEqual ? 2 : 1
            case "≤": add(.comparison(.lessOrEqual), start, i + 1); i += 1
            case "≥": add(.comparison(.greaterOrEqual), start, i + 1); i += 1
            case "≠": add(.comparison(.notEqual), start, i + 1); i += 1
            case ",": add(.comma, start, i + 1); i += 1
            case ";": add(.semicolon, start, i + 1); i += 1
            case "(": add(.leftParen, start, i + 1); i += 1
            case ")": add(.rightParen, start, i + 1); i += 1
            case "+", "*", "/", "%": add(.arithmetic(c), start, i + 1); i += 1
            case "." where i + 1 < characters.count && characters[i + 1] == ".":
                add(.range, start, i + 2); i += 2
            case "-", "−":
                // A minus right after an operator or at the start is the sign of a number: `rate>-1`.
                // (One `case` per condition: in `case a, b where c`, the `where` guards only `b`.)
                let signOfNumber = i + 1 < characters.count && characters[i + 1].isNumber && !(tokens.last.map(isOperand) ?? false)
                if signOfNumber {
                    i = readWord(characters, from: i + 1)
                    add(.word, start, i, "-" + String(characters[(start + 1)..<i]))
                } else {
                    add(.arithmetic("-"), start, i + 1); i += 1
                }
            default:
                guard isWordCharacter(c) else {
                    throw LanguageError(Catalogue.meaninglessCharacter(c),
                                        at: span(start, start + 1), example: "compare province=Ninh Bình year=2021..2023 rate")
                }
                i = readWord(characters, from: i)
                add(.word, start, i)
            }
        }
        return tokens
    }

    /// The name between a backtick at `start` and the next lone backtick (a doubled one stands for itself),
    /// and the index after the closing backtick.
    /// - Throws: `LanguageError` at the opening backtick when the name is never closed or empty.
    static func backtickedName(_ characters: [Character], from start: Int, span: (Int, Int) -> SourceSpan) throws -> (String, Int) {
        var name = ""
        var j = start + 1
        while j < characters.count {
            if characters[j] == "`" {
                guard j + 1 < characters.count, characters[j + 1] == "`" else { break }
                j += 1
            }
            name.append(characters[j])
            j += 1
        }
        guard j < characters.count else {
            throw LanguageError(Catalogue.unclosedBacktick,
                                at: span(start, start + 1), example: "sum `Số hộ nghèo` by `Tỉnh/Thành phố`")
        }
        guard !name.allSatisfy(\.isWhitespace) else {
            throw LanguageError(Catalogue.emptyBackticks,
                                at: span(start, j + 1), example: "sum `Số hộ nghèo`")
        }
        return (name, j + 1)
    }

    /// Word characters: letters (with any marks), digits, `_`, `.` and `,` between digits, `'`, `&`, and a
    /// `-` inside a word (`Bà Rịa-Vũng Tàu`, `BR-VT`).
    static func readWord(_ c: [Character], from start: Int) -> Int {
        var i = start
        while i < c.count {
            let ch = c[i]
            if isWordCharacter(ch) { i += 1; continue }
            let next = i + 1 < c.count ? c[i + 1] : " "
            // A decimal point between digits stays in the number; a comma always separates list items.
            if ch == "." && i > start && c[i - 1].isNumber && next.isNumber { i += 1; continue }
            if ch == "." && next != "." && i > start && !c[i - 1].isNumber && isWordCharacter(next) { i += 1; continue }  // TP.HCM
            if ch == "-" && i > start && isWordCharacter(next) && !next.isNumber { i += 1; continue }
            if ch == "%" && i > start && c[i - 1].isNumber && (next.isWhitespace || next == "," || i + 1 == c.count) { i += 1; continue }
            break
        }
        return i
    }

    static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "'" || c == "&" || c.unicodeScalars.allSatisfy { TextFolding.isCombining($0) }
    }

    private static func isOperand(_ token: Token) -> Bool {
        switch token.kind {
        case .word, .quoted, .rightParen: true
        default: false
        }
    }
}
