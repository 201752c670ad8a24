#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one field looks like, decided from its bytes alone: missing, boolean, a number written in some
/// convention, or text. A column's type is decided later from the shapes of all its fields.
struct FieldShape {
    enum Kind { case missing, boolean, number, text }
    var kind: Kind
    /// For numbers: which separators the field proves or leaves open.
    var separators: SeparatorEvidence = []
    var percent = false
    /// A whole number written with a leading zero (`01`, `08123`): a code, not a quantity.
    var leadingZero = false
    /// The digits read as one integer, ignoring separators (meaningful when separators are thousands).
    var digitsValue: Int64 = 0
    /// More digits than an Int64 holds, or an exponent: only a decimal can hold it.
    var needsDecimal = false
    /// A whole number beyond the Int64 range (±9223372036854775807, and -9223372036854775808): it can only be
    /// a decimal, and not an exact one, which the load report says.
    var beyondInteger = false
    /// Beyond the range of a decimal (about ±1.8e308): it would read as infinity, so the load is refused.
    var beyondDecimal = false
    /// A whole number of 1000 or more written without any separator.
    var ungroupedThousands = false
    /// Digits after a mark that can only be the decimal mark (`6,8` has 1); 0 otherwise (an ambiguous
    /// `1.234` is counted when the column's mark is decided).
    var fractionDigits = 0
}

/// Evidence a single number gives about the column's separators.
struct SeparatorEvidence: OptionSet {
    let rawValue: UInt16
    static let dotDecimal = SeparatorEvidence(rawValue: 1)       // 6.8, 0.123, 1,234.5
    static let commaDecimal = SeparatorEvidence(rawValue: 2)     // 6,8, 0,123, 1.234,5
    static let dotThousands = SeparatorEvidence(rawValue: 4)     // 1.234.567, 1.234,5
    static let commaThousands = SeparatorEvidence(rawValue: 8)   // 1,234,567, 1,234.5
    static let dotAmbiguous = SeparatorEvidence(rawValue: 16)    // 1.234: thousands dot or decimal point
    static let commaAmbiguous = SeparatorEvidence(rawValue: 32)  // 1,234: thousands comma or decimal comma
}

enum FieldClassifier {
    static let dot: UInt8 = 0x2E, comma: UInt8 = 0x2C, percent: UInt8 = 0x25, space: UInt8 = 0x20

