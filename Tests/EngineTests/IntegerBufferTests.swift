import Testing
@testable import Engine

@Suite struct IntegerBufferTests {
    /// (values, expected bit width): each width's exact boundaries and one past them.
    static let narrowingCases: [([Int64], Int)] = [
        ([0], 8),
        ([127], 8),
        ([-128], 8),
        ([-128, 127], 8),
        ([128], 16),
        ([-129], 16),
        ([0, 128], 16),
        ([32767, -32768], 16),
        ([32768], 32),
        ([-32769], 32),
        ([Int64(Int32.max), Int64(Int32.min)], 32),
        ([Int64(Int32.max) + 1], 64),
        ([Int64(Int32.min) - 1], 64),
        ([Int64.min, Int64.max], 64),
        ([1, 2, 3, 100_000], 32),
    ]

    @Test(arguments: narrowingCases)
    func narrowingChoosesTheNarrowestWidth(values: [Int64], width: Int) {
        let buffer = IntegerBuffer(narrowing: ContiguousArray(values))
        #expect(buffer.bitWidth == width)
        #expect(buffer.count == values.count)
        #expect(buffer.byteCount == values.count * width / 8)
        #expect((0..<values.count).map { buffer[$0] } == values)
        #expect(Array(buffer.widened) == values)
    }

    @Test func narrowingKeepsEveryValueOfAMixedBuffer() {
        let values: [Int64] = [-128, 127, 0, -1, 5]
        guard case .int8(let a) = IntegerBuffer(narrowing: ContiguousArray(values)) else {
            Issue.record("expected int8"); return
        }
        #expect(Array(a) == [-128, 127, 0, -1, 5])
    }

    @Test func emptyBufferIsInt8() {
        let buffer = IntegerBuffer(narrowing: [])
        #expect(buffer == .int8([]))
        #expect(buffer.count == 0)
        #expect(buffer.byteCount == 0)
    }

    @Test func narrowingWithCallerSuppliedRange() {
        // The caller's range decides the width, even if the values themselves would fit narrower.
        let buffer = IntegerBuffer(narrowing: [1, 2], low: 0, high: 40_000)
        #expect(buffer.bitWidth == 32)
        #expect(Array(buffer.widened) == [1, 2])
    }

    @Test(arguments: [(1, 8), (128, 8), (129, 16), (32768, 16), (32769, 32)])
    func codesWidthFollowsDistinctCount(distinct: Int, width: Int) {
        let codes = ContiguousArray((0..<Int32(distinct)).map { $0 })
        let buffer = IntegerBuffer(codes: codes, distinctCount: distinct)
        #expect(buffer.bitWidth == width)
        #expect(buffer[distinct - 1] == Int64(distinct - 1))
        #expect(buffer[0] == 0)
    }

    @Test func gatheringKeepsWidthAndOrder() {
        let buffer = IntegerBuffer(narrowing: [10, 300, -7, 42])
        #expect(buffer.bitWidth == 16)
        let rows: ContiguousArray<Int32> = [3, 0, 0, 2]
        let gathered = rows.withUnsafeBufferPointer { buffer.gathering($0) }
        #expect(gathered.bitWidth == 16)
        #expect(Array(gathered.widened) == [42, 10, 10, -7])
    }

    @Test func columnUsesNarrowedStorage() {
        let column = intColumn([1990, 2024, nil])
        #expect(column.type == .integer)
        guard case .integer(let buffer) = column.storage else { Issue.record("not integer"); return }
        #expect(buffer.bitWidth == 16)
        #expect(cells(column) == [.integer(1990), .integer(2024), .missing])
        #expect(column.missingCount == 1)
        #expect(column.byteCount == 3 * 2 + 8)
    }
}
