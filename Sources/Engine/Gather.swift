extension Column {
    /// The cells at `rows`, in that order; a row index of -1 gives a missing cell (an unmatched outer-join row).
    /// - Complexity: O(rows.count).
    public func gathering(_ rows: ContiguousArray<Int32>) -> Column {
        let hasUnmatched = rows.contains(-1)
        if count == 0 {
            // Only unmatched rows can be asked of an empty column (a left join against nothing): all missing.
            precondition(rows.allSatisfy { $0 == -1 }, "row index out of range")
            let empty: [Value] = Array(repeating: .missing, count: rows.count)
            return Column(name: name, type: type, values: empty, annotations: annotations)
        }
        let safeRows = hasUnmatched ? ContiguousArray(rows.lazy.map { max($0, 0) }) : rows
        let gathered: ColumnStorage = safeRows.withUnsafeBufferPointer { r in
            switch storage {
            case .integer(let buffer): .integer(buffer.gathering(r))
            case .decimal(let values): .decimal(gather(values, r))
            case .boolean(let values): .boolean(gather(values, r))
            case .text(let text): .text(DictionaryText(codes: text.codes.gathering(r), dictionary: text.dictionary))
            }
        }
        var present: ValidityBitmap? = nil
        if validity != nil || hasUnmatched {
            present = ValidityBitmap(rows.lazy.map { $0 >= 0 && self.isPresent(Int($0)) })
        }
        return Column(name: name, storage: gathered, validity: present, annotations: annotations)
    }

    /// The selected cells, in selection order.
    public func gathering(_ selection: Selection) -> Column {
        if case .all(let n) = selection, n == count { return self }
        return gathering(selection.rowIndices)
    }
}

extension Table {
    /// The selected rows of every column (materialises a filter or sort result).
    /// - Throws: `Interrupted` on Ctrl-C, looked at before each column (one column of ten million rows is
    ///   gathered in tens of milliseconds).
    public func gathering(_ selection: Selection) throws -> Table {
        var gathered: [Column] = []
        for column in columns {
            try Interruption.checkpoint()
            gathered.append(column.gathering(selection))
        }
        // Columns of one table always have equal lengths, so this cannot fail.
        return try! Table(name: name, columns: gathered)
    }

    /// The first `n` rows.
    public func limited(to n: Int) -> Table {
        // A prefix is cheap to copy, and Ctrl-C has nothing to stop here.
        try! Table(name: name, columns: columns.map { $0.gathering(Selection.all(count: rowCount).prefix(n)) })
    }
}
