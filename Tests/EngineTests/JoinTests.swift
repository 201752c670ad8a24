import Testing
@testable import Engine

@Suite struct JoinTests {
    func pairs(_ m: JoinMatches) -> [[Int32]] { zip(m.left, m.right).map { [$0, $1] } }

    static let leftKeys = intColumn([1, 2, 3, 2, nil], name: "k")
    static let rightKeys = intColumn([2, 1, 2, 4, nil, 1], name: "k")

    @Test func innerJoinWithDuplicateKeys() throws {
        let m = try hashJoin(left: [Self.leftKeys], right: [Self.rightKeys], kind: .inner)
        // left 0 (1) ↔ right 1, 5; left 1 (2) ↔ right 0, 2; left 3 (2) ↔ right 0, 2; left 2 (3) and 4 (–) match nothing.
        #expect(pairs(m) == [[0, 1], [0, 5], [1, 0], [1, 2], [3, 0], [3, 2]])
    }

    @Test func leftJoinKeepsUnmatchedRows() throws {
        let m = try hashJoin(left: [Self.leftKeys], right: [Self.rightKeys], kind: .left)
        #expect(Array(m.left) == [0, 0, 1, 1, 2, 3, 3, 4])
        #expect(Array(m.right) == [1, 5, 0, 2, -1, 0, 2, -1])
    }

    @Test func missingNeverMatchesMissingNorZero() throws {
        // Missing slots hold 0; a present 0 on the other side must not match them, nor missing match missing.
        let left = intColumn([nil, 0, nil])
        let right = intColumn([0, nil])
        let m = try hashJoin(left: [left], right: [right], kind: .left)
        #expect(pairs(m) == [[0, -1], [1, 0], [2, -1]])
    }

    @Test func textKeysWithDifferentDictionaries() throws {
        let left = textColumn(["Huế", "Hà Nội", nil, "Cần Thơ"])
        let right = textColumn(["Hà Nội", "Đà Nẵng", "Huế", "Hà Nội", nil])
        guard case .text(let l) = left.storage, case .text(let r) = right.storage else { Issue.record("not text"); return }
        #expect(l.dictionary == ["Huế", "Hà Nội", "Cần Thơ"])
        #expect(r.dictionary == ["Hà Nội", "Đà Nẵng", "Huế"])
        // Left row 2 is missing with code 0 (Huế): no match. Right row 4 is missing with code 0 (Hà Nội): never matched.
        let inner = try hashJoin(left: [left], right: [right], kind: .inner)
        #expect(pairs(inner) == [[0, 2], [1, 0], [1, 3]])
        let outer = try hashJoin(left: [left], right: [right], kind: .left)
        #expect(pairs(outer) == [[0, 2], [1, 0], [1, 3], [2, -1], [3, -1]])
    }

    @Test func textKeysMatchWhateverTheCodeWidth() throws {
        let dictionary = (0..<200).map { "x\($0)" }  // 16-bit codes on the right
        let right = textColumn(dictionary: dictionary, codes: [199, 0, 150])
        let left = textColumn(["x150", "x199", "x7"])  // 8-bit codes on the left
        #expect(pairs(try hashJoin(left: [left], right: [right], kind: .left)) == [[0, 2], [1, 0], [2, -1]])
    }

    @Test func integerMatchesDecimalOfEqualValue() throws {
        let ints = intColumn([1, 2, 3, nil, 0])
        let decs = decColumn([2.0, 1.5, 1.0, 3.0000001, nil, -0.0])
        let m = try hashJoin(left: [ints], right: [decs], kind: .inner)
        // 1 ↔ 1.0 (right 2), 2 ↔ 2.0 (right 0), 0 ↔ -0.0 (right 5); 3 ≠ 3.0000001; missing matches nothing.
        #expect(pairs(m) == [[0, 2], [1, 0], [4, 5]])
        let reversed = try hashJoin(left: [decs], right: [ints], kind: .inner)
        #expect(pairs(reversed) == [[0, 1], [2, 0], [5, 4]])
    }

