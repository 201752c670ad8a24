import Engine

/// A name as typed (a verb, column, dataset or measure), with its place.
public struct Name: Sendable, Equatable {
    public var text: String
    public var span: SourceSpan
}

/// One value typed in a filter: `Ninh Bình`, `"TP. Hồ Chí Minh"`, `2021`.
public struct Literal: Sendable, Equatable {
    public var text: String
    public var quoted: Bool
    public var span: SourceSpan

    /// `value` as it must be typed in a filter to mean itself: quoted when it holds a comma, a keyword, an
    /// operator or a quote-like character.
    public static func typed(_ value: String) -> String {
        let needsQuotes = value.contains(where: { ",=<>!#;()\"`".contains($0) })
            || value.split(separator: " ").contains { Parser.keywords.contains(TextFolding.fold(String($0))) }
        return needsQuotes ? "\"" + value + "\"" : value
    }

    /// The number this literal spells (`2021`, `6.8`, `5%`), if any; quoted text is never a number.
    public var number: Double? {
        guard !quoted else { return nil }
        var t = text.replacingOccurrences(of: "−", with: "-")
        if t.hasSuffix("%") { t.removeLast() }
        // Digits only: Double("inf") and Double("nan") would turn words into numbers.
        guard t.contains(where: \.isNumber), t.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return nil }
        return Double(t)
    }

    /// The number as exactly as it is written: a whole number within the 64-bit range is an integer
    /// (`9007199254740993` stays itself), anything else a decimal; nil when `number` is.
    public var constant: NumericConstant? {
        guard let d = number else { return nil }
        var t = text.replacingOccurrences(of: "−", with: "-")
        if t.hasSuffix("%") { t.removeLast() }
        if t.hasPrefix("+") { t.removeFirst() }
        if let whole = Int64(t) { return .integer(whole) }
        return .decimal(d)
    }
}

/// The right-hand side of a filter.
public enum FilterValue: Sendable, Equatable {
    case single(Literal)
    case list([Literal])
    /// Inclusive range `a..b`.
    case range(Literal, Literal)

    public var literals: [Literal] {
        switch self {
        case .single(let l): [l]
        case .list(let ls): ls
        case .range(let a, let b): [a, b]
        }
    }
}

/// `column op value`, e.g. `province=Ninh Bình`, `year=2021..2023`, `income<1500`.
public struct Filter: Sendable, Equatable {
    public var column: Name
    public var comparison: Comparison
    public var value: FilterValue
    public var span: SourceSpan
}

/// Row-level and aggregate expressions (`100 * mean(poor)`, `if(urban=1, income, 0)`).
public indirect enum Expression: Sendable, Equatable {
    /// A number as written: a whole number exact in 64 bits, anything else a double.
    case number(NumericConstant, SourceSpan)
    case text(String, SourceSpan)
    case name(Name)
    case call(Name, [Expression], SourceSpan)
    case unary(Character, Expression, SourceSpan)
    case binary(Character, Expression, Expression, SourceSpan)
    case comparison(Comparison, Expression, Expression, SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .number(_, let s), .text(_, let s), .call(_, _, let s), .unary(_, _, let s), .binary(_, _, _, let s), .comparison(_, _, _, let s): s
        case .name(let n): n.span
        }
    }

    /// The statement text this expression was parsed from, rebuilt so that it runs again (for notes,
    /// `explain` and examples): a name that needs backticks has them.
    public var sourceText: String { rendered(NameSpelling.typed) }

    /// The expression as a result column's header: names as they are, without backticks
    /// (`mean(Tỷ lệ (%))`), as a header is read, not typed.
    public var headerText: String { rendered { $0 } }

    private func rendered(_ spell: (String) -> String) -> String {
        switch self {
        case .number(let n, _): n.description
        case .text(let t, _): "\"\(t)\""
        case .name(let n): spell(n.text)
        case .call(let f, let args, _): f.text + "(" + args.map { $0.rendered(spell) }.joined(separator: ", ") + ")"
        case .unary(let op, let e, _): String(op) + e.rendered(spell)
        case .binary(let op, let a, let b, _): a.rendered(spell) + " \(op) " + b.rendered(spell)
        case .comparison(let op, let a, let b, _): a.rendered(spell) + " \(op.rawValue) " + b.rendered(spell)
        }
    }
}

/// Everything that can follow a verb, gathered in one shape; each verb then says which parts it takes
/// and what its bare items mean (columns, measures, a path, a dataset name).
public struct Clauses: Sendable, Equatable {
    public var filters: [Filter] = []
    /// Bare items in order: names and calls such as `rate`, `mean(income)`, `province`.
    public var items: [Expression] = []
    public var by: [Name] = []
    public var sort: [(name: Name, descending: Bool)] = []
    public var limit: (value: Int, span: SourceSpan)?
    public var top: (value: Int, span: SourceSpan)?
    public var ascending: SourceSpan?
    public var descending: SourceSpan?
    public var alias: Name?
    /// `to X` (for `rollup … to 2025`).
    public var target: Name?
    /// `weight COLUMN` (for `rollup` of a rate).
    public var weight: Name?

    public static func == (a: Clauses, b: Clauses) -> Bool {
        a.filters == b.filters && a.items == b.items && a.by == b.by
            && a.sort.map(\.name) == b.sort.map(\.name) && a.sort.map(\.descending) == b.sort.map(\.descending)
            && a.limit?.value == b.limit?.value && a.top?.value == b.top?.value && a.alias == b.alias && a.target == b.target
    }
}

/// A parsed statement: its verb and the rest, with the text it came from.
public struct Statement: Sendable, Equatable {
    public var verb: Name
    public var clauses: Clauses
    /// For `let`/`measure`: the name defined and its expression.
    public var definition: (name: Name, expression: Expression, asPercent: Bool)?
    /// For verbs that take raw text (`load PATH`, `export PATH`, `explain STATEMENT`, `help VERB`, `set …`).
    public var rawArgument: (text: String, span: SourceSpan)?
    public var source: String
    public var span: SourceSpan

    public static func == (a: Statement, b: Statement) -> Bool {
        a.verb == b.verb && a.clauses == b.clauses && a.source == b.source
            && a.definition?.name == b.definition?.name && a.definition?.expression == b.definition?.expression
    }
}
