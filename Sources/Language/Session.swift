import Engine
import Formats
import Remote

/// Options a user changes with `set`.
public struct Settings: Sendable, Equatable {
    public var language: Language = .en
    /// Decimal places shown for decimals in tables (csv and json always carry full precision).
    public var decimals = 2
    /// Rows a table shows before it says how many more there are.
    public var maxRows = 50
    public var timer = false
    public var format: OutputFormat = .table
    /// Whether results at a terminal go through `$PAGER`.
    public var pager: PagerMode = .auto

    public init() {}
}

/// `set pager`: when results shown at a terminal go through `$PAGER` (never in a file or a pipe).
public enum PagerMode: String, Sendable, CaseIterable {
    /// Only a result taller than the screen.
    case auto
    /// Every result.
    case on
    case off
}

/// How results are written.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// `line` is the vertical record mode: one `column: value` per line.
    /// `html` is a whole page (a handout): see the shell's HTMLHandout.
    case table, line, csv, json, jsonl, markdown, html

    /// Formats another program reads: standard output holds results only, and notes, reports and
    /// confirmations go to standard error.
    public var isMachineReadable: Bool { self == .csv || self == .json || self == .jsonl }
}

/// The state statements run against: the datasets, the current one, options, and the last result.
public final class Session {
    public internal(set) var datasets: [String: Dataset] = [:]
    /// Dataset names in the order they were added.
    public private(set) var order: [String] = []
    public var currentName: String?
    public var settings = Settings()
    /// The folder of the script being run, against which `load`, `run` and `export` take relative paths;
    /// nil for statements typed at the prompt, given with `-c` or read from standard input.
    public var baseDirectory: String?
    /// Parameters given with `--set NAME=VALUE`, substituted for `$NAME` and `${NAME}` in statements.
    public var parameters: [String: String] = [:]
    public var lastResult: ResultTable?
    /// How `connect` opens each kind of address, by scheme (`postgresql`, `sc`); supplied by the shell,
    /// which links the clients.
    public var connectors: [String: (String) throws -> SQLConnection] = [:]
    /// While `explain` runs a statement: collects its plans instead of running them.
    var planRecorder: PlanRecorder?
    /// The dataset current when the last result was made (a chart names it as its source).
    public var lastResultDataset: String?
    /// Runs a script file (`run FILE`); supplied by the shell, which owns the batch runner.
    public var scriptRunner: ((String, SourceSpan?) throws -> Void)?
    /// The statements kept in the prompt's history, oldest first (`history`); supplied by the shell.
    public var historyReader: (() -> [String])?
    /// Runs `lesson …` (its argument text and place) and gives the lines to show; supplied by the shell,
    /// which owns the built-in lessons and the prompt they are followed at.
    /// Writes a chart as an SVG file, returning a short description; supplied by the shell, which owns
    /// the SVG writer.
    public var chartWriter: ((Chart, String, SourceSpan) throws -> String)?
    public var lessonHost: ((String, SourceSpan) throws -> [String])?
    /// Writes a result to a file in the format its extension names, returning a short description of the
    /// format; supplied by the shell, which owns the renderers.
    public var exporter: ((ResultTable, String, SourceSpan) throws -> String)?
    /// Loads a file; replaceable for tests. Returns the loaded table and its report lines.
    public var loader: (String, String?, LoadOptions) throws -> LoadResult = { path, name, options in
        try TableLoader.load(path: path, tableName: name, options: options)
    }

    public init() {}

    /// `typed` as a path to open: relative paths are taken from the running script's folder.
    public func path(_ typed: String) -> String {
        guard let base = baseDirectory, !typed.hasPrefix("/"), !typed.isEmpty else { return typed }
        return base == "." ? typed : base + "/" + typed
    }

    /// The result of a statement whose filters kept no row: no rows under the columns the verb gives when
    /// run on no rows (a `count` of nothing is a header and no row, like any empty answer), with the note
    /// saying why; or, when the verb cannot shape a result from no rows (trend's periods), no columns.
    private func emptyResult(_ empty: EmptyAnswer, _ verb: Verb, _ statement: Statement) throws -> Output {
        do {
            if case .table(var result) = try EmptyAnswer.$isAccepted.withValue(true, operation: { try verb.run(statement, self) }) {
                result.table = try Table(name: result.table.name, columns: result.table.columns.map { $0.gathering([]) })
                result.notes = [empty.note]
                return .table(result)
            }
        } catch let mistake as LanguageError {
            // A mistake elsewhere in the statement (an unknown column after `by`) is still an error.
            throw mistake
        } catch {
            // The verb cannot shape a result from no rows (trend's periods): the answer has no columns.
        }
        return .table(ResultTable(table: try Table(name: empty.tableName, columns: []), notes: [empty.note]))
    }

