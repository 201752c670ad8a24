import Engine

/// One verb of the language: how its arguments are read, its help in both languages, examples that run on
/// the built-in data, and what it does. The registry of verbs drives parsing, `help`, completion and
/// docs/language.md, so a new verb is added in one place.
public struct Verb: Sendable {
    public enum Arguments: Sendable { case none, raw, definition, clauses }

    public let name: String
    public let aliases: [String]
    public let arguments: Arguments
    /// Syntax line, e.g. `compare FILTERS MEASURE… [by COLUMNS]`.
    public let syntax: String
    public let summary: Message
    public let details: Message
    /// Statements that run on the built-in data, shown by `help VERB` and run by the tests.
    public let examples: [String]
    let action: @Sendable (Statement, Session) throws -> Output
    /// What the statement will do, in plain words, for `explain`.
    let plan: (@Sendable (Statement, Session) throws -> [Message])?

    init(name: String, aliases: [String] = [], arguments: Arguments, syntax: String, summary: Message, details: Message,
         examples: [String], plan: (@Sendable (Statement, Session) throws -> [Message])? = nil,
         action: @escaping @Sendable (Statement, Session) throws -> Output) {
        self.name = name
        self.aliases = aliases
        self.arguments = arguments
        self.syntax = syntax
        self.summary = summary
        self.details = details
        self.examples = examples
        self.plan = plan
        self.action = action
    }

    func run(_ statement: Statement, _ session: Session) throws -> Output { try action(statement, session) }
}

public enum VerbRegistry {
    /// Every verb, in the order `help` lists them.
    public static let all: [Verb] = [
        .help, .datasets, .use, .load, .describe, .show, .count, .sum, .mean, .min, .max, .median, .stddev,
        .compare, .trend, .rank, .rollup, .letVerb, .measure, .expect, .export, .explain, .set, .run, .sheets, .history, .connect, .lesson, .chart,
    ]

    /// Verb names and aliases (for suggestions and completion).
    public static var allNames: [String] { all.flatMap { [$0.name] + $0.aliases } }

    /// The verbs nearest a misspelt `name`: by their own names first (`cuont` is count), and by their
    /// Vietnamese aliases only when no name is near (`so_sahn` is so_sanh).
    public static func nearest(_ name: String) -> [String] {
        let byName = Suggestions.nearest(name, among: all.map(\.name))
        return byName.isEmpty ? Suggestions.nearest(name, among: allNames) : byName
    }

    /// The verb spelled `name` (case-insensitively), or nil.
    public static func verb(named name: String) -> Verb? {
        let folded = TextFolding.fold(name)
        return all.first { $0.name == folded || $0.aliases.contains(folded) }
    }
}
