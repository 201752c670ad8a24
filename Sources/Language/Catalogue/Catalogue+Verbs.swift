import Formats

/// The verbs of the session itself — describe, let and measure, expect, set, history, help, export, run and
/// lesson — and what every verb says when given a clause it does not take or a table it cannot read.
extension Catalogue {
    // Any verb.
    /// `trend … by province`: the clause is named, and the verb's syntax line shows what it takes.
    public static func clauseNotTaken(_ verb: String, _ clause: String, syntax: String) -> Message {
        Message(en: "\(verb) does not take \(clause): \(syntax)", vi: "\(verb) không nhận \(clause): \(Catalogue.syntax(syntax, .vi))")
    }

    public static func rowsNotInMemory(_ verb: String, dataset: String, rows: Int?) -> Message {
        let counted = rows.map { " (\(englishCount($0, "row")))" } ?? "", countedVi = rows.map { " (\($0) dòng)" } ?? ""
        return Message(en: "\(verb) works on rows in memory, and \(dataset) stays on the server; copy it first with: load \(dataset)\(counted)",
                       vi: "\(verb) làm việc với các dòng trong bộ nhớ, còn \(dataset) nằm trên máy chủ; hãy chép về trước bằng: load \(dataset)\(countedVi)")
    }

    // describe.
    public static let describeTakesOneName = Message(en: "describe takes one dataset name", vi: "describe nhận một tên bộ dữ liệu")

    public static func describeSummary(_ dataset: String, rows: Int, columns: Int, from origin: String) -> Message {
        Message(en: "\(dataset): \(rows) rows × \(columns) columns, from \(origin)", vi: "\(dataset): \(rows) dòng × \(columns) cột, từ \(origin)")
    }

    /// The `convention` of a column of exact decimals: `exact, 2 places` (+ - * and comparisons on it are
    /// exact; a mean or a ratio is a double).
    public static func exactPlaces(_ places: Int) -> Message {
        Message(en: "exact, \(places) place\(places == 1 ? "" : "s")", vi: "chính xác, \(places) chữ số thập phân")
    }

    /// A number convention the loader detected (`decimal comma`), as the load report names it (Formats keeps
    /// its Vietnamese in `LoadReport.vietnameseWords`).
    public static func conventionWord(_ english: String) -> Message {
        Message(en: english, vi: LoadReport.vietnameseWords[english] ?? english)
    }

    /// The province column describe found: how many of the gazetteer's provinces it names, the values that
    /// are none, and the columns the gazetteer added (`region`, `unit_2025`).
    public static func provinceColumnNote(_ column: String, covers covered: Int, of total: Int, otherValues: [String], added: [String]) -> Message {
        var en = "\(column) names provinces (\(covered) of \(total)), matched through the gazetteer"
        var vi = "\(column) là tên tỉnh (\(covered) trên \(total)), khớp qua danh mục tỉnh"
        if !otherValues.isEmpty {
            en += "; values that are not provinces: " + otherValues.joined(separator: ", ")
            vi += "; giá trị không phải tỉnh: " + otherValues.joined(separator: ", ")
        }
        if !added.isEmpty {
            en += "; added from the gazetteer: " + added.joined(separator: ", ")
            vi += "; thêm từ danh mục tỉnh: " + added.joined(separator: ", ")
        }
        return Message(en: en, vi: vi)
    }

    /// A load decision on one column, as Formats words it in each language.
    public static func columnDecision(_ column: String, _ english: String, _ vietnamese: String?) -> Message {
        Message(en: "\(column): \(english)", vi: "\(column): \(vietnamese ?? english)")
    }

    public static func measureDescribed(_ name: String, definedAs expression: String, percent: Bool) -> Message {
        Message(en: "measure \(name) = \(expression)\(percent ? " (percent)" : "")", vi: "chỉ số \(name) = \(expression)\(percent ? " (phần trăm)" : "")")
    }

    // let and measure.
    public static func columnFromData(_ dataset: String, column: String) -> Message {
        Message(en: "\(dataset) already has a column '\(column)' from its data; choose a new name",
                vi: "\(dataset) đã có cột '\(column)' từ dữ liệu; hãy chọn tên khác")
    }

    public static func columnAdded(_ column: String, type: String, present: Int, missing: Int, to dataset: String) -> Message {
        Message(en: "added column \(column) (\(type), \(englishCount(present, "value")), \(missing) missing) to \(dataset)",
                vi: "đã thêm cột \(column) (\(Catalogue.typeName(type, .vi)), \(present) giá trị, thiếu \(missing)) vào \(dataset)")
    }

