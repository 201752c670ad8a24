/// One buffer of a record batch: a range of the message body, read little-endian.
///
/// Its bounds are checked once against the body when the batch is read (`ArrowStreamDecoder`) and against the
/// row count by `require(bytes:for:)`, so the per-value loads need no check of their own.
struct ArrowBuffer {
    let bytes: [UInt8]
    let start: Int
    let count: Int

    /// - Throws: `ArrowFormatError` when the buffer holds fewer than `needed` bytes.
    func require(bytes needed: Int, for column: String) throws {
        guard needed <= count else {
            throw ArrowFormatError("column '\(column)': a buffer holds \(count) bytes where \(needed) are needed")
        }
    }

    @inline(__always)
    func load<T: FixedWidthInteger>(_: T.Type, _ index: Int) -> T {
        bytes.withUnsafeBytes {
            T(littleEndian: $0.loadUnaligned(fromByteOffset: start + index * MemoryLayout<T>.size, as: T.self))
        }
    }

    func int32(_ index: Int) -> Int32 { load(Int32.self, index) }
    func int64(_ index: Int) -> Int64 { load(Int64.self, index) }
    func float(_ index: Int) -> Float { Float(bitPattern: load(UInt32.self, index)) }
    func double(_ index: Int) -> Double { Double(bitPattern: load(UInt64.self, index)) }

    /// Bit `index`, least significant bit first (Arrow's bitmaps and booleans).
    @inline(__always)
    func bit(_ index: Int) -> Bool {
        bytes[start + (index >> 3)] & (1 << UInt8(index & 7)) != 0
    }

    /// A decimal128 value (a 128-bit two's complement integer, little-endian, times 10^-scale) as the nearest
    /// Double: its exact decimal text goes through Swift's parser, which rounds correctly, so a value reads
    /// as pyarrow or Python's `float(Decimal)` reads it.
    func decimal128(_ index: Int, scale: Int) -> Double {
        let low = load(UInt64.self, 2 * index)
        let high = load(UInt64.self, 2 * index + 1)
        let negative = high >> 63 == 1
        // The magnitude, negated in two's complement when the value is negative.
        var magnitudeHigh = negative ? ~high : high
        var magnitudeLow = negative ? ~low : low
        if negative {
            let (sum, carry) = magnitudeLow.addingReportingOverflow(1)
            magnitudeLow = sum
            if carry { magnitudeHigh &+= 1 }
        }
        let digits = DecimalDigits.of(high: magnitudeHigh, low: magnitudeLow)
        return Double("\(negative ? "-" : "")\(digits)e\(-scale)")!
    }

    /// The UTF-8 text in `range` (relative to the buffer), or nil when it is not valid UTF-8.
    func text(_ range: Range<Int>) -> String? {
        String(validating: bytes[start + range.lowerBound..<start + range.upperBound], as: UTF8.self)
    }
}