    @Test func integerKeysOfDifferentWidths() throws {
        let narrow = intColumn([1, 100, -5])  // Int8
        let wide = intColumn([100, 5_000_000_000, 1, -5])  // Int64
        #expect(pairs(try hashJoin(left: [narrow], right: [wide], kind: .inner)) == [[0, 2], [1, 0], [2, 3]])
    }

    @Test func decimalKeys() throws {
        let left = decColumn([0.1, 0.2, nil, 0.30000000000000004])
        let right = decColumn([0.3, 0.1, 0.1 + 0.2])
        #expect(pairs(try hashJoin(left: [left], right: [right], kind: .inner)) == [[0, 1], [3, 2]])
    }

    @Test func booleanKeys() throws {
        let left = boolColumn([true, false, nil])
        let right = boolColumn([false, nil, true, false])
        #expect(pairs(try hashJoin(left: [left], right: [right], kind: .left)) == [[0, 2], [1, 0], [1, 3], [2, -1]])
    }

    @Test func twoKeys() throws {
        let lRegion = textColumn(["a", "a", "b", "b", nil])
        let lYear = intColumn([2020, 2021, 2020, nil, 2020])
        let rRegion = textColumn(["b", "a", "a", "b", "a"])
        let rYear = intColumn([2020, 2021, 2020, 2021, 2021])
        let m = try hashJoin(left: [lRegion, lYear], right: [rRegion, rYear], kind: .left)
        // (a,2020) ↔ 2; (a,2021) ↔ 1, 4; (b,2020) ↔ 0; (b,–) and (–,2020) match nothing.
        #expect(pairs(m) == [[0, 2], [1, 1], [1, 4], [2, 0], [3, -1], [4, -1]])
    }

    @Test func emptySides() throws {
        let some = intColumn([1, 2])
        let none = intColumn([])
        #expect(pairs(try hashJoin(left: [none], right: [some], kind: .left)) == [])
        #expect(pairs(try hashJoin(left: [some], right: [none], kind: .inner)) == [])
        #expect(pairs(try hashJoin(left: [some], right: [none], kind: .left)) == [[0, -1], [1, -1]])
    }

    @Test func errors() {
        #expect(throws: EngineError.joinKeyCountMismatch(1, 2)) {
            try hashJoin(left: [Self.leftKeys], right: [Self.rightKeys, Self.rightKeys], kind: .inner)
        }
        #expect(throws: EngineError.joinKeyCountMismatch(0, 0)) { try hashJoin(left: [], right: [], kind: .inner) }
        let text = textColumn(["1"], name: "ma")
        let ints = intColumn([1], name: "ma_so")
        #expect(throws: EngineError.typeMismatch(column: "ma_so", expected: "the type of 'ma' (text)", actual: .integer)) {
            try hashJoin(left: [text], right: [ints], kind: .inner)
        }
        #expect(throws: EngineError.self) { try hashJoin(left: [boolColumn([true])], right: [ints], kind: .inner) }
    }

    @Test func gatheringJoinResults() throws {
        let province = textColumn(["Huế", "Hà Nội", "Sơn La"], name: "tinh")
        let rates = textColumn(["Hà Nội", "Huế", "Huế"], name: "tinh")
        let rate = decColumn([0.8, 4.1, 4.2], name: "rate")
        let m = try hashJoin(left: [province], right: [rates], kind: .left)
        #expect(cells(province.gathering(m.left)) == [.text("Huế"), .text("Huế"), .text("Hà Nội"), .text("Sơn La")])
        #expect(cells(rate.gathering(m.right)) == [.decimal(4.1), .decimal(4.2), .decimal(0.8), .missing])
    }

    /// 2^53 + 1 is an integer no Double holds; it must not match the decimal 2^53.
    @Test func integerAndDecimalKeysBeyond2To53() throws {
        let p: Int64 = 1 << 53
        let ints = intColumn([p + 1, p])
        let decs = decColumn([Double(p)])
        #expect(pairs(try hashJoin(left: [ints], right: [decs], kind: .inner)) == [[1, 0]])
    }
}
