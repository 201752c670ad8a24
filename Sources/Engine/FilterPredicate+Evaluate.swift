extension FilterPredicate {
    /// Sets `masks.own[i]` to 1 where the block's i-th row passes and to 0 where it fails or is missing, and
    /// adds to `alternativeCounts` the rows each alternative keeps. Uses `masks.inside` and
    /// `masks.anyAlternative` as scratch.
    @inline(__always)
    func evaluate<R: BlockRows>(_ rows: R, _ count: Int, _ masks: BlockMasks, _ alternativeCounts: UnsafeMutablePointer<Int>) {
        let own = masks.own
        // Presence first: every test below only clears bytes, so missing rows never pass.
        if let validity {
            for i in 0..<count { own[i] = validity.isPresent(rows.row(i)) ? 1 : 0 }
        } else {
            own.update(repeating: 1, count: count)
        }
        switch test {
        case .presence(let present):
            if !present { for i in 0..<count { own[i] ^= 1 } }
            alternativeCounts[0] += ones(own, count)
        case .integers(let buffer, let alternatives):
            switch buffer {
            case .int8(let v): v.withUnsafeBufferPointer { refineIntegers($0, alternatives, rows, count, masks, alternativeCounts) }
            case .int16(let v): v.withUnsafeBufferPointer { refineIntegers($0, alternatives, rows, count, masks, alternativeCounts) }
            case .int32(let v): v.withUnsafeBufferPointer { refineIntegers($0, alternatives, rows, count, masks, alternativeCounts) }
            case .int64(let v): v.withUnsafeBufferPointer { refineIntegers($0, alternatives, rows, count, masks, alternativeCounts) }
            }
        case .decimals(let values, let alternatives):
            values.withUnsafeBufferPointer { refineIntervals($0.baseAddress!, alternatives, rows, count, masks, alternativeCounts) }
        case .codes(let codes, let flags):
            andFlagged(codes, flags, rows, count, own)
            alternativeCounts[0] += ones(own, count)
        case .booleans(let values, let flags):
            andFlagged(values, flags, rows, count, own)
            alternativeCounts[0] += ones(own, count)
        }
    }
}

/// An integer test at the column's stored width `T`: each interval is clamped to what `T` can hold (an
/// interval beyond it holds no row), so the comparison runs on the narrow values and vectorises.
@inline(__always)
func refineIntegers<T: FixedWidthInteger & SignedInteger & IntervalBound, R: BlockRows>(
    _ values: UnsafeBufferPointer<T>, _ alternatives: [[ClosedRange<Int64>]], _ rows: R, _ count: Int,
    _ masks: BlockMasks, _ alternativeCounts: UnsafeMutablePointer<Int>
) {
    let narrow = alternatives.map { intervals in intervals.compactMap { $0.narrowed(to: T.self) } }
    refineIntervals(values.baseAddress!, narrow, rows, count, masks, alternativeCounts)
}

extension ClosedRange where Bound == Int64 {
    /// This range at the width `T`: clamped to what `T` can hold, or nil when `T` holds none of it.
    func narrowed<T: FixedWidthInteger & SignedInteger>(to _: T.Type) -> ClosedRange<T>? {
        guard lowerBound <= Int64(T.max), upperBound >= Int64(T.min) else { return nil }
        return T(Swift.max(lowerBound, Int64(T.min)))...T(Swift.min(upperBound, Int64(T.max)))
    }
}

/// `mask[i] &= flags[code]` for the block's rows: a text test, each dictionary code looked up in the flags
/// of the codes that pass (both the counting and the non-counting pass). One loop per width, written out:
/// a generic inner function passed to `withCodes` was left unspecialised (`perf` showed it generic).
@inline(__always)
func andFlagged<R: BlockRows>(_ codes: IntegerBuffer, _ flags: ContiguousArray<UInt8>, _ rows: R, _ count: Int,
                              _ mask: UnsafeMutablePointer<UInt8>) {
    flags.withUnsafeBufferPointer { f in
        switch codes {
        case .int8(let c): c.withUnsafeBufferPointer { c in for i in 0..<count { mask[i] &= f[Int(c[rows.row(i)])] } }
        case .int16(let c): c.withUnsafeBufferPointer { c in for i in 0..<count { mask[i] &= f[Int(c[rows.row(i)])] } }
        case .int32(let c): c.withUnsafeBufferPointer { c in for i in 0..<count { mask[i] &= f[Int(c[rows.row(i)])] } }
        case .int64(let c): c.withUnsafeBufferPointer { c in for i in 0..<count { mask[i] &= f[Int(c[rows.row(i)])] } }
        }
    }
}

