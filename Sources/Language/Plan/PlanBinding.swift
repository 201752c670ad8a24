import Engine

/// Binding filters into a plan: each typed filter resolved to its column and matched against the data's
/// values (through `DataValues`, so the same names, spellings and mistakes hold in memory and on a server).
extension Binder {
    /// A plan on this dataset with `filters` bound.
    /// - Throws: `LanguageError` for a column or value that matches nothing, with the nearest.
    func plan(filters: [Filter]) throws -> QueryPlan {
        var plan = QueryPlan(dataset: dataset.name)
        plan.filters = try filters.map(planFilter)
        return plan
    }

    func planFilter(_ filter: Filter) throws -> PlanFilter {
        let column = try self.column(filter.column)
        let values = dataset.values
        switch column.type {
        case .text:
            let dictionary = try values.distinctTexts(column)
            let gazetteer = dataset.provinceColumn?.name == column.name ? dataset.gazetteer : nil
            let mask = try TextMatcher(column: column, dictionary: dictionary, gazetteer: gazetteer).mask(for: filter)
            return PlanFilter(typed: filter, column: column.name, test: .textIn(zip(dictionary, mask).filter(\.1).map(\.0)))
        case .integer, .decimal:
            let comparisons = try numericRanges(filter, column)
            // Whether typed numbers occur at all: for a list always (one value of it may be a mistake); for
            // one value or a range in memory only when the answer is empty (see `checkOccurs(_:)`), so a
            // filter that keeps rows costs no extra pass over the column.
            if filter.comparison == .equal, dataset.remote != nil || filter.value.literals.count > 1 && !filter.value.isRange {
                try checkOccurs(filter, column, values)
            }
            // As `BoundFilter.apply` reads them: an inclusive range and several `!=` all hold; a list is any.
            let inclusiveRange = comparisons.count == 2 && comparisons[0].0 == .greaterOrEqual && comparisons[1].0 == .lessOrEqual
            let all = inclusiveRange || comparisons.count == 1 || comparisons.allSatisfy { $0.0 == .notEqual }
            return PlanFilter(typed: filter, column: column.name, test: .numbers(comparisons, all: all))
        case .boolean:
            return PlanFilter(typed: filter, column: column.name, test: .booleans(try booleanValues(filter)))
        }
    }

    /// `year=2030` when the data stop at 2024, or one value of a list that no row has, is a mistake to
    /// show, not an empty answer; so is a range in which no row of the whole table falls.
    /// The check of every equality filter on numbers, for an answer that came out empty: a value no row
    /// has is a mistake to show rather than an empty answer.
    func checkOccurs(_ filters: [PlanFilter]) throws {
        for filter in filters where filter.typed.comparison == .equal {
            guard case .numbers = filter.test, let column = dataset.table.column(named: filter.column) else { continue }
            try checkOccurs(filter.typed, column, dataset.values)
        }
    }

    private func checkOccurs(_ filter: Filter, _ column: Column, _ values: DataValues) throws {
        if case .range(let low, let high) = filter.value {
            guard let a = low.constant, let b = high.constant else { return }
            guard try !values.containsAny(from: a, to: b, in: column) else { return }
            let present = try values.presentNumbers(column)
            throw LanguageError(
                Catalogue.noRowInRange(column.name, from: low.text, to: high.text, present: valueRange(present)),
                at: low.span.joined(high.span), suggestions: [])
        }
        guard !filter.value.isRange else { return }
        for literal in filter.value.literals {
            guard let n = literal.constant, try !values.contains(n, in: column) else { continue }
            let present = try values.presentNumbers(column)
            throw LanguageError(
                Catalogue.noRowHas(column.name, equal: literal.text, present: valueRange(present)),
                at: literal.span, suggestions: nearestNumbers(n, in: present).map(\.description))
        }
    }
}
