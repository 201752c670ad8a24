/// Where a piece of a statement is: 1-based line and character columns, end exclusive.
public struct SourceSpan: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var endColumn: Int

    public init(line: Int = 1, column: Int, endColumn: Int) {
        self.line = line
        self.column = column
        self.endColumn = max(endColumn, column + 1)
    }

    /// The span covering both.
    public func joined(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(line: line, column: min(column, other.column), endColumn: max(endColumn, other.endColumn))
    }

    public var description: String { "\(line):\(column)" }
}

/// A mistake in a statement: what is wrong, where, and how to put it right.
public struct LanguageError: Error, Sendable, Equatable {
    public var span: SourceSpan?
    /// Message key and English/Vietnamese text (see `Message`).
    public var message: Message
    /// Nearest correct spellings, best first.
    public var suggestions: [String]
    /// A statement that would work, for teaching.
    public var example: String?
    /// The suggestions are spellings of the marked words (so the shell can show the corrected statement);
    /// false when they are filters to add.
    public var suggestionsReplaceSpan = true

    public init(_ message: Message, at span: SourceSpan? = nil, suggestions: [String] = [], example: String? = nil, replacing: Bool = true) {
        self.suggestionsReplaceSpan = replacing
        self.message = message
        self.span = span
        self.suggestions = suggestions
        self.example = example
    }
}

/// The language of help texts and messages.
public enum Language: String, Sendable, CaseIterable {
    case en, vi
}
