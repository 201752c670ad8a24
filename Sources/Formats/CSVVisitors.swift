import Engine

/// Collects the header's field names.
struct HeaderCollector: CSVFieldVisitor {
    var names: [String] = []
    mutating func field(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, hasEscapedQuotes: Bool) {
        names.append(CSVText.string(bytes, hasEscapedQuotes: hasEscapedQuotes))
    }
    mutating func endRecord(fieldCount: Int) {}
}

/// First pass: the shape of every field, summed per column.
///
/// The profiles sit in a buffer of its own (freed by `finish`), so the per-field update is a plain store
/// with no copy-on-write check.
struct ProfileCollector: CSVFieldVisitor {
    private let profiles: UnsafeMutableBufferPointer<ColumnProfile>
    private let progress = LoadProgress.current
    private var records = 0

    init(columnCount: Int) {
        profiles = .allocate(capacity: columnCount)
        _ = profiles.initialize(from: repeatElement(ColumnProfile(), count: columnCount))
    }

    /// The profiles, after which the collector must not be used.
    func finish() -> [ColumnProfile] {
        let result = Array(profiles)
        profiles.deinitialize()
        profiles.deallocate()
        return result
    }

    @inline(__always)
    mutating func field(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, hasEscapedQuotes: Bool) {
        ProfileCollector.add(bytes, hasEscapedQuotes: hasEscapedQuotes, to: &profiles[index])
    }

    @inline(__always)
    mutating func endRecord(fieldCount: Int) {
        records &+= 1
        if records & (LoadProgress.rowsPerReport - 1) == 0 { progress?.profiled(LoadProgress.rowsPerReport) }
    }

    /// A block, a column at a time: the column's profile is held in a local for all the block's rows, and
    /// the same tests run down the column, taking the same branches row after row.
    mutating func records(_ block: CSVRecordBlock) {
        for column in 0..<block.width {
            var profile = profiles[column]
            for row in 0..<block.count {
                ProfileCollector.add(block.field(row, column), hasEscapedQuotes: false, to: &profile)
            }
            profiles[column] = profile
        }
        let before = records
        records &+= block.count
        let reports = records / LoadProgress.rowsPerReport - before / LoadProgress.rowsPerReport
        if reports > 0 { progress?.profiled(reports * LoadProgress.rowsPerReport) }
    }

    /// The shape of one field, summed into its column's profile.
    @inline(__always)
    static func add(_ bytes: UnsafeBufferPointer<UInt8>, hasEscapedQuotes: Bool, to profile: inout ColumnProfile) {
        // Most fields of a numeric column are plain digits: classify them without the general reader.
        if let value = FastDigits.value(bytes) {
            profile.addPlainInteger(value, digits: bytes.count, leadingZero: bytes.count > 1 && bytes[0] == 0x30)
            return
        }
        // Once a column holds text it stays text: a field that starts with a letter is only counted.
        if profile.texts > 0, let first = bytes.first, FieldClassifier.startsWord(first) {
            profile.present += 1
            profile.texts += 1
            return
        }
        // `1834.5` or `6,8`: digits, one mark, digits — the usual decimal, classified without the general reader.
        if let (evidence, digits, fractionDigits) = FastDecimal.evidence(bytes) {
            profile.addPlainDecimal(evidence, digits: digits, fractionDigits: fractionDigits)
            return
        }
        let trimmed = FieldClassifier.trimmed(bytes)
        let shape = hasEscapedQuotes ? FieldShape(kind: .text) : FieldClassifier.classify(trimmed)
        let negative = trimmed.first == 0x2D || trimmed.first == 0xE2
        profile.add(shape, negative: negative, raw: bytes)
    }
}

/// Where the second pass writes one column: preallocated buffers covering every row of the table.
struct ColumnSink {
    enum Values {
        case int8(UnsafeMutableBufferPointer<Int8>)
        case int16(UnsafeMutableBufferPointer<Int16>)
        case int32(UnsafeMutableBufferPointer<Int32>)
        case int64(UnsafeMutableBufferPointer<Int64>)
        case decimal(UnsafeMutableBufferPointer<Double>)
        case boolean(UnsafeMutableBufferPointer<Bool>)
        /// Chunk-local dictionary codes, remapped to the merged dictionary afterwards.
        case text(UnsafeMutableBufferPointer<Int32>)
    }
    var values: Values
    /// One byte per row when the column has missing values (packed into a bitmap at the end).
    var present: UnsafeMutableBufferPointer<Bool>?
    let plan: ColumnPlan

    init(values: Values, plan: ColumnPlan, rows: Int) {
        self.values = values
        self.plan = plan
        present = plan.hasMissing ? .allocateZeroed(rows, value: true) : nil
    }

