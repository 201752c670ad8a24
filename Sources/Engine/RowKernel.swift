import Foundation

/// Kernels for row expressions (`let x = if(rate > 10, "high", "low")`): each takes whole columns (or one
/// value for every row) and gives a whole column, reading typed buffers and validity bitmaps, never a boxed
/// value per cell. The language evaluates an expression tree bottom-up, one kernel per node.
public enum RowKernel {}

/// One input of a row kernel: a column, or one value for every row (a literal).
public enum RowOperand: Sendable {
    case column(Column)
    case constant(Value)
}

extension Column {
    /// `count` rows of one value: a literal spread over a table. A missing value gives a text column of
    /// missing cells (the type `Column(values:)` gives cells that are all missing).
    public init(name: String, repeating value: Value, count: Int) {
        switch value {
        case .integer(let i):
            self.init(name: name, storage: .integer(IntegerBuffer(narrowing: ContiguousArray(repeating: i, count: count))))
        case .decimal(let d):
            self.init(name: name, storage: .decimal(ContiguousArray(repeating: d, count: count)))
        case .boolean(let b):
            self.init(name: name, storage: .boolean(ContiguousArray(repeating: b, count: count)))
        case .text(let s):
            let codes = IntegerBuffer(codes: ContiguousArray(repeating: Int32(0), count: count), distinctCount: 1)
            self.init(name: name, storage: .text(DictionaryText(codes: codes, dictionary: [s.precomposedStringWithCanonicalMapping])))
        case .missing:
            let codes = IntegerBuffer(codes: ContiguousArray(repeating: Int32(0), count: count), distinctCount: 0)
            self.init(name: name, storage: .text(DictionaryText(codes: codes, dictionary: [])),
                      validity: ValidityBitmap(count: count, allPresent: false))
        }
    }

    /// Every value as a double (booleans as 0 and 1); missing slots hold whatever the buffer holds.
    /// - Complexity: O(count), one typed loop.
    public func doubleValues() -> ContiguousArray<Double>? {
        switch storage {
        case .decimal(let values): return values
        case .integer(.int8(let v)): return ContiguousArray(v.lazy.map(Double.init))
        case .integer(.int16(let v)): return ContiguousArray(v.lazy.map(Double.init))
        case .integer(.int32(let v)): return ContiguousArray(v.lazy.map(Double.init))
        case .integer(.int64(let v)): return ContiguousArray(v.lazy.map(Double.init))
        case .boolean(let v): return ContiguousArray(v.lazy.map { $0 ? 1 : 0 })
        case .text: return nil
        }
    }

    /// Every value as a 64-bit integer, for an integer column.
    func int64Values() -> ContiguousArray<Int64>? {
        switch storage {
        case .integer(.int8(let v)): ContiguousArray(v.lazy.map(Int64.init))
        case .integer(.int16(let v)): ContiguousArray(v.lazy.map(Int64.init))
        case .integer(.int32(let v)): ContiguousArray(v.lazy.map(Int64.init))
        case .integer(.int64(let v)): v
        default: nil
        }
    }

    /// The column as text: a dictionary and a code per row. Text columns give their own; numbers and
    /// booleans are written as `Value.description` writes them ("3", "2.5", "true"), each distinct value once.
    func textCodes() -> (dictionary: [String], codes: ContiguousArray<Int32>) {
        if case .text(let text) = storage {
            return (text.dictionary, ContiguousArray((0..<count).lazy.map { Int32(truncatingIfNeeded: text.codes[$0]) }))
        }
        var interner = TextDictionaryBuilder()
        var codes = ContiguousArray<Int32>(repeating: 0, count: count)
        switch storage {
        case .integer(let buffer): for row in 0..<count where isPresent(row) { codes[row] = interner.code(String(buffer[row])) }
        case .decimal(let v): for row in 0..<count where isPresent(row) { codes[row] = interner.code(String(v[row])) }
        case .boolean(let v): for row in 0..<count where isPresent(row) { codes[row] = interner.code(v[row] ? "true" : "false") }
        case .text: break
        }
        return (interner.dictionary, codes)
    }
}

/// Builds a dictionary of distinct strings in first-seen order, as `Column(values:)` numbers them.
struct TextDictionaryBuilder {
    private(set) var dictionary: [String] = []
    private var codeOf: [String: Int32] = [:]

    /// The code of `text` (NFC-normalised first, as every dictionary holds it).
    mutating func code(_ text: String) -> Int32 {
        let normal = text.precomposedStringWithCanonicalMapping
        if let code = codeOf[normal] { return code }
        let code = Int32(dictionary.count)
        codeOf[normal] = code
        dictionary.append(normal)
        return code
    }

    /// A text column of `codes` over this dictionary.
    func column(_ codes: ContiguousArray<Int32>, _ present: ValidityBitmap?) -> Column {
        let text = DictionaryText(codes: IntegerBuffer(codes: codes, distinctCount: dictionary.count), dictionary: dictionary)
        return Column(name: "", storage: .text(text), validity: present)
    }
}

extension ValidityBitmap {
    /// Rows present in both bitmaps (nil: every row present). - Complexity: O(count / 64).
    static func both(_ a: ValidityBitmap?, _ b: ValidityBitmap?) -> ValidityBitmap? {
        guard var out = a else { return b }
        guard let b else { return out }
        for w in out.words.indices { out.words[w] &= b.words[w] }
        return out
    }
}
