import Engine
import Foundation

extension Verb {
    static let chart = Verb(
        name: "chart", aliases: ["bieu_do"], arguments: .raw,
        syntax: "chart [line | bar] [COLUMN] [to FILE.svg]",
        summary: Message(en: "draw the last result as a line chart (a trend) or a bar chart (a ranking, a comparison)",
                         vi: "vẽ kết quả gần nhất thành biểu đồ đường (xu hướng) hoặc biểu đồ cột (xếp hạng, so sánh)"),
        details: Message(
            en: "A result with a year column and several years is drawn as lines over the years, one per province (or other name); any other result as bars, one per row. A comparison is drawn by its change, in percentage points (pp) for a rate. At the prompt the chart is drawn with block characters; to FILE.svg (or export FILE.svg after the result) writes an SVG picture with the title, the axes in the session's language and the source under it, and an HTML handout (--echo --format html) shows it. Like a table, a chart refuses a year with two rows on one line (two sources) and a line that mixes series.",
            vi: "Kết quả có cột năm với nhiều năm được vẽ thành các đường theo năm, mỗi tỉnh (hoặc tên khác) một đường; các kết quả khác thành cột, mỗi dòng một cột. Kết quả so sánh được vẽ theo mức thay đổi, bằng điểm phần trăm (pp) với tỷ lệ. Tại dấu nhắc, biểu đồ được vẽ bằng ký tự khối; to TỆP.svg (hoặc export TỆP.svg sau kết quả) ghi ảnh SVG có tiêu đề, các trục theo ngôn ngữ của phiên và nguồn số liệu bên dưới, và tài liệu HTML (--echo --format html) hiển thị ảnh đó. Như bảng, biểu đồ từ chối một năm có hai dòng trên cùng một đường (hai nguồn) và một đường trộn các chuỗi số liệu."),
        examples: ["use gso", "rank province by rate year=2023 top 5", "chart", "show province=Ninh Bình,Kon Tum series=gso_poverty_rate_by_province_2006_2016 province year rate", "chart",
                   "use reports"],
        action: { statement, session in
            let argument = statement.rawArgument ?? ("", statement.verb.span)
            let request = try ChartRequest(argument.text, at: argument.span)
            guard let result = session.lastResult else {
                throw LanguageError(Catalogue.nothingToDraw,
                                    at: statement.verb.span, example: "trend province=Kon Tum rate")
            }
            let chart = try session.chart(of: result, kind: request.kind, column: request.column, at: argument.span)
            guard let file = request.file else { return .chart(chart) }
            guard let writer = session.chartWriter else {
                throw LanguageError(Catalogue.chartsNotWritable, at: statement.verb.span)
            }
            let written = try writer(chart, file, argument.span)
            return .report([Catalogue.chartWritten(to: file, written).text(session.settings.language)])
        })
}

/// The line under a chart: the dataset the result came from and its file.
func chartSource(_ session: Session) -> Message {
    guard let name = session.lastResultDataset, let dataset = session.datasets[name] else {
        return Catalogue.sourceLastResult
    }
    return Catalogue.sourceDataset(name, origin: dataset.origin)
}

/// The words after `chart`: a kind, a column, `to FILE`.
struct ChartRequest {
    var kind: Chart.Kind?
    var column: String?
    var file: String?

    init(_ text: String, at span: SourceSpan) throws {
        var words = text.split(separator: " ").map(String.init)
        if let to = words.firstIndex(where: { ["to", "vao", "vào"].contains($0.lowercased()) }) {
            let path = words[(to + 1)...].joined(separator: " ")
            guard path.lowercased().hasSuffix(".svg") else {
                throw LanguageError(Catalogue.chartFileIsSVG, at: span, example: "chart to trend.svg")
            }
            file = path
            words = Array(words[..<to])
        }
        for word in words {
            switch TextFolding.fold(word) {
            case "line", "duong": kind = .line
            case "bar", "cot": kind = .bar
            default:
                guard column == nil else {
                    throw LanguageError(Catalogue.chartTakesOneColumn(syntax: VerbRegistry.verb(named: "chart")!.syntax), at: span, example: "chart bar rate")
                }
                column = word.trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            }
        }
    }
}

extension Session {
    /// A chart of `result` as `chart` draws it, its source the dataset the last result came from.
    /// - Throws: `LanguageError` at `span` when the result cannot be drawn.
    public func chart(of result: ResultTable, kind: Chart.Kind? = nil, column: String? = nil, at span: SourceSpan) throws -> Chart {
        try ChartBuilder.make(result, kind: kind, column: column, dataset: lastResultDataset.flatMap { datasets[$0] },
                              source: chartSource(self), at: span)
    }
}
