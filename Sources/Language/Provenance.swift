import Engine

/// Checks that figures compared with each other measure the same thing.
///
/// A `series` column (the GSO tables) names different measures: comparing across it is refused, since the
/// change would be meaningless. A differing `source` or `standard` is allowed but said under the result,
/// because provenance travels with the figure.
struct ProvenanceCheck {
    let dataset: Dataset

    var seriesColumn: Column? { dataset.table.columns.first { ["series", "chuoi"].contains(TextFolding.fold($0.name)) } }
    var noteColumns: [Column] { dataset.table.columns.filter { ["source", "standard", "nguon", "chuan"].contains(TextFolding.fold($0.name)) } }

    var derivedColumn: Column? { dataset.table.columns.first { TextFolding.fold($0.name) == "derived" } }

    /// The columns whose first-row values a `CellTable` must carry for this check.
    var carriedColumns: [String] { ([seriesColumn, derivedColumn].compactMap { $0 } + noteColumns).map(\.name) }

    /// - Throws: `LanguageError` when the cells (labelled by period) come from different series.
    func check(cells: [(label: String, entity: Int, period: Double?)], in table: CellTable, entity: String, measure: String? = nil,
               at span: SourceSpan) throws -> [Message] {
        guard cells.count > 1 else { return [] }
        let rows = cells.map { (label: $0.label, cell: $0) }
        func value(_ column: Column, _ cell: (label: String, entity: Int, period: Double?)) -> Value {
            table.first(column.name, entity: cell.entity, period: cell.period) ?? .missing
        }
        if let series = seriesColumn {
            let values = rows.map { value(series, $0.cell) }
            if Set(values).count > 1 {
                let listed = rows.map { "\($0.label): \(series.name)=\(value(series, $0.cell))" }.joined(separator: ", ")
                let filters = Array(Set(values.map { "\(series.name)=\(quoteIfNeeded($0.description))" })).sorted()
                throw LanguageError(
                    Catalogue.mixedSeries(entity, cells: listed, keepOneWith: filters),
                    at: span, suggestions: filters, replacing: false)
            }
        }
        var notes: [Message] = []
        if let derived = derivedColumn, let measure {
            for (label, cell) in rows where value(derived, cell).description.split(separator: " ").contains(Substring(measure)) {
                notes.append(Catalogue.derivedFigure(entity, label, measure: measure))
            }
        }
        for column in noteColumns {
            let values = rows.map { value(column, $0.cell) }
            guard Set(values).count > 1 else { continue }
            notes.append(Catalogue.notesDiffer(entity, zip(rows, values).map { ($0.label, column.name, $1.isMissing ? nil : $1.description) }))
        }
        return notes
    }
}
