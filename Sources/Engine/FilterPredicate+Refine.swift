extension FilterPredicate {
    /// Clears `running[i]` where the block's i-th row fails this predicate (or is missing), and counts
    /// nothing: the pass of a statement whose answer is not empty needs only the rows every predicate keeps.
    /// The common forms (one interval, a code or boolean lookup) are tested straight into `running`, one
    /// loop per predicate (and one over the validity bitmap when the column has one); the others (several
    /// alternatives, or several intervals or none, as `!=` makes) go through `evaluate` and are AND-ed after.
    @inline(__always)
    func refine<R: BlockRows>(_ rows: R, _ count: Int, _ masks: BlockMasks, _ scratchCounts: UnsafeMutablePointer<Int>) {
        let running = masks.running
        switch test {
        case .presence(let present):
            guard let validity else {
                if !present { running.update(repeating: 0, count: count) }
                return
            }
            for i in 0..<count { running[i] &= validity.isPresent(rows.row(i)) == present ? 1 : 0 }
            return
        case .integers(let buffer, let alternatives) where alternatives.count == 1 && alternatives[0].count == 1:
            let range = alternatives[0][0]
            switch buffer {
            case .int8(let v): v.withUnsafeBufferPointer { andInside($0, range, rows, count, running) }
            case .int16(let v): v.withUnsafeBufferPointer { andInside($0, range, rows, count, running) }
            case .int32(let v): v.withUnsafeBufferPointer { andInside($0, range, rows, count, running) }
            case .int64(let v): v.withUnsafeBufferPointer { andInside($0, range, rows, count, running) }
            }
        case .decimals(let values, let alternatives) where alternatives.count == 1 && alternatives[0].count == 1:
            values.withUnsafeBufferPointer { andInside($0.baseAddress!, alternatives[0][0], rows, count, running) }
        case .codes(let codes, let flags):
            andFlagged(codes, flags, rows, count, running)
        case .booleans(let values, let flags):
            andFlagged(values, flags, rows, count, running)
        default:
            // Several intervals or alternatives: the counting form, whose counts are dropped.
            evaluate(rows, count, masks, scratchCounts)
            let own = masks.own
            for i in 0..<count { running[i] &= own[i] }
            return
        }
        // A missing value's slot holds some value, which a test may accept: the bitmap has the last word.
        if let validity {
            for i in 0..<count { running[i] &= validity.isPresent(rows.row(i)) ? 1 : 0 }
        }
    }
}

/// An integer interval clamped to the column's width `T`; one beyond it keeps no row.
@inline(__always)
func andInside<T: FixedWidthInteger & SignedInteger & IntervalBound, R: BlockRows>(
    _ values: UnsafeBufferPointer<T>, _ range: ClosedRange<Int64>, _ rows: R, _ count: Int, _ running: UnsafeMutablePointer<UInt8>
) {
    guard let narrow = range.narrowed(to: T.self) else {
        running.update(repeating: 0, count: count)
        return
    }
    andInside(values.baseAddress!, narrow, rows, count, running)
}

/// `running[i] &= 1` where the block's i-th value lies in `interval`, else 0; one comparison a row for a
/// one-sided test, as in `markInside`.
@inline(__always)
func andInside<T: IntervalBound, R: BlockRows>(
    _ x: UnsafePointer<T>, _ interval: ClosedRange<T>, _ rows: R, _ count: Int, _ running: UnsafeMutablePointer<UInt8>
) {
    let lo = interval.lowerBound, hi = interval.upperBound
    if lo == T.lowest {
        for i in 0..<count { running[i] &= x[rows.row(i)] <= hi ? 1 : 0 }
    } else if hi == T.highest {
        for i in 0..<count { running[i] &= x[rows.row(i)] >= lo ? 1 : 0 }
    } else {
        for i in 0..<count {
            let v = x[rows.row(i)]
            running[i] &= UInt8(truncatingIfNeeded: (v >= lo ? 1 : 0) & (v <= hi ? 1 : 0))
        }
    }
}