    public static func measureDefined(_ name: String, definedAs expression: String, percent: Bool, replacing replaced: [String]) -> Message {
        let list = replaced.sorted().joined(separator: ", ")
        return Message(en: "measure \(name) = \(expression)\(percent ? " (a percentage: changes in percentage points)" : "")\(replaced.isEmpty ? "" : " (replaces the earlier \(list))")",
                       vi: "chỉ số \(name) = \(expression)\(percent ? " (phần trăm: thay đổi tính bằng điểm phần trăm)" : "")\(replaced.isEmpty ? "" : " (thay cho \(list) trước đó)")")
    }

    public static func reservedWord(_ name: String) -> Message {
        Message(en: "'\(name)' is a word of the language; choose another name", vi: "'\(name)' là từ khoá; hãy chọn tên khác")
    }

    public static func namesColumn(_ name: String, column: String, of dataset: String) -> Message {
        Message(en: "'\(name)' already names the column \(column) of \(dataset); choose another name",
                vi: "'\(name)' đã là tên của cột \(column) trong \(dataset); hãy chọn tên khác")
    }

    public static func namesColumns(_ name: String, columns: String, of dataset: String) -> Message {
        Message(en: "'\(name)' already names the columns \(columns) of \(dataset); choose another name",
                vi: "'\(name)' đã là tên của các cột \(columns) trong \(dataset); hãy chọn tên khác")
    }

    public static func measureHasName(_ dataset: String, measure name: String) -> Message {
        Message(en: "\(dataset) already has a measure '\(name)'; a column needs its own name",
                vi: "\(dataset) đã có chỉ số '\(name)'; cột cần tên riêng")
    }

    public static func columnHasName(_ dataset: String, column name: String) -> Message {
        Message(en: "\(dataset) already has a column '\(name)'; a measure needs its own name",
                vi: "\(dataset) đã có cột '\(name)'; chỉ số cần tên riêng")
    }

    // expect.
    public static let expectNeedsCondition = Message(en: "expect needs a condition on rows", vi: "expect cần một điều kiện về số dòng")

    public static func expectSyntax(_ typed: String) -> Message {
        Message(en: "expect takes rows, a comparison and a whole number, not '\(typed)'",
                vi: "expect nhận rows, một phép so sánh và một số nguyên, không phải '\(typed)'")
    }

    public static let nothingToCheck = Message(en: "there is no result to check yet", vi: "chưa có kết quả nào để kiểm tra")

    /// `expect rows>0` after an empty answer; the expectation is quoted as the language writes it.
    public static func expectationFailed(_ expected: String, rows: Int) -> Message {
        Message(en: "expected \(expected), but the last result has \(englishCount(rows, "row"))",
                vi: "mong đợi \(expected), nhưng kết quả gần nhất có \(rows) dòng")
    }

    // set.
    public static func setTakes(_ option: String, _ expected: Message) -> Message {
        Message(en: "set \(option) takes \(expected.en)", vi: "set \(option) nhận \(expected.vi)")
    }

    public static let enOrVi = Message(en: "en or vi", vi: "en hoặc vi")
    public static let outputFormats = Message(en: "table, line, csv, json, jsonl or markdown", vi: "table, line, csv, json, jsonl hoặc markdown")
    public static let zeroToTwelve = Message(en: "a number from 0 to 12", vi: "một số từ 0 đến 12")
    public static let aboveZero = Message(en: "a number above 0", vi: "một số lớn hơn 0")
    public static let onOrOff = Message(en: "on or off", vi: "on hoặc off")
    public static let pagerModes = Message(en: "auto, on or off", vi: "auto, on hoặc off")

    public static func unknownOption(_ option: String) -> Message {
        Message(en: "there is no option '\(option)'", vi: "không có tuỳ chọn '\(option)'")
    }

    /// Beside `rows` in the list of options `set` shows.
    public static let rowsShownAtMost = Message(en: "rows shown at most", vi: "số dòng hiển thị tối đa")

    // history, help, export, run, lesson.
    public static let historyCount = Message(en: "history takes a number of statements above 0, or all",
                                             vi: "history nhận số câu lệnh lớn hơn 0, hoặc all")
    public static let historyEmpty = Message(en: "the history is empty: statements typed at the prompt are kept in it",
                                             vi: "lịch sử đang trống: các câu lệnh gõ ở dấu nhắc sẽ được lưu vào đây")

