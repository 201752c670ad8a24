import Language

/// A chart drawn with block characters for the terminal: a bar per row (eighths of a block, so bars of
/// close values differ), or a column of blocks per year for each line.
enum TerminalChart {
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Blocks in the longest bar.
    static let barWidth = 40

    static func lines(_ chart: Chart, language: Language, decimals: Int) -> [String] {
        var lines = [chart.title.text(language)]
        switch chart.kind {
        case .bar: lines += bars(chart, language, decimals)
        case .line: lines += sparklines(chart, language, decimals) + [chart.valueLabel.text(language)]
        }
        lines.append(chart.source.text(language))
        return lines
    }

    /// A bar of `fraction` of the full width, in whole and eighth blocks.
    static func bar(_ fraction: Double) -> String {
        let eighthsWide = Int((max(0, min(1, fraction)) * Double(barWidth * 8)).rounded())
        var text = String(repeating: "█", count: eighthsWide / 8)
        if eighthsWide % 8 > 0 { text.append(eighths[eighthsWide % 8 - 1]) }
        return text
    }

    private static func bars(_ chart: Chart, _ language: Language, _ decimals: Int) -> [String] {
        let values = chart.series.first?.values ?? []
        let largest = values.compactMap { $0.map(abs) }.max() ?? 0
        let nameWidth = chart.categories.map(DisplayWidth.of).max() ?? 0
        var lines = zip(chart.categories, values).map { name, value -> String in
            let label = DisplayWidth.padRight(name, to: nameWidth)
            guard let value else { return label + "  –" }
            let blocks = bar(largest > 0 ? abs(value) / largest : 0)
            return label + "  " + blocks + (blocks.isEmpty ? "" : " ") + SVGChart.valueText(value, chart.unit, decimals, language)
        }
        if values.contains(where: { ($0 ?? 0) < 0 }) {
            lines.append(Catalogue.barLengthIsSize.text(language))
        }
        lines.append(chart.valueLabel.text(language))
        return lines
    }

    private static func sparklines(_ chart: Chart, _ language: Language, _ decimals: Int) -> [String] {
        let (low, high) = (chart.series.flatMap { $0.values.compactMap { $0 } }.min() ?? 0, chart.series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0)
        let nameWidth = max(chart.series.map { DisplayWidth.of($0.name) }.max() ?? 0, 4)
        var lines = [DisplayWidth.padRight("", to: nameWidth) + "  " + (chart.categories.first ?? "") + " … " + (chart.categories.last ?? "")]
        for series in chart.series {
            // One block per period, from the lowest value of the whole chart to the highest, so lines compare.
            let blocks = series.values.map { value -> Character in
                guard let value else { return " " }
                return levels[high > low ? Int(((value - low) / (high - low) * 7).rounded()) : 3]
            }
            let present = series.values.compactMap { $0 }
            let range = present.isEmpty ? "" : "  " + SVGChart.valueText(present.first!, chart.unit, decimals, language) + " → "
                + SVGChart.valueText(present.last!, chart.unit, decimals, language)
            lines.append(DisplayWidth.padRight(series.name, to: nameWidth) + "  " + String(blocks) + range)
        }
        return lines
    }
}
