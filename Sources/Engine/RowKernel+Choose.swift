extension RowKernel {
    /// `if(condition, then, otherwise)` row by row.
    ///
    /// The condition is a boolean, or a number (true when not zero); text or a missing condition gives a
    /// missing row. The result's type is the narrowest that holds the values actually chosen, as for
    /// `Column(values:)`: integers, decimals when any chosen value is fractional, booleans, or text when kinds
    /// mix (numbers written as they print); text when nothing is chosen.
    /// - Complexity: O(rows).
    public static func choose(_ condition: RowOperand, _ then: RowOperand, _ otherwise: RowOperand, rows: Int) -> Column {
        let branches = [then.column(rows), otherwise.column(rows)]
        // 0 = missing, 1 = then, 2 = otherwise.
        var pick = pickBranches(condition.column(rows), rows)
        var kinds = Set<ColumnType>()
        for row in 0..<rows where pick[row] != 0 {
            let branch = branches[Int(pick[row]) - 1]
            if branch.isPresent(row) { kinds.insert(branch.type) } else { pick[row] = 0 }
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
        let present = ValidityBitmap(pick.lazy.map { $0 != 0 })
        switch type {
        case .integer:
            let values = branches.map { $0.int64Values() ?? [] }
            let out = ContiguousArray((0..<rows).lazy.map { row in pick[row] == 0 ? 0 : values[Int(pick[row]) - 1][row] })
            return Column(name: "", storage: .integer(IntegerBuffer(narrowing: out)), validity: present)
        case .decimal:
            let values = branches.map { $0.doubleValues() ?? [] }
            let out = ContiguousArray((0..<rows).lazy.map { row in pick[row] == 0 ? 0 : values[Int(pick[row]) - 1][row] })
            return Column(name: "", storage: .decimal(out), validity: present)
        case .boolean:
            let values = branches.map { column -> ContiguousArray<Bool> in
                if case .boolean(let v) = column.storage { return v }
                return []
            }
            let out = ContiguousArray((0..<rows).lazy.map { row in pick[row] == 0 ? false : values[Int(pick[row]) - 1][row] })
            return Column(name: "", storage: .boolean(out), validity: present)
        case .text:
            // Codes in first-seen order over both branches, so equal texts share one entry.
            let texts = branches.map { $0.textCodes() }
            var builder = TextDictionaryBuilder()
            var remap = texts.map { [Int32](repeating: -1, count: $0.dictionary.count) }
            var codes = ContiguousArray<Int32>(repeating: 0, count: rows)
            for row in 0..<rows where pick[row] != 0 {
                let b = Int(pick[row]) - 1, code = Int(texts[b].codes[row])
                if remap[b][code] < 0 { remap[b][code] = builder.code(texts[b].dictionary[code]) }
                codes[row] = remap[b][code]
            }
            return builder.column(codes, present)
        }
    }

    /// Which branch each row takes: 1 (then), 2 (otherwise) or 0 (the condition is missing or text).
    private static func pickBranches(_ condition: Column, _ rows: Int) -> [UInt8] {
        var pick = [UInt8](repeating: 0, count: rows)
        switch condition.storage {
        case .boolean(let c):
            for row in 0..<rows where condition.isPresent(row) { pick[row] = c[row] ? 1 : 2 }
        case .integer, .decimal:
            let numbers = condition.doubleValues() ?? []
            for row in 0..<rows where condition.isPresent(row) { pick[row] = numbers[row] != 0 ? 1 : 2 }
        case .text:
            break
        }
        return pick
    }

    /// `transform` of each row's text (numbers and booleans as they print), computed once per distinct value:
    /// a text column, missing where the input is missing.
    /// - Complexity: O(rows) plus one `transform` per distinct value.
    public static func mapText(_ column: Column, _ transform: (String) -> String) -> Column {
        let (dictionary, codes) = column.textCodes()
        var builder = TextDictionaryBuilder()
        var remap = [Int32](repeating: -1, count: dictionary.count)
        var out = ContiguousArray<Int32>(repeating: 0, count: column.count)
        for row in 0..<column.count where column.isPresent(row) {
            let code = Int(codes[row])
            if remap[code] < 0 { remap[code] = builder.code(transform(dictionary[code])) }
            out[row] = remap[code]
        }
        return builder.column(out, column.validity ?? ValidityBitmap(count: column.count, allPresent: true))
    }
}