    /// Frees the presence bytes (the values belong to the column arrays).
    func freePresence() {
        present?.baseAddress?.deallocate()
    }
}

/// Second pass: parses every field with its column's plan and writes it at its row.
///
/// The per-column facts live in flat arrays read through unsafe buffers, so the per-field path does no
/// reference counting and no enum copying: it runs once for each of tens of millions of fields.
struct ColumnFiller: CSVFieldVisitor {
    enum Kind: UInt8 { case int8, int16, int32, int64, decimal, boolean, text }

    private let kinds: [Kind]
    private let values: [UnsafeMutableRawPointer]
    private let present: [UnsafeMutablePointer<Bool>?]
    private let thousands: [UInt8]
    private let decimalMarks: [UInt8]
    var interners: [TextInterner]
    var row: Int
    private let progress = LoadProgress.current
    /// The first field that did not read as its column's type (never expected: the first pass saw every field).
    var mismatch: (row: Int, column: Int)?
    private var scratch: [UInt8] = []

    init(sinks: [ColumnSink], firstRow: Int) {
        var kinds: [Kind] = [], values: [UnsafeMutableRawPointer] = [], present: [UnsafeMutablePointer<Bool>?] = []
        for sink in sinks {
            switch sink.values {
            case .int8(let v): kinds.append(.int8); values.append(UnsafeMutableRawPointer(v.baseAddress!))
            case .int16(let v): kinds.append(.int16); values.append(UnsafeMutableRawPointer(v.baseAddress!))
            case .int32(let v): kinds.append(.int32); values.append(UnsafeMutableRawPointer(v.baseAddress!))
            case .int64(let v): kinds.append(.int64); values.append(UnsafeMutableRawPointer(v.baseAddress!))
            case .decimal(let v): kinds.append(.decimal); values.append(UnsafeMutableRawPointer(v.baseAddress!))
            case .boolean(let v): kinds.append(.boolean); values.append(UnsafeMutableRawPointer(v.baseAddress!))
            case .text(let v): kinds.append(.text); values.append(UnsafeMutableRawPointer(v.baseAddress!))
            }
            present.append(sink.present?.baseAddress)
        }
        self.kinds = kinds
        self.values = values
        self.present = present
        // 0 never occurs in a number, so it stands for "no mark".
        thousands = sinks.map { $0.plan.thousandsMark ?? 0 }
        decimalMarks = sinks.map { $0.plan.decimalMark ?? FieldClassifier.dot }
        interners = sinks.map { _ in TextInterner() }
        row = firstRow
    }

    @inline(__always)
    mutating func field(_ index: Int, _ raw: UnsafeBufferPointer<UInt8>, quoted: Bool, hasEscapedQuotes: Bool) {
        fill(index, row, raw, hasEscapedQuotes: hasEscapedQuotes)
    }

    /// One field, parsed with its column's plan and written at `row`.
    @inline(__always)
    private mutating func fill(_ index: Int, _ row: Int, _ raw: UnsafeBufferPointer<UInt8>, hasEscapedQuotes: Bool) {
        let kind = kinds.withUnsafeBufferPointer { $0[index] }
        let target = values.withUnsafeBufferPointer { $0[index] }
        if kind == .text {
            // Text keeps its spaces; only the missing markers (checked trimmed) mean "no value".
            if !hasEscapedQuotes && FieldClassifier.isMissingMarker(FieldClassifier.trimmed(raw)) {
                markMissing(index, row)
                return
            }
            let codes = target.assumingMemoryBound(to: Int32.self)
            if hasEscapedQuotes {
                scratch = CSVText.unescaped(raw)
                codes[row] = scratch.withUnsafeBufferPointer { interners[index].code(for: $0) }
            } else if let known = interners.withUnsafeBufferPointer({ $0[index].existingCode(for: raw) }) {
                codes[row] = known
            } else {
                codes[row] = interners[index].code(for: raw)
            }
            return
        }
        // Plain digits: the common case of every integer column.
        if kind.rawValue <= Kind.int64.rawValue, let value = FastDigits.value(raw) {
            store(value, kind, target, row)
            return
        }
        let f = FieldClassifier.trimmed(raw)
        if FieldClassifier.isMissingMarker(f) {
            markMissing(index, row)
            return
        }
        let thousandsMark = thousands.withUnsafeBufferPointer { $0[index] }
        if kind == .decimal, let x = FastDecimal.value(raw, decimalMark: decimalMarks.withUnsafeBufferPointer { $0[index] }) {
            target.assumingMemoryBound(to: Double.self)[row] = x
            return
        }
        switch kind {
        case .decimal:
            let mark = decimalMarks.withUnsafeBufferPointer { $0[index] }
            if let x = NumberReader.decimal(f, decimalMark: mark, thousands: thousandsMark == 0 ? nil : thousandsMark) {
                target.assumingMemoryBound(to: Double.self)[row] = x
                return
            }
        case .boolean:
            if let x = FieldClassifier.booleanValue(f) {
                target.assumingMemoryBound(to: Bool.self)[row] = x
                return
            }
        case .text:
            return
        default:
            if let x = NumberReader.integer(f, thousands: thousandsMark == 0 ? nil : thousandsMark) {
                store(x, kind, target, row)
                return
            }
        }
        // The earliest row: a block is filled a column at a time, so a later column may report an earlier row.
        if mismatch.map({ row < $0.row }) ?? true { mismatch = (row, index) }
    }