    /// The province gazetteer (from the built-in data); datasets added after it is set have their province
    /// column recognised.
    public var gazetteer: Gazetteer?

    /// Adds (or replaces) a dataset. A name that is not one plain word is made its snake-case form
    /// (`Báo cáo 2023` → `bao_cao_2023`), so `use` can take it; columns whose names need backticks get aliases.
    /// - Returns: the name it is known by, and notes for the load report (the name made, the aliases).
    @discardableResult
    public func add(_ dataset: Dataset, makeCurrent: Bool = false) -> (name: String, notes: [Message]) {
        var dataset = gazetteer.map { $0.enrich(dataset) } ?? dataset
        var notes: [Message] = []
        let (name, note) = NameSpelling.datasetName(dataset.name, position: order.count)
        dataset.table.name = name
        if let note { notes.append(note) }
        notes += dataset.assignAliases()
        if datasets[dataset.name] == nil { order.append(dataset.name) }
        datasets[dataset.name] = dataset
        if makeCurrent || currentName == nil { currentName = dataset.name }
        return (dataset.name, notes)
    }

    /// The current dataset. - Throws: `LanguageError` when none is loaded.
    public func current(at span: SourceSpan? = nil) throws -> Dataset {
        guard let name = currentName, let dataset = datasets[name] else {
            throw LanguageError(Catalogue.noDatasetLoaded, at: span,
                                example: "load datasets/reports.csv")
        }
        return dataset
    }

    /// Replaces the current dataset (after `let` or `measure`).
    /// - Returns: notes on the aliases given to columns it added whose names need backticks.
    @discardableResult
    public func updateCurrent(_ change: (inout Dataset) throws -> Void) throws -> [Message] {
        var dataset = try current()
        try change(&dataset)
        let notes = dataset.assignAliases()
        datasets[dataset.name] = dataset
        return notes
    }

    /// The dataset named `name` (accent- and case-insensitively). - Throws: with the nearest names.
    public func dataset(named name: Name) throws -> Dataset {
        if let exact = datasets[name.text] { return exact }
        let folded = TextFolding.fold(name.text), key = NameSpelling.key(name.text)
        if let match = order.first(where: { TextFolding.fold($0) == folded }) { return datasets[match]! }
        // `Báo cáo 2023` (as the file was named) finds `bao_cao_2023`.
        if !key.isEmpty, let match = order.first(where: { NameSpelling.key($0) == key }) { return datasets[match]! }
        throw LanguageError(Catalogue.unknownDataset(name.text),
                            at: name.span, suggestions: Suggestions.nearest(name.text, among: order).map(NameSpelling.typed), example: "datasets")
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
        let output: Output
        do {
            output = try verb.run(statement, self)
        } catch EngineError.duplicateColumn(let name) {
            throw repeatedNameError(statement, resultColumn: name)
        } catch let empty as EmptyAnswer {
            output = try emptyResult(empty, verb, statement)
        }
        if case .table(let result) = output {
            lastResult = result
            lastResultDataset = currentName
        }
        return output
    }
}

extension Session {
    /// The error for a statement that names one column twice (`sum so_ho_ngheo `Số hộ nghèo``: an alias
    /// and the name are one column), at the second mention when it can be found.
    func repeatedNameError(_ statement: Statement, resultColumn: String) -> LanguageError {
        var seen: [String: Name] = [:]
        var second: (Name, Name)?
        let dataset = try? current()
        let names = statement.clauses.items.compactMap { item -> Name? in
            if case .name(let n) = item { return n } else { return nil }
        } + statement.clauses.by
        for name in names where second == nil {
            guard case .found(let column)? = dataset?.matchColumn(name.text) else { continue }
            if let first = seen[column.name] { second = (first, name) } else { seen[column.name] = name }
        }
        guard let (first, repeated) = second else { return LanguageError(Catalogue.repeatedColumn(resultColumn), at: statement.verb.span) }
        let spellings = first.text == repeated.text ? nil : (NameSpelling.typed(first.text), NameSpelling.typed(repeated.text))
        return LanguageError(Catalogue.repeatedColumn(resultColumn, sameAs: spellings), at: repeated.span)
    }
}

/// What a statement gives back.
public enum Output {
    /// A result table, with its notes.
    case table(ResultTable)
    /// Lines of text the statement was asked for (help, explain, the list of options): a result.
    case text([String])
    /// What a statement did, not a result: a load report, a confirmation (`using gso`, `wrote 3 rows …`).
    /// Machine-readable formats send it to standard error, and `--quiet` drops it.
    case report([String])
    /// A chart of the last result: drawn with block characters at a terminal, as SVG in an HTML handout.
    case chart(Chart)
    case nothing
}
