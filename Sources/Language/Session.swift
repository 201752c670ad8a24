import Engine
import Formats

/// Options a user changes with `set`.
public struct Settings: Sendable, Equatable {
    public var language: Language = .en
    /// Decimal places shown for decimals in tables (csv and json always carry full precision).
    public var decimals = 2
    /// Rows a table shows before it says how many more there are.
    public var maxRows = 50
    public var timer = false
    public var format: OutputFormat = .table

    public init() {}
}

/// How results are written.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, json, jsonl, markdown
}

/// The state statements run against: the datasets, the current one, options, and the last result.
public final class Session {
    public private(set) var datasets: [String: Dataset] = [:]
    /// Dataset names in the order they were added.
    public private(set) var order: [String] = []
    public var currentName: String?
    public var settings = Settings()
    public var lastResult: ResultTable?
    /// Runs a script file (`run FILE`); supplied by the shell, which owns the batch runner.
    public var scriptRunner: ((String, SourceSpan?) throws -> Void)?
    /// Writes a result to a file in the format its extension names, returning a short description of the
    /// format; supplied by the shell, which owns the renderers.
    public var exporter: ((ResultTable, String, SourceSpan) throws -> String)?
    /// Loads a file; replaceable for tests. Returns the loaded table and its report lines.
    public var loader: (String, String?, LoadOptions) throws -> LoadResult = { path, name, options in
        try TableLoader.load(path: path, tableName: name, options: options)
    }

    public init() {}

    /// The province gazetteer (from the built-in data); datasets added after it is set have their province
    /// column recognised.
    public var gazetteer: Gazetteer?

    public func add(_ dataset: Dataset, makeCurrent: Bool = false) {
        let dataset = gazetteer.map { $0.enrich(dataset) } ?? dataset
        if datasets[dataset.name] == nil { order.append(dataset.name) }
        datasets[dataset.name] = dataset
        if makeCurrent || currentName == nil { currentName = dataset.name }
    }

    /// The current dataset. - Throws: `LanguageError` when none is loaded.
    public func current(at span: SourceSpan? = nil) throws -> Dataset {
        guard let name = currentName, let dataset = datasets[name] else {
            throw LanguageError(Message(en: "no dataset is loaded", vi: "chưa nạp bộ dữ liệu nào"), at: span,
                                example: "load datasets/reports.csv")
        }
        return dataset
    }

    /// Replaces the current dataset (after `let` or `measure`).
    public func updateCurrent(_ change: (inout Dataset) throws -> Void) throws {
        var dataset = try current()
        try change(&dataset)
        datasets[dataset.name] = dataset
    }

    /// The dataset named `name` (accent- and case-insensitively). - Throws: with the nearest names.
    public func dataset(named name: Name) throws -> Dataset {
        if let exact = datasets[name.text] { return exact }
        let folded = TextFolding.fold(name.text)
        if let match = order.first(where: { TextFolding.fold($0) == folded }) { return datasets[match]! }
        throw LanguageError(Message(en: "there is no dataset '\(name.text)'", vi: "không có bộ dữ liệu '\(name.text)'"),
                            at: name.span, suggestions: Suggestions.nearest(name.text, among: order), example: "datasets")
    }

    /// Parses and runs one statement.
    /// - Throws: `LanguageError` (with the place in the statement) or `LoadError`.
    public func run(_ text: String, line: Int = 1) throws -> Output {
        let vocabulary = (try? current().vocabulary) ?? []
        let statement = try Parser.parse(text, line: line, vocabulary: vocabulary.union(AggregateCall.functionNames))
        return try run(statement)
    }

    public func run(_ statement: Statement) throws -> Output {
        let verb = VerbRegistry.verb(named: statement.verb.text)!
        let output = try verb.run(statement, self)
        if case .table(let result) = output { lastResult = result }
        return output
    }
}

/// What a statement gives back.
public enum Output {
    /// A result table, with its notes.
    case table(ResultTable)
    /// Lines of text (help, a load report, a confirmation).
    case text([String])
    case nothing
}
