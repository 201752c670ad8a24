/// Charts: axis and title words for the built-in datasets' columns as a statistics office writes them, the
/// units beside the values, the line under the chart, and the refusals that keep a chart honest (one series
/// per line, one value a year, few enough bars and lines to read). A bar of a bar chart is a thanh in
/// Vietnamese, so that it is never confused with a cột of the table.
extension Catalogue {
    // Axis words for the built-in datasets' columns (any other column is named as it is).
    public static let povertyRate = Message(en: "poverty rate", vi: "tỷ lệ hộ nghèo")
    public static let poorHouseholds = Message(en: "poor households", vi: "số hộ nghèo")
    public static let ethnicMinorityRate = Message(en: "ethnic-minority poverty rate", vi: "tỷ lệ hộ nghèo dân tộc thiểu số")
    public static let ethnicMinorityPoorHouseholds = Message(en: "ethnic-minority poor households", vi: "số hộ nghèo dân tộc thiểu số")
    public static let householdsLeftPoverty = Message(en: "households that left poverty", vi: "số hộ thoát nghèo")
    public static let yearLabel = Message(en: "year", vi: "năm")
    public static let provinceLabel = Message(en: "province", vi: "tỉnh")
    public static let regionLabel = Message(en: "region", vi: "vùng")
    public static let areaLabel = Message(en: "area", vi: "khu vực")
    public static let unit2025Label = Message(en: "unit of 2025", vi: "đơn vị hành chính 2025")
    public static let rowCountLabel = Message(en: "rows", vi: "số dòng")
    public static let sourceLabel = Message(en: "source", vi: "nguồn")
    public static let changePerYearLabel = Message(en: "change per year", vi: "thay đổi bình quân mỗi năm")

    /// An aggregate of a column on an axis (`mean(rate)`: mean of poverty rate, trung bình tỷ lệ hộ nghèo); the lowest and\nhighest follow the measure in Vietnamese (tỷ lệ hộ nghèo thấp nhất). Nil for any other function.
    public static func aggregateLabel(_ function: String, of inner: Message) -> Message? {
        switch function {
        case "mean", "avg": Message(en: "mean of \(inner.en)", vi: "trung bình \(inner.vi)")
        case "sum": Message(en: "total \(inner.en)", vi: "tổng \(inner.vi)")
        case "min": Message(en: "lowest \(inner.en)", vi: "\(inner.vi) thấp nhất")
        case "max": Message(en: "highest \(inner.en)", vi: "\(inner.vi) cao nhất")
        case "median": Message(en: "median of \(inner.en)", vi: "trung vị \(inner.vi)")
        default: nil
        }
    }

    /// A change of one of several measures: `change in poverty rate`.
    public static func changeIn(_ inner: Message) -> Message {
        Message(en: "change in \(inner.en)", vi: "thay đổi \(inner.vi)")
    }

    /// A value label with its unit: `poverty rate (%)`, `change in poverty rate (pp)`; a change of a rate is in\npercentage points (điểm phần trăm).
    public static func withUnit(_ label: Message, _ unit: Chart.Unit) -> Message {
        switch unit {
        case .percent, .percentChange: Message(en: label.en + " (%)", vi: label.vi + " (%)")
        case .percentagePoints: Message(en: label.en + " (pp)", vi: label.vi + " (điểm phần trăm)")
        case .amount: label
        }
    }

    /// `poverty rate (%) by year — Kon Tum`: the subject is the one line drawn, when there is one.
    public static func chartTitle(_ value: Message, by category: Message, subject: String = "") -> Message {
        Message(en: "\(value.en) by \(category.en)\(subject)", vi: "\(value.vi) theo \(category.vi)\(subject)")
    }

    /// What follows a figure drawn beside a bar: ` pp` (đpt) for a change of a rate, ` %` for a relative change.
    public static func unitSuffix(_ unit: Chart.Unit) -> Message? {
        switch unit {
        case .percentagePoints: Message(en: " pp", vi: " đpt")
        case .percentChange: Message(en: " %", vi: " %")
        case .percent, .amount: nil
        }
    }

    // The line under the chart.
    public static let sourceLastResult = Message(en: "Source: the last result", vi: "Nguồn: kết quả gần nhất")

    public static func sourceDataset(_ dataset: String, origin: String) -> Message {
        Message(en: "Source: dataset \(dataset) (\(origin))", vi: "Nguồn: bộ dữ liệu \(dataset) (\(origin))")
    }

    public static let barLengthIsSize = Message(en: "(a bar's length is the size of the change; its sign is in the figure)",
                                                vi: "(độ dài thanh là độ lớn của mức thay đổi; dấu nằm ở con số)")

    // What chart needs.
    public static let nothingToDraw = Message(en: "there is no result to draw yet; run a statement first",
                                              vi: "chưa có kết quả nào để vẽ; hãy chạy một câu lệnh trước")
    public static let chartsNotWritable = Message(en: "charts cannot be written here", vi: "không ghi được biểu đồ ở đây")

    public static func chartWritten(to file: String, _ written: String) -> Message {
        Message(en: "wrote the chart to \(file) (\(written))", vi: "đã ghi biểu đồ vào \(file) (\(written))")
    }

