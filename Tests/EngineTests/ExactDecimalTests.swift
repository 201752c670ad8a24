import Foundation
import Testing
@testable import Engine

/// The scaled arithmetic of `ExactDecimal` against a naive reference: integers rescaled by repeated
/// multiplication by ten, decimals written out digit by digit and read by the C library's strtod.
@Suite struct ExactDecimalTests {
    /// n / 10^places written out in full (`-0.05`, `3.40`), the way a person types it.
    static func text(_ n: Int64, places: Int) -> String {
        var digits = String(n.magnitude)
        while digits.count <= places { digits = "0" + digits }
        let whole = digits.dropLast(places), fraction = digits.suffix(places)
        return (n < 0 ? "-" : "") + whole + (places > 0 ? "." + fraction : "")
    }

    /// The double strtod reads for n / 10^places: the nearest one.
    static func read(_ n: Int64, places: Int) -> Double { strtod(text(n, places: places), nil) }

    /// n rescaled from `from` to `to` places by multiplying by ten once per place.
    static func naiveRescale(_ n: Int64, from: Int, to: Int) -> Int64 {
        var r = n
        for _ in from..<to { r *= 10 }
        return r
    }

    @Test(arguments: 0..<40)
    func arithmeticMatchesIntegerReference(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &+ 0xDEC1)
        for _ in 0..<500 {
            // At most 7 digits each, so the reference's products and rescalings stay far from overflow.
            let a = rng.int64(in: -9_999_999...9_999_999), b = rng.int64(in: -9_999_999...9_999_999)
            let pa = rng.int(in: 0...4), pb = rng.int(in: 0...4)
            let x = Self.read(a, places: pa), y = Self.read(b, places: pb)
            #expect(ExactDecimal.scaled(x, places: pa) == a, "seed \(seed): \(Self.text(a, places: pa))")
            let common = max(pa, pb)
            let ra = Self.naiveRescale(a, from: pa, to: common), rb = Self.naiveRescale(b, from: pb, to: common)
            let expected: [(Character, Int64, Int)] = [("+", ra + rb, common), ("-", ra - rb, common), ("*", a * b, pa + pb)]
            for (op, value, places) in expected {
                let result = ExactDecimal.apply(op, x, pa, y, pb)
                #expect(result?.places == places)
                // The result is the double that the exact decimal, typed, reads as.
                #expect(result?.value == Self.read(value, places: places),
                        "seed \(seed): \(Self.text(a, places: pa)) \(op) \(Self.text(b, places: pb)) should be \(Self.text(value, places: places))")
            }
            // Comparing the doubles is comparing the decimals.
            let difference = ExactDecimal.apply("-", x, pa, y, pb)!.value
            let literal = rng.int64(in: -999_999...999_999), literalPlaces = rng.int(in: 0...4)
            let typed = Self.read(literal, places: literalPlaces)
            let exactDifference = ra - rb, scale = max(common, literalPlaces)
            let left = Self.naiveRescale(exactDifference, from: common, to: scale), right = Self.naiveRescale(literal, from: literalPlaces, to: scale)
            #expect((difference < typed) == (left < right) && (difference == typed) == (left == right),
                    "seed \(seed): \(Self.text(exactDifference, places: common)) against \(Self.text(literal, places: literalPlaces))")
        }
    }

    @Test func theTargetExample() {
        // 3.40 - 2.70 in doubles is 0.6999999999999997; exactly it is 0.70, the double 0.70 reads as.
        #expect(3.40 - 2.70 < 0.70)
        let result = ExactDecimal.apply("-", 3.40, 2, 2.70, 2)
        #expect(result?.value == 0.70)
        #expect(result?.places == 2)
    }

    @Test func doublesThatAreNoSuchDecimal() {
        // 0.1 + 0.2 in doubles is not any decimal of one place, nor of up to 15.
        #expect(ExactDecimal.scaled(0.1 + 0.2, places: 1) == nil)
        #expect(ExactDecimal.places(of: 0.1 + 0.2) == nil)
        #expect(ExactDecimal.scaled(.nan, places: 2) == nil)
        #expect(ExactDecimal.scaled(.infinity, places: 0) == nil)
        #expect(ExactDecimal.scaled(1.5, places: 16) == nil)
        // 16 digits once scaled are beyond what is kept exact.
        #expect(ExactDecimal.scaled(1_000_000_000_000_000, places: 0) == nil)
        #expect(ExactDecimal.scaled(999_999_999_999_999, places: 0) == 999_999_999_999_999)
        #expect(ExactDecimal.scaled(-9_999_999_999_999.99, places: 2) == -999_999_999_999_999)
    }

    @Test func placesOfTypedLiterals() {
        #expect(ExactDecimal.places(of: 0.70) == 1)
        #expect(ExactDecimal.places(of: 3.25) == 2)
        #expect(ExactDecimal.places(of: 2021) == 0)
        #expect(ExactDecimal.places(of: 0.00001) == 5)
        #expect(ExactDecimal.places(of: -12.5) == 1)
        #expect(ExactDecimal.places(of: 1.5e14) == 0)
    }

    @Test func resultsBeyondFifteenDigitsAreNotExact() {
        // 9,999,999.9 × 9,999,999.9 needs 16 digits: the caller falls back to doubles and says nothing exact.
        #expect(ExactDecimal.apply("*", 9_999_999.9, 1, 9_999_999.9, 1) == nil)
        #expect(ExactDecimal.apply("+", 999_999_999_999_999, 0, 1, 0) == nil)
        #expect(ExactDecimal.apply("*", 0.5, 8, 0.5, 8) == nil)  // 16 places
        #expect(ExactDecimal.apply("+", 999_999_999_999_998, 0, 1, 0)?.value == 999_999_999_999_999)
    }

    @Test func columnSumsAreExact() throws {
        let tenths = Column(name: "x", storage: .decimal(ContiguousArray(repeating: 0.1, count: 10)),
                            annotations: ColumnAnnotations(decimalPlaces: 1))
        let all = Grouping(single: .all(count: 10))
        let sum = try tenths.aggregate(.sum, all)
        #expect(sum.value(at: 0) == .decimal(1.0))
        #expect(sum.annotations.decimalPlaces == 1)
        // Without places the doubles are added as doubles, and the mean is always a double.
        var plain = tenths
        plain.annotations.decimalPlaces = nil
        #expect(try plain.aggregate(.sum, all).value(at: 0) == .decimal(0.9999999999999999))
        #expect(try tenths.aggregate(.mean, all).annotations.decimalPlaces == nil)
    }

    @Test(arguments: 0..<20)
    func groupedSumsMatchIntegerReference(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &+ 0x51)
        let rows = rng.int(in: 1...3000), places = rng.int(in: 0...4), groups = rng.int(in: 1...7)
        let scaled = (0..<rows).map { _ in rng.int64(in: -99_999_999...99_999_999) }
        let present = (0..<rows).map { _ in rng.unit() > 0.1 }
        let keys = (0..<rows).map { _ in Int64(rng.int(in: 0...(groups - 1))) }
        let column = Column(name: "x", storage: .decimal(ContiguousArray(scaled.map { Self.read($0, places: places) })),
                            validity: ValidityBitmap(present), annotations: ColumnAnnotations(decimalPlaces: places))
        let key = Column(name: "g", storage: .integer(IntegerBuffer(narrowing: ContiguousArray(keys))))
        let grouping = try Grouping(keys: [key], selection: .all(count: rows))
        let sums = try column.aggregate(.sum, grouping)
        for g in 0..<grouping.groupCount {
            let k = keys[Int(grouping.firstRow[g])]
            let members = (0..<rows).filter { keys[$0] == k && present[$0] }
            let total = members.reduce(Int64(0)) { $0 + scaled[$1] }
            #expect(sums.value(at: g) == (members.isEmpty ? .missing : .decimal(Self.read(total, places: places))),
                    "seed \(seed), group \(k)")
        }
    }
}
