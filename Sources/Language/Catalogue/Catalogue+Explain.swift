/// `explain`: the steps a statement takes, in plain words, with the rows each filter keeps; and the heading
/// of `explain sql`. A verb's own steps (what compare does after the filters) are here beside the steps
/// every verb shares, so a trainer reads one explanation in one voice.
extension Catalogue {
    // The heading and the steps every verb shares.
    public static func explainHeading(_ verb: String, _ summary: Message) -> Message {
        Message(en: "\(verb): \(summary.en)", vi: "\(verb): \(summary.vi)")
    }

    public static func startFrom(_ dataset: String, rows: Int) -> Message {
        Message(en: "start from \(dataset): \(rows) rows", vi: "bắt đầu từ \(dataset): \(rows) dòng")
    }

    /// One filter's step; `values` are the data values a text filter matched, named when there are few.
    public static func keepRows(where filter: String, matching values: [String], left: Int) -> Message {
        let matched = values.isEmpty ? "" : " (matches \(values.joined(separator: ", ")))"
        let matchedVi = values.isEmpty ? "" : " (khớp \(values.joined(separator: ", ")))"
        return Message(en: "keep rows where \(filter)\(matched): \(left) rows left", vi: "giữ các dòng có \(filter)\(matchedVi): còn \(left) dòng")
    }

    public static func keepAnswerRows(where filter: String) -> Message {
        Message(en: "keep the answer's rows where \(filter)", vi: "giữ các dòng của kết quả có \(filter)")
    }

    public static func sortAnswer(by keys: String) -> Message {
        Message(en: "sort the answer by \(keys)", vi: "sắp xếp kết quả theo \(keys)")
    }

    public static let explainNeedsStatement = Message(en: "explain needs a statement", vi: "explain cần một câu lệnh")
    public static let explainTakesNoExplain = Message(en: "explain takes a statement to run, not another explain",
                                                      vi: "explain nhận một câu lệnh, không phải một explain khác")

    // Each verb's own steps.
    public static func countStep(grouped: Bool) -> Message {
        Message(en: "count the rows\(grouped ? " of each group" : "")", vi: "đếm số dòng\(grouped ? " của từng nhóm" : "")")
    }

    public static func aggregateStep(_ function: String, of measures: String, grouped: Bool) -> Message {
        Message(en: "compute \(function) of \(measures)\(grouped ? " per group" : "")", vi: "tính \(function) của \(measures)\(grouped ? " theo từng nhóm" : "")")
    }

    public static func compareStep(entities: [String], period: String, measures: [String]) -> Message {
        let names = entities.joined(separator: ", "), taken = measures.joined(separator: ", ")
        return Message(en: "group the rows by \(names.isEmpty ? "" : names + " and ")\(period); take \(taken) in the first and last \(period); compute the change",
                       vi: "nhóm các dòng theo \(names.isEmpty ? "" : names + " và ")\(period); lấy \(taken) ở kỳ đầu và kỳ cuối; tính mức thay đổi")
    }

    public static let trendStep = Message(en: "one row per year: the value and its change from the year before",
                                          vi: "mỗi năm một dòng: giá trị và mức thay đổi so với năm trước")
    public static let rankStep = Message(en: "compute the measure per value, sort highest first, give equal values one rank",
                                         vi: "tính chỉ số cho từng giá trị, xếp từ cao xuống, bằng nhau cùng hạng")
    public static let rollupStep = Message(en: "map each province to its 2025 unit; sum the counts per unit; recompute rates from sums or weights",
                                           vi: "đổi mỗi tỉnh sang đơn vị 2025; cộng số lượng theo đơn vị; tính lại tỷ lệ từ tổng hoặc trọng số")

    // explain sql.
    public static func readsNoRows(_ verb: String) -> Message {
        Message(en: "\(verb) reads no rows; explain sql takes a statement that asks a question of a dataset",
                vi: "\(verb) không đọc dòng nào; explain sql nhận một câu lệnh hỏi một bộ dữ liệu")
    }

    public static func sqlSent(_ dataset: String, on server: String) -> Message {
        Message(en: "-- \(dataset) is on \(server); solieu sends:", vi: "-- \(dataset) nằm trên \(server); solieu gửi:")
    }

    public static func sqlThatWouldBeSent(_ dataset: String) -> Message {
        Message(en: "-- \(dataset) is in memory; on PostgreSQL this statement would send:",
                vi: "-- \(dataset) nằm trong bộ nhớ; trên PostgreSQL câu lệnh này sẽ gửi:")
    }

    /// Every message above once, with sample arguments: `Catalogue.all` lists them for the tests.
    static var explainMessages: [Message] { [
        explainHeading("count", Message(en: "count rows, in all or by group", vi: "đếm số dòng, tất cả hoặc theo nhóm")),
        startFrom("gso", rows: 1134),
        keepRows(where: "province=ninh binh", matching: ["Ninh Bình"], left: 9),
        keepAnswerRows(where: "change_pp<0"),
        sortAnswer(by: "change_pp desc"),
        explainNeedsStatement,
        explainTakesNoExplain,
        countStep(grouped: true),
        aggregateStep("mean", of: "rate", grouped: true),
        compareStep(entities: ["province"], period: "year", measures: ["rate"]),
        trendStep,
        rankStep,
        rollupStep,
        readsNoRows("help"),
        sqlSent("reports", on: "postgresql://analyst@127.0.0.1:5432/poverty"),
        sqlThatWouldBeSent("gso"),
    ] }
}