    public static let chartFileIsSVG = Message(en: "a chart is written to an .svg file", vi: "biểu đồ được ghi vào tệp .svg")

    public static func chartTakesOneColumn(syntax: String) -> Message {
        Message(en: "chart takes one column to draw, then to FILE.svg: \(syntax)", vi: "chart nhận một cột để vẽ, rồi to TỆP.svg: \(Catalogue.syntax(syntax, .vi))")
    }

    public static let noRowsToDraw = Message(en: "the last result has no rows to draw", vi: "kết quả gần nhất không có dòng nào để vẽ")
    public static let lineNeedsYears = Message(en: "a line chart needs a year column with two years or more; this result has none, so draw bars: chart bar",
                                               vi: "biểu đồ đường cần cột năm có từ hai năm trở lên; kết quả này không có, hãy vẽ biểu đồ cột: chart bar")
    public static let barsNeedLabels = Message(en: "bars need a column that names them (such as province); this result has none",
                                               vi: "biểu đồ cột cần một cột dữ liệu làm nhãn cho từng thanh (như province); kết quả này không có")

    public static func tooManyBars(_ bars: Int, atMost maximum: Int) -> Message {
        Message(en: "\(bars) bars are too many to read; keep at most \(maximum), e.g. with top 10 or a filter",
                vi: "\(bars) thanh là quá nhiều để đọc; hãy giữ tối đa \(maximum) thanh, ví dụ bằng top 10 hoặc một bộ lọc")
    }

    public static func noSuchColumnToDraw(_ column: String) -> Message {
        Message(en: "the last result has no column '\(column)'", vi: "kết quả gần nhất không có cột '\(column)'")
    }

    public static func textCannotBeDrawn(_ column: String) -> Message {
        Message(en: "'\(column)' holds text; a chart draws numbers", vi: "cột '\(column)' chứa chữ; biểu đồ chỉ vẽ được số")
    }

    public static let noNumbersToDraw = Message(en: "the last result has no column of numbers to draw",
                                                vi: "kết quả gần nhất không có cột số nào để vẽ")

    public static func seriesUnknown(_ dataset: String) -> Message {
        Message(en: "\(dataset) has several series; add series to the statement's columns (or filter one series) so the chart can keep each line to one",
                vi: "\(dataset) có nhiều chuỗi số liệu; hãy thêm cột series vào câu lệnh (hoặc lọc một chuỗi) để mỗi đường chỉ theo một chuỗi")
    }

    public static func lineMixesSeries(_ line: String, _ other: String, _ series: String) -> Message {
        Message(en: "the line \(line) mixes the series \(other) and \(series), which measure different things; add series=\(other) or series=\(series) to the statement, then chart again",
                vi: "đường \(line) trộn chuỗi \(other) và \(series), là các thước đo khác nhau; hãy thêm series=\(other) hoặc series=\(series) vào câu lệnh rồi vẽ lại")
    }

    public static func twoRowsInYear(_ line: String, year: String) -> Message {
        Message(en: "\(line) has two rows for \(year) (two sources?); a line has one value a year: keep one with a filter such as source=… and draw again",
                vi: "\(line) có hai dòng cho năm \(year) (hai nguồn?); mỗi năm một đường chỉ có một giá trị: hãy giữ một dòng bằng bộ lọc như source=… rồi vẽ lại")
    }

    public static func tooManyLines(_ lines: Int, atMost maximum: Int) -> Message {
        Message(en: "\(lines) lines are too many to tell apart; draw at most \(maximum), e.g. with a filter such as province=Ninh Bình,Kon Tum",
                vi: "\(lines) đường là quá nhiều để phân biệt; hãy vẽ tối đa \(maximum) đường, ví dụ bằng bộ lọc như province=Ninh Bình,Kon Tum")
    }

    /// Every message above once, with sample arguments: `Catalogue.all` lists them for the tests.
    static var chartMessages: [Message] { [
        povertyRate,
        poorHouseholds,
        ethnicMinorityRate,
        ethnicMinorityPoorHouseholds,
        householdsLeftPoverty,
        yearLabel,
        provinceLabel,
        regionLabel,
        areaLabel,
        unit2025Label,
        rowCountLabel,
        sourceLabel,
        changePerYearLabel,
        changeIn(povertyRate),
        withUnit(povertyRate, .percentagePoints),
        chartTitle(povertyRate, by: yearLabel, subject: " — Kon Tum"),
        sourceLastResult,
        sourceDataset("gso", origin: "built-in"),
        barLengthIsSize,
        nothingToDraw,
        chartsNotWritable,
        chartWritten(to: "trend.svg", "4 KB"),
        chartFileIsSVG,
        chartTakesOneColumn(syntax: "chart [line|bar] [COLUMN] [to FILE.svg]"),
        noRowsToDraw,
        lineNeedsYears,
        barsNeedLabels,
        tooManyBars(63, atMost: 40),
        noSuchColumnToDraw("rat"),
        textCannotBeDrawn("province"),
        noNumbersToDraw,
        seriesUnknown("reports"),
        lineMixesSeries("Kon Tum", "income", "multidimensional"),
        twoRowsInYear("Ninh Bình", year: "2023"),
        tooManyLines(12, atMost: 8),
    ] }
}
