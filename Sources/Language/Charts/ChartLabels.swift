import Engine

/// Axis and title words for the built-in datasets' columns in both languages, as a statistics office
/// writes them; any other column is named as it is.
enum ChartLabels {
    static let known: [String: Message] = [
        "rate": Message(en: "poverty rate", vi: "tỷ lệ hộ nghèo"),
        "poor_households": Message(en: "poor households", vi: "số hộ nghèo"),
        "ethnic_minority_rate": Message(en: "ethnic-minority poverty rate", vi: "tỷ lệ hộ nghèo dân tộc thiểu số"),
        "ethnic_minority_poor_households": Message(en: "ethnic-minority poor households", vi: "số hộ nghèo dân tộc thiểu số"),
        "left_poverty": Message(en: "households that left poverty", vi: "số hộ thoát nghèo"),
        "year": Message(en: "year", vi: "năm"),
        "province": Message(en: "province", vi: "tỉnh"),
        "region": Message(en: "region", vi: "vùng"),
        "area": Message(en: "area", vi: "khu vực"),
        "unit_2025": Message(en: "unit of 2025", vi: "đơn vị hành chính 2025"),
        "count": Message(en: "rows", vi: "số dòng"),
        "source": Message(en: "source", vi: "nguồn"),
        "change": Message(en: "change", vi: "thay đổi"),
        "change %": Message(en: "change", vi: "thay đổi"),
        "per year": Message(en: "change per year", vi: "thay đổi bình quân mỗi năm"),
    ]

    /// The label of a column: a known name, an aggregate of one (`mean(rate)`: mean of poverty rate), or
    /// the name itself.
    static func label(_ name: String) -> Message {
        let folded = TextFolding.fold(name)
        if let known = known[folded] { return known }
        for (function, en, vi) in [("mean", "mean of", "trung bình"), ("avg", "mean of", "trung bình"), ("sum", "total", "tổng"),
                                   ("min", "lowest", "thấp nhất:"), ("max", "highest", "cao nhất:"), ("median", "median of", "trung vị")] {
            if folded.hasPrefix(function + "("), folded.hasSuffix(")") {
                let inner = label(String(name.dropFirst(function.count + 1).dropLast()))
                return Message(en: "\(en) \(inner.en)", vi: "\(vi) \(inner.vi)")
            }
        }
        return Message(en: name, vi: name)
    }

    /// A value label with its unit: `poverty rate (%)`, `change in poverty rate (pp)`.
    static func valueLabel(_ name: String, unit: Chart.Unit, changeOf measure: String?) -> Message {
        var base = label(name)
        if let measure {
            let inner = label(measure)
            base = Message(en: "change in \(inner.en)", vi: "thay đổi \(inner.vi)")
        }
        switch unit {
        case .percent: return Message(en: base.en + " (%)", vi: base.vi + " (%)")
        case .percentagePoints: return Message(en: base.en + " (pp)", vi: base.vi + " (điểm phần trăm)")
        case .percentChange: return Message(en: base.en + " (%)", vi: base.vi + " (%)")
        case .amount: return base
        }
    }
}
