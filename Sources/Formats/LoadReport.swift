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

    /// The report as the shell prints it: one line for the table, one per column.
    public var lines: [String] {
        var out = ["loaded \(file): \(rowCount) rows × \(columns.count) columns (\(format))"]
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
        out += notes.map { "  note: \($0)" }
        return out
    }
}

/// A loaded table with the report of how it was read.
public struct LoadResult: Sendable {
    public var table: Table
    public var report: LoadReport
}
