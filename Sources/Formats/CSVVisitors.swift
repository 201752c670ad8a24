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
struct ProfileCollector: CSVFieldVisitor {
    var profiles: [ColumnProfile]

    init(columnCount: Int) { profiles = Array(repeating: ColumnProfile(), count: columnCount) }

    @inline(__always)
    mutating func field(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, hasEscapedQuotes: Bool) {
        let trimmed = FieldClassifier.trimmed(bytes)
        let shape = hasEscapedQuotes ? FieldShape(kind: .text) : FieldClassifier.classify(trimmed)
        let negative = trimmed.first == 0x2D || trimmed.first == 0xE2
        profiles[index].add(shape, negative: negative, raw: bytes)
    }
    mutating func endRecord(fieldCount: Int) {}
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

    init(plan: ColumnPlan, rows: Int) {
        self.plan = plan
        switch plan.kind {
        case .integer(8): values = .int8(.allocateZeroed(rows))
        case .integer(16): values = .int16(.allocateZeroed(rows))
        case .integer(32): values = .int32(.allocateZeroed(rows))
        case .integer: values = .int64(.allocateZeroed(rows))
        case .decimal: values = .decimal(.allocateZeroed(rows))
        case .boolean: values = .boolean(.allocateZeroed(rows))
        case .text: values = .text(.allocateZeroed(rows))
        }
        present = plan.hasMissing ? .allocateZeroed(rows, value: true) : nil
    }

    /// Frees the buffers of a load that stops before its columns are built.
    func deallocate() {
        switch values {
        case .int8(let v): v.baseAddress?.deallocate()
        case .int16(let v): v.baseAddress?.deallocate()
        case .int32(let v): v.baseAddress?.deallocate()
        case .int64(let v): v.baseAddress?.deallocate()
        case .decimal(let v): v.baseAddress?.deallocate()
        case .boolean(let v): v.baseAddress?.deallocate()
        case .text(let v): v.baseAddress?.deallocate()
        }
        present?.baseAddress?.deallocate()
    }
}

/// Second pass: parses every field with its column's plan and writes it at its row.
struct ColumnFiller: CSVFieldVisitor {
    let sinks: [ColumnSink]
    var interners: [TextInterner]
    var row: Int
    /// The first field that did not read as its column's type (never expected: the first pass saw every field).
    var mismatch: (row: Int, column: Int)?
    private var scratch: [UInt8] = []

    init(sinks: [ColumnSink], firstRow: Int) {
        self.sinks = sinks
        interners = sinks.map { _ in TextInterner() }
        row = firstRow
    }

    @inline(__always)
    mutating func field(_ index: Int, _ raw: UnsafeBufferPointer<UInt8>, quoted: Bool, hasEscapedQuotes: Bool) {
        let sink = sinks[index]
        if case .text(let codes) = sink.values {
            // Text keeps its spaces; only the missing markers (checked trimmed) mean "no value".
            if FieldClassifier.isMissingMarker(FieldClassifier.trimmed(raw)) && !hasEscapedQuotes {
                sink.present?[row] = false
                return
            }
            if hasEscapedQuotes {
                scratch = CSVText.unescaped(raw)
                codes[row] = scratch.withUnsafeBufferPointer { interners[index].code(for: $0) }
            } else {
                codes[row] = interners[index].code(for: raw)
            }
            return
        }
        let f = FieldClassifier.trimmed(raw)
        if FieldClassifier.isMissingMarker(f) {
            sink.present?[row] = false
            return
        }
        let plan = sink.plan
        var ok = true
        switch sink.values {
        case .int8(let v): if let x = NumberReader.integer(f, thousands: plan.thousandsMark) { v[row] = Int8(truncatingIfNeeded: x) } else { ok = false }
        case .int16(let v): if let x = NumberReader.integer(f, thousands: plan.thousandsMark) { v[row] = Int16(truncatingIfNeeded: x) } else { ok = false }
        case .int32(let v): if let x = NumberReader.integer(f, thousands: plan.thousandsMark) { v[row] = Int32(truncatingIfNeeded: x) } else { ok = false }
        case .int64(let v): if let x = NumberReader.integer(f, thousands: plan.thousandsMark) { v[row] = x } else { ok = false }
        case .decimal(let v):
            if let x = NumberReader.decimal(f, decimalMark: plan.decimalMark ?? FieldClassifier.dot, thousands: plan.thousandsMark) { v[row] = x } else { ok = false }
        case .boolean(let v): if let x = FieldClassifier.booleanValue(f) { v[row] = x } else { ok = false }
        case .text: break
        }
        if !ok && mismatch == nil { mismatch = (row, index) }
    }

    @inline(__always)
    mutating func endRecord(fieldCount: Int) { row += 1 }
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
