@testable import Engine

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny deterministic generator, so every random case can be replayed
/// from its seed. Ranges are drawn by multiply-high, not by the standard library, so the sequence does not depend
/// on the Swift version.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 ^ 0xD1B5_4A32_D192_ED03 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `range` (the range must span less than 2^64 values).
    mutating func int64(in range: ClosedRange<Int64>) -> Int64 {
        let span = UInt64(bitPattern: range.upperBound &- range.lowerBound) &+ 1
        if span == 0 { return Int64(bitPattern: next()) }
        return range.lowerBound &+ Int64(bitPattern: next().multipliedFullWidth(by: span).high)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int { Int(int64(in: Int64(range.lowerBound)...Int64(range.upperBound))) }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }

    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, int(in: 0...i)) }
    }
}

/// The kinds of random column, chosen to reach every kernel path.
enum RandomKind: String, CaseIterable, Sendable {
    /// Dictionary text, 1–80 entries (dense grouping by code).
    case text
    /// Integers of range ≤ 300 around zero or the Int8 boundaries (Int8/Int16, dense grouping).
    case smallInt
    /// Integers of range 2 000–65 535 (dense alone; two of them exceed the dense limit and are hashed).
    case mediumInt
    /// A few distinct integers spread over ±10^12 (hashed grouping, real groups).
    case wideInt
    /// Integers uniform over ±10^12, nearly all distinct (hashed, one row per group).
    case uniqueInt
    /// A few distinct decimals: quarters in [−10, 10] and −0.0 (hashed grouping, real groups).
    case decimal
    /// Decimals uniform over ±10^6 (nearly all distinct).
    case continuous
    case boolean

    var isNumeric: Bool { self != .text }
    var isInteger: Bool { self == .smallInt || self == .mediumInt || self == .wideInt || self == .uniqueInt }
}

/// Words for text columns: the provinces, tone minimal pairs, case variants, digits and the empty string.
let textPool: [String] = CollationTests.provinces + [
    "Dương", "an giang", "AN GIANG", "ma", "mà", "mả", "mã", "má", "mạ", "Quận 1", "Quận 10", "Quận 2",
    "", "huế", "Huệ", "Đ", "d", "ư", "u", "Ơ",
]

/// One random column together with its cells boxed as plain `Value`s: the reference implementations read only
/// `values`, the engine reads only `column`.
struct RandomColumn {
    let kind: RandomKind
    let column: Column
    let values: [Value]

    var name: String { column.name }
}

/// A random table: one column of every kind, each with its own rate of missing values (0, 5 %, 30 % or all).
struct RandomTable {
    let rowCount: Int
    let columns: [RandomColumn]

    func column(_ kind: RandomKind) -> RandomColumn { columns.first { $0.kind == kind }! }

    init(rows: Int, rng: inout SplitMix64, kinds: [RandomKind] = RandomKind.allCases, prefix: String = "") {
        rowCount = rows
        columns = kinds.map { RandomTable.makeColumn($0, rows: rows, rng: &rng, name: prefix + $0.rawValue) }
    }

    static func missingRate(_ rng: inout SplitMix64) -> Double {
        let r = rng.unit()
        return r < 0.3 ? 0 : r < 0.6 ? 0.05 : r < 0.95 ? 0.3 : 1.0
    }

