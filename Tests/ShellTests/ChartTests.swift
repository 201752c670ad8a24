import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Language
import Testing
@testable import Shell

/// The SVG writer, the axis, the charts drawn from real results (every point read back from the picture
/// against the table it came from) and the block-character bars.
@Suite struct ChartTests {
    @Test func svgTextIsEscaped() {
        #expect(SVGWriter.escaped("<a & \"b\"> 'c'") == "&lt;a &amp; &quot;b&quot;&gt; &apos;c&apos;")
        #expect(SVGWriter.escaped("Bà Rịa - Vũng Tàu — tỷ lệ hộ nghèo (%)") == "Bà Rịa - Vũng Tàu — tỷ lệ hộ nghèo (%)")
        // XML 1.0 allows no control character but tab and line end: it is shown, not written raw.
        #expect(SVGWriter.escaped("a\u{1B}b\u{0}c\td") == "a\\u{1b}b\\u{0}c\td")
    }

    @Test func svgNumbersHaveAtMostTwoDecimals() {
        #expect(SVGWriter.number(12) == "12")
        #expect(SVGWriter.number(2.5) == "2.5")
        #expect(SVGWriter.number(12.346) == "12.35")
        #expect(SVGWriter.number(-0.001) == "0")
        #expect(SVGWriter.number(.nan) == "0")
    }

