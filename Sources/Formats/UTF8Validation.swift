/// Finds the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlongs, no surrogates,
/// nothing above U+10FFFF). Returns nil when all of `range` is valid.
///
/// Windows-1258 and TCVN3 exports put Vietnamese letters in single bytes ≥ 0x80, which are never valid
/// UTF-8 on their own, so this catches them before they turn into mojibake.
/// - Complexity: O(n), eight ASCII bytes per step on the common path.
public func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
        if i + 8 <= end {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
        }
        let b0 = base[i]
        if b0 < 0x80 { i += 1; continue }
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return i
        }
        guard i + length <= end else { return i }
        let b1 = base[i + 1]
        guard b1 >= low && b1 <= high else { return i }
        for k in 2..<length where base[i + k] & 0xC0 != 0x80 { return i }
        i += length
    }
    return nil
}
