import Engine

/// Makes a `Chart` of a result table, refusing what a table refuses: a period with two rows for one line
/// (two sources for one year) and lines that mix series.
enum ChartBuilder {
    /// Bars beyond this many are unreadable on a page: a longer result is refused with `top N` suggested.
    static let maximumBars = 70
    /// Lines beyond this many cannot be told apart (each has a colour of its own, and there are ten).
    static let maximumLines = 10

    /// - Parameters:
    ///   - kind: line or bar; nil chooses: a line over the periods when the result has a period column with
    ///     several values, bars otherwise.
    ///   - column: the column to draw; nil takes the measure (the change in a comparison).
    ///   - dataset: the dataset the result came from: its rate columns are drawn as percentages, and its
    ///     series column (the GSO tables) tells which measure each point of a line is.
    ///   - source: the line under the chart.
    /// - Throws: `LanguageError` at `span` saying what to change.
    static func make(_ result: ResultTable, kind: Chart.Kind?, column: String?, dataset: Dataset?, source: Message,
                     at span: SourceSpan) throws -> Chart {
        let table = result.table
        guard table.rowCount > 0 else {
            throw LanguageError(Catalogue.noRowsToDraw,
                                at: span, example: "trend province=Kon Tum rate")
        }
        let period = table.columns.first { ["year", "nam", "period", "ky"].contains(TextFolding.fold($0.name)) && $0.type.isNumeric }
        let periods = period.map { p in Set((0..<table.rowCount).compactMap { p.value(at: $0).number }).sorted() } ?? []
        let value = try valueColumn(result, named: column, excluding: period, at: span)
        let chosen = kind ?? (periods.count > 1 ? .line : .bar)
        var role = result.role(of: value)
        // A rate shown as it is (`show … rate`) carries no role in the result; its dataset knows it is a rate.
        if role == .value, let column = dataset?.table.columns.first(where: { $0.name == value.name }), column.holdsPercentages { role = .percent }
        let unit: Chart.Unit = switch role {
        case .percent: .percent
        case .percentagePoints: .percentagePoints
        case .percentChange: .percentChange
        default: .amount
        }
        let name = result.header(of: value)
        let changeOf: String? = (role == .percentagePoints || role == .change) ? changedMeasure(name) : nil
        let valueLabel = ChartLabels.valueLabel(name.replacingOccurrences(of: " (pp)", with: ""), unit: unit, changeOf: changeOf)
        let entities = table.columns.filter { $0.type == .text && $0.name != value.name && result.role(of: $0) != .chart }
        switch chosen {
        case .line:
            guard let period, periods.count > 1 else {
                throw LanguageError(Catalogue.lineNeedsYears,
                                    at: span, example: "chart bar")
            }
            return try lineChart(result, period: period, periods: periods, value: value, entities: entities, unit: unit,
                                 valueLabel: valueLabel, dataset: dataset, source: source, at: span)
        case .bar:
            let labels = entities.isEmpty ? (period.map { [$0] } ?? []) : entities
            guard !labels.isEmpty else {
                throw LanguageError(Catalogue.barsNeedLabels,
                                    at: span, example: "rank province by rate year=2023 top 5")
            }
            guard table.rowCount <= maximumBars else {
                throw LanguageError(Catalogue.tooManyBars(table.rowCount, atMost: maximumBars),
                                    at: span, example: "rank province by rate year=2023 top 10")
            }
            let categories = (0..<table.rowCount).map { row in labels.map { $0.value(at: row).description }.joined(separator: " / ") }
            let categoryLabel = Message.joined(labels.map { ChartLabels.label(result.header(of: $0)) }, separator: " / ")
            return Chart(kind: .bar, title: Catalogue.chartTitle(valueLabel, by: categoryLabel),
                         categoryLabel: categoryLabel, valueLabel: valueLabel, categories: categories,
                         series: [Chart.Series(name: name, values: (0..<table.rowCount).map { value.value(at: $0).number })],
                         unit: unit, source: source, positions: nil)
        }
    }

    /// `rate change (pp)` (a comparison of several measures) names its measure; `change (pp)` does not.
    private static func changedMeasure(_ header: String) -> String? {
        for suffix in [" change (pp)", " change", " per year (pp)", " per year"] where header.hasSuffix(suffix) {
            return String(header.dropLast(suffix.count))
        }
        return nil
    }