    @Test func anElementIsWrittenWithEscapedAttributes() {
        var svg = SVGWriter(width: 10, height: 5)
        svg.element("text", ["x": .number(1.5), "class": .text("a\"b")], text: "Hồ Chí Minh < 1 %")
        #expect(svg.document(title: "T & t", description: "d") == """
            <svg xmlns="http://www.w3.org/2000/svg" width="10" height="5" viewBox="0 0 10 5" role="img" font-family="DejaVu Sans, Arial, sans-serif">
            <title>T &amp; t</title>
            <desc>d</desc>
            <text x="1.5" class="a&quot;b">Hồ Chí Minh &lt; 1 %</text>
            </svg>

            """)
    }

    @Test func axisTicksAreRoundNumbers() {
        let rates = ChartAxis(low: 0, high: 31.9)
        #expect(rates.ticks == [0, 10, 20, 30, 40] && rates.decimals == 0)
        let fall = ChartAxis(low: -1.21, high: 0)
        #expect(fall.ticks == [-1.5, -1, -0.5, 0] && fall.decimals == 1)
        let flat = ChartAxis(low: 3, high: 3)
        #expect(flat.low < 3 && flat.high > 3)
    }

    /// A session's result drawn as `chart` draws it.
    func chart(_ statements: [String], kind: Chart.Kind? = nil) throws -> (Chart, ResultTable) {
        let session = try TestSession.make()
        for statement in statements { _ = try session.run(statement) }
        let result = try #require(session.lastResult)
        return (try session.chart(of: result, kind: kind, at: SourceSpan(line: 1, column: 1, endColumn: 6)), result)
    }

    /// The circles and polylines of an SVG picture.
    final class Shapes: NSObject, XMLParserDelegate {
        var circles: [(x: Double, y: Double)] = []
        var rects: [(x: Double, width: Double)] = []
        var texts = 0
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "circle" { circles.append((Double(attributes["cx"]!)!, Double(attributes["cy"]!)!)) }
            if name == "rect", attributes["height"] != nil, attributes["fill"] == nil { rects.append((Double(attributes["x"]!)!, Double(attributes["width"]!)!)) }
            if name == "text" { texts += 1 }
        }
    }

    func shapes(_ svg: String) throws -> Shapes {
        let parser = XMLParser(data: Data(svg.utf8))
        let shapes = Shapes()
        parser.delegate = shapes
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        return shapes
    }

    /// Every point of a two-province trend read back from the picture equals the figure in the table.
    @Test func everyPointOfALineIsItsFigure() throws {
        let (chart, result) = try chart(["use gso", "show province=Ninh Bình,Kon Tum series=gso_poverty_rate_by_province_2006_2016 province year rate"])
        #expect(chart.kind == .line)
        #expect(chart.title == Message(en: "poverty rate (%) by year", vi: "tỷ lệ hộ nghèo (%) theo năm"))
        #expect(chart.categories == ["2006", "2008", "2010", "2012", "2013", "2014", "2015", "2016"])
        #expect(chart.series.map(\.name) == ["Ninh Bình", "Kon Tum"])
        let svg = SVGChart.render(chart, language: .en, decimals: 2)
        let circles = try shapes(svg).circles
        #expect(circles.count == result.table.rowCount)
        // The picture's scale: the axis runs from 0 (y = 308) to 40 (y = 48); 2006 is at x = 64, 2016 at 470.
        let years = result.table.column(named: "year")!, rates = result.table.column(named: "rate")!
        for row in 0..<result.table.rowCount {
            let (x, y) = circles[row]
            let year = 2006 + (x - 64) / (470 - 64) * 10, rate = (308 - y) / 260 * 40
            #expect(abs(year - years.value(at: row).number!) < 0.01)
            #expect(abs(rate - rates.value(at: row).number!) < 0.01, "row \(row): \(rate)")
        }
        #expect(svg.contains("<polyline points=\"64,215.05 145.2,223.5 226.4,228.7 307.6,247.55 348.2,255.35 388.8,265.1 429.4,272.25 470,280.05\""))
        #expect(svg.contains(">Source: dataset gso (datasets/gso_poverty_by_province.csv)</text>"))
    }

    /// Bars are as long as their figures, from zero; the labels are the table's.
    @Test func barsAreAsLongAsTheirFigures() throws {
        let (chart, _) = try chart(["use gso", "rank province by rate year=2023 top 5"])
        #expect(chart.kind == .bar)
        #expect(chart.categories == ["Điện Biên", "Hà Giang", "Lai Châu", "Cao Bằng", "Sơn La"])
        #expect(chart.series[0].values == [29.55, 29.07, 28.12, 21.24, 19.79])
        let rects = try shapes(SVGChart.render(chart, language: .vi, decimals: 2)).rects
        #expect(rects.count == 5)
        let zero = rects[0].x, perUnit = rects[0].width / 29.55
        for (rect, value) in zip(rects, chart.series[0].values) {
            #expect(rect.x == zero)
            #expect(abs(rect.width - value! * perUnit) < 0.02)
        }
    }

    /// A comparison of a rate is drawn by its change, in percentage points.
    @Test func aComparisonIsDrawnByItsChangeInPoints() throws {
        let (chart, _) = try chart(["compare province=Ninh Bình year=2021..2023 rate"])
        #expect(chart.kind == .bar && chart.unit == .percentagePoints)
        #expect(chart.series[0].values == [-1.21])  // 1.86 − 3.07, exact: both are written with two places
        #expect(chart.valueLabel == Message(en: "change (pp)", vi: "thay đổi (điểm phần trăm)"))
        #expect(SVGChart.render(chart, language: .en, decimals: 2).contains(">−1.21 pp</text>"))
    }

    /// In Vietnamese a chart writes its figures as the table does (GSO's convention): bar values, axis ticks
    /// and the description a screen reader reads; a change of a rate is in đpt.
    @Test func vietnameseChartsWriteFiguresAsTheTablesDo() throws {
        let (change, _) = try chart(["compare province=Ninh Bình year=2021..2023 rate"])
        let svg = SVGChart.render(change, language: .vi, decimals: 2)
        #expect(svg.contains(">−1,21 đpt</text>") && svg.contains(">−1,5</text>") && svg.contains(">−0,5</text>"))
        #expect(TerminalChart.lines(change, language: .vi, decimals: 2)[1].hasSuffix(" −1,21 đpt"))
        let (counts, _) = try chart(["rank province by poor_households year=2021"])
        let countsSVG = SVGChart.render(counts, language: .vi, decimals: 2)
        #expect(countsSVG.contains(">33.147</text>") && countsSVG.contains(">10.000</text>") && countsSVG.contains(">40.000</text>"))
        let (rates, _) = try chart(["use gso", "rank province by rate year=2023 top 3"])
        let ratesSVG = SVGChart.render(rates, language: .vi, decimals: 2)
        #expect(ratesSVG.contains("<desc>rate: Điện Biên 29,55, Hà Giang 29,07, Lai Châu 28,12</desc>"))
        #expect(TerminalChart.lines(rates, language: .vi, decimals: 2)[1].hasSuffix(" 29,55"))
        // English is as it was.
        #expect(SVGChart.render(counts, language: .en, decimals: 2).contains(">33,147</text>"))
    }

    @Test func blockBarsUseEighths() {
        #expect(TerminalChart.bar(1) == String(repeating: "█", count: 40))
        #expect(TerminalChart.bar(0.5) == String(repeating: "█", count: 20))
        #expect(TerminalChart.bar(1.0 / 320) == "▏")
        #expect(TerminalChart.bar(0) == "")
        #expect(TerminalChart.bar(19.79 / 29.55) == String(repeating: "█", count: 26) + "▊")
    }
}
