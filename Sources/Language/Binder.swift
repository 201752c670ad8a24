import Engine

/// Resolves names in a statement against a dataset: columns (accent- and case-insensitively) and filter
/// values against the data, with the nearest spellings when something matches nothing.
public struct Binder {
    public let dataset: Dataset

    public init(dataset: Dataset) { self.dataset = dataset }

    var table: Table { dataset.table }

    /// The column `name` refers to: by its name, its alias, or folded (see `Dataset.matchColumn`).
    /// - Throws: `LanguageError` naming the nearest columns as they must be typed, or, when the name folds to
    ///   several columns, the spellings that pick each.
    public func column(_ name: Name) throws -> Column {
        switch dataset.matchColumn(name.text) {
        case .found(let column): return column
        case .ambiguous(let columns): throw dataset.ambiguityError(name, columns)
        case .missing:
            throw LanguageError(
                Catalogue.unknownColumn(name.text, in: table.name),
                at: name.span, suggestions: dataset.nearestNames(to: name.text), example: "describe")
        }
    }

    /// One filter bound to its column, as a kernel call.
    public func bind(_ filter: Filter) throws -> BoundFilter {
        let column = try self.column(filter.column)
        switch column.storage {
        case .text(let text):
            let gazetteer = dataset.provinceColumn?.name == column.name ? dataset.gazetteer : nil
            let mask = try TextMatcher(column: column, dictionary: text.dictionary, gazetteer: gazetteer).mask(for: filter)
            let matched = zip(text.dictionary, mask).filter(\.1).map(\.0)
            return try BoundFilter(column: column, kind: .textMask(mask), matchedText: matched)
        case .integer, .decimal:
            return try BoundFilter(column: column, kind: .numeric(try numericRanges(filter, column)), matchedText: [])
        case .boolean:
            return try BoundFilter(column: column, kind: .boolean(try booleanValues(filter)), matchedText: [])
        }
    }

    /// A numeric filter as comparisons whose results are OR-ed; a value that is in no row is an error.
    func numericRanges(_ filter: Filter, _ column: Column) throws -> [(Comparison, NumericConstant)] {
        let numbers = try filter.value.literals.map { literal -> NumericConstant in
            guard let n = literal.constant else {
                throw LanguageError(
                    Catalogue.notANumber(column: column.name, value: literal.text),
                    at: literal.span, example: "\(NameSpelling.typed(column.name))=\(exampleValue(column))")
            }
            return n
        }
        if case .range(let low, let high) = filter.value, NumericConstant.isLess(numbers[1], numbers[0]) {
            throw LanguageError(Catalogue.backwardRange(from: low.text, to: high.text),
                                at: low.span.joined(high.span), example: "\(NameSpelling.typed(column.name))=\(high.text)..\(low.text)")
        }
        var comparisons: [(Comparison, NumericConstant)]
        switch (filter.value, filter.comparison) {
        case (.range, .equal): comparisons = [(.greaterOrEqual, numbers[0]), (.lessOrEqual, numbers[1])]
        case (.range, _): comparisons = [(.less, numbers[0]), (.greater, numbers[1])]
        case (_, .equal), (_, .notEqual): comparisons = numbers.map { (filter.comparison, $0) }
        default: comparisons = [(filter.comparison, numbers[0])]
        }
        return comparisons
    }

    func booleanValues(_ filter: Filter) throws -> [Bool] {
        try filter.value.literals.map { literal in
            switch TextFolding.fold(literal.text) {
            case "true", "yes", "1", "co", "dung": return true
            case "false", "no", "0", "khong", "sai": return false
            default:
                throw LanguageError(Catalogue.notTrueOrFalse(column: filter.column.text, value: literal.text),
                                    at: literal.span, example: "\(NameSpelling.typed(filter.column.text))=true")
            }
        }
    }

    /// The lowest and highest of `present`, as the error after a number no row has names them; nil when empty.
    func valueRange(_ present: Set<NumericConstant>) -> (low: String, high: String)? {
        guard let low = present.min(by: NumericConstant.isLess), let high = present.max(by: NumericConstant.isLess) else { return nil }
        return ("\(low)", "\(high)")
    }

