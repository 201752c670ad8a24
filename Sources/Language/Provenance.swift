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
                    Message(en: "\(entity) mixes different series (\(listed)); they are different measures and cannot be compared; keep one with \(filters.joined(separator: " or "))",
                            vi: "\(entity) trộn các chuỗi số liệu khác nhau (\(listed)); đó là các thước đo khác nhau, không so sánh được; hãy giữ một chuỗi bằng \(filters.joined(separator: " hoặc "))"),
                    at: span, suggestions: filters, replacing: false)
            }
        }
        var notes: [Message] = []
        if let derived = derivedColumn, let measure {
            for (label, cell) in rows where value(derived, cell).description.split(separator: " ").contains(Substring(measure)) {
                notes.append(Message(en: "\(entity) \(label): \(measure) is derived by arithmetic from stated figures, not stated itself (see note)",
                                     vi: "\(entity) \(label): \(measure) được tính từ các số liệu đã nêu, không phải số liệu gốc (xem note)"))
            }
        }
        for column in noteColumns {
            let values = rows.map { value(column, $0.cell) }
            guard Set(values).count > 1 else { continue }
            func listed(_ language: Language) -> String {
                zip(rows, values).map { "\($0.label) \(column.name)=\($1.isMissing ? Catalogue.noValue.text(language) : $1.description)" }.joined(separator: ", ")
            }
            notes.append(Message(en: "\(entity): \(listed(.en))", vi: "\(entity): \(listed(.vi))"))
        }
        return notes
    }
}
