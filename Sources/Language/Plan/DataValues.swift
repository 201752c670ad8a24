import Engine

/// What binding a statement needs to know of a dataset's values, wherever the rows live: the distinct
/// texts a filter value is matched against, and whether a typed number occurs at all (so `year=2030`
/// when the data stop at 2024 is a mistake to show, not an empty answer).
protocol DataValues {
    /// Every distinct present value of a text column.
    func distinctTexts(_ column: Column) throws -> [String]
    /// Whether some row holds `number` in `column`.
    func contains(_ number: NumericConstant, in column: Column) throws -> Bool
    /// Whether some row's value lies in `low...high`.
    func containsAny(from low: NumericConstant, to high: NumericConstant, in column: Column) throws -> Bool
    /// Distinct present numbers, for messages (`values run from 2016 to 2024`, the nearest values); may
    /// stop early on a column with very many.
    func presentNumbers(_ column: Column) throws -> Set<NumericConstant>
}

/// The values of a table in memory: read from its columns.
struct MemoryValues: DataValues {
    func distinctTexts(_ column: Column) throws -> [String] {
        guard case .text(let text) = column.storage else { return [] }
        return text.dictionary
    }

    func contains(_ number: NumericConstant, in column: Column) throws -> Bool {
        try column.select(.equal, number, from: .all(count: column.count)).count > 0
    }

    func containsAny(from low: NumericConstant, to high: NumericConstant, in column: Column) throws -> Bool {
        let atLeast = try column.select(.greaterOrEqual, low, from: .all(count: column.count))
        return try column.select(.lessOrEqual, high, from: atLeast).count > 0
    }

    func presentNumbers(_ column: Column) throws -> Set<NumericConstant> { column.presentNumbers }
}

extension Dataset {
    /// Where binding reads the values from: the columns, or the remote engine.
    var values: DataValues { remote ?? MemoryValues() }
}