/// `mask[i] &= flags[value]` for the block's rows: a boolean test (`flags[0]` for false, `flags[1]` for true).
@inline(__always)
func andFlagged<R: BlockRows>(_ values: ContiguousArray<Bool>, _ flags: ContiguousArray<UInt8>, _ rows: R, _ count: Int,
                              _ mask: UnsafeMutablePointer<UInt8>) {
    values.withUnsafeBufferPointer { v in
        for i in 0..<count { mask[i] &= flags[v[rows.row(i)] ? 1 : 0] }
    }
}

/// The interval test shared by integers and decimals: `own[i]` (presence on entry) stays 1 where the value
/// lies in an interval of some alternative. With one alternative its count is the predicate's; with several
/// (a list) each is counted over the present rows on its own and their union is kept.
@inline(__always)
func refineIntervals<T: IntervalBound, R: BlockRows>(
    _ x: UnsafePointer<T>, _ alternatives: [[ClosedRange<T>]], _ rows: R, _ count: Int,
    _ masks: BlockMasks, _ alternativeCounts: UnsafeMutablePointer<Int>
) {
    let own = masks.own, inside = masks.inside, any = masks.anyAlternative
    if alternatives.count == 1 {
        markInside(x, alternatives[0], rows, count, inside)
        for i in 0..<count { own[i] &= inside[i] }
        alternativeCounts[0] += ones(own, count)
        return
    }
    any.update(repeating: 0, count: count)
    for (a, intervals) in alternatives.enumerated() {
        markInside(x, intervals, rows, count, inside)
        var kept = 0
        for i in 0..<count {
            let passes = inside[i] & own[i]
            any[i] |= passes
            kept &+= Int(passes)
        }
        alternativeCounts[a] += kept
    }
    own.update(from: any, count: count)
}

/// `inside[i]` = 1 where the block's i-th value lies in one of `intervals`, else 0.
@inline(__always)
func markInside<T: IntervalBound, R: BlockRows>(
    _ x: UnsafePointer<T>, _ intervals: [ClosedRange<T>], _ rows: R, _ count: Int, _ inside: UnsafeMutablePointer<UInt8>
) {
    guard let first = intervals.first else {
        inside.update(repeating: 0, count: count)
        return
    }
    let lo = first.lowerBound, hi = first.upperBound
    // A one-sided test (`income<1500`, `members>=5`) makes one comparison a row, not two: on the lowest
    // or highest value of the type the other always holds (and a NaN fails either).
    if lo == T.lowest {
        for i in 0..<count { inside[i] = x[rows.row(i)] <= hi ? 1 : 0 }
    } else if hi == T.highest {
        for i in 0..<count { inside[i] = x[rows.row(i)] >= lo ? 1 : 0 }
    } else {
        // `&` rather than `&&`: both comparisons are made, so the loop has no branch to mispredict.
        for i in 0..<count {
            let v = x[rows.row(i)]
            inside[i] = UInt8(truncatingIfNeeded: (v >= lo ? 1 : 0) & (v <= hi ? 1 : 0))
        }
    }
    for interval in intervals.dropFirst() {
        let lo = interval.lowerBound, hi = interval.upperBound
        for i in 0..<count {
            let v = x[rows.row(i)]
            inside[i] |= UInt8(truncatingIfNeeded: (v >= lo ? 1 : 0) & (v <= hi ? 1 : 0))
        }
    }
}

/// The number of 1 bytes among the first `count` of a 0/1 mask, eight bytes at a time. A byte-by-byte sum
/// widens every byte to an integer and stays scalar (a third of a filter pass went there); here the words
/// are added lane by lane (a lane reaches at most 255, one per word, before the sum is folded), and the
/// folding adds the eight lanes in 16-bit pairs, so their total (at most 2,040) cannot carry out.
@inline(__always)
func ones(_ mask: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    let words = count / 8
    let raw = UnsafeRawPointer(mask)
    var n = 0
    var w = 0
    while w < words {
        let end = min(words, w + 255)
        var lanes: UInt64 = 0
        while w < end {
            lanes &+= raw.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self)
            w += 1
        }
        let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
        n += Int((pairs &* 0x0001_0001_0001_0001) >> 48)
    }
    for i in (words * 8)..<count { n &+= Int(mask[i]) }
    return n
}

/// A type whose intervals can be open on one side: its lowest and highest values.
protocol IntervalBound: Comparable {
    static var lowest: Self { get }
    static var highest: Self { get }
}

extension Double: IntervalBound {
    static var lowest: Double { -.infinity }
    static var highest: Double { .infinity }
}

extension FixedWidthInteger where Self: SignedInteger {
    static var lowest: Self { .min }
    static var highest: Self { .max }
}

extension Int8: IntervalBound {}
extension Int16: IntervalBound {}
extension Int32: IntervalBound {}
extension Int64: IntervalBound {}
