import Formats

/// Every message solieu shows, in English and Vietnamese side by side. This file holds the words around the
/// figures: table headers made by verbs, the note prefixes, column types and the words of report lines;
/// each `Catalogue+….swift` beside it holds the messages of one part of the shell (errors of statements,
/// notes under answers, rollup, charts, lessons, the shell itself). Code takes its text from here, never
/// from a literal of its own, so the Vietnamese shell has one place to read and review, and the vocabulary
/// test can tell an English word that escaped into a Vietnamese table from a data value.
///
/// The Vietnamese terms are those of GSO and MOLISA tables: tỷ lệ hộ nghèo, hộ cận nghèo, điểm phần
/// trăm (đpt) for a change of a rate, chuẩn nghèo đa chiều.
public enum Catalogue {
    // Headers of `datasets`.
    public static let dataset = Message(en: "dataset", vi: "bộ dữ liệu")
    public static let rows = Message(en: "rows", vi: "số dòng")
    public static let columns = Message(en: "columns", vi: "số cột")
    public static let origin = Message(en: "origin", vi: "nguồn")

    // Headers of `sheets` (with rows and columns above).
    public static let sheet = Message(en: "sheet", vi: "trang tính")
    public static let hidden = Message(en: "hidden", vi: "ẩn")

    // Headers of `describe`.
    public static let column = Message(en: "column", vi: "cột")
    public static let alias = Message(en: "alias", vi: "tên gõ")
    public static let type = Message(en: "type", vi: "kiểu")
    public static let present = Message(en: "present", vi: "có giá trị")
    public static let missing = Message(en: "missing", vi: "thiếu")
    public static let distinct = Message(en: "distinct", vi: "số giá trị khác nhau")
    public static let minimum = Message(en: "min", vi: "nhỏ nhất")
    public static let maximum = Message(en: "max", vi: "lớn nhất")
    public static let convention = Message(en: "convention", vi: "quy ước")

    // Headers of `compare`, `trend`, `rank`, `count` and `rollup`. A change of a rate is in percentage
    // points: điểm phần trăm, written đpt in GSO tables.
    public static let change = Message(en: "change", vi: "thay đổi")
    public static let changePoints = Message(en: "change (pp)", vi: "thay đổi (đpt)")
    public static let changePercent = Message(en: "change %", vi: "thay đổi %")
    public static let perYear = Message(en: "per year", vi: "bình quân năm")
    public static let perYearPoints = Message(en: "per year (pp)", vi: "bình quân năm (đpt)")
    public static let rank = Message(en: "rank", vi: "hạng")
    public static let count = Message(en: "count", vi: "số lượng")
    public static let provinces = Message(en: "provinces", vi: "các tỉnh")

    // Prefixes of the lines under a table and in reports.
    public static let note = Message(en: "note", vi: "lưu ý")
    public static let reportNote = Message(en: "note", vi: "ghi chú")
    public static let noRows = Message(en: "(no rows)", vi: "(không có dòng nào)")
    /// A missing value named in a note (`2021 standard=(none)`).
    public static let noValue = Message(en: "(none)", vi: "(không có)")

    // Column types, as `describe` and the load report name them.
    public static let text = Message(en: "text", vi: "văn bản")
    public static let integer = Message(en: "integer", vi: "số nguyên")
    public static let decimal = Message(en: "decimal", vi: "số thập phân")
    public static let boolean = Message(en: "boolean", vi: "đúng/sai")
    public static let yes = Message(en: "true", vi: "đúng")
    public static let no = Message(en: "false", vi: "sai")

    /// The words of load reports' column lines (types, number conventions), kept in Formats.
    public static var reportWords: [Message] {
        LoadReport.vietnameseWords.sorted { $0.key < $1.key }.map { Message(en: $0.key, vi: $0.value) }
    }

    /// Every entry once (with sample arguments where it takes some), for the tests that check each has
    /// both texts and for the vocabulary check.
    public static var all: [Message] { sections.flatMap(\.messages) + syntaxWords + reportWords }

