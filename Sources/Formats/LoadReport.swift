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
        var out = [vietnamese ? "đã nạp \(file): \(rowCount) dòng × \(columns.count) cột (\(format))"
                              : "loaded \(file): \(counted(rowCount, "row")) × \(counted(columns.count, "column")) (\(format))"]
        let width = columns.map { $0.name.count }.max() ?? 0
        for c in columns {
            var line = "  " + c.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + c.type.rawValue
            var details: [String] = []
            if c.annotations.isPercentage && !(c.annotations.convention ?? "").contains("percent") { details.append("percent") }
            if let convention = c.annotations.convention { details.append(convention) }
            if c.missing > 0 { details.append("\(c.missing) missing") }
            if !details.isEmpty { line += " (" + details.joined(separator: ", ") + ")" }
            if let decision = c.annotations.decision { line += "; " + decision }
            out.append(line)
        }
        out += notes.map { vietnamese ? "  ghi chú: \(vietnameseNotes[$0] ?? $0)" : "  note: \($0)" }
        return out
    }
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