    static func makeColumn(_ kind: RandomKind, rows: Int, rng: inout SplitMix64, name: String,
                           textWords: [String]? = nil) -> RandomColumn {
        let missing = missingRate(&rng)
        // Half the columns hold garbage (a random valid value) in missing slots instead of zero: gathered
        // columns do, so no kernel may rely on missing slots holding zero.
        let garbage = rng.chance(0.5)
        var present = [Bool]()
        present.reserveCapacity(rows)
        for _ in 0..<rows { present.append(!rng.chance(missing)) }

        switch kind {
        case .text:
            var words = textWords ?? textPool
            rng.shuffle(&words)
            let size = rng.int(in: 1...min(80, words.count))
            let dictionary = Array(words.prefix(size))
            // Sometimes skewed towards the first codes, so some entries are rare or unused.
            let skewed = rng.chance(0.3)
            var codes = ContiguousArray<Int32>()
            codes.reserveCapacity(rows)
            var values = [Value]()
            values.reserveCapacity(rows)
            for row in 0..<rows {
                var code = rng.int(in: 0...(size - 1))
                if skewed { code = min(code, rng.int(in: 0...(size - 1))) }
                if present[row] {
                    codes.append(Int32(code)); values.append(.text(dictionary[code]))
                } else {
                    codes.append(garbage ? Int32(code) : 0); values.append(.missing)
                }
            }
            let text = DictionaryText(codes: IntegerBuffer(codes: codes, distinctCount: size), dictionary: dictionary)
            return finish(kind, name, .text(text), present, values)

        case .smallInt, .mediumInt, .wideInt, .uniqueInt:
            let draw: (inout SplitMix64) -> Int64
            switch kind {
            case .smallInt:
                let anywhere = Int64(rng.int(in: -200...200))
                let low = rng.pick([Int64(-5), 0, 120, -135, anywhere])
                let high = low + Int64(rng.int(in: 0...300))
                draw = { $0.int64(in: low...high) }
            case .mediumInt:
                let low = Int64(rng.int(in: -70_000...70_000))
                let high = low + Int64(rng.int(in: 2_000...65_535))
                draw = { $0.int64(in: low...high) }
            case .wideInt:
                var pool: [Int64] = [rng.int64(in: -1_000_000_000_000...(-1_000_000)), rng.int64(in: 1_000_000...1_000_000_000_000)]
                for _ in 0..<rng.int(in: 0...18) {
                    pool.append(rng.chance(0.2) ? rng.pick([0, 127, 128, -129, Int64(Int32.max), Int64(Int32.min) - 1])
                                                : rng.int64(in: -1_000_000_000_000...1_000_000_000_000))
                }
                draw = { $0.pick(pool) }
            default:
                draw = { $0.int64(in: -1_000_000_000_000...1_000_000_000_000) }
            }
            var raw = ContiguousArray<Int64>()
            raw.reserveCapacity(rows)
            var values = [Value]()
            values.reserveCapacity(rows)
            for row in 0..<rows {
                let v = draw(&rng)
                if present[row] {
                    raw.append(v); values.append(.integer(v))
                } else {
                    raw.append(garbage ? v : 0); values.append(.missing)
                }
            }
            return finish(kind, name, .integer(IntegerBuffer(narrowing: raw)), present, values)

        case .decimal, .continuous:
            var raw = ContiguousArray<Double>()
            raw.reserveCapacity(rows)
            var values = [Value]()
            values.reserveCapacity(rows)
            for row in 0..<rows {
                let v: Double
                if kind == .decimal {
                    v = rng.chance(0.03) ? -0.0 : Double(rng.int(in: -40...40)) * 0.25
                } else {
                    v = (rng.unit() * 2 - 1) * (rng.chance(0.5) ? 1e6 : 1)
                }
                if present[row] {
                    raw.append(v); values.append(.decimal(v))
                } else {
                    raw.append(garbage ? v : 0); values.append(.missing)
                }
            }
            return finish(kind, name, .decimal(raw), present, values)

        case .boolean:
            var raw = ContiguousArray<Bool>()
            raw.reserveCapacity(rows)
            var values = [Value]()
            values.reserveCapacity(rows)
            let bias = rng.unit()
            for row in 0..<rows {
                let v = rng.chance(bias)
                if present[row] {
                    raw.append(v); values.append(.boolean(v))
                } else {
                    raw.append(garbage ? v : false); values.append(.missing)
                }
            }
            return finish(kind, name, .boolean(raw), present, values)
        }
    }

    private static func finish(_ kind: RandomKind, _ name: String, _ storage: ColumnStorage, _ present: [Bool],
                               _ values: [Value]) -> RandomColumn {
        RandomColumn(kind: kind, column: Column(name: name, storage: storage, validity: ValidityBitmap(present)), values: values)
    }

    /// A random selection of `rows`: all of them, none, a prefix, or a random ascending subset.
    static func selection(rows: Int, rng: inout SplitMix64) -> Selection {
        let r = rng.unit()
        if r < 0.35 { return .all(count: rows) }
        if r < 0.4 { return .rows([]) }
        if r < 0.5 { return .rows(ContiguousArray((0..<Int32(rows)).prefix(rng.int(in: 0...rows)))) }
        let keep = rng.pick([0.02, 0.3, 0.7, 0.97])
        var out = ContiguousArray<Int32>()
        for row in 0..<rows where rng.chance(keep) { out.append(Int32(row)) }
        return .rows(out)
    }
}

/// Row counts for the property tests: 0, 1, small and medium; the seed picks one deterministically.
func randomRowCount(seed: Int, rng: inout SplitMix64) -> Int {
    switch seed % 10 {
    case 0: return 0
    case 1: return 1
    case 2, 3, 4, 5: return rng.int(in: 2...60)
    case 6, 7, 8: return rng.int(in: 61...3_000)
    default: return rng.int(in: 3_001...10_000)
    }
}
