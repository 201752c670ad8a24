import Engine

/// What a typed column name refers to.
public enum ColumnMatch {
    case found(Column)
    /// The name folds to several columns' names; each must be written so that it picks one.
    case ambiguous([Column])
    case missing
}

/// Column names as users type them: exactly, through the alias, or folded (no accents, any case, `_` for
/// spaces and punctuation), and the aliases themselves.
extension Dataset {
    /// The column `typed` names: an exact name, then an alias (any case), then a name equal without accents
    /// and case, then one equal in snake-case form (`SO_HO_NGHEO`, `số_hộ_nghèo` for `Số hộ nghèo`).
    /// The first of these that matches decides; when it matches several columns the match is ambiguous.
    public func matchColumn(_ typed: String) -> ColumnMatch {
        if let exact = table.column(named: typed) { return .found(exact) }
        let lower = typed.lowercased()
        if let aliased = columnAliases.first(where: { $0.value == lower }), let column = table.column(named: aliased.key) {
            return .found(column)
        }
        let folded = TextFolding.fold(typed)
        let sameFolded = table.columns.filter { TextFolding.fold($0.name) == folded }
        if sameFolded.count == 1 { return .found(sameFolded[0]) }
        if sameFolded.count > 1 { return .ambiguous(sameFolded) }
        let key = NameSpelling.key(typed)
        guard !key.isEmpty else { return .missing }
        let sameKey = table.columns.filter { NameSpelling.key($0.name) == key }
        if sameKey.count == 1 { return .found(sameKey[0]) }
        return sameKey.isEmpty ? .missing : .ambiguous(sameKey)
    }

    /// The measure `typed` names, exactly or without accents and case.
    public func measure(named typed: String) -> MeasureDefinition? {
        if let exact = measures[typed] { return exact }
        let folded = TextFolding.fold(typed)
        return measures.first { TextFolding.fold($0.key) == folded }?.value
    }

    /// How to type the column `name` so that it means that column: its name when that is one plain word,
    /// otherwise in backticks.
    public func spelling(of name: String) -> String { NameSpelling.typed(name) }

    /// Up to three spellings that would run, nearest to `typed` first: columns (backticked when needed,
    /// or by the alias when that is nearer) and measures, one spelling per name.
    public func nearestNames(to typed: String, includingMeasures: Bool = true) -> [String] {
        var spellings: [String: (spelling: String, target: String)] = [:]
        var candidates: [String] = []
        func offer(_ raw: String, _ spelling: String, _ target: String) {
            if spellings[raw] == nil { spellings[raw] = (spelling, target); candidates.append(raw) }
        }
        for column in table.columns {
            offer(column.name, NameSpelling.typed(column.name), column.name)
            if let alias = columnAliases[column.name] { offer(alias, alias, column.name) }
        }
        if includingMeasures {
            for name in measures.keys.sorted() { offer(name, NameSpelling.typed(name), name) }
        }
        var seenTargets = Set<String>()
        return Suggestions.nearest(typed, among: candidates, limit: 12).compactMap { raw in
            guard let s = spellings[raw], seenTargets.insert(s.target).inserted else { return nil }
            return s.spelling
        }.prefix(3).map { $0 }
    }

    /// The error for a name that folds to several columns: at `name`, naming the spellings that pick each.
    func ambiguityError(_ name: Name, _ columns: [Column]) -> LanguageError {
        let spellings = columns.map { NameSpelling.typed($0.name) }
        let list = columns.map { column in
            NameSpelling.typed(column.name) + (columnAliases[column.name].map { " (\($0))" } ?? "")
        }.joined(separator: ", ")
        return LanguageError(
            Catalogue.ambiguousColumn(name.text, of: self.name, list),
            at: name.span, suggestions: spellings)
    }

    /// Gives every column whose name is not a plain word an ASCII snake-case alias, keeping aliases already
    /// given. An alias never folds like another column's plain name, another alias or a measure: it is
    /// numbered instead (`ty_le_2`).
    /// - Returns: notes for the load report: the aliases made, and each one that had to be numbered.
    mutating func assignAliases() -> [Message] {
        var owners: [String: String] = [:]  // snake-case key → the name or alias that holds it
        for column in table.columns where NameSpelling.isPlain(column.name) { owners[NameSpelling.key(column.name), default: column.name] = column.name }
        for name in measures.keys { owners[NameSpelling.key(name), default: name] = name }
        for (column, alias) in columnAliases where table.column(named: column) != nil { owners[alias] = NameSpelling.typed(column) }
        columnAliases = columnAliases.filter { table.column(named: $0.key) != nil }
        var made: [String] = [], numbered: [Message] = []
        for (position, column) in table.columns.enumerated() where columnAliases[column.name] == nil && !NameSpelling.isPlain(column.name) {
            let base = NameSpelling.aliasBase(column.name, position: position)
            var alias = base, n = 1
            while owners[alias] != nil { n += 1; alias = "\(base)_\(n)" }
            if n > 1, let holder = owners[base] {
                numbered.append(Catalogue.aliasNumbered(NameSpelling.typed(column.name), is: alias, taken: base, by: holder))
            }
            owners[alias] = NameSpelling.typed(column.name)
            columnAliases[column.name] = alias
            made.append("\(alias) = \(NameSpelling.typed(column.name))")
        }
        guard !made.isEmpty else { return [] }
        let shown = made.prefix(Dataset.aliasesListed).joined(separator: ", ")
        let more = made.count > Dataset.aliasesListed ? made.count - Dataset.aliasesListed : 0
        let list = Catalogue.aliasesMade(shown, more: more)
        return [list] + numbered
    }

    /// Aliases named one by one in a load report; describe lists them all.
    static let aliasesListed = 12
}
