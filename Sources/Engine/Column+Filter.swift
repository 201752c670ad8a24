/// Filters on one column, narrowing a selection: each is one `FilterPredicate` run by the one filter kernel
/// (`filterRows`), so a filter on its own and a statement's filters together are the same code.
/// Missing values never pass a comparison (SQL semantics); `selectMissing` asks for them explicitly.
extension Column {
    /// Rows of `selection` whose number compares true against `constant`.
    /// - Throws: `EngineError.typeMismatch` for a text or boolean column.
    /// - Complexity: O(selection.count), split across cores for large selections.
    public func select(_ comparison: Comparison, _ constant: Double, from selection: Selection) throws -> Selection {
        try select(comparison, .decimal(constant), from: selection)
    }

    /// Rows of `selection` whose number compares true against `constant`, exactly (see `predicate(_:_:)`).
    /// - Throws: `EngineError.typeMismatch` for a text or boolean column.
    /// - Complexity: O(selection.count), split across cores for large selections.
    public func select(_ comparison: Comparison, _ constant: NumericConstant, from selection: Selection) throws -> Selection {
        filterRows(selection, where: [try predicate(comparison, constant)], countingEach: false).selection
    }

    /// Rows of `selection` whose integer value lies in `range` (inclusive).
    /// - Throws: `EngineError.typeMismatch` unless the column is integer.
    public func select(integersIn range: ClosedRange<Int64>, from selection: Selection) throws -> Selection {
        filterRows(selection, where: [try predicate(integersIn: range)], countingEach: false).selection
    }

    /// Rows of `selection` whose text is one of the dictionary entries flagged in `mask` (indexed by code).
    /// - Throws: `EngineError.typeMismatch` unless the column is text.
    public func select(codesIn mask: [Bool], from selection: Selection) throws -> Selection {
        filterRows(selection, where: [try predicate(codesIn: mask)], countingEach: false).selection
    }

    /// Rows of `selection` whose boolean equals `wanted`.
    /// - Throws: `EngineError.typeMismatch` unless the column is boolean.
    public func select(boolean wanted: Bool, from selection: Selection) throws -> Selection {
        filterRows(selection, where: [try predicate(booleans: [wanted])], countingEach: false).selection
    }

    /// Rows of `selection` that are missing (`true`) or present (`false`).
    public func selectMissing(_ missing: Bool, from selection: Selection) -> Selection {
        filterRows(selection, where: [predicate(missing: missing)], countingEach: false).selection
    }
}
