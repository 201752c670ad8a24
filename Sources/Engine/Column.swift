/// One named, typed column: contiguous values plus an optional validity bitmap (`nil` = nothing missing).
///
/// Missing cells still occupy a slot in the value buffer (holding zero or code 0); only the bitmap says
/// whether the slot means anything. Kernels check the bitmap once per column, not once per cell, when it is nil.
public struct Column: Sendable {
    public var name: String
    public var storage: ColumnStorage
    public var validity: ValidityBitmap?
    /// What the loader learned about how the values were written (decimal comma, percent sign, …).
    public var annotations: ColumnAnnotations

    public init(name: String, storage: ColumnStorage, validity: ValidityBitmap? = nil,
                annotations: ColumnAnnotations = ColumnAnnotations()) {
        precondition(validity == nil || validity!.count == storage.count, "validity bitmap length differs from column length")
        self.name = name
        self.storage = storage
        // A bitmap with every bit set says nothing: drop it so kernels take their fast path.
        if let validity, validity.presentCount == validity.count {
            self.validity = nil
        } else {
            self.validity = validity
        }
        self.annotations = annotations
    }

    public var count: Int { storage.count }
    public var type: ColumnType { storage.type }

    @inline(__always)
    public func isPresent(_ row: Int) -> Bool { validity?.isPresent(row) ?? true }

    public var missingCount: Int { validity.map { $0.count - $0.presentCount } ?? 0 }

    /// Memory held by the values, the dictionary and the bitmap, in bytes (not counting Swift object headers).
    public var byteCount: Int { storage.byteCount + (validity?.byteCount ?? 0) }

    /// One cell as a boxed value. For display and tests only: kernels never box cells.
    public func value(at row: Int) -> Value {
        guard isPresent(row) else { return .missing }
        switch storage {
        case .integer(let buffer): return .integer(buffer[row])
        case .decimal(let values): return .decimal(values[row])
        case .boolean(let values): return .boolean(values[row])
        case .text(let text): return .text(text.dictionary[Int(text.codes[row])])
        }
    }
}

/// The four value types a column can hold.
public enum ColumnType: String, Sendable, CaseIterable {
    case integer, decimal, boolean, text

    public var isNumeric: Bool { self == .integer || self == .decimal }
}

/// The values of a column, in one contiguous buffer per type.
public enum ColumnStorage: Sendable {
    case integer(IntegerBuffer)
    case decimal(ContiguousArray<Double>)
    case boolean(ContiguousArray<Bool>)
    case text(DictionaryText)

    public var type: ColumnType {
        switch self {
        case .integer: .integer
        case .decimal: .decimal
        case .boolean: .boolean
        case .text: .text
        }
    }

    public var count: Int {
        switch self {
        case .integer(let b): b.count
        case .decimal(let v): v.count
        case .boolean(let v): v.count
        case .text(let t): t.codes.count
        }
    }

    public var byteCount: Int {
        switch self {
        case .integer(let b): b.byteCount
        case .decimal(let v): v.count * 8
        case .boolean(let v): v.count
        case .text(let t): t.byteCount
        }
    }
}

/// Dictionary-encoded text: one small integer code per row and each distinct string once.
///
/// Grouping or filtering by province works on the codes: an array index, never a string comparison per row.
public struct DictionaryText: Sendable {
    public var codes: IntegerBuffer
    /// Distinct strings, NFC-normalised, in first-seen order; `codes` index into it.
    public var dictionary: [String]

    public init(codes: IntegerBuffer, dictionary: [String]) {
        self.codes = codes
        self.dictionary = dictionary
    }

    public var byteCount: Int {
        codes.byteCount + dictionary.reduce(0) { $0 + $1.utf8.count + 16 }
    }
}

/// What a loader detected about how a column's values were written; shown by `describe` and the load report.
public struct ColumnAnnotations: Sendable, Equatable {
    /// The values carried a `%` sign, or the column is otherwise known to hold percentages.
    public var isPercentage: Bool
    /// Human-readable number convention, e.g. "decimal comma" or "thousands dot"; nil when plain.
    public var convention: String?
    /// A decision the loader had to make from ambiguous values, stated so the user can check it.
    public var decision: String?
    /// Every value is a decimal of at most this many places, known exactly (`ExactDecimal`); nil when the
    /// column's decimals are only doubles (an exponent, more than 15 digits, or computed with `/`).
    public var decimalPlaces: Int?
    /// The same decision in Vietnamese, for reports and `describe` after `set language vi`.
    public var decisionVietnamese: String?

    public init(isPercentage: Bool = false, convention: String? = nil, decision: String? = nil, decimalPlaces: Int? = nil) {
        self.isPercentage = isPercentage
        self.convention = convention
        self.decision = decision
        self.decimalPlaces = decimalPlaces
    }

    /// Records a decision in both languages, after any made before (`; ` between them).
    public mutating func decide(_ english: String, _ vietnamese: String) {
        decisionVietnamese = [decisionVietnamese ?? decision, vietnamese].compactMap { $0 }.joined(separator: "; ")
        decision = [decision, english].compactMap { $0 }.joined(separator: "; ")
    }

    /// Two annotations are equal when they say the same in English: the Vietnamese text translates it.
    public static func == (a: ColumnAnnotations, b: ColumnAnnotations) -> Bool {
        a.isPercentage == b.isPercentage && a.convention == b.convention && a.decision == b.decision && a.decimalPlaces == b.decimalPlaces
    }

    /// The decision in `vietnamese` or English; a decision without Vietnamese text is shown in English.
    public func decision(vietnamese: Bool) -> String? { vietnamese ? decisionVietnamese ?? decision : decision }
}

/// One boxed cell, for display, literals and tests.
public enum Value: Sendable, Equatable, Hashable, CustomStringConvertible {
    case missing
    case integer(Int64)
    case decimal(Double)
    case boolean(Bool)
    case text(String)

    public var isMissing: Bool { self == .missing }

    /// The number this cell holds, if it is numeric.
    public var number: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .decimal(let d): d
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .missing: "–"
        case .integer(let i): String(i)
        case .decimal(let d): String(d)
        case .boolean(let b): b ? "true" : "false"
        case .text(let s): s
        }
    }
}