    @inline(__always)
    private func store(_ value: Int64, _ kind: Kind, _ target: UnsafeMutableRawPointer, _ row: Int) {
        switch kind {
        case .int8: target.assumingMemoryBound(to: Int8.self)[row] = Int8(truncatingIfNeeded: value)
        case .int16: target.assumingMemoryBound(to: Int16.self)[row] = Int16(truncatingIfNeeded: value)
        case .int32: target.assumingMemoryBound(to: Int32.self)[row] = Int32(truncatingIfNeeded: value)
        default: target.assumingMemoryBound(to: Int64.self)[row] = value
        }
    }

    /// A missing cell: its presence byte is cleared and its slot set to zero (every slot is written once).
    @inline(__always)
    private func markMissing(_ index: Int, _ row: Int) {
        present.withUnsafeBufferPointer { $0[index] }?[row] = false
        let target = values.withUnsafeBufferPointer { $0[index] }
        switch kinds.withUnsafeBufferPointer({ $0[index] }) {
        case .int8: target.assumingMemoryBound(to: Int8.self)[row] = 0
        case .int16: target.assumingMemoryBound(to: Int16.self)[row] = 0
        case .int32, .text: target.assumingMemoryBound(to: Int32.self)[row] = 0
        case .int64: target.assumingMemoryBound(to: Int64.self)[row] = 0
        case .decimal: target.assumingMemoryBound(to: Double.self)[row] = 0
        case .boolean: target.assumingMemoryBound(to: Bool.self)[row] = false
        }
    }

    @inline(__always)
    mutating func endRecord(fieldCount: Int) {
        row += 1
        if row & (LoadProgress.rowsPerReport - 1) == 0 { progress?.parsed(LoadProgress.rowsPerReport) }
    }

    /// A block, a column at a time: each column's kind is decided once, and the loop down the column parses
    /// its usual form (plain digits, a plain decimal, a known text) inline, leaving anything else to `fill`.
    mutating func records(_ block: CSVRecordBlock) {
        let firstRow = row, rows = block.count
        for column in 0..<block.width {
            let target = values.withUnsafeBufferPointer { $0[column] }
            switch kinds.withUnsafeBufferPointer({ $0[column] }) {
            case .int8: fillIntegers(column, block, firstRow, target.assumingMemoryBound(to: Int8.self))
            case .int16: fillIntegers(column, block, firstRow, target.assumingMemoryBound(to: Int16.self))
            case .int32: fillIntegers(column, block, firstRow, target.assumingMemoryBound(to: Int32.self))
            case .int64: fillIntegers(column, block, firstRow, target.assumingMemoryBound(to: Int64.self))
            case .decimal:
                let mark = decimalMarks.withUnsafeBufferPointer { $0[column] }
                let doubles = target.assumingMemoryBound(to: Double.self)
                for r in 0..<rows {
                    let raw = block.field(r, column)
                    if let x = FastDecimal.value(raw, decimalMark: mark) { doubles[firstRow &+ r] = x }
                    else { fill(column, firstRow &+ r, raw, hasEscapedQuotes: false) }
                }
            case .text:
                let codes = target.assumingMemoryBound(to: Int32.self)
                for r in 0..<rows {
                    let raw = block.field(r, column)
                    // A value met before (and no missing marker, which is never interned) needs only a lookup.
                    if let known = interners.withUnsafeBufferPointer({ $0[column].existingCode(for: raw) }) { codes[firstRow &+ r] = known }
                    else { fill(column, firstRow &+ r, raw, hasEscapedQuotes: false) }
                }
            case .boolean:
                for r in 0..<rows { fill(column, firstRow &+ r, block.field(r, column), hasEscapedQuotes: false) }
            }
        }
        row = firstRow + rows
        let reports = row / LoadProgress.rowsPerReport - firstRow / LoadProgress.rowsPerReport
        if reports > 0 { progress?.parsed(reports * LoadProgress.rowsPerReport) }
    }

