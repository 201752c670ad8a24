import Engine

/// What a load did, for the user: rows × columns, each column's type and number convention, and every
/// decision or adjustment, so that nothing is skipped or guessed silently.
public struct LoadReport: Sendable {
    public struct ColumnSummary: Sendable, Equatable {
        public var name: String
        public var type: ColumnType
        public var missing: Int
        public var annotations: ColumnAnnotations
    }

    public var file: String
    public var format: String
    public var rowCount: Int
    public var columns: [ColumnSummary]
    /// Notes about the whole file: the separator, blank lines skipped, a header cell renamed, …
    public var notes: [String]
    /// The Vietnamese text of notes, by their English text (a note without one is shown in English).
    public var vietnameseNotes: [String: String] = [:]
    /// The format in Vietnamese where it has words (`xlsx, trang tính 'Theo vùng'`); nil when it reads the same.
    public var vietnameseFormat: String?

    public init(file: String, format: String, rowCount: Int, columns: [ColumnSummary], notes: [String]) {
        self.file = file
        self.format = format
        self.rowCount = rowCount
        self.columns = columns
        self.notes = notes
    }

    /// Adds a note in both languages.
    public mutating func add(_ note: LoadNote) {
        notes.append(note.en)
        vietnameseNotes[note.en] = note.vi
    }

    /// The report as the shell prints it: one line for the table, one per column.
    public var lines: [String] { lines(vietnamese: false) }

    /// The report in English, or in Vietnamese where its notes have Vietnamese text.
    public func lines(vietnamese: Bool) -> [String] {
        func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        var out = [vietnamese ? "đã nạp \(file): \(rowCount) dòng × \(columns.count) cột (\(vietnameseFormat ?? format))"
                              : "loaded \(file): \(counted(rowCount, "row")) × \(counted(columns.count, "column")) (\(format))"]
        let width = columns.map { $0.name.count }.max() ?? 0
        // Report words are shown through `word`, which gives their Vietnamese text in a Vietnamese report.
        func word(_ english: String) -> String { vietnamese ? LoadReport.vietnameseWords[english] ?? english : english }
        for c in columns {
            var line = "  " + c.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + word(c.type.rawValue)
            var details: [String] = []
            if c.annotations.isPercentage && !(c.annotations.convention ?? "").contains("percent") { details.append(word("percent")) }
            if let convention = c.annotations.convention {
                details.append(convention.components(separatedBy: ", ").map(word).joined(separator: ", "))
            }
            if c.missing > 0 { details.append(vietnamese ? "thiếu \(c.missing)" : "\(c.missing) missing") }
            if !details.isEmpty { line += " (" + details.joined(separator: ", ") + ")" }
            if let decision = c.annotations.decision(vietnamese: vietnamese) { line += "; " + decision }
            out.append(line)
        }
        out += notes.map { vietnamese ? "  ghi chú: \(vietnameseNotes[$0] ?? $0)" : "  note: \($0)" }
        return out
    }
}

extension LoadReport {
    /// The words of a report's column lines in Vietnamese, by their English text: column types and the
    /// number conventions the reader names (`ColumnPlan.conventionName`). Part of the message catalogue
    /// (`Catalogue.reportWords` in Language lists them), kept here because Formats does not see Language.
    public static let vietnameseWords: [String: String] = [
        "integer": "số nguyên", "decimal": "số thập phân", "boolean": "đúng/sai", "text": "văn bản",
        "percent": "phần trăm", "percent sign": "dấu phần trăm", "decimal comma": "dấu phẩy thập phân",
        "thousands dot": "dấu chấm phân cách hàng nghìn", "thousands comma": "dấu phẩy phân cách hàng nghìn",
    ]
}

/// One note of a load report, in English and Vietnamese.
public struct LoadNote: Sendable, Equatable {
    public var en: String
    public var vi: String
    public init(en: String, vi: String) {
        self.en = en
        self.vi = vi
    }
}

/// A loaded table with the report of how it was read, and the tables kept beside it: the rows a repair
/// set aside (`NAME_rejects`) and the totals rows kept out of the data (`NAME_totals`).
public struct LoadResult: Sendable {
    public var table: Table
    public var report: LoadReport
    public var companions: [Table] = []
    /// The reader skipped blank lines inside the data (so a note or a second table may follow one).
    var sawBlankLines = false

    public init(table: Table, report: LoadReport, companions: [Table] = []) {
        self.table = table
        self.report = report
        self.companions = companions
    }
}
