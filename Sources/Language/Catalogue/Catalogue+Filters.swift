/// Filters that cannot be read or keep no row: a value of the wrong kind, a range written backwards, a name
/// or number no row has. Values are quoted as typed (`year=2030` stays `year=2030` in both languages).
extension Catalogue {
    // Values of the wrong kind.
    public static func notANumber(column: String, value: String) -> Message {
        Message(en: "'\(column)' holds numbers, and '\(value)' is not a number", vi: "cột '\(column)' chứa số, còn '\(value)' không phải là số")
    }

    public static func backwardRange(from low: String, to high: String) -> Message {
        Message(en: "the range \(low)..\(high) runs backwards; write \(high)..\(low)",
                vi: "khoảng \(low)..\(high) bị ngược; hãy viết \(high)..\(low)")
    }

    public static func notTrueOrFalse(column: String, value: String) -> Message {
        Message(en: "'\(column)' is true or false; '\(value)' is neither", vi: "cột '\(column)' chỉ nhận đúng hoặc sai; '\(value)' không phải là đúng hay sai")
    }

    // Values no row has.
    public static func provinceWithoutRows(_ typed: String, is province: String) -> Message {
        Message(en: "'\(typed)' is \(province), which has no row in this dataset",
                vi: "'\(typed)' là \(province), không có dòng nào trong bộ dữ liệu này")
    }

    public static func noValueMatches(_ typed: String, in column: String) -> Message {
        Message(en: "no \(column) matches '\(typed)'", vi: "không có \(column) nào khớp với '\(typed)'")
    }

    /// A range in which no row of the whole table falls; `present` is the lowest and highest value there is.
    public static func noRowInRange(_ column: String, from low: String, to high: String, present: (low: String, high: String)?) -> Message {
        let hint = valuesRun(present)
        return Message(en: "no row has \(column) in \(low)..\(high)\(hint.en)", vi: "không có dòng nào có \(column) trong khoảng \(low)..\(high)\(hint.vi)")
    }

    /// `year=2030` when the data stop at 2023: a mistake to show, not an empty answer.
    public static func noRowHas(_ column: String, equal value: String, present: (low: String, high: String)?) -> Message {
        let hint = valuesRun(present)
        return Message(en: "no row has \(column)=\(value)\(hint.en)", vi: "không có dòng nào có \(column)=\(value)\(hint.vi)")
    }

    /// ` (values run from 2015 to 2023)` after a number no row has, or nothing when the column has no value; the
    /// figures as the data have them, with a decimal comma in Vietnamese (`0,5 đến 45,2`).
    private static func valuesRun(_ present: (low: String, high: String)?) -> (en: String, vi: String) {
        guard let (low, high) = present else { return ("", "") }
        return (" (values run from \(low) to \(high))", " (các giá trị từ \(NumberText.vietnamese(low)) đến \(NumberText.vietnamese(high)))")
    }

    // Filters that together keep no row: an empty answer, with the note that says why.
    public static func noRowMatches(_ filter: String, in dataset: String) -> Message {
        Message(en: "no row matches \(filter) in \(dataset)", vi: "không có dòng nào thoả \(filter) trong \(dataset)")
    }

    /// Each filter with the rows it keeps alone, so the reader sees which pair excludes the other.
    public static func noRowMatchesTogether(_ kept: [(filter: String, rows: Int)]) -> Message {
        Message(en: "no row matches all the filters together (\(kept.map { "\($0.filter) keeps \($0.rows)" }.joined(separator: "; ")))",
                vi: "không có dòng nào thoả mọi bộ lọc cùng lúc (\(kept.map { "\($0.filter) giữ \($0.rows)" }.joined(separator: "; ")))")
    }

    /// Every message above once, with sample arguments: `Catalogue.all` lists them for the tests.
    static var filterMessages: [Message] { [
        notANumber(column: "year", value: "2O23"),
        backwardRange(from: "2023", to: "2021"),
        notTrueOrFalse(column: "target_met", value: "maybe"),
        provinceWithoutRows("Ha Noi", is: "Hà Nội"),
        noValueMatches("Ninh Bin", in: "province"),
        noRowInRange("year", from: "2030", to: "2032", present: ("2015", "2023")),
        noRowHas("year", equal: "2030", present: ("2015", "2023")),
        noRowMatches("province=Kon Tum", in: "reports"),
        noRowMatchesTogether([("province=Kon Tum", 12), ("year=2030", 0)]),
    ] }
}
