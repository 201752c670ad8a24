import Testing
@testable import Engine

// Small builders for hand-written test columns. They build storage directly (never through a loader), so a
// failing test points at the kernel under test, not at column construction. `nil` means a missing cell; the
// slot underneath holds zero / code 0, as the Column documentation says.

func intColumn(_ values: [Int64?], name: String = "i") -> Column {
    let raw = ContiguousArray(values.map { $0 ?? 0 })
    return Column(name: name, storage: .integer(IntegerBuffer(narrowing: raw)), validity: bitmap(values))
}

func decColumn(_ values: [Double?], name: String = "d") -> Column {
    Column(name: name, storage: .decimal(ContiguousArray(values.map { $0 ?? 0 })), validity: bitmap(values))
}

func boolColumn(_ values: [Bool?], name: String = "b") -> Column {
    Column(name: name, storage: .boolean(ContiguousArray(values.map { $0 ?? false })), validity: bitmap(values))
}

/// Text column whose dictionary is the distinct strings in first-seen order (as a loader builds it).
func textColumn(_ values: [String?], name: String = "t") -> Column {
    var dictionary: [String] = []
    var codeOf: [String: Int32] = [:]
    var codes = ContiguousArray<Int32>()
    for value in values {
        guard let value else { codes.append(0); continue }
        if let code = codeOf[value] {
            codes.append(code)
        } else {
            codeOf[value] = Int32(dictionary.count)
            codes.append(Int32(dictionary.count))
            dictionary.append(value)
        }
    }
    let text = DictionaryText(codes: IntegerBuffer(codes: codes, distinctCount: dictionary.count), dictionary: dictionary)
    return Column(name: name, storage: .text(text), validity: bitmap(values))
}

/// Text column with an explicit dictionary and codes (nil code = missing).
func textColumn(dictionary: [String], codes: [Int32?], name: String = "t") -> Column {
    let raw = ContiguousArray(codes.map { $0 ?? 0 })
    let text = DictionaryText(codes: IntegerBuffer(codes: raw, distinctCount: dictionary.count), dictionary: dictionary)
    return Column(name: name, storage: .text(text), validity: bitmap(codes))
}

func bitmap<T>(_ values: [T?]) -> ValidityBitmap? {
    values.contains { $0 == nil } ? ValidityBitmap(values.map { $0 != nil }) : nil
}

/// The selected row indices as plain Ints.
func rowList(_ selection: Selection) -> [Int] { selection.rowIndices.map(Int.init) }

func everyRow(_ column: Column) -> Selection { .all(count: column.count) }

/// Every cell of a column, boxed.
func cells(_ column: Column) -> [Value] { (0..<column.count).map(column.value(at:)) }

/// Relative comparison with an explicit tolerance: |a − b| ≤ tolerance × max(|a|, |b|, scale).
/// `scale` is the magnitude of the data the number came from, so a result that should be 0 is compared
/// against the size of its inputs rather than against 0.
func approxEqual(_ a: Double, _ b: Double, tolerance: Double = 1e-9, scale: Double = 0) -> Bool {
    if a == b { return true }
    if a.isNaN || b.isNaN || a.isInfinite || b.isInfinite { return false }
    return abs(a - b) <= tolerance * max(abs(a), abs(b), scale)
}

/// Compares two boxed values; decimals within `approxEqual`.
func sameValue(_ a: Value, _ b: Value, scale: Double = 0) -> Bool {
    if case .decimal(let x) = a, case .decimal(let y) = b { return approxEqual(x, y, scale: scale) }
    return a == b
}

/// Decimal cells as optionals for compact expectations.
func decimals(_ column: Column) -> [Double?] {
    cells(column).map { value -> Double? in
        switch value {
        case .missing: return nil
        case .decimal(let d): return d
        default: Issue.record("expected a decimal cell, got \(value)"); return nil
        }
    }
}

func integers(_ column: Column) -> [Int64?] {
    cells(column).map { value -> Int64? in
        switch value {
        case .missing: return nil
        case .integer(let i): return i
        default: Issue.record("expected an integer cell, got \(value)"); return nil
        }
    }
}
