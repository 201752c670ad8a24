// SYNTHETIC DATA GENERATOR — the households it writes are invented, for benchmarks and tests only.
//
// Turns households into CSV bytes by hand. Ten million rows must be written in seconds, so the hot path
// copies precomputed label bytes and prints integers digit by digit into a caller-owned byte buffer:
// no String per field, no String(format:), no Foundation formatters.

/// The two CSV dialects the generator writes.
struct CSVDialect: Sendable {
    let separator: UInt8
    let decimalMark: UInt8

    /// RFC 4180 style: `,` between fields, `.` in decimals.
    static let standard = CSVDialect(separator: UInt8(ascii: ","), decimalMark: UInt8(ascii: "."))
    /// What Excel expects under a Vietnamese locale: `;` between fields, `,` in decimals.
    static let vietnameseExcel = CSVDialect(separator: UInt8(ascii: ";"), decimalMark: UInt8(ascii: ","))
}

/// Pre-encoded UTF-8 bytes of every province name and every synthetic district label, stored in one flat
/// array so copying a label is a single memcpy without reference counting.
struct LabelTable: Sendable {
    private let bytes: [UInt8]
    private let provinceRanges: [Range<Int>]
    /// districtRanges[districtStart[p] + d] is district `d` of province `p`.
    private let districtStart: [Int]
    private let districtRanges: [Range<Int>]
    /// The widest province name plus the widest district label, to size buffers.
    let maximumLabelBytes: Int

    /// District labels read `<province> – huyện 07`: numbered districts do not exist under a *huyện*, so
    /// the label cannot be mistaken for a real district name.
    init(provinces: [ProvinceBaseRate], model: HouseholdModel) {
        var bytes: [UInt8] = []
        var provinceRanges: [Range<Int>] = []
        var districtStart: [Int] = []
        var districtRanges: [Range<Int>] = []
        func append(_ text: String) -> Range<Int> {
            let start = bytes.count
            bytes.append(contentsOf: text.utf8)
            return start..<bytes.count
        }
        var widestProvince = 0, widestDistrict = 0
        for (index, province) in provinces.enumerated() {
            let range = append(province.name)
            provinceRanges.append(range)
            widestProvince = max(widestProvince, range.count)
            districtStart.append(districtRanges.count)
            for district in 1...model.provinces[index].districtCount {
                let number = district < 10 ? "0\(district)" : "\(district)"
                let range = append("\(province.name) – huyện \(number)")
                districtRanges.append(range)
                widestDistrict = max(widestDistrict, range.count)
            }
        }
        // Neither dialect quotes fields, so no label may contain a separator, a quote or a line break.
        for byte in bytes {
            precondition(![UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\""), 10, 13].contains(byte),
                         "a province or district label needs CSV quoting")
        }
        self.bytes = bytes
        self.provinceRanges = provinceRanges
        self.districtStart = districtStart
        self.districtRanges = districtRanges
        maximumLabelBytes = widestProvince + widestDistrict
    }

    @inline(__always)
    func appendProvince(_ index: Int, to writer: inout ByteWriter) {
        writer.append(bytes, provinceRanges[index])
    }

    @inline(__always)
    func appendDistrict(province: Int, district: Int, to writer: inout ByteWriter) {
        writer.append(bytes, districtRanges[districtStart[province] + district])
    }
}

/// Appends bytes to a fixed-capacity buffer owned by someone else. Capacity is checked once per block
/// (rows have a bounded width), not per byte.
struct ByteWriter {
    let base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0

    init(base: UnsafeMutablePointer<UInt8>) { self.base = base }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        base[count] = byte
        count &+= 1
    }

    @inline(__always)
    mutating func append(_ source: [UInt8], _ range: Range<Int>) {
        source.withUnsafeBufferPointer { buffer in
            (base + count).update(from: buffer.baseAddress! + range.lowerBound, count: range.count)
        }
        count &+= range.count
    }

    /// Decimal digits of a non-negative integer.
    @inline(__always)
    mutating func appendDecimal(_ value: Int) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var remaining = UInt(value)
        var length = 0
        withUnsafeMutableBytes(of: &digits) { scratch in
            repeat {
                let (quotient, digit) = remaining.quotientAndRemainder(dividingBy: 10)
                scratch[19 - length] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: digit)
                length &+= 1
                remaining = quotient
            } while remaining != 0
            (base + count).update(
                from: scratch.baseAddress!.assumingMemoryBound(to: UInt8.self) + (20 - length), count: length)
        }
        count &+= length
    }

    /// A number given in tenths, with exactly one decimal: 18345 → `1834.5` (or `1834,5`).
    @inline(__always)
    mutating func appendTenths(_ tenths: Int, decimalMark: UInt8) {
        let (whole, fraction) = tenths.quotientAndRemainder(dividingBy: 10)
        appendDecimal(whole)
        append(decimalMark)
        append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction))
    }

    @inline(__always)
    mutating func appendFlag(_ flag: Bool) {
        append(flag ? UInt8(ascii: "1") : UInt8(ascii: "0"))
    }
}

/// Formats whole rows in one dialect.
struct CSVRowFormatter: Sendable {
    static let columns = ["household_id", "province", "district", "year", "urban", "ethnic_minority",
                          "members", "income", "poor", "near_poor"]

    let dialect: CSVDialect
    let labels: LabelTable

    /// An upper bound on the bytes of one row: 20-digit id, both labels, 4-digit year, five flags,
    /// one-digit size, an income of at most 8 digits plus the decimal, 9 separators and the newline.
    var maximumRowBytes: Int { 20 + labels.maximumLabelBytes + 4 + 5 + 1 + 10 + 9 + 1 }

    func header() -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, column) in Self.columns.enumerated() {
            if index > 0 { bytes.append(dialect.separator) }
            bytes.append(contentsOf: column.utf8)
        }
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    @inline(__always)
    func append(id: Int, _ household: Household, to writer: inout ByteWriter) {
        let separator = dialect.separator
        writer.appendDecimal(id)
        writer.append(separator)
        labels.appendProvince(household.provinceIndex, to: &writer)
        writer.append(separator)
        labels.appendDistrict(province: household.provinceIndex, district: household.districtIndex, to: &writer)
        writer.append(separator)
        writer.appendDecimal(household.year)
        writer.append(separator)
        writer.appendFlag(household.urban)
        writer.append(separator)
        writer.appendFlag(household.ethnicMinority)
        writer.append(separator)
        writer.appendDecimal(household.members)
        writer.append(separator)
        writer.appendTenths(household.incomeTenths, decimalMark: dialect.decimalMark)
        writer.append(separator)
        writer.appendFlag(household.poor)
        writer.append(separator)
        writer.appendFlag(household.nearPoor)
        writer.append(UInt8(ascii: "\n"))
    }
}
