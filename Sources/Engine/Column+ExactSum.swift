extension Column {
    /// Sums per group of a column of exact decimals (`ColumnAnnotations.decimalPlaces`), added as scaled
    /// integers, so the sum of `0.10` ten times is `1.00`, not 0.9999999999999999.
    /// - Returns: the sums as the nearest doubles and which groups have a value, or nil when the column is
    ///   not exact or a sum needs more than 15 digits (the caller then adds doubles).
    /// - Complexity: O(rows).
    func exactDecimalSums(_ grouping: Grouping) throws -> (storage: ColumnStorage, present: ValidityBitmap)? {
        guard let places = annotations.decimalPlaces, case .decimal(let values) = storage else { return nil }
        var sums = ContiguousArray<Int64>(repeating: 0, count: grouping.groupCount)
        var seen = ContiguousArray<Bool>(repeating: false, count: grouping.groupCount)
        var exact = true
        try values.withUnsafeBufferPointer { v in
            try sums.withUnsafeMutableBufferPointer { s in
                try grouping.forEachPresentRow(validity) { group, row in
                    guard exact, let n = ExactDecimal.scaled(v[row], places: places) else { exact = false; return }
                    // Each term has at most 15 digits, so one addition cannot overflow before the check below.
                    s[group] += n
                    if s[group].magnitude > UInt64(ExactDecimal.largestScaled) { exact = false }
                    seen[group] = true
                }
            }
        }
        guard exact else { return nil }
        let doubles = ContiguousArray(sums.map { ExactDecimal.double($0, places: places) ?? 0 })
        return (.decimal(doubles), ValidityBitmap(Array(seen)))
    }
}
