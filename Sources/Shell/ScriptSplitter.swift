import Foundation

/// Splits a script into statements: one per line, several on a line with `;`, `#` comments dropped,
/// a line ending in `\` continued on the next. Quotes and backticks protect `;` and `#`. Lines may end in LF, CRLF
/// (Notepad) or a lone CR, and a UTF-8 byte-order mark at the start is no part of the first statement.
enum ScriptSplitter {
    struct Piece: Equatable {
        var text: String
        var line: Int
        /// Column of the statement's first character on its line.
        var column: Int
    }

    static func statements(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var lines = ScriptSplitter.lines(of: text)
        if lines.first?.hasPrefix("#!") == true { lines[0] = "" }
        var index = 0
        while index < lines.count {
            var line = lines[index]
            let lineNumber = index + 1
            // A trailing backslash continues the statement on the next line.
            while line.hasSuffix("\\") && index + 1 < lines.count {
                line.removeLast()
                while line.last == " " || line.last == "\t" { line.removeLast() }
                index += 1
                line += " " + lines[index].trimmingCharacters(in: .whitespaces)
            }
            index += 1
            var current = ""
            var start = 1
            var column = 1
            var inQuotes = false, inBackticks = false
            var previous: Character = " "
            for character in line {
                if character == "\"" && !inBackticks { inQuotes.toggle() }
                if character == "`" && !inQuotes { inBackticks.toggle() }
                let quoted = inQuotes || inBackticks
                if !quoted && character == "#" && previous.isWhitespace { break }
                if !quoted && character == ";" {
                    add(current, lineNumber, start, &pieces)
                    current = ""
                    start = column + 1
                } else {
                    current.append(character)
                }
                previous = character
                column += 1
            }
            add(current, lineNumber, start, &pieces)
        }
        return pieces
    }

    private static func add(_ text: String, _ line: Int, _ start: Int, _ pieces: inout [Piece]) {
        let leading = text.prefix(while: { $0 == " " || $0 == "\t" }).count
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty { pieces.append(Piece(text: trimmed, line: line, column: start + leading)) }
    }

    /// The lines of `text`, whatever ends them. Swift reads CRLF as one character, so splitting at "\n"
    /// alone would leave a Notepad script as a single line.
    static func lines(of text: String) -> [String] {
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = Substring(body.unicodeScalars.dropFirst()) }
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in body.unicodeScalars {
            if scalar == "\n" && previousWasCR { previousWasCR = false; continue }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        lines.append(String(current))
        return lines
    }
}

extension ScriptSplitter {
    /// The comment lines among `lines[from ..< before - 1]` (0-based from, 1-based before) as paragraphs of
    /// their text without `#`: a blank line, a bare `#` or a statement ends a paragraph. A `#!` first line
    /// is not narrative.
    static func commentParagraphs(_ lines: [String], from: Int, before: Int) -> [[String]] {
        var paragraphs: [[String]] = []
        var current: [String] = []
        for index in from..<max(from, min(before - 1, lines.count)) {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("#"), !(index == 0 && trimmed.hasPrefix("#!")) else {
                if !current.isEmpty { paragraphs.append(current); current = [] }
                continue
            }
            var text = trimmed.dropFirst()
            if text.first == " " { text = text.dropFirst() }
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.isEmpty { paragraphs.append(current); current = [] }
            } else {
                current.append(String(text))
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }
}
