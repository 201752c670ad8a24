import Engine
import Language

/// Whether a learner's result gives the model answer's result, whatever statement made it.
///
/// Every column of the model's result must be found in the learner's: by name (accents and case aside), or
/// else by holding the same values (`avg(rate)` for `mean(rate)`); then the rows under those columns must be
/// the same, in any order. Extra columns, another order of rows or columns, and another spelling pass.
enum ResultMatch {
    static func matches(_ learner: ResultTable, model: ResultTable) -> Bool {
        let have = learner.table, want = model.table
        guard have.rowCount == want.rowCount else { return false }
        var used = Set<Int>()
        var mapping: [Int] = []
        for column in want.columns {
            let wanted = valueCounts(column)
            let folded = TextFolding.fold(model.header(of: column))
            let byName = have.columns.indices.filter { i in
                !used.contains(i) && [have.columns[i].name, learner.header(of: have.columns[i])].contains { TextFolding.fold($0) == folded }
            }
            let candidates = byName + have.columns.indices.filter { !used.contains($0) && !byName.contains($0) }
            guard let found = candidates.first(where: { valueCounts(have.columns[$0]) == wanted }) else { return false }
            used.insert(found)
            mapping.append(found)
        }
        let wantedRows = rowCounts(want, columns: Array(want.columns.indices))
        return rowCounts(have, columns: mapping) == wantedRows
    }

    /// A cell as text that is equal for equal values: numbers in one form (3.07 and 3.0700 agree, and an
    /// integer 2021 equals a decimal 2021.0), text exactly.
    static func key(_ value: Value) -> String {
        switch value {
        case .missing: return "\u{0}missing"
        case .text(let t): return "t:" + t
        case .boolean(let b): return b ? "b:1" : "b:0"
        case .integer(let i): return "n:" + number(Double(i))
        case .decimal(let d): return "n:" + number(d)
        }
    }

    /// Nine significant digits: more than any figure in the data carries, fewer than floating-point noise.
    private static func number(_ d: Double) -> String {
        d == 0 ? "0" : String(format: "%.9g", d)
    }

    private static func valueCounts(_ column: Column) -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in 0..<column.count { counts[key(column.value(at: row)), default: 0] += 1 }
        return counts
    }

    private static func rowCounts(_ table: Table, columns: [Int]) -> [[String]: Int] {
        var counts: [[String]: Int] = [:]
        for row in 0..<table.rowCount {
            counts[columns.map { key(table.columns[$0].value(at: row)) }, default: 0] += 1
        }
        return counts
    }
}
