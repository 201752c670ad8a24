/// One filter on one column, in the single form every filter kernel takes: a row passes when its value is
/// present and lies in at least one of the predicate's alternatives.
///
/// Every filter the language writes reduces to this: a comparison (`!=` included) is one or two intervals, an
/// inclusive range one interval, a list of values one alternative per value (OR-ed), `!=` against a list the
/// gaps between its values, text a set of dictionary codes and booleans a set of the two codes false/true.
/// Missing values never pass, whatever the alternatives. `filterRows` evaluates any number of predicates in
/// one pass over blocks of rows (see FilterKernel.swift).
public struct FilterPredicate: Sendable {
    enum Test: Sendable {
        /// Present (true) or missing (false) rows, whatever their value.
        case presence(Bool)
        /// Integer values in any alternative, each a set of disjoint inclusive ranges, compared at the
        /// column's own width.
        case integers(IntegerBuffer, [[ClosedRange<Int64>]])
        /// Decimal values in any alternative, each a set of disjoint closed intervals (an open bound is
        /// stored as the next double inwards).
        case decimals(ContiguousArray<Double>, [[ClosedRange<Double>]])
        /// Text whose dictionary code is flagged (1) in the table.
        case codes(IntegerBuffer, ContiguousArray<UInt8>)
        /// Booleans whose value is flagged: `flags[0]` for false, `flags[1]` for true.
        case booleans(ContiguousArray<Bool>, ContiguousArray<UInt8>)
    }

    let test: Test
    let validity: ValidityBitmap?
    /// The number of rows of the column (every predicate of one pass must have the same).
    public let rowCount: Int

    /// How many alternatives are counted separately (the values of a list, in the order given); one for the
    /// other forms.
    public var alternativeCount: Int {
        switch test {
        case .integers(_, let alternatives): alternatives.count
        case .decimals(_, let alternatives): alternatives.count
        case .presence, .codes, .booleans: 1
        }
    }
}

/// A numeric comparison as written in a statement.
public enum Comparison: String, Sendable, CaseIterable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

extension Column {
    /// `value comparison constant`, exactly: an integer column against a whole number compares 64-bit
    /// integers, and a decimal column against a whole number beyond 2^53 compares without rounding it.
    /// - Throws: `EngineError.typeMismatch` for text and boolean columns.
    public func predicate(_ comparison: Comparison, _ constant: NumericConstant) throws -> FilterPredicate {
        try predicate(allOf: [(comparison, constant)])
    }

    /// `value comparison constant` against a double.
    /// - Throws: `EngineError.typeMismatch` for text and boolean columns.
    public func predicate(_ comparison: Comparison, _ constant: Double) throws -> FilterPredicate {
        try predicate(comparison, .decimal(constant))
    }

    /// Rows passing any one of `comparisons` (a list of values, `year=2021,2023`), each counted on its own.
    /// - Throws: `EngineError.typeMismatch` for text and boolean columns.
    public func predicate(anyOf comparisons: [(Comparison, NumericConstant)]) throws -> FilterPredicate {
        switch storage {
        case .integer(let buffer):
            let alternatives = comparisons.map { IntervalSet.integers($0.0, $0.1) }
            return FilterPredicate(test: .integers(buffer, alternatives), validity: validity, rowCount: count)
        case .decimal(let values):
            let alternatives = comparisons.map { IntervalSet.decimals($0.0, $0.1) }
            return FilterPredicate(test: .decimals(values, alternatives), validity: validity, rowCount: count)
        case .boolean, .text:
            throw EngineError.typeMismatch(column: name, expected: "a number", actual: type)
        }
    }

    /// Rows passing every one of `comparisons` (an inclusive range is `>= low` and `<= high`; `!=` against a
    /// list is every `!=`), as the disjoint intervals they leave.
    /// - Throws: `EngineError.typeMismatch` for text and boolean columns.
    public func predicate(allOf comparisons: [(Comparison, NumericConstant)]) throws -> FilterPredicate {
        switch storage {
        case .integer(let buffer):
            let kept = comparisons.reduce([Int64.min...Int64.max]) { IntervalSet.intersection($0, IntervalSet.integers($1.0, $1.1)) }
            return FilterPredicate(test: .integers(buffer, [kept]), validity: validity, rowCount: count)
        case .decimal(let values):
            let kept = comparisons.reduce([-Double.infinity...Double.infinity]) { IntervalSet.intersection($0, IntervalSet.decimals($1.0, $1.1)) }
            return FilterPredicate(test: .decimals(values, [kept]), validity: validity, rowCount: count)
        case .boolean, .text:
            throw EngineError.typeMismatch(column: name, expected: "a number", actual: type)
        }
    }

    /// `low <= value <= high` on an integer column.
    /// - Throws: `EngineError.typeMismatch` unless the column is integer.
    public func predicate(integersIn range: ClosedRange<Int64>) throws -> FilterPredicate {
        guard case .integer(let buffer) = storage else {
            throw EngineError.typeMismatch(column: name, expected: "whole numbers", actual: type)
        }
        return FilterPredicate(test: .integers(buffer, [[range]]), validity: validity, rowCount: count)
    }

    /// Text whose dictionary entry is flagged in `codeMask` (indexed by code).
    ///
    /// The language decides which distinct strings match (accent-insensitively, through the gazetteer, …)
    /// once per dictionary entry; the kernel then only looks codes up.
    /// - Throws: `EngineError.typeMismatch` unless the column is text.
    public func predicate(codesIn codeMask: [Bool]) throws -> FilterPredicate {
        guard case .text(let text) = storage else {
            throw EngineError.typeMismatch(column: name, expected: "text", actual: type)
        }
        precondition(codeMask.count == text.dictionary.count, "mask must flag every dictionary entry")
        // A code past the dictionary cannot occur, but the table is never shorter than one entry, so an
        // empty dictionary (every row missing) still has a slot for code 0.
        var flags = ContiguousArray(codeMask.map { UInt8($0 ? 1 : 0) })
        if flags.isEmpty { flags = [0] }
        return FilterPredicate(test: .codes(text.codes, flags), validity: validity, rowCount: count)
    }

    /// Booleans equal to any of `wanted` (one value, or both).
    /// - Throws: `EngineError.typeMismatch` unless the column is boolean.
    public func predicate(booleans wanted: Set<Bool>) throws -> FilterPredicate {
        guard case .boolean(let values) = storage else {
            throw EngineError.typeMismatch(column: name, expected: "true/false", actual: type)
        }
        let flags: ContiguousArray<UInt8> = [wanted.contains(false) ? 1 : 0, wanted.contains(true) ? 1 : 0]
        return FilterPredicate(test: .booleans(values, flags), validity: validity, rowCount: count)
    }

    /// Missing rows (`true`) or present rows (`false`), whatever the column's type.
    public func predicate(missing: Bool) -> FilterPredicate {
        FilterPredicate(test: .presence(!missing), validity: validity, rowCount: count)
    }
}
