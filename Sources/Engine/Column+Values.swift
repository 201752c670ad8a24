import Foundation

extension Column {
    /// A column built from boxed values (for small results, literals and tests; loaders build columns directly).
    ///
    /// The type is the narrowest that holds every present value: integer, then decimal if any value is
    /// fractional, boolean, or text. Mixed kinds (a number beside a text) become text.
    public init(name: String, values: [Value], annotations: ColumnAnnotations = ColumnAnnotations()) {
        var kinds = Set<ColumnType>()
        for value in values {
            switch value {
            case .missing: break
            case .integer: kinds.insert(.integer)
            case .decimal: kinds.insert(.decimal)
            case .boolean: kinds.insert(.boolean)
            case .text: kinds.insert(.text)
            }
        }
        let type: ColumnType
        if kinds.isEmpty || kinds == [.integer] {
            type = kinds.isEmpty ? .text : .integer
        } else if kinds.isSubset(of: [.integer, .decimal]) {
            type = .decimal
        } else if kinds == [.boolean] {
            type = .boolean
        } else {
            type = .text
        }
        self.init(name: name, type: type, values: values, annotations: annotations)
    }

    /// A column of `type` from boxed values; values of another kind are converted (numbers to text by their
    /// printed form), and values that cannot be converted become missing.
    public init(name: String, type: ColumnType, values: [Value], annotations: ColumnAnnotations = ColumnAnnotations()) {
        let values = values.map { $0.converted(to: type) }
        let present = ValidityBitmap(values.map { !$0.isMissing })
        let storage: ColumnStorage
        switch type {
        case .integer:
            storage = .integer(IntegerBuffer(narrowing: ContiguousArray(values.map { v -> Int64 in
                if case .integer(let i) = v { return i }
                return 0
            })))
        case .decimal:
            storage = .decimal(ContiguousArray(values.map { $0.number ?? 0 }))
        case .boolean:
            storage = .boolean(ContiguousArray(values.map { $0 == .boolean(true) }))
        case .text:
            var dictionary: [String] = []
            var codeOf: [String: Int32] = [:]
            var codes = ContiguousArray<Int32>()
            codes.reserveCapacity(values.count)
            for value in values {
                guard !value.isMissing else { codes.append(0); continue }
                let text = value.description.precomposedStringWithCanonicalMapping
                if let code = codeOf[text] {
                    codes.append(code)
                } else {
                    let code = Int32(dictionary.count)
                    codeOf[text] = code
                    dictionary.append(text)
                    codes.append(code)
                }
            }
            storage = .text(DictionaryText(codes: IntegerBuffer(codes: codes, distinctCount: dictionary.count), dictionary: dictionary))
        }
        self.init(name: name, storage: storage, validity: present, annotations: annotations)
    }
}

extension Value {
    /// This value as `type`, or missing when it has no such form (a fractional number as an integer, a word as a number).
    public func converted(to type: ColumnType) -> Value {
        switch (self, type) {
        case (.missing, _): return .missing
        case (.integer, .integer), (.decimal, .decimal), (.boolean, .boolean), (.text, .text): return self
        case (.decimal(let d), .integer): return Int64(exactly: d).map(Value.integer) ?? .missing
        case (.boolean(let b), .integer): return .integer(b ? 1 : 0)
        case (.integer(let i), .decimal): return .decimal(Double(i))
        case (.boolean(let b), .decimal): return .decimal(b ? 1 : 0)
        case (_, .text): return .text(description)
        default: return .missing
        }
    }
}
