import Engine
@testable import Formats
import Testing

/// A file with tens of thousands of columns loads like any other: no reader path nests per column.
@Suite struct WideTableTests {
    /// 20,000 columns of every type (integer, decimal, text, boolean, some missing), a header and three rows.
    @Test func twentyThousandColumnsLoadExactly() throws {
        let columns = 20_000
        var lines = [(0..<columns).map { "c\($0)" }.joined(separator: ",")]
        for row in 0..<3 {
            lines.append((0..<columns).map { c -> String in
                switch c % 5 {
                case 0: return "\(c * 10 + row)"
                case 1: return "\(c).\(row + 1)"
                case 2: return "tỉnh \(c) \(row)"
                case 3: return row == 1 ? "" : "\(row)"
                default: return row == 0 ? "true" : "false"
                }
            }.joined(separator: ","))
        }
        let result = try readCSV(lines.joined(separator: "\n") + "\n")
        #expect(result.table.columns.count == columns)
        #expect(result.table.rowCount == 3)
        // The first nested column, the last nested one, the first moved one, and the last.
        for c in [0, 1, 2, 3, 4, 63, 64, 65, 66, 67, 68, 19_995, 19_996, 19_997, 19_998, 19_999] {
            let expected: [Value]
            switch c % 5 {
            case 0: expected = (0..<3).map { .integer(Int64(c * 10 + $0)) }
            case 1: expected = (0..<3).map { .decimal(Double("\(c).\($0 + 1)")!) }
            case 2: expected = (0..<3).map { .text("tỉnh \(c) \($0)") }
            case 3: expected = [.integer(0), .missing, .integer(2)]
            default: expected = [.boolean(true), .boolean(false), .boolean(false)]
            }
            #expect(result.cells("c\(c)") == expected, "column c\(c)")
        }
    }

    /// Columns filled in separate memory and moved into their arrays equal columns written in place.
    @Test func movedColumnsEqualNestedOnes() throws {
        let kinds: [ColumnPlan.Kind] = [.integer(bitWidth: 8), .integer(bitWidth: 64), .decimal, .text, .integer(bitWidth: 16), .boolean,
                                        .integer(bitWidth: 32)]
        let plans = kinds.map { ColumnPlan(kind: $0, decimalMark: nil, thousandsMark: nil, annotations: ColumnAnnotations(), hasMissing: false) }
        func filled(nested: Int) -> [ColumnBuffers.Filled]? {
            ColumnBuffers.withSinks(plans, rows: 3, nestedColumns: nested) { sinks in
                for (c, sink) in sinks.enumerated() {
                    for row in 0..<3 {
                        let v = c * 100 + row
                        switch sink.values {
                        case .int8(let b): b[row] = Int8(truncatingIfNeeded: v)
                        case .int16(let b): b[row] = Int16(truncatingIfNeeded: v)
                        case .int32(let b): b[row] = Int32(v)
                        case .int64(let b): b[row] = Int64(v) << 40
                        case .decimal(let b): b[row] = Double(v) + 0.25
                        case .boolean(let b): b[row] = v % 2 == 0
                        case .text(let b): b[row] = Int32(v)
                        }
                    }
                }
                return true
            }
        }
        let inPlace = try #require(filled(nested: 64)), moved = try #require(filled(nested: 0)), mixed = try #require(filled(nested: 3))
        #expect(inPlace.map(Self.describe) == moved.map(Self.describe))
        #expect(inPlace.map(Self.describe) == mixed.map(Self.describe))
        #expect(inPlace.map(Self.describe).first == "int8 [0, 1, 2]")
        #expect(ColumnBuffers.withSinks(plans, rows: 3, nestedColumns: 2) { _ in false } == nil)
    }

    static func describe(_ filled: ColumnBuffers.Filled) -> String {
        switch filled {
        case .int8(let v): "int8 \(Array(v))"
        case .int16(let v): "int16 \(Array(v))"
        case .int32(let v): "int32 \(Array(v))"
        case .int64(let v): "int64 \(Array(v))"
        case .decimal(let v): "decimal \(Array(v))"
        case .boolean(let v): "boolean \(Array(v))"
        case .text(let v): "text \(Array(v))"
        }
    }
}

/// Row numbers are 32 bits in the engine: more rows than that are refused at load, never wrapped.
@Suite struct RowLimitTests {
    @Test func theLimitIsThe32BitMaximum() throws {
        #expect(RowLimit.maximum == 2_147_483_647)
        try RowLimit.check(2_147_483_647, file: "h.csv")
    }

    @Test func oneRowMoreIsRefusedWithWhatToDo() {
        do {
            try RowLimit.check(2_147_483_648, file: "h.csv")
            Issue.record("2,147,483,648 rows were accepted")
        } catch let error as LoadError {
            #expect(error.description == "h.csv: error: the file has 2147483648 rows, more than the 2147483647 one dataset can hold\n  hint: split it (for example one file per year) and load each part, or keep it in PostgreSQL and use connect")
            #expect(error.vietnameseDescription.contains("nhiều hơn 2147483647 dòng"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
