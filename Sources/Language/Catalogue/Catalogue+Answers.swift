/// The verbs that answer a question of the figures — compare, trend, rank and show — and the notes under
/// their tables: periods with no row, a cell with several rows, series that must not be mixed, units that
/// changed territory in 2025, rows cut by top and limit. Periods are written as the data write them (2023).
extension Catalogue {
    // compare.
    public static func noPeriodColumn(_ dataset: String) -> Message {
        Message(en: "\(dataset) has no year column to compare periods by", vi: "\(dataset) không có cột năm để so sánh các kỳ")
    }

    public static let compareNeedsMeasure = Message(en: "compare needs a measure, such as rate", vi: "compare cần một chỉ số, ví dụ rate")

    public static func compareNeedsTwoPeriods(period: String) -> Message {
        Message(en: "compare needs two periods; give a range such as \(period)=2021..2023",
                vi: "compare cần hai kỳ; hãy cho một khoảng như \(period)=2021..2023")
    }

    public static func noValueFor(_ entity: String, measure: String, period: String) -> Message {
        Message(en: "\(entity) has no value of \(measure) for \(period)", vi: "\(entity) không có giá trị \(measure) cho \(period)")
    }

    /// A header for one of several measures: `rate change (pp)`, `rate thay đổi (đpt)`.
    public static func prefixed(_ prefix: String, _ header: Message) -> Message {
        Message(en: prefix + header.en, vi: prefix + header.vi)
    }

    // trend.
    public static func noYearColumn(_ dataset: String) -> Message {
        Message(en: "\(dataset) has no year column", vi: "\(dataset) không có cột năm")
    }

    public static let trendTakesOneMeasure = Message(en: "trend takes one measure", vi: "trend nhận đúng một chỉ số")

    /// Years with no row inside a trend: the change shown after them is from the last year that has one.
    public static func changeAcrossGap(_ periods: String) -> Message {
        Message(en: "no row for \(periods); the change is from the previous period with a row",
                vi: "không có dòng cho \(periods); mức thay đổi tính từ kỳ trước đó có số liệu")
    }

    // rank.
    public static let rankNeedsColumn = Message(en: "rank needs the column to rank, then by and a measure",
                                                vi: "rank cần cột để xếp hạng, rồi by và một chỉ số")
    public static let rankNeedsMeasure = Message(en: "rank needs by and a measure", vi: "rank cần by và một chỉ số")

    public static func rankedLast(_ count: Int, of column: String, without measure: String) -> Message {
        Message(en: "\(count) \(column) value\(count == 1 ? " has" : "s have") no \(measure) and \(count == 1 ? "is" : "are") ranked last",
                vi: "\(count) giá trị \(column) không có \(measure) và được xếp cuối")
    }

    public static func tiesAtRank(_ rank: Int64, show rows: Int, top: Int) -> Message {
        Message(en: "ties at rank \(rank) show \(rows) rows for top \(top)", vi: "đồng hạng \(rank) nên top \(top) có \(rows) dòng")
    }

    // show, and rows cut from any answer.
    public static let showByNeedsMeasure = Message(en: "show … by needs a measure", vi: "show … by cần một chỉ số")

    public static func columnByGroup(_ column: String) -> Message {
        Message(en: "'\(column)' is a column; by group, say how to combine it, e.g. mean(\(column))",
                vi: "'\(column)' là một cột; theo nhóm, hãy nói cách gộp, ví dụ mean(\(column))")
    }

    public static let nameColumnsToShow = Message(en: "name the columns to show", vi: "hãy nêu tên các cột cần hiển thị")

    /// `limit 10` or `top 10` kept part of the answer: how many rows it left out.
    public static func rowsCut(by clause: String, _ kept: Int, more: Int) -> Message {
        Message(en: "\(clause) \(kept): \(more) more rows not shown", vi: "\(clause) \(kept): \(more) dòng nữa không hiển thị")
    }

    // Periods and cells (compare, trend).
    public static func noRowInPeriods(_ periods: String) -> Message {
        Message(en: "no row for \(periods) in this range", vi: "không có dòng nào cho \(periods) trong khoảng này")
    }

    public static func entityHasNoRow(_ entity: String, for periods: String) -> Message {
        Message(en: "\(entity) has no row for \(periods)", vi: "\(entity) không có dòng nào cho \(periods)")
    }

