import Engine

/// Parts of `Clauses` a verb may accept.
enum ClauseKind { case filters, items, by, sort, limit, top, order, alias, target, weight }

/// Refuses clauses a verb does not take, pointing at the first one, so nothing typed is silently ignored.
func rejectClauses(_ statement: Statement, allowed: Set<ClauseKind>, verb: String) throws {
    let c = statement.clauses
    var found: [(ClauseKind, SourceSpan?, String)] = []
    if !c.filters.isEmpty { found.append((.filters, c.filters[0].span, "filters")) }
    if !c.items.isEmpty { found.append((.items, c.items[0].span, "'\(c.items[0].sourceText)'")) }
    if !c.by.isEmpty { found.append((.by, c.by[0].span, "by")) }
    if !c.sort.isEmpty { found.append((.sort, c.sort[0].name.span, "sort")) }
    if let l = c.limit { found.append((.limit, l.span, "limit")) }
    if let t = c.top { found.append((.top, t.span, "top")) }
    if let a = c.ascending ?? c.descending { found.append((.order, a, "asc/desc")) }
    if let a = c.alias { found.append((.alias, a.span, "as")) }
    if let t = c.target { found.append((.target, t.span, "to")) }
    if let w = c.weight { found.append((.weight, w.span, "weight")) }
    if let (_, span, what) = found.first(where: { !allowed.contains($0.0) }) {
        let syntax = VerbRegistry.verb(named: verb)?.syntax ?? verb
        throw LanguageError(Catalogue.clauseNotTaken(verb, what, syntax: syntax),
                            at: span, example: VerbRegistry.verb(named: verb)?.examples.first)
    }
}

/// The filters' steps as plain lines for `explain`: the rows each keeps, counted by the dataset's engine
/// (nothing else of the statement is run).
func filterPlan(_ statement: Statement, _ session: Session) throws -> [Message] {
    let dataset = try session.current(at: statement.verb.span)
    let plan = try Binder(dataset: dataset).plan(filters: statement.splitFilters(dataset).data.clauses.filters)
    let counts = try session.executor(for: dataset, counting: true).steps(plan)
    var lines = [Catalogue.startFrom(dataset.name, rows: counts.total)]
    for (filter, kept) in zip(plan.filters, counts.kept) {
        var matched: [String] = []
        if case .textIn(let values) = filter.test, !values.isEmpty, values.count <= 5 { matched = values }
        lines.append(Catalogue.keepRows(where: filterText(filter.typed), matching: matched, left: kept))
    }
    return lines
}

/// Verbs that work on the rows themselves refuse a table that stays on a server, saying how to copy it.
func requireRowsInMemory(_ dataset: Dataset, verb: String, at span: SourceSpan) throws {
    guard dataset.remote != nil else { return }
    throw LanguageError(Catalogue.rowsNotInMemory(verb, dataset: dataset.name, rows: try? dataset.rowCount()),
                        at: span, example: "load \(dataset.name)")
}
