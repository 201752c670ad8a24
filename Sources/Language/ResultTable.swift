import Engine

/// How a result column's numbers are meant, so every renderer shows them right.
public enum ColumnRole: Sendable, Equatable {
    /// Plain values (text, counts, measures).
    case value
    /// An identifier or period written without thousands separators (`2021`, `household_id`).
    case label
    /// A percentage level, e.g. a poverty rate of 3.07 (%).
    case percent
    /// A change of a percentage in percentage points, shown with its sign.
    case percentagePoints
    /// A relative change in percent, shown with its sign and `%`, one decimal.
    case percentChange
    /// A signed change of a count or amount.
    case change
    /// Text drawn as a bar or sparkline.
    case chart
}

/// A result: a table plus what a reader must know about it (notes) and how to show each column.
public struct ResultTable: Sendable {
    public var table: Table
    /// One line each under the table: what was excluded, assumed or mixed.
    public var notes: [Message]
    public var roles: [String: ColumnRole]
    /// Header text to show instead of a column's name (e.g. `change (pp)`), keyed by name.
    public var headers: [String: String]
    /// Header text in each language, keyed by name (`change (pp)` is `thay đổi (đpt)` in Vietnamese). The
    /// name stays the column's English name, so csv and json keep one header whatever the language, and
    /// `sort` and filters on the answer accept either text (`sort change_pp`, `sort thay_doi_dpt`).
    public var localizedHeaders: [String: Message]

    public init(table: Table, notes: [Message] = [], roles: [String: ColumnRole] = [:], headers: [String: String] = [:],
                localizedHeaders: [String: Message] = [:]) {
        self.table = table
        self.notes = notes
        self.roles = roles
        self.headers = headers
        self.localizedHeaders = localizedHeaders
    }

    public func role(of column: Column) -> ColumnRole {
        if let role = roles[column.name] { return role }
        if column.type == .integer, ResultTable.isLabelName(column.name) { return .label }
        return .value
    }

    /// Integer columns that are identifiers or periods, never quantities: no thousands separators.
    public static func isLabelName(_ name: String) -> Bool {
        let folded = TextFolding.fold(name).replacingOccurrences(of: " ", with: "_")
        return ["year", "nam", "code", "ma", "id", "period", "rank"].contains(folded) || folded.hasSuffix("_id") || folded.hasSuffix("_code")
            || folded.hasPrefix("year_")
    }

    public func header(of column: Column) -> String { headers[column.name] ?? column.name }

    /// The header a table, record or markdown shows in `language`.
    public func header(of column: Column, in language: Language) -> String {
        localizedHeaders[column.name]?.text(language) ?? header(of: column)
    }

    /// Every text by which a column of the answer may be named: its name, its header, each language's header.
    public func headerNames(of column: Column) -> [String] {
        [column.name, header(of: column)] + (localizedHeaders[column.name].map { [$0.en, $0.vi] } ?? [])
    }
}

/// Whether every present value is a whole number (so a count prints as 29,829, not 29,829.00).
func allWhole(_ values: [Double?]) -> Bool {
    values.allSatisfy { $0.map { $0 == $0.rounded() && abs($0) < 1e15 } ?? true }
}

/// A result column of numbers: integers when the measure is not a percentage and every value is whole.
func numberColumn(_ name: String, _ values: [Double?], isPercentage: Bool) -> Column {
    let whole = !isPercentage && allWhole(values)
    return Column(name: name, type: whole ? .integer : .decimal,
                  values: values.map { d in d.map { whole ? .integer(Int64($0)) : .decimal($0) } ?? .missing })
}
