import Foundation
import Language

/// Lays out a `Chart` as an SVG picture: 640 pixels wide (it fits an A4 page with margins), the title
/// above, the source below, axis labels in the session's language.
enum SVGChart {
    /// Line colours, the first for a single line or the bars: distinct in print and for colour-blind readers
    /// (the Tableau 10 palette).
    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
    static let width = 640.0

    static func render(_ chart: Chart, language: Language, decimals: Int) -> String {
        switch chart.kind {
        case .line: return line(chart, language, decimals)
        case .bar: return bars(chart, language, decimals)
        }
    }

    /// The chart in words, for a reader that cannot see it: each series' values, in the session's convention.
    private static func describe(_ chart: Chart, _ language: Language) -> String {
        chart.series.map { series in
            "\(series.name): " + zip(chart.categories, series.values).map { category, value in
                "\(category) \(value.map { NumberText.text(NumberText.formatPlain($0), language) } ?? "–")"
            }.joined(separator: ", ")
        }.joined(separator: "; ")
    }

    private static func line(_ chart: Chart, _ language: Language, _ decimals: Int) -> String {
        let height = 380.0
        let left = 64.0, right = width - 170, top = 48.0, bottom = height - 72
        var svg = SVGWriter(width: width, height: height)
        frame(&svg, chart, language, height: height)
        let (low, high) = chart.valueRange
        let axis = ChartAxis(low: low, high: high)
        let y: (Double) -> Double = { bottom - ($0 - axis.low) / (axis.high - axis.low) * (bottom - top) }
        let count = chart.categories.count
        // Periods are placed by their value (2016 and 2023 seven years apart), other categories evenly.
        let positions = chart.positions ?? chart.categories.indices.map(Double.init)
        let first = positions.first ?? 0, last = positions.last ?? 1
        let x: (Int) -> Double = { count == 1 || last == first ? (left + right) / 2 : left + (positions[$0] - first) / (last - first) * (right - left) }
        valueAxis(&svg, axis, y: y, left: left, right: right, language: language)
        // Every category label when they fit, else every second or fifth (years run 2006 to 2023).
        let every = count <= 12 ? 1 : count <= 24 ? 2 : 5
        for (i, category) in chart.categories.enumerated() where i % every == 0 || i == count - 1 {
            svg.element("text", ["x": .number(x(i)), "y": .number(bottom + 18), "font-size": .number(11), "text-anchor": .text("middle")], text: category)
        }
        svg.element("line", ["x1": .number(left), "y1": .number(bottom), "x2": .number(right), "y2": .number(bottom), "stroke": .text("#333")])
        svg.element("text", ["x": .number((left + right) / 2), "y": .number(bottom + 36), "font-size": .number(12), "text-anchor": .text("middle")],
                    text: chart.categoryLabel.text(language))
        svg.element("text", ["x": .number(14), "y": .number((top + bottom) / 2), "font-size": .number(12), "text-anchor": .text("middle"),
                             "transform": .text("rotate(-90 14 \(SVGWriter.number((top + bottom) / 2)))")], text: chart.valueLabel.text(language))
        for (s, series) in chart.series.enumerated() {
            let colour = palette[s % palette.count]
            svg.open("g", ["class": .text("series"), "stroke": .text(colour), "fill": .text(colour)])
            // A missing year breaks the line instead of joining its neighbours as if it had been measured.
            var run: [String] = []
            func flush() {
                if run.count > 1 { svg.element("polyline", ["points": .text(run.joined(separator: " ")), "fill": .text("none"), "stroke-width": .number(2.5)]) }
                run = []
            }
            for (i, value) in series.values.enumerated() {
                guard let value else { flush(); continue }
                run.append("\(SVGWriter.number(x(i))),\(SVGWriter.number(y(value)))")
                svg.element("circle", ["cx": .number(x(i)), "cy": .number(y(value)), "r": .number(3.5)])
            }
            flush()
            svg.close("g")
            let legendY = top + 8 + Double(s) * 20
            svg.element("rect", ["x": .number(right + 16), "y": .number(legendY - 9), "width": .number(12), "height": .number(12), "fill": .text(colour)])
            svg.element("text", ["x": .number(right + 34), "y": .number(legendY + 1), "font-size": .number(12)], text: series.name)
        }
        return svg.document(title: chart.title.text(language), description: describe(chart, language))
    }

