import Engine

/// Totals and subtotals rows (`Tổng cộng`, `Cộng`, `Toàn tỉnh`, …) as report templates write them under
/// the rows they total. Loaded as data they would double every `sum` and rank the total among the
/// districts, so they are kept apart, in `NAME_totals`, each checked against the sum of the rows it totals.
enum TotalsRows {
    /// Labels (folded: no accents, lower case) that mark a totals row when they are its first text cell.
    static let labels: Set<String> = [
        "tong cong", "tong so", "tong", "cong", "toan tinh", "toan huyen", "toan thanh pho", "toan thi xa", "toan xa",
        "toan quan", "total", "grand total", "subtotal", "sub total", "sum",
    ]
    /// Labels that begin a subtotal's name: `Cộng huyện A`, `Tổng cộng toàn tỉnh`.
    static let prefixes = ["tong cong ", "cong huyen", "cong xa", "cong thi", "cong quan", "cong thanh pho", "cong tp", "tong so ", "toan tinh ", "subtotal "]

    static func isTotalsLabel(_ text: String) -> Bool {
        let folded = TextFolding.fold(text).replacingOccurrences(of: "-", with: " ")
        let trimmed = String(folded.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == " " })
            .split(separator: " ").joined(separator: " ")
        return labels.contains(trimmed) || prefixes.contains { trimmed.hasPrefix($0) }
    }

    /// Moves the totals rows out of `table` and checks each against the rows it totals.
    /// - Parameter lines: the file line of every row, computed only when a totals row is found.
    /// - Returns: the totals rows with their lines, or nil when there are none.
    static func separate(_ table: inout Table, lines: () -> [Int], report: inout LoadReport) throws -> Table? {
        let textColumns = table.columns.indices.filter { table.columns[$0].type == .text }
        var totals: [(row: Int, label: String)] = []
        // Look at the dictionaries first: most tables have no totals label at all, and then no row is read.
        var labelCodes: [Int: Set<Int64>] = [:]
        for c in textColumns {
            guard case .text(let text) = table.columns[c].storage else { continue }
            let codes = text.dictionary.indices.filter { isTotalsLabel(text.dictionary[$0]) }.map { Int64($0) }
            if !codes.isEmpty { labelCodes[c] = Set(codes) }
        }
        if !labelCodes.isEmpty {
            for row in 0..<table.rowCount {
                // The label must be the row's first text cell: a note column saying `Cộng` is not a total.
                guard let first = textColumns.first(where: { table.columns[$0].isPresent(row) }),
                      case .text(let text) = table.columns[first].storage, let codes = labelCodes[first] else { continue }
                let code = text.codes[row]
                if codes.contains(code) { totals.append((row, text.dictionary[Int(code)])) }
            }
        }
        // A last row with no label at all whose every number is the sum of the rows above.
        if totals.isEmpty, table.rowCount >= 3, let last = Optional(table.rowCount - 1),
           textColumns.allSatisfy({ !table.columns[$0].isPresent(last) }), !textColumns.isEmpty {
            let checked = summedColumns(table)
            if !checked.isEmpty && differences(table, totalRow: last, rows: 0..<last, columns: checked).isEmpty
                && checked.contains(where: { table.columns[$0].isPresent(last) }) {
                totals.append((last, ""))
            }
        }
        guard !totals.isEmpty else { return nil }

        let rowLines = lines()
        let summed = summedColumns(table)
        let totalRows = Set(totals.map(\.row))
        var previousTotal = -1
        for total in totals {
            // A subtotal totals the rows since the one before it; a grand total may total all data rows above.
            let since = (previousTotal + 1)..<total.row
            let all = 0..<total.row
            let candidates = previousTotal >= 0 ? [since, all] : [all]
            var best: (range: Range<Int>, diffs: [(Int, Double, Double)])?
            for range in candidates {
                let diffs = differences(table, totalRow: total.row, rows: range, columns: summed, skipping: totalRows)
                if best == nil || diffs.count < best!.diffs.count { best = (range, diffs) }
            }
            let line = rowLines[total.row]
            let label = total.label.isEmpty ? "(no label)" : "'\(total.label)'"
            let labelVi = total.label.isEmpty ? "(không nhãn)" : "'\(total.label)'"
            let dataRows = best!.range.filter { !totalRows.contains($0) }
            let span = dataRows.isEmpty ? (en: "no lines", vi: "không dòng nào") : CSVLayout.lines(rowLines[dataRows.first!], rowLines[dataRows.last!])
            let where_ = "\(table.name)_totals"
            if best!.diffs.isEmpty {
                report.add(LoadNote(en: "line \(line) \(label) is a totals row: it equals the sum of \(span.en); kept apart in \(where_)",
                                    vi: "dòng \(line) \(labelVi) là dòng tổng: bằng tổng \(span.vi); để riêng trong \(where_)"))
            } else {
                let shown = best!.diffs.prefix(3).map { c, written, sum in
                    "'\(table.columns[c].name)' by \(number(written - sum)) (\(number(written)) written, \(number(sum)) summed)"
                }.joined(separator: ", ")
                let shownVi = best!.diffs.prefix(3).map { c, written, sum in
                    "'\(table.columns[c].name)' lệch \(number(written - sum)) (ghi \(number(written)), cộng được \(number(sum)))"
                }.joined(separator: ", ")
                report.add(LoadNote(en: "line \(line) \(label) is a totals row but differs from the sum of \(span.en) in \(shown); kept apart in \(where_)",
                                    vi: "dòng \(line) \(labelVi) là dòng tổng nhưng khác tổng \(span.vi) ở \(shownVi); để riêng trong \(where_)"))
            }
            previousTotal = total.row
        }

        let totalsTable = try Table(name: "\(table.name)_totals", columns:
            [Column(name: "line", type: .integer, values: totals.map { .integer(Int64(rowLines[$0.row])) })]
            + table.columns.map { $0.gathering(ContiguousArray(totals.map { Int32($0.row) })) })
        let kept = ContiguousArray((0..<table.rowCount).lazy.filter { !totalRows.contains($0) }.map { Int32($0) })
        table = try table.gathering(.rows(kept))
        return totalsTable
    }

    /// Numeric columns whose totals are sums: not rates or percentages, not row numbers or codes.
    static func summedColumns(_ table: Table) -> [Int] {
        table.columns.indices.filter { c in
            let column = table.columns[c]
            guard column.type.isNumeric, !column.annotations.isPercentage else { return false }
            let name = TextFolding.fold(column.name)
            let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            let isRate = name.contains("ty le") || name.contains("%") || words.contains("rate") || words.contains("pct") || name.hasPrefix("ty_le")
            let isOrdinal = ["stt", "tt", "so tt", "ma", "code", "id", "nam", "year"].contains(name) || words.first == "ma"
            return !isRate && !isOrdinal
        }
    }

    /// The columns in which the total row's value differs from the sum of `rows` (exactly for whole
    /// numbers; within a millionth for decimals), with the written and summed values.
    static func differences(_ table: Table, totalRow: Int, rows: Range<Int>, columns: [Int], skipping: Set<Int> = []) -> [(Int, Double, Double)] {
        var result: [(Int, Double, Double)] = []
        for c in columns {
            let column = table.columns[c]
            guard let written = column.value(at: totalRow).number else { continue }
            var sum = 0.0
            for row in rows where !skipping.contains(row) { sum += column.value(at: row).number ?? 0 }
            let tolerance = column.type == .integer ? 0.5 : 1e-6 * max(1, abs(sum))
            if abs(written - sum) > tolerance { result.append((c, written, sum)) }
        }
        return result
    }

    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}