    private static func valueColumn(_ result: ResultTable, named: String?, excluding period: Column?, at span: SourceSpan) throws -> Column {
        let table = result.table
        if let named {
            let folded = TextFolding.fold(named)
            guard let column = table.columns.first(where: { TextFolding.fold($0.name) == folded || TextFolding.fold(result.header(of: $0)) == folded }) else {
                throw LanguageError(Catalogue.noSuchColumnToDraw(named),
                                    at: span, suggestions: Suggestions.nearest(named, among: table.columnNames).map(NameSpelling.typed))
            }
            guard column.type.isNumeric else {
                throw LanguageError(Catalogue.textCannotBeDrawn(column.name), at: span)
            }
            return column
        }
        let numeric = table.columns.filter { $0.type.isNumeric && $0.name != period?.name && result.role(of: $0) != .label }
        // A comparison is drawn by its change: the question it answers.
        if let change = numeric.first(where: { [.percentagePoints, .change].contains(result.role(of: $0)) }) { return change }
        guard let first = numeric.first else {
            throw LanguageError(Catalogue.noNumbersToDraw,
                                at: span, example: "trend province=Kon Tum rate")
        }
        return first
    }

    private static func lineChart(_ result: ResultTable, period: Column, periods: [Double], value: Column, entities: [Column],
                                  unit: Chart.Unit, valueLabel: Message, dataset: Dataset?, source: Message, at span: SourceSpan) throws -> Chart {
        let table = result.table
        // A column naming different measures (the GSO tables' series) may not run along one line.
        let seriesColumns = entities.filter { ["series", "chuoi"].contains(TextFolding.fold($0.name)) }
        let seriesNames = Set(seriesColumns.map(\.name))
        let lineKeys = entities.filter { !seriesNames.contains($0.name) }
        var names: [String] = []
        var values: [[Double: Double?]] = []
        var seriesOfLine: [String: String] = [:]
        let datasetSeries = SeriesLookup(dataset: dataset, keys: lineKeys.map(\.name), period: period.name)
        // A table on a server is not read row by row here: which series each point is cannot be looked up, so
        // the result must say it (a series column) rather than the chart joining two measures unseen.
        if seriesColumns.isEmpty, let dataset, dataset.remote != nil, SeriesLookup.seriesColumn(of: dataset.table) != nil {
            throw LanguageError(Catalogue.seriesUnknown(dataset.name),
                                at: span)
        }
        for row in 0..<table.rowCount {
            let name = lineKeys.isEmpty ? result.header(of: value) : lineKeys.map { $0.value(at: row).description }.joined(separator: " / ")
            guard let year = period.value(at: row).number else { continue }
            var index = names.firstIndex(of: name)
            if index == nil { names.append(name); values.append([:]); index = names.count - 1 }
            let rowKey = lineKeys.map { $0.value(at: row) } + [period.value(at: row)]
            if let series = seriesColumns.first?.value(at: row).description ?? datasetSeries?.series(of: rowKey) {
                if let other = seriesOfLine[name], other != series {
                    throw LanguageError(
                        Catalogue.lineMixesSeries(name, other, series), at: span)
                }
                seriesOfLine[name] = series
            }
            if values[index!][year] != nil {
                throw LanguageError(
                    Catalogue.twoRowsInYear(name, year: formatNumber(year)), at: span)
            }
            values[index!][year] = value.value(at: row).number
        }
        guard names.count <= maximumLines else {
            throw LanguageError(Catalogue.tooManyLines(names.count, atMost: maximumLines),
                                at: span)
        }
        let series = zip(names, values).map { name, byYear in Chart.Series(name: name, values: periods.map { byYear[$0] ?? nil }) }
        let categoryLabel = ChartLabels.label(period.name)
        let subject = lineKeys.isEmpty || names.count > 1 ? "" : " — " + names[0]
        return Chart(kind: .line, title: Catalogue.chartTitle(valueLabel, by: categoryLabel, subject: subject),
                     categoryLabel: categoryLabel, valueLabel: valueLabel, categories: periods.map(formatNumber), series: series,
                     unit: unit, source: source, positions: periods)
    }
}

/// The series (the GSO tables' `series` column: which measure a figure is) of the dataset's rows, by the
/// line's key columns and the period, so a line drawn from a result without that column still cannot join
/// two measures. Nil when the dataset has no series column or lacks a key column.
struct SeriesLookup {
    private var seriesByKey: [[Value]: String] = [:]

    init?(dataset: Dataset?, keys: [String], period: String) {
        guard let table = dataset?.table, dataset?.remote == nil, let series = SeriesLookup.seriesColumn(of: table) else { return nil }
        let columns = (keys + [period]).compactMap { name in table.columns.first { $0.name == name } }
        guard columns.count == keys.count + 1 else { return nil }
        for row in 0..<table.rowCount {
            let key = columns.map { $0.value(at: row) }
            // A key with rows of two series has no one series: the chart's own check of two rows a year applies.
            let value = series.value(at: row).description
            if let known = seriesByKey[key], known != value { seriesByKey[key] = "" } else { seriesByKey[key] = value }
        }
    }

    static func seriesColumn(of table: Table) -> Column? {
        table.columns.first { ["series", "chuoi"].contains(TextFolding.fold($0.name)) }
    }

        func series(of key: [Value]) -> String? {
        seriesByKey[key].flatMap { $0.isEmpty ? nil : $0 }
    }
}