    private static func bars(_ chart: Chart, _ language: Language, _ decimals: Int) -> String {
        let rowHeight = 22.0
        let top = 48.0
        let labelWidth = min(200, 16 + 7 * Double(chart.categories.map(\.count).max() ?? 0))
        let left = labelWidth, right = width - 80
        let height = top + Double(chart.categories.count) * rowHeight + 84
        let bottom = top + Double(chart.categories.count) * rowHeight
        var svg = SVGWriter(width: width, height: height)
        frame(&svg, chart, language, height: height)
        let (low, high) = chart.valueRange
        let axis = ChartAxis(low: low, high: high)
        let x: (Double) -> Double = { left + ($0 - axis.low) / (axis.high - axis.low) * (right - left) }
        for tick in axis.ticks {
            svg.element("line", ["x1": .number(x(tick)), "y1": .number(top), "x2": .number(x(tick)), "y2": .number(bottom), "stroke": .text("#ddd")])
            svg.element("text", ["x": .number(x(tick)), "y": .number(bottom + 16), "font-size": .number(11), "text-anchor": .text("middle")],
                        text: tickText(tick, axis, language))
        }
        svg.element("text", ["x": .number((left + right) / 2), "y": .number(bottom + 34), "font-size": .number(12), "text-anchor": .text("middle")],
                    text: chart.valueLabel.text(language))
        let colour = palette[0]
        svg.open("g", ["class": .text("series"), "fill": .text(colour)])
        for (i, value) in (chart.series.first?.values ?? []).enumerated() {
            let rowTop = top + Double(i) * rowHeight
            svg.element("text", ["x": .number(left - 8), "y": .number(rowTop + 15), "font-size": .number(12), "text-anchor": .text("end"), "fill": .text("#111")],
                        text: chart.categories[i])
            guard let value else {
                svg.element("text", ["x": .number(x(0) + 4), "y": .number(rowTop + 15), "font-size": .number(11), "fill": .text("#111")], text: "–")
                continue
            }
            let start = min(x(0), x(value)), end = max(x(0), x(value))
            svg.element("rect", ["x": .number(start), "y": .number(rowTop + 4), "width": .number(max(end - start, 1)), "height": .number(rowHeight - 8)])
            svg.element("text", ["x": .number(end + 4), "y": .number(rowTop + 15), "font-size": .number(11), "fill": .text("#111")],
                         text: valueText(value, chart.unit, decimals, language))
        }
        svg.close("g")
        svg.element("line", ["x1": .number(x(0)), "y1": .number(top), "x2": .number(x(0)), "y2": .number(bottom), "stroke": .text("#333")])
        return svg.document(title: chart.title.text(language), description: describe(chart, language))
    }

    /// The white page, the title above and the source below.
    private static func frame(_ svg: inout SVGWriter, _ chart: Chart, _ language: Language, height: Double) {
        svg.element("rect", ["x": .number(0), "y": .number(0), "width": .number(width), "height": .number(height), "fill": .text("#ffffff")])
        svg.element("text", ["x": .number(16), "y": .number(26), "font-size": .number(16), "font-weight": .text("bold")], text: chart.title.text(language))
        svg.element("text", ["x": .number(16), "y": .number(height - 12), "font-size": .number(11), "fill": .text("#555")], text: chart.source.text(language))
    }

    private static func valueAxis(_ svg: inout SVGWriter, _ axis: ChartAxis, y: (Double) -> Double, left: Double, right: Double, language: Language) {
        for tick in axis.ticks {
            svg.element("line", ["x1": .number(left), "y1": .number(y(tick)), "x2": .number(right), "y2": .number(y(tick)), "stroke": .text("#ddd")])
            svg.element("text", ["x": .number(left - 6), "y": .number(y(tick) + 4), "font-size": .number(11), "text-anchor": .text("end")],
                        text: tickText(tick, axis, language))
        }
    }

    /// An axis tick as a table writes the number, in the session's convention (`1.000`, `0,5`).
    static func tickText(_ tick: Double, _ axis: ChartAxis, _ language: Language) -> String {
        NumberText.text(NumberText.grouped(tick, decimals: axis.decimals), language)
    }

    /// A bar's figure as the table shows it, in the session's convention: a change of a rate signed, in
    /// percentage points (`−1.21 pp`, `−1,21 đpt`), a relative change with its `%`.
    static func valueText(_ value: Double, _ unit: Chart.Unit, _ decimals: Int, _ language: Language) -> String {
        let number: String
        switch unit {
        case .percentagePoints: number = NumberText.signed(value, decimals: decimals)
        case .percentChange: number = NumberText.signed(value, decimals: 1)
        case .percent: number = NumberText.grouped(value, decimals: decimals)
        case .amount: number = NumberText.grouped(value, decimals: value == value.rounded() && abs(value) < 1e15 ? 0 : decimals)
        }
        return NumberText.text(number, language) + (Catalogue.unitSuffix(unit)?.text(language) ?? "")
    }
}