    @inline(__always)
    private mutating func fillIntegers<T: FixedWidthInteger>(_ column: Int, _ block: CSVRecordBlock, _ firstRow: Int, _ target: UnsafeMutablePointer<T>) {
        for r in 0..<block.count {
            let raw = block.field(r, column)
            if let value = FastDigits.value(raw) { target[firstRow &+ r] = T(truncatingIfNeeded: value) }
            else { fill(column, firstRow &+ r, raw, hasEscapedQuotes: false) }
        }
    }
}

/// Fields of the form digits, one `.` or `,`, digits (at most 18 digits in all): the evidence such a number
/// gives, by the same rules as `SeparatorRuns.evidence`, without the general reader.
enum FastDecimal {
    @inline(__always)
    static func evidence(_ bytes: UnsafeBufferPointer<UInt8>) -> (SeparatorEvidence, digits: Int64, fractionDigits: Int)? {
        guard bytes.count >= 3, bytes.count <= 19, let base = bytes.baseAddress else { return nil }
        var mark = -1
        var digits: Int64 = 0
        for i in 0..<bytes.count {
            let b = base[i]
            if b &- 0x30 <= 9 { digits = digits &* 10 &+ Int64(b &- 0x30); continue }
            guard (b == FieldClassifier.dot || b == FieldClassifier.comma), mark < 0 else { return nil }
            mark = i
        }
        guard mark > 0, mark < bytes.count - 1 else { return nil }
        let isDot = base[mark] == FieldClassifier.dot
        let integerDigits = mark, fractionDigits = bytes.count - mark - 1
        // `1.234` could be a thousands group; `0.123`, `6.8`, `1234.5` cannot.
        if integerDigits <= 3 && fractionDigits == 3 && !(integerDigits == 1 && base[0] == 0x30) {
            return (isDot ? .dotAmbiguous : .commaAmbiguous, digits, fractionDigits)
        }
        return (isDot ? .dotDecimal : .commaDecimal, digits, fractionDigits)
    }

    /// The value of a field `evidence` accepted, with `decimalMark` as the mark (Clinger's fast path: at
    /// most 15 significant digits, so one exact division is correctly rounded).
    @inline(__always)
    static func value(_ bytes: UnsafeBufferPointer<UInt8>, decimalMark: UInt8) -> Double? {
        guard bytes.count >= 3, bytes.count <= 16, let base = bytes.baseAddress else { return nil }
        var mantissa: UInt64 = 0
        var mark = -1
        for i in 0..<bytes.count {
            let b = base[i]
            let digit = b &- 0x30
            if digit <= 9 { mantissa = mantissa &* 10 &+ UInt64(digit); continue }
            guard b == decimalMark, mark < 0 else { return nil }
            mark = i
        }
        guard mark > 0, mark < bytes.count - 1 else { return nil }
        return Double(mantissa) / NumberReader.powersOfTen[bytes.count - mark - 1]
    }
}

/// Fields that are nothing but 1 to 18 ASCII digits, read in one loop (they cannot overflow an Int64).
enum FastDigits {
    @inline(__always)
    static func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard bytes.count > 0, bytes.count <= 18, let base = bytes.baseAddress else { return nil }
        var value: Int64 = 0
        for i in 0..<bytes.count {
            let digit = base[i] &- 0x30
            if digit > 9 { return nil }
            value = value &* 10 &+ Int64(digit)
        }
        return value
    }
}

/// Field bytes to text.
enum CSVText {
    /// A quoted field's content with each `""` turned back into `"`.
    static func unescaped(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            out.append(bytes[i])
            i += (bytes[i] == CSVTokenizer.quote && i + 1 < bytes.count && bytes[i + 1] == CSVTokenizer.quote) ? 2 : 1
        }
        return out
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>, hasEscapedQuotes: Bool) -> String {
        hasEscapedQuotes ? String(decoding: unescaped(bytes), as: UTF8.self) : String(decoding: bytes, as: UTF8.self)
    }
}

extension UnsafeMutableBufferPointer where Element: Numeric {
    static func allocateZeroed(_ count: Int) -> Self {
        let buffer = Self.allocate(capacity: Swift.max(count, 1))
        buffer.initialize(repeating: 0)
        return Self(rebasing: buffer[0..<count])
    }
}

extension UnsafeMutableBufferPointer where Element == Bool {
    static func allocateZeroed(_ count: Int, value: Bool = false) -> Self {
        let buffer = Self.allocate(capacity: Swift.max(count, 1))
        buffer.initialize(repeating: value)
        return Self(rebasing: buffer[0..<count])
    }
}