    // The words of `help` around the verbs' own texts.
    public static let verbsHeading = Message(en: "Verbs (help VERB for details):", vi: "Các lệnh (help LỆNH để xem chi tiết):")
    public static let quitSummary = Message(en: "leave the prompt (also: exit, Ctrl-D)", vi: "rời dấu nhắc (cũng: exit, thoát, Ctrl-D)")
    public static let filtersHelp = Message(en: "Filters: column=value, column=a,b, column=2021..2023, column<value (also != <= > >=); accents are optional.",
                                            vi: "Bộ lọc: cột=giá trị, cột=a,b, cột=2021..2023, cột<giá trị (cả != <= > >=); gõ không dấu cũng được.")
    public static let spacedNamesHelp = Message(
        en: "Names with spaces or punctuation: in backticks (sum `Số hộ nghèo`) or by their alias (sum so_ho_ngheo); describe lists them.",
        vi: "Tên có dấu cách hoặc dấu câu: viết trong dấu ` (sum `Số hộ nghèo`) hoặc bằng tên gọi thay thế (sum so_ho_ngheo); describe liệt kê.")
    public static let helpExample = Message(en: "Example: compare province=Ninh Bình year=2021..2023 rate", vi: "Ví dụ: compare province=Ninh Bình year=2021..2023 rate")
    /// Before a verb's other names in `help VERB`.
    public static let alsoNamed = Message(en: "Also", vi: "Tên khác")
    public static let examples = Message(en: "Examples", vi: "Ví dụ")

    public static func unknownVerb(_ topic: String) -> Message {
        Message(en: "there is no verb '\(topic)'", vi: "không có lệnh '\(topic)'")
    }

    public static let exportNeedsPath = Message(en: "export needs a file path", vi: "export cần đường dẫn tệp")
    public static let nothingToExport = Message(en: "there is no result to export yet", vi: "chưa có kết quả nào để xuất")
    public static let exportNotAvailable = Message(en: "export is not available here", vi: "không xuất được ở đây")

    public static func exported(_ rows: Int, to path: String, _ written: String) -> Message {
        Message(en: "wrote \(englishCount(rows, "row")) to \(path) (\(written))", vi: "đã ghi \(rows) dòng vào \(path) (\(written))")
    }

    public static let runNeedsScript = Message(en: "run needs a script file", vi: "run cần một tệp kịch bản")
    public static let runNotAvailable = Message(en: "run is not available here", vi: "không chạy được kịch bản ở đây")
    public static let lessonsNotAvailable = Message(en: "lessons are not available here", vi: "bài học không dùng được ở đây")

    /// Every message above once, with sample arguments: `Catalogue.all` lists them for the tests.
    static var verbMessages: [Message] { [
        clauseNotTaken("trend", "by", syntax: "trend FILTERS MEASURE"),
        rowsNotInMemory("rollup", dataset: "reports", rows: 1134),
        describeTakesOneName,
        describeSummary("gso", rows: 1134, columns: 8, from: "built-in"),
        exactPlaces(2),
        conventionWord("decimal comma"),
        provinceColumnNote("province", covers: 63, of: 63, otherValues: ["Cả nước"], added: ["region", "unit_2025"]),
        columnDecision("rate", "read with a decimal comma", "đọc với dấu phẩy thập phân"),
        measureDescribed("r", definedAs: "100 * sum(poor_households) / sum(households)", percent: true),
        columnFromData("gso", column: "rate"),
        columnAdded("rate_rounded", type: "decimal", present: 1130, missing: 4, to: "gso"),
        measureDefined("r", definedAs: "100 * sum(poor_households) / sum(households)", percent: true, replacing: ["R"]),
        reservedWord("by"),
        namesColumn("so_ho_ngheo", column: "`Số hộ nghèo`", of: "reports"),
        namesColumns("ty le", columns: "`Tỷ lệ`, `Tỷ lệ (%)`", of: "reports"),
        measureHasName("gso", measure: "r"),
        columnHasName("gso", column: "rate"),
        expectNeedsCondition,
        expectSyntax("rows>>0"),
        nothingToCheck,
        expectationFailed("rows>0", rows: 0),
        setTakes("rows", aboveZero),
        enOrVi,
        outputFormats,
        zeroToTwelve,
        aboveZero,
        onOrOff,
        pagerModes,
        unknownOption("colour"),
        rowsShownAtMost,
        historyCount,
        historyEmpty,
        verbsHeading,
        quitSummary,
        filtersHelp,
        spacedNamesHelp,
        helpExample,
        alsoNamed,
        examples,
        unknownVerb("comapre"),
        exportNeedsPath,
        nothingToExport,
        exportNotAvailable,
        exported(62, to: "q4.xlsx", "12 KB"),
        runNeedsScript,
        runNotAvailable,
        lessonsNotAvailable,
    ] }
}