    /// A byte that cannot begin a number, a boolean's digits or a missing marker (`NA` and `N/A` begin with N).
    @inline(__always)
    static func startsWord(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A && b != 0x4E) || (b >= 0x61 && b <= 0x7A && b != 0x6E) || (b >= 0xC3 && b != 0xE2)
    }

    /// The field with leading and trailing spaces and tabs removed.
    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = bytes.count
        while start < end && (bytes[start] == space || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == space || bytes[end - 1] == 0x09) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Markers that mean "no value" in statistical exports: empty, `..`, `-`, `–`, `—`, `NA`, `N/A`.
    @inline(__always)
    static func isMissingMarker(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
        switch f.count {
        case 0: return true
        case 1: return f[0] == 0x2D
        case 2: return (f[0] == dot && f[1] == dot) || ((f[0] | 0x20) == 0x6E && (f[1] | 0x20) == 0x61)
        case 3:
            if f[0] == 0xE2 && f[1] == 0x80 && (f[2] == 0x93 || f[2] == 0x94) { return true }  // – —
            return (f[0] | 0x20) == 0x6E && f[1] == 0x2F && (f[2] | 0x20) == 0x61
        default: return false
        }
    }

    /// true/false, yes/no (any case) and the Vietnamese có/không, đúng/sai.
    static func booleanValue(_ f: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard f.count >= 2, f.count <= 6 else { return nil }
        for (word, value) in booleanWords where word.count == f.count {
            var same = true
            for k in 0..<word.count {
                let b = f[k]
                // ASCII letters compare without case; the Vietnamese words are listed in each case used.
                if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != word[k] { same = false; break }
            }
            if same { return value }
        }
        return nil
    }

    static let booleanWords: [([UInt8], Bool)] = [
        ("true", true), ("yes", true), ("có", true), ("Có", true), ("đúng", true), ("Đúng", true),
        ("false", false), ("no", false), ("không", false), ("Không", false), ("sai", false),
    ].map { (Array($0.0.utf8), $0.1) }

    /// Classifies one (unquoted, unescaped) field.
    static func classify(_ raw: UnsafeBufferPointer<UInt8>) -> FieldShape {
        let f = trimmed(raw)
        if isMissingMarker(f) { return FieldShape(kind: .missing) }
        if let b = f.first, (b < 0x30 || b > 0x39), b != 0x2D, b != 0x2B, b != 0xE2, b != dot, b != comma {
            return booleanValue(f) != nil ? FieldShape(kind: .boolean) : FieldShape(kind: .text)
        }
        return classifyNumber(f) ?? FieldShape(kind: booleanValue(f) != nil ? .boolean : .text)
    }

    /// Whether a number whose value is 0.D × 10^`scale` reads as infinity, D being its digits from the first
    /// that is not a leading zero of the whole part (separators skipped).
    /// - Complexity: reads at most the first 400 digits, so a field of ten million digits costs no more.
    static func overflowsDouble(_ f: UnsafeBufferPointer<UInt8>, scale: Int) -> Bool {
        if scale >= 310 { return true }  // at least 10^309, above the largest double (1.797…e308)
        if scale < 309 { return false }
        var text: [CChar] = [0x30, 0x2E]  // "0."
        var sawSeparator = false
        for b in f {
            if b == dot || b == comma { sawSeparator = true; continue }
            guard b >= 0x30 && b <= 0x39 else { if b == 0x65 || b == 0x45 { break } else { continue } }
            if text.count == 2 && b == 0x30 && !sawSeparator { continue }
            text.append(CChar(bitPattern: b))
            if text.count >= 402 { break }
        }
        text += Array("e\(scale)".utf8).map { CChar(bitPattern: $0) } + [0]
        return strtod(text, nil).isInfinite
    }

    /// Reads `[sign] digits {sep digits} [e[sign]digits] [spaces] [%]`, or nil when the field is not a number.
    /// Allocates nothing: it runs once per field of every numeric column.
    static func classifyNumber(_ f: UnsafeBufferPointer<UInt8>) -> FieldShape? {
        var i = 0
        let n = f.count
        var negative = false
        if i < n && (f[i] == 0x2D || f[i] == 0x2B) {
            negative = f[i] == 0x2D
            i += 1
        } else if i + 2 < n && f[i] == 0xE2 && f[i + 1] == 0x88 && f[i + 2] == 0x92 {  // U+2212 minus sign
            negative = true
            i += 3
        }
        var runs = SeparatorRuns()
        var digits = 0
        // The magnitude, unsigned: -9223372036854775808 is an Int64 though 9223372036854775808 is not.
        var magnitude: UInt64 = 0
        var overflow = false
        var firstDigit: UInt8 = 0
        // Whole digits without leading zeros, and those before the last separator (which may be the decimal
        // mark): the size of the number, for the check against the range of a decimal.
        var leadingDigits = 0, digitsBeforeLastSeparator = 0
        while i < n {
            let b = f[i]
            if b >= 0x30 && b <= 0x39 {
                if digits == 0 { firstDigit = b }
                digits += 1
                if leadingDigits > 0 || b != 0x30 { leadingDigits += 1 }
                runs.digit()
                let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(UInt64(b &- 0x30))
                overflow = overflow || o1 || o2
                magnitude = a
            } else if b == dot || b == comma {
                digitsBeforeLastSeparator = leadingDigits
                runs.separator(b)
            } else {
                break
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        var shape = FieldShape(kind: .number)
        var exponent = 0
        // Exponent: only with a decimal point, never with commas.
        if i < n && (f[i] == 0x65 || f[i] == 0x45) {
            var j = i + 1
            if j < n && (f[j] == 0x2D || f[j] == 0x2B) { j += 1 }
            let exponentStart = j
            exponent = 0
            while j < n && f[j] >= 0x30 && f[j] <= 0x39 { exponent = min(exponent * 10 + Int(f[j] &- 0x30), 10_000); j += 1 }
            guard j > exponentStart, !runs.sawComma, runs.count <= 1 else { return nil }
            if f[exponentStart - 1] == 0x2D { exponent = -exponent }
            shape.needsDecimal = true
            i = j
        }
        let hasExponent = shape.needsDecimal
        while i < n && f[i] == space { i += 1 }
        if i < n && f[i] == percent {
            shape.percent = true
            i += 1
        }
        guard i == n else { return nil }
        if runs.count == 0 {
            shape.leadingZero = digits > 1 && firstDigit == 0x30
            shape.ungroupedThousands = digits >= 4
        } else if let evidence = runs.evidence(integerPartIsZero: runs.firstGroup == 1 && firstDigit == 0x30) {
            // With an exponent (`1.234e3`) the dot can only be a decimal point, never a thousands dot.
            shape.separators = hasExponent ? .dotDecimal : evidence
            if evidence.contains(.dotDecimal) || evidence.contains(.commaDecimal) { shape.fractionDigits = runs.run }
        } else {
            return nil
        }
        let limit = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        let tooLarge = overflow || magnitude > limit
        // Two's complement: the magnitude 2^63 of -9223372036854775808 is Int64.min, which the profile's
        // wrapping negation leaves as it is.
        shape.digitsValue = Int64(bitPattern: magnitude)
        shape.needsDecimal = shape.needsDecimal || tooLarge
        // Thousands groups only (`1.234.567`) make every digit part of the whole number.
        let thousandsOnly = shape.separators == .dotThousands || shape.separators == .commaThousands
        shape.beyondInteger = tooLarge && !hasExponent && (runs.count == 0 || thousandsOnly)
        let wholeDigits = runs.count == 0 || thousandsOnly ? leadingDigits : digitsBeforeLastSeparator
        shape.beyondDecimal = FieldClassifier.overflowsDouble(f, scale: wholeDigits + exponent)
        return shape
    }
}

/// The separators of one number and the digit groups between them, tracked without allocating.
struct SeparatorRuns {
    var count = 0
    var first: UInt8 = 0
    var last: UInt8 = 0
    var firstGroup = 0
    var run = 0
    /// Every group strictly between two separators has three digits.
    var middleGroupsAreThousands = true
    /// Every separator but the last equals the first.
    var leadingSeparatorsAgree = true
    var emptyGroup = false
    var sawComma = false

    @inline(__always) mutating func digit() { run += 1 }

    @inline(__always) mutating func separator(_ b: UInt8) {
        if count == 0 {
            first = b
            firstGroup = run
        } else {
            if run != 3 { middleGroupsAreThousands = false }
            if run == 0 { emptyGroup = true }
            if last != first { leadingSeparatorsAgree = false }
        }
        sawComma = sawComma || b == FieldClassifier.comma
        last = b
        count += 1
        run = 0
    }

    /// What the separators prove, or nil when no convention reads the number (`1.2.3`, `12,34,5`, `5.`).
    func evidence(integerPartIsZero: Bool) -> SeparatorEvidence? {
        let dot = FieldClassifier.dot
        let lastGroup = run
        guard lastGroup > 0, !emptyGroup else { return nil }
        if count == 1 {
            // `.5` and `0.123` cannot hold a thousands group; `1.234` can be either; `6.8` and `1234.5` are decimals.
            if firstGroup >= 1 && firstGroup <= 3 && lastGroup == 3 && !integerPartIsZero {
                return first == dot ? .dotAmbiguous : .commaAmbiguous
            }
            return first == dot ? .dotDecimal : .commaDecimal
        }
        // Several separators: the first ones group thousands.
        guard firstGroup >= 1 && firstGroup <= 3, middleGroupsAreThousands, leadingSeparatorsAgree else { return nil }
        if last == first {
            guard lastGroup == 3 else { return nil }
            return first == dot ? .dotThousands : .commaThousands
        }
        // `1.234,5` or `1,234.5`: the other kind, once and last, is the decimal mark.
        return first == dot ? [.dotThousands, .commaDecimal] : [.commaThousands, .dotDecimal]
    }
}
