/// Names that match nothing or too much: datasets, columns of a dataset or of an answer, and the aliases
/// given to names that need backticks. The nearest spellings go with the error as suggestions.
extension Catalogue {
    // Datasets.
    public static let noDatasetLoaded = Message(en: "no dataset is loaded", vi: "chưa nạp bộ dữ liệu nào")

    public static func unknownDataset(_ name: String) -> Message {
        Message(en: "there is no dataset '\(name)'", vi: "không có bộ dữ liệu '\(name)'")
    }

    /// The name a file gives its dataset when the file name is not one plain word.
    public static func datasetRenamed(_ name: String, from typed: String) -> Message {
        Message(en: "dataset name: \(name) (from '\(typed)', which would need backticks)",
                vi: "tên bộ dữ liệu: \(name) (từ '\(typed)', tên này cần dấu `)")
    }

    // Columns of a dataset.
    public static func unknownColumn(_ name: String, in dataset: String) -> Message {
        Message(en: "there is no column '\(name)' in \(dataset)", vi: "không có cột '\(name)' trong \(dataset)")
    }

    /// A name that folds to several columns; `columns` names each as it must be typed.
    public static func ambiguousColumn(_ typed: String, of dataset: String, _ columns: String) -> Message {
        Message(en: "'\(typed)' matches several columns of \(dataset): \(columns); write the one you mean as shown",
                vi: "'\(typed)' khớp với nhiều cột của \(dataset): \(columns); hãy viết đúng cột cần dùng như trên")
    }

    public static func aliasNumbered(_ column: String, is alias: String, taken base: String, by holder: String) -> Message {
        Message(en: "\(column) is also \(alias): \(base) is taken by \(holder)", vi: "\(column) còn gọi là \(alias): \(base) đã thuộc về \(holder)")
    }

    /// The aliases a load gave, the first few by name and the rest counted.
    public static func aliasesMade(_ shown: String, more: Int) -> Message {
        Message(en: "names to type without backticks: \(shown)\(more > 0 ? " and \(more) more (see describe)" : "")",
                vi: "tên gõ không cần dấu `: \(shown)\(more > 0 ? " và \(more) tên nữa (xem describe)" : "")")
    }

    public static func unknownColumnOrMeasure(_ name: String, in dataset: String) -> Message {
        Message(en: "there is no column or measure '\(name)' in \(dataset)", vi: "không có cột hay chỉ số '\(name)' trong \(dataset)")
    }

    /// A column named twice in one statement; `spellings` when it was typed two ways.
    public static func repeatedColumn(_ column: String, sameAs spellings: (String, String)? = nil) -> Message {
        let message = Message(en: "the result would have two columns '\(column)': name each column once",
                              vi: "kết quả sẽ có hai cột '\(column)': mỗi cột chỉ nêu một lần")
        guard let (first, second) = spellings else { return message }
        return Message(en: message.en + " (\(first) and \(second) are the same column)", vi: message.vi + " (\(first) và \(second) là cùng một cột)")
    }

    /// A plan names a column its dataset lost between binding and running.
    public static func columnGone(_ column: String, from dataset: String) -> Message {
        Message(en: "\(dataset) no longer has the column '\(column)'; run the statement again",
                vi: "\(dataset) không còn cột '\(column)'; hãy chạy lại câu lệnh")
    }

    // Columns of an answer (filters, sort and chart after the verb).
    public static func unknownColumnAnywhere(_ name: String, in dataset: String) -> Message {
        Message(en: "there is no column '\(name)' in \(dataset) or in this answer",
                vi: "không có cột '\(name)' trong \(dataset) hay trong kết quả này")
    }

    public static func ambiguousResultColumn(_ name: String, anyOf columns: String) -> Message {
        Message(en: "'\(name)' could be any of \(columns)",
                vi: "'\(name)' có thể là \(columns)")
    }

    public static func unknownResultColumn(_ name: String) -> Message {
        Message(en: "there is no column '\(name)' in this result", vi: "kết quả không có cột '\(name)'")
    }

    /// Every message above once, with sample arguments: `Catalogue.all` lists them for the tests.
    static var nameMessages: [Message] { [
        noDatasetLoaded,
        unknownDataset("bao_cao"),
        datasetRenamed("bao_cao_2023", from: "Báo cáo 2023"),
        unknownColumn("rat", in: "gso"),
        ambiguousColumn("ty le", of: "reports", "`Tỷ lệ`, `Tỷ lệ (%)` (ty_le_2)"),
        aliasNumbered("`Tỷ lệ (%)`", is: "ty_le_2", taken: "ty_le", by: "`Tỷ lệ`"),
        aliasesMade("so_ho_ngheo = `Số hộ nghèo`", more: 3),
        unknownColumnOrMeasure("rat", in: "gso"),
        repeatedColumn("rate", sameAs: ("rate", "Rate")),
        columnGone("rate", from: "gso"),
        unknownColumnAnywhere("chnge", in: "gso"),
        ambiguousResultColumn("change", anyOf: "`change (pp)`, `change %`"),
        unknownResultColumn("chnge"),
    ] }
}