    /// Each file of the catalogue with its entries, in the order they are declared there. A test counts the
    /// declarations of every file in this folder against its list, so an entry cannot be left out.
    static var sections: [(file: String, messages: [Message])] { [
        ("Catalogue.swift", words),
        ("Catalogue+Statements.swift", statementMessages),
        ("Catalogue+Names.swift", nameMessages),
        ("Catalogue+Filters.swift", filterMessages),
        ("Catalogue+Measures.swift", measureMessages),
        ("Catalogue+Answers.swift", answerMessages),
        ("Catalogue+Rollup.swift", rollupMessages),
        ("Catalogue+Explain.swift", explainMessages),
        ("Catalogue+Load.swift", loadMessages),
        ("Catalogue+Verbs.swift", verbMessages),
        ("Catalogue+Charts.swift", chartMessages),
        ("Catalogue+Lessons.swift", lessonMessages),
        ("Catalogue+Shell.swift", shellMessages),
    ] }

    /// The entries above, headers and words around the figures.
    static var words: [Message] { [
        dataset, rows, columns, origin, sheet, hidden,
        column, alias, type, present, missing, distinct, minimum, maximum, convention,
        change, changePoints, changePercent, perYear, perYearPoints, rank, count, provinces,
        note, reportNote, noRows, noValue,
        text, integer, decimal, boolean, yes, no,
    ] }

    /// The placeholders of syntax lines (`compare FILTERS MEASURE… [by COLUMNS]`), so that a Vietnamese
    /// `help compare` shows `compare BỘ_LỌC CHỈ_SỐ… [by CÁC_CỘT]` above text that speaks of CỘT and CHỈ_SỐ.
    public static let syntaxWords: [Message] = [
        Message(en: "COLUMNS", vi: "CÁC_CỘT"), Message(en: "COLUMN", vi: "CỘT"), Message(en: "COMPARISON", vi: "PHÉP_SO_SÁNH"),
        Message(en: "DATABASE", vi: "CƠ_SỞ_DỮ_LIỆU"), Message(en: "DATASET", vi: "BỘ_DỮ_LIỆU"), Message(en: "EXPRESSION", vi: "BIỂU_THỨC"),
        Message(en: "FILE", vi: "TỆP"), Message(en: "FILTERS", vi: "BỘ_LỌC"), Message(en: "HOST", vi: "MÁY_CHỦ"),
        Message(en: "MEASURES", vi: "CÁC_CHỈ_SỐ"), Message(en: "MEASURE", vi: "CHỈ_SỐ"), Message(en: "NAME", vi: "TÊN"),
        Message(en: "OPTION", vi: "TUỲ_CHỌN"), Message(en: "PATH", vi: "ĐƯỜNG_DẪN"), Message(en: "PORT", vi: "CỔNG"),
        Message(en: "STATEMENT", vi: "CÂU_LỆNH"), Message(en: "USER", vi: "NGƯỜI_DÙNG"), Message(en: "VALUE", vi: "GIÁ_TRỊ"),
        Message(en: "VERB", vi: "LỆNH"),
    ]

    /// A syntax line in `language`: each placeholder (an upper-case word) replaced by its entry.
    public static func syntax(_ line: String, _ language: Language) -> String {
        guard language == .vi else { return line }
        let vietnamese = Dictionary(syntaxWords.map { ($0.en, $0.vi) }, uniquingKeysWith: { first, _ in first })
        var out = "", word = ""
        func flush() { out += vietnamese[word] ?? word; word = "" }
        for character in line {
            if character.isUppercase && character.isASCII || (character == "_" && !word.isEmpty) { word.append(character) } else { flush(); out.append(character) }
        }
        flush()
        return out
    }

    /// Localized headers for columns named by these entries' English text, as `ResultTable` takes them.
    public static func headers(_ entries: Message...) -> [String: Message] {
        Dictionary(entries.map { ($0.en, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The name of a column type in `language` (`decimal`, `số thập phân`).
    public static func typeName(_ rawValue: String, _ language: Language) -> String {
        let entry = [text, integer, decimal, boolean].first { $0.en == rawValue }
        return entry?.text(language) ?? rawValue
    }
}
