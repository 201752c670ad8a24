/// The decimal digits of an unsigned 128-bit integer held as two 64-bit halves.
///
/// Schoolbook long division by 10^19 (the largest power of ten below 2^64), one 64-bit half at a time with
/// `dividingFullWidth`, so no 128-bit integer type is needed.
enum DecimalDigits {
    private static let chunk: UInt64 = 10_000_000_000_000_000_000

    static func of(high: UInt64, low: UInt64) -> String {
        if high == 0 { return String(low) }
        var high = high, low = low
        var chunks: [UInt64] = []
        while high != 0 || low != 0 {
            let quotientHigh = high / chunk
            let (quotientLow, remainder) = chunk.dividingFullWidth((high: high % chunk, low: low))
            chunks.append(remainder)
            high = quotientHigh
            low = quotientLow
        }
        var text = String(chunks.removeLast())
        for part in chunks.reversed() {
            let digits = String(part)
            text += String(repeating: "0", count: 19 - digits.count) + digits
        }
        return text
    }
}
