import Engine
import Remote

/// A named measure: an aggregate expression such as `100 * mean(poor)`, usable wherever a measure is.
public struct MeasureDefinition: Sendable {
    public var name: String
    public var expression: Expression
    /// Declared `as percent`, or named like a rate: its changes are percentage points.
    public var isPercentage: Bool
}

/// A table the session knows by name, with what was defined on it.
public struct Dataset: Sendable {
    public var table: Table
    /// Where it came from (a file path, or "built-in").
    public var origin: String
    /// How it was read, line by line, for `describe`.
    public var loadNotes: [String]
    public var measures: [String: MeasureDefinition] = [:]
    /// Columns added by `let`, with their expressions (for `describe` and `explain`).
    public var derivedColumns: [String: String] = [:]
    /// The column recognised as naming provinces, matched through the gazetteer.
    public var provinceColumn: ProvinceColumn?
    /// The gazetteer the province column is matched through.
    public var gazetteer: Gazetteer?
    /// ASCII snake-case aliases of the columns whose names need backticks, by column name
    /// (`Số hộ nghèo` → `so_ho_ngheo`); made when the dataset is added to a session.
    public var columnAliases: [String: String] = [:]
    /// For a table that stays on a server (`connect`): where its rows are; `table` then holds its
    /// columns without rows.
    public var remote: RemoteSource?

    public init(table: Table, origin: String, loadNotes: [String] = []) {
        self.table = table
        self.origin = origin
        self.loadNotes = loadNotes
    }

    public var name: String { table.name }

    /// The number of rows, wherever they are (asked of the server once for a remote table).
    public func rowCount() throws -> Int {
        try remote?.totalRows() ?? table.rowCount
    }

    /// The column periods are read from: `year`, or one whose folded name means year (`năm`).
    public var periodColumn: Column? {
        table.columns.first { ["year", "nam", "period", "ky"].contains(TextFolding.fold($0.name)) }
    }

    /// Names a value word should not swallow: columns, their aliases and measures.
    public var vocabulary: Set<String> {
        Set(table.columnNames + measures.keys + columnAliases.values)
    }
}

extension Column {
    /// Whether this column holds percentages: loaded from `%` values, or named as a rate (`rate`,
    /// `ethnic_minority_rate`, `ty_le`, `tỷ lệ …`).
    public var holdsPercentages: Bool {
        annotations.isPercentage || Column.nameMeansRate(name)
    }

    public static func nameMeansRate(_ name: String) -> Bool {
        let folded = TextFolding.fold(name).replacingOccurrences(of: " ", with: "_")
        return folded == "rate" || folded.hasSuffix("_rate") || folded.hasPrefix("rate_") || folded.hasPrefix("ty_le")
            || folded.hasSuffix("_pct") || folded == "percent" || folded.hasSuffix("_percent")
    }
}