    /// "Ninh Bình 2023 has 2 rows for rate: 1.86 (source=report), 1.07 (source=gso)": the shell asks which,
    /// and never averages. `values` are the first rows' figures as English writes them (`1.86`; Vietnamese
    /// says `1,86`), each with the filter that tells it apart, which stays as it is typed; `more` counts the rest.
    public static func severalRowsInCell(_ cell: String, rows: Int, measure: String, values: [(value: String, pickedBy: String?)], more: Int,
                                         pickWith filter: String?, column: String) -> Message {
        func listed(_ language: Language, _ more: String) -> String {
            let figures = values.map { row in
                let figure = NumberText.text(row.value, language)
                return row.pickedBy.map { "\(figure) (\($0))" } ?? figure
            }
            return (figures + (more.isEmpty ? [] : [more])).joined(separator: ", ")
        }
        return Message(en: "\(cell) has \(rows) rows for \(measure): \(listed(.en, more > 0 ? "… \(more) more" : "")); "
                           + (filter.map { "pick one with a filter such as \($0), or " } ?? "") + "ask for an aggregate such as mean(\(column))",
                       vi: "\(cell) có \(rows) dòng cho \(measure): \(listed(.vi, more > 0 ? "… \(more) dòng nữa" : "")); "
                           + (filter.map { "chọn một bằng bộ lọc như \($0), hoặc " } ?? "") + "dùng hàm gộp như mean(\(column))")
    }

    // Provenance: series, derived figures and notes that differ between the cells compared.
    public static func mixedSeries(_ entity: String, cells: String, keepOneWith filters: [String]) -> Message {
        Message(en: "\(entity) mixes different series (\(cells)); they are different measures and cannot be compared; keep one with \(filters.joined(separator: " or "))",
                vi: "\(entity) trộn các chuỗi số liệu khác nhau (\(cells)); đó là các thước đo khác nhau, không so sánh được; hãy giữ một chuỗi bằng \(filters.joined(separator: " hoặc "))")
    }

    public static func derivedFigure(_ entity: String, _ label: String, measure: String) -> Message {
        Message(en: "\(entity) \(label): \(measure) is derived by arithmetic from stated figures, not stated itself (see note)",
                vi: "\(entity) \(label): \(measure) được tính từ các số liệu đã nêu, không phải số liệu gốc (xem cột note)")
    }

    /// A note column that differs between the cells compared (`2021 standard=2021–2025, 2023 standard=(none)`); nil is no value.
    public static func notesDiffer(_ entity: String, _ cells: [(label: String, column: String, value: String?)]) -> Message {
        func listed(_ none: String) -> String { cells.map { "\($0.label) \($0.column)=\($0.value ?? none)" }.joined(separator: ", ") }
        return Message(en: "\(entity): \(listed(noValue.en))", vi: "\(entity): \(listed(noValue.vi))")
    }

    // The 2025 reorganisation.
    public static func territoryChanged(_ unit: String, covers members: String) -> Message {
        Message(en: "\(unit) from 1 July 2025 also covers \(members): rows before and after the change are not the same territory",
                vi: "\(unit) từ 1/7/2025 gồm cả \(members): các dòng trước và sau thay đổi không cùng một địa bàn")
    }

    /// Every message above once, with sample arguments: `Catalogue.all` lists them for the tests.
    static var answerMessages: [Message] { [
        noPeriodColumn("provinces"),
        compareNeedsMeasure,
        compareNeedsTwoPeriods(period: "year"),
        noValueFor("Kon Tum", measure: "ethnic_minority_rate", period: "2016"),
        prefixed("rate ", changePoints),
        noYearColumn("provinces"),
        trendTakesOneMeasure,
        changeAcrossGap("2017, 2018"),
        rankNeedsColumn,
        rankNeedsMeasure,
        rankedLast(2, of: "province", without: "rate"),
        tiesAtRank(3, show: 4, top: 3),
        showByNeedsMeasure,
        columnByGroup("rate"),
        nameColumnsToShow,
        rowsCut(by: "limit", 10, more: 52),
        noRowInPeriods("2022"),
        entityHasNoRow("Kon Tum", for: "2022"),
        severalRowsInCell("Ninh Bình 2023", rows: 2, measure: "rate", values: [("1.86", "source=report"), ("1.07", "source=gso")], more: 0,
                          pickWith: "source=report", column: "rate"),
        mixedSeries("Kon Tum", cells: "2015: series=multidimensional, 2017: series=income", keepOneWith: ["series=income", "series=multidimensional"]),
        derivedFigure("Bắc Kạn", "2018", measure: "poor_households"),
        notesDiffer("Ninh Bình", [("2021", "standard", "2021–2025"), ("2023", "standard", nil)]),
        territoryChanged("Ninh Bình", covers: "Hà Nam, Nam Định"),
    ] }
}
