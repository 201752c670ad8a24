#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads numbers from field bytes once a column's convention is decided; no String is built on the common path.
enum NumberReader {
    /// A leading `+`, `-` or U+2212 minus: where the digits start and whether the number is negative.
    @inline(__always)
    static func sign(_ f: UnsafeBufferPointer<UInt8>) -> (start: Int, negative: Bool) {
        if let first = f.first, first == 0x2D || first == 0x2B { return (1, first == 0x2D) }
        if f.count > 3 && f[0] == 0xE2 && f[1] == 0x88 && f[2] == 0x92 { return (3, true) }
        return (0, false)
    }

    /// A whole number, skipping `thousands` marks, with an optional trailing `%`; nil beyond the Int64 range.
    @inline(__always)
    static func integer(_ f: UnsafeBufferPointer<UInt8>, thousands: UInt8?) -> Int64? {
        var (i, negative) = sign(f)
        let n = f.count
        // The magnitude, unsigned, so that -9223372036854775808 (whose magnitude no Int64 holds) reads too.
        var magnitude: UInt64 = 0
        let limit = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        var digits = 0
        while i < n {
            let b = f[i]
            if b >= 0x30 && b <= 0x39 {
                let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(UInt64(b &- 0x30))
                if o1 || o2 || a > limit { return nil }
                magnitude = a
                digits += 1
            } else if b != thousands {
                break
            }
            i += 1
        }
        while i < n && f[i] == 0x20 { i += 1 }
        if i < n && f[i] == 0x25 { i += 1 }
        guard i == n, digits > 0 else { return nil }
        // Wrapping: the magnitude 2^63 is Int64.min as a bit pattern, and its negation is itself.
        return negative ? 0 &- Int64(bitPattern: magnitude) : Int64(bitPattern: magnitude)
    }

    /// 10^0 … 10^22: every one is exact in a Double, which makes the fast path below correctly rounded.
    static let powersOfTen: [Double] = (0...22).map { e in (0..<e).reduce(1.0) { r, _ in r * 10 } }

    /// A decimal number with the given marks, an optional exponent and an optional trailing `%`.
    ///
    /// Up to 15 significant digits and a scale of at most 22 take Clinger's fast path (one exact division,
    /// correctly rounded); anything longer goes through the C library's `strtod`.
    @inline(__always)
    static func decimal(_ f: UnsafeBufferPointer<UInt8>, decimalMark: UInt8, thousands: UInt8?) -> Double? {
        var (i, negative) = sign(f)
        let n = f.count
        var mantissa: UInt64 = 0
        var significant = 0
        var scale = 0          // digits after the mark
        var seenMark = false
        var digits = 0
        var dropped = 0        // integer digits beyond 19 that did not fit the mantissa
        while i < n {
            let b = f[i]
            if b >= 0x30 && b <= 0x39 {
                digits += 1
                if significant < 19 {
                    if mantissa != 0 || b != 0x30 { significant += 1 }
                    mantissa = mantissa &* 10 &+ UInt64(b &- 0x30)
                    if seenMark { scale += 1 }
                } else if !seenMark {
                    dropped += 1
                }
            } else if b == decimalMark && !seenMark {
                seenMark = true
            } else if b != thousands || seenMark {
                break
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        var exponent = 0
        if i < n && (f[i] == 0x65 || f[i] == 0x45) {
            var j = i + 1, expNegative = false
            if j < n && (f[j] == 0x2D || f[j] == 0x2B) { expNegative = f[j] == 0x2D; j += 1 }
            let start = j
            // Every digit is read (the classifier accepted them all); the value saturates, strtod gives 0 or inf.
            while j < n && f[j] >= 0x30 && f[j] <= 0x39 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(f[j] &- 0x30) }
                j += 1
            }
            guard j > start else { return nil }
            if expNegative { exponent = -exponent }
            i = j
        }
        while i < n && f[i] == 0x20 { i += 1 }
        if i < n && f[i] == 0x25 { i += 1 }
        guard i == n else { return nil }
        let power = exponent - scale + dropped
        var value: Double
        if significant <= 15 && power >= -22 && power <= 22 {
            value = Double(mantissa)
            value = power < 0 ? value / powersOfTen[-power] : value * powersOfTen[power]
        } else {
            value = slowDecimal(f, decimalMark: decimalMark, thousands: thousands)
        }
        return negative ? -abs(value) : value
    }

    /// The exact path: the number rewritten in C syntax and read by `strtod`.
    static func slowDecimal(_ f: UnsafeBufferPointer<UInt8>, decimalMark: UInt8, thousands: UInt8?) -> Double {
        var text: [CChar] = []
        for b in f {
            if b == thousands && b != decimalMark { continue }
            if b == 0x25 || b == 0x20 { continue }
            if b >= 0x80 { continue }  // U+2212 minus: sign handled by the caller
            text.append(CChar(bitPattern: b == decimalMark ? 0x2E : b))
        }
        text.append(0)
        return abs(strtod(text, nil))
    }
}