    /// The two present values nearest `n`, in order. Distances are taken in whole numbers where both are
    /// whole, so that neighbours beyond 2^53 are told apart.
    func nearestNumbers(_ n: NumericConstant, in present: Set<NumericConstant>) -> [NumericConstant] {
        guard present.count <= 200 else { return [] }
        func distance(_ v: NumericConstant) -> Double {
            if case .integer(let a) = v, case .integer(let b) = n { return Double(a > b ? UInt64(bitPattern: a &- b) : UInt64(bitPattern: b &- a)) }
            return abs(v.asDouble - n.asDouble)
        }
        return present.sorted { distance($0) < distance($1) }.prefix(2).sorted(by: NumericConstant.isLess)
    }

    private func exampleValue(_ column: Column) -> String {
        ((try? dataset.values.presentNumbers(column)) ?? []).min(by: NumericConstant.isLess)?.description ?? "1"
    }
}

/// Renders a filter back as typed (for messages).
func filterText(_ f: Filter) -> String {
    let value: String
    switch f.value {
    case .single(let l): value = l.text
    case .list(let ls): value = ls.map(\.text).joined(separator: ",")
    case .range(let a, let b): value = "\(a.text)..\(b.text)"
    }
    return "\(NameSpelling.typed(f.column.text))\(f.comparison.rawValue)\(value)"
}

func formatNumber(_ d: Double) -> String {
    d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
}

extension FilterValue {
    var isRange: Bool { if case .range = self { true } else { false } }
}

/// What one filter did, for `explain` and notes.
/// Well-formed filters that together keep no row: not a mistake but an answer (none), which the session
/// turns into an empty result with this note, so a script asking "which districts missed the target" goes on.
public struct EmptyAnswer: Error, Sendable {
    /// While true, filters that keep no row give an empty selection instead of throwing: the session runs a
    /// verb once more this way, so that the empty result still has the verb's columns.
    @TaskLocal static var isAccepted = false

    public var note: Message
    /// The filters' steps up to the one that kept nothing (for `explain`).
    public var steps: [FilterStep]
    public var tableName: String
}

public struct FilterStep: Sendable {
    public var filter: Filter
    public var column: Column
    public var rowsKept: Int
    /// The distinct data values a text filter matched (`ninh binh` → `Ninh Bình`).
    public var matchedValues: [String]
}

/// A filter bound to its column, ready to run as the filter kernel's one predicate kind.
public struct BoundFilter {
    public enum Kind {
        case textMask([Bool])
        /// Comparisons: OR-ed for a list of values, AND-ed for a range (`>=`, `<=`) and for `!=` against a
        /// list (see `allHold`).
        case numeric([(Comparison, NumericConstant)])
        case boolean([Bool])
    }
    public var column: Column
    public var kind: Kind
    public var matchedText: [String]
    /// The filter as the kernel runs it.
    public let predicate: FilterPredicate

    /// `allHold` says whether numeric comparisons are AND-ed or OR-ed; by default, as `allHold(_:)` reads them.
    init(column: Column, kind: Kind, matchedText: [String], allHold: Bool? = nil) throws {
        self.column = column
        self.kind = kind
        self.matchedText = matchedText
        switch kind {
        case .textMask(let mask): predicate = try column.predicate(codesIn: mask)
        case .boolean(let wanted): predicate = try column.predicate(booleans: Set(wanted))
        case .numeric(let comparisons):
            predicate = try allHold ?? BoundFilter.allHold(comparisons)
                ? column.predicate(allOf: comparisons) : column.predicate(anyOf: comparisons)
        }
    }

    /// An inclusive range (`>=`, `<=`) and `!=` against a list keep the rows every comparison keeps;
    /// otherwise (a list, a range's outside) the rows any comparison keeps, each value counted alone.
    static func allHold(_ comparisons: [(Comparison, NumericConstant)]) -> Bool {
        let isInclusiveRange = comparisons.count == 2 && comparisons[0].0 == .greaterOrEqual && comparisons[1].0 == .lessOrEqual
        return isInclusiveRange || comparisons.allSatisfy { $0.0 == .notEqual }
    }
}

extension Column {
    /// The distinct present numbers, integers exactly (for messages about values that match nothing).
    var presentNumbers: Set<NumericConstant> {
        var out = Set<NumericConstant>()
        for row in 0..<count where isPresent(row) {
            switch value(at: row) {
            case .integer(let i): out.insert(.integer(i))
            case .decimal(let d): out.insert(.decimal(d))
            default: break
            }
            if out.count > 100_000 { break }
        }
        return out
    }
}
