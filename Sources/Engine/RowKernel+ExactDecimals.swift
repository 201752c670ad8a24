extension RowKernel {
    /// `a op b` (`+`, `-` or `*`) computed on the decimals' scaled integers (`ExactDecimal`), so `3.40 - 2.70`
    /// is exactly `0.70`; the result records its places (the larger for + and -, the sum for *).
    /// - Returns: nil when either side is not known exactly or a row's result needs more than 15 digits: the
    ///   caller then computes every row with doubles, and the column it gives has no places.
    /// - Complexity: O(rows).
    static func exactArithmetic(_ op: ArithmeticOperator, _ a: NumberOperand, _ b: NumberOperand, rows: Int) -> Column? {
        guard let aPlaces = a.places, let bPlaces = b.places else { return nil }
        let places = op == .multiply ? aPlaces + bPlaces : max(aPlaces, bPlaces)
        guard places <= ExactDecimal.maximumPlaces else { return nil }
        let present = ValidityBitmap.both(a.validity, b.validity)
        var out = ContiguousArray<Double>(repeating: 0, count: rows)
        let exact = out.withUnsafeMutableBufferPointer { o in
            a.withValues(rows) { x in
                b.withValues(rows) { y in
                    for row in 0..<rows where present?.isPresent(row) ?? true {
                        guard let (value, _) = ExactDecimal.apply(op.rawValue, x(row), aPlaces, y(row), bPlaces) else { return false }
                        o[row] = value
                    }
                    return true
                }
            }
        }
        guard exact else { return nil }
        return Column(name: "", storage: .decimal(out), validity: present, annotations: ColumnAnnotations(decimalPlaces: places))
    }
}
