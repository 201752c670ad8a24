import Engine

/// What an export leaves around its data that is not data: columns with no header and no value (Excel's
/// used range runs past the table), rows with every cell empty. Each is dropped with a note.
enum TableCleanup {
    /// Drops the columns whose header cell was empty and that hold no value at all.
    static func dropEmptyColumns(_ table: inout Table, unnamed: Set<Int>, report: inout LoadReport) throws {
        guard !unnamed.isEmpty, table.rowCount > 0 || unnamed.count < table.columns.count else { return }
        let empty = unnamed.filter { table.columns[$0].missingCount == table.rowCount }.sorted()
        guard !empty.isEmpty, empty.count < table.columns.count else { return }
        let kept = table.columns.enumerated().filter { !empty.contains($0.offset) }.map(\.element)
        table = try Table(name: table.name, columns: kept)
        let list = empty.map { String($0 + 1) }.joined(separator: ", ")
        let n = empty.count
        report.add(LoadNote(en: "\(n) empty column\(n == 1 ? "" : "s") without a name dropped (column\(n == 1 ? "" : "s") \(list))",
                            vi: "đã bỏ \(n) cột trống không có tên (cột \(list))"))
    }

    /// The rows in which every cell is missing, at most `limit` of them. A column with no missing value
    /// proves that no row is empty; in a one-column file an empty line is a missing value, not an empty row.
    static func emptyRows(_ table: Table, limit: Int = .max) -> [Int] {
        guard table.rowCount > 0, table.columns.count > 1, table.columns.allSatisfy({ $0.validity != nil }) else { return [] }
        let bitmaps = table.columns.map { $0.validity! }
        var rows: [Int] = []
        for w in 0..<bitmaps[0].words.count {
            var anyPresent: UInt64 = 0
            for bitmap in bitmaps { anyPresent |= bitmap.words[w] }
            var missingEverywhere = ~anyPresent
            while missingEverywhere != 0 {
                let row = w * 64 + missingEverywhere.trailingZeroBitCount
                missingEverywhere &= missingEverywhere &- 1
                guard row < table.rowCount else { break }
                rows.append(row)
                if rows.count >= limit { return rows }
            }
        }
        return rows
    }

    /// Whether some row has every cell missing.
    static func hasEmptyRow(_ table: Table) -> Bool { !emptyRows(table, limit: 1).isEmpty }

    /// Drops the rows in which every cell is missing (a line of separators only).
    static func dropEmptyRows(_ table: inout Table, report: inout LoadReport) throws {
        let emptyRows = emptyRows(table)
        guard !emptyRows.isEmpty else { return }
        let empty = Set(emptyRows)
        let kept = ContiguousArray((0..<table.rowCount).lazy.filter { !empty.contains($0) }.map { Int32($0) })
        table = try table.gathering(.rows(kept))
        let n = emptyRows.count
        report.add(LoadNote(en: "\(n) row\(n == 1 ? "" : "s") with every cell empty dropped", vi: "đã bỏ \(n) dòng mà mọi ô đều trống"))
    }
}
