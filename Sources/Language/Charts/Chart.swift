/// A chart of a result, ready to be drawn as SVG or with block characters at a terminal: what is drawn,
/// never how. Made by `ChartBuilder` from a result table.
public struct Chart: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A trend: categories are periods, one line per series.
        case line
        /// A ranking or comparison: one bar per category, one series.
        case bar
    }

    /// How the values are meant, so an axis says `%` for a rate and `pp` for a change of a rate.
    public enum Unit: Sendable, Equatable {
        case percent, percentagePoints, percentChange, amount
    }

    /// One line of a line chart (or the bars of a bar chart): a value per category, nil where there is none.
    public struct Series: Sendable, Equatable {
        public var name: String
        public var values: [Double?]
    }

    public var kind: Kind
    public var title: Message
    /// Under the horizontal axis: the period (`year`) or the column the bars are named by (`province`).
    public var categoryLabel: Message
    /// Beside the values: the measure and its unit (`poverty rate (%)`, `change (pp)`).
    public var valueLabel: Message
    public var categories: [String]
    public var series: [Series]
    public var unit: Unit
    /// Where the figures come from, written under the chart.
    public var source: Message
    /// A line chart's periods as numbers, so 2016 and 2023 are drawn seven years apart, not one; nil for bars.
    public var positions: [Double]?

    /// The smallest and largest value drawn (0 included, so bars and axes start from zero).
    public var valueRange: (low: Double, high: Double) {
        let values = series.flatMap { $0.values.compactMap { $0 } }
        return (min(0, values.min() ?? 0), max(0, values.max() ?? 0))
    }

    public static func == (a: Chart, b: Chart) -> Bool {
        a.kind == b.kind && a.title == b.title && a.categoryLabel == b.categoryLabel && a.valueLabel == b.valueLabel
            && a.categories == b.categories && a.series == b.series && a.unit == b.unit && a.source == b.source && a.positions == b.positions
    }
}
