/// `rollup … to 2025`: the 63 provinces' figures carried to the 34 units of 1 July 2025 (Resolution
/// 202/2025/QH15). Counts are summed; a rate is recomputed from sums or a weight, never averaged, and each
/// refusal says how to give what a merged unit can be computed from.
extension Catalogue {
    // What rollup needs.
    public static func noProvinceColumn(_ dataset: String) -> Message {
        Message(en: "\(dataset) has no column of province names to roll up", vi: "\(dataset) không có cột tên tỉnh để gộp")
    }

    public static func rollupStartsWithProvinces(_ column: String) -> Message {
        Message(en: "rollup starts with the province column, \(column)", vi: "rollup bắt đầu bằng cột tỉnh, \(column)")
    }

    public static let rollupNeedsTarget = Message(en: "rollup needs `to 2025`: the units formed on 1 July 2025",
                                                  vi: "rollup cần `to 2025`: các đơn vị hành chính từ 1/7/2025")
    public static let rollupNeedsMeasure = Message(en: "rollup needs a measure after `to 2025`", vi: "rollup cần một chỉ số sau `to 2025`")

    public static func severalYears(_ years: String, period: String) -> Message {
        Message(en: "the rows span several years (\(years)); a unit's figure is for one year: add \(period)=… or by \(period)",
                vi: "các dòng thuộc nhiều năm (\(years)); số liệu của một đơn vị là của một năm: thêm \(period)=… hoặc by \(period)")
    }

    // Rates: recomputed from sums or a weight, never averaged.
    public static func rateNeedsWeight(_ column: String) -> Message {
        Message(en: "\(column) is a rate: the rate of a merged unit is not the mean of its provinces' rates. Give its numerator and denominator as a measure (measure \(column)_2025 = 100 * sum(poor) / sum(households)) or a weight (rollup … \(column) weight households)",
                vi: "\(column) là tỷ lệ: tỷ lệ của đơn vị sáp nhập không phải trung bình tỷ lệ các tỉnh. Hãy cho tử số và mẫu số bằng lệnh measure (measure \(column)_2025 = 100 * sum(poor) / sum(households)) hoặc một trọng số (rollup … \(column) weight households)")
    }

    public static func notAWeight(_ weight: String) -> Message {
        Message(en: "\(weight) cannot weight a rate: a weight is an amount, such as households or people",
                vi: "\(weight) không dùng làm trọng số được: trọng số là một số lượng, như số hộ hoặc số người")
    }

    public static func negativeWeight(_ weight: String) -> Message {
        Message(en: "\(weight) has negative values; a weight cannot be negative", vi: "\(weight) có giá trị âm; trọng số không thể âm")
    }

    public static func unweightedRows(_ rows: Int, column: String, weight: String) -> Message {
        Message(en: "\(rows) row\(rows == 1 ? " has" : "s have") \(column) but no \(weight): their units would be computed from fewer provinces than they have; filter them out or fill in the weight",
                vi: "\(rows) dòng có \(column) nhưng không có \(weight): đơn vị của chúng sẽ bị tính thiếu tỉnh; hãy lọc bỏ hoặc bổ sung trọng số")
    }

    /// The header of a rate recomputed with a weight: `rate (weighted by households)`.
    public static func weightedBy(_ column: String, _ weight: String) -> Message {
        Message(en: "\(column) (weighted by \(weight))", vi: "\(column) (bình quân gia quyền theo \(weight))")
    }

    public static func recomputedWithWeight(_ column: String, by weight: String) -> Message {
        Message(en: "\(column) is recomputed per unit as its mean weighted by \(weight)",
                vi: "\(column) được tính lại cho từng đơn vị bằng trung bình có trọng số theo \(weight)")
    }

    public static func summedOverProvinces(_ column: String) -> Message {
        Message(en: "\(column) is summed over each unit's provinces", vi: "\(column) được cộng theo các tỉnh của từng đơn vị")
    }

    public static func averagedRate(_ measure: String, takes function: String) -> Message {
        Message(en: "\(measure) takes \(function) of a rate, which a merged unit cannot be computed from; define it from sums (numerator and denominator)",
                vi: "\(measure) lấy \(function) của một tỷ lệ, không tính được cho đơn vị sáp nhập; hãy định nghĩa bằng tổng (tử số và mẫu số)")
    }

    public static func recomputedFromRows(_ measure: String, as expression: String) -> Message {
        Message(en: "\(measure) is recomputed per unit from its own rows (\(expression))",
                vi: "\(measure) được tính lại cho từng đơn vị từ các dòng của nó (\(expression))")
    }

    // Notes under the units.
    public static func notProvinces(_ values: String) -> Message {
        Message(en: "rows that are not a province take no part: \(values)",
                vi: "các dòng không phải tỉnh không được tính: \(values)")
    }

    public static func unitsLackProvinces(_ count: Int, of units: Int) -> Message {
        Message(en: "\(count) of \(units) units lack data for some of their old provinces (see missing): their figures cover only the provinces listed",
                vi: "\(count) trên \(units) đơn vị thiếu số liệu của một số tỉnh cũ (xem cột thiếu): số liệu chỉ gồm các tỉnh được liệt kê")
    }

    /// Every message above once, with sample arguments: `Catalogue.all` lists them for the tests.
    static var rollupMessages: [Message] { [
        noProvinceColumn("reports_national"),
        rollupStartsWithProvinces("province"),
        rollupNeedsTarget,
        rollupNeedsMeasure,
        severalYears("2022, 2023", period: "year"),
        rateNeedsWeight("rate"),
        notAWeight("year"),
        negativeWeight("households"),
        unweightedRows(2, column: "rate", weight: "households"),
        weightedBy("rate", "households"),
        recomputedWithWeight("rate", by: "households"),
        summedOverProvinces("poor_households"),
        averagedRate("r", takes: "mean"),
        recomputedFromRows("r", as: "100 * sum(poor_households) / sum(households)"),
        notProvinces("Cả nước"),
        unitsLackProvinces(29, of: 34),
    ] }
}
