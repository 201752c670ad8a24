// SYNTHETIC DATA GENERATOR — the households it writes are invented, for benchmarks and tests only.
//
// The statistical model behind one synthetic household. Every parameter below except the province base
// rates (ProvinceBaseRates.swift) is made up: chosen so the columns look plausible and vary in the
// directions a poverty analysis expects (poorer provinces, ethnic minorities and rural households are
// poorer; poverty falls over time), not calibrated to any survey. Do not read anything real into them.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One generated row, before formatting. Small plain values so a block of rows never allocates.
struct Household {
    var provinceIndex: Int
    var districtIndex: Int
    var year: Int
    var urban: Bool
    var ethnicMinority: Bool
    var members: Int
    /// Income per person per month in units of 100 VND (tenths of the thousand-VND figure written to the
    /// CSV), so formatting needs only integer arithmetic.
    var incomeTenths: Int
    var poor: Bool
    var nearPoor: Bool
}

/// Precomputed parameters of the synthetic population, derived once from the province table and shared
/// read-only by all threads.
struct HouseholdModel: Sendable {
    static let firstYear = 2016
    static let lastYear = 2024
    static let yearCount = lastYear - firstYear + 1

    /// Relative fall of the poverty probability per year after 2016 (13 % per year).
    static let yearlyPovertyDecline = 0.13
    /// How many times more likely an ethnic-minority household is to be poor than a Kinh/Hoa one
    /// in the same province, year and area.
    static let minorityPovertyRatio = 4.0
    /// How likely an urban household is to be poor relative to a rural one.
    static let urbanPovertyRatio = 0.4
    /// Floor for the base rate: GSO publishes 0.0 for Bình Dương and Hồ Chí Minh, which would make the
    /// `poor` column constant there; a constant column is useless for tests, so use 0.2 % instead.
    static let minimumBaseRate = 0.002
    /// Cap so no household is poor with certainty.
    static let maximumPovertyProbability = 0.95

    /// Per-province parameters.
    struct Province: Sendable {
        var districtCount: Int
        var minorityProbability: Double
        var urbanProbability: Double
        /// poorProbability[yearOffset][minority ? 1 : 0][urban ? 1 : 0]
        var poorProbability: [Double]

        @inline(__always)
        func poorProbability(yearOffset: Int, minority: Bool, urban: Bool) -> Double {
            poorProbability[yearOffset &* 4 &+ (minority ? 2 : 0) &+ (urban ? 1 : 0)]
        }
    }

    let provinces: [Province]

    /// Household size 1…9 as cumulative thresholds on a 32-bit draw, separately for Kinh/Hoa and for
    /// ethnic-minority households (larger on average). Made-up shares in per mille:
    ///   majority 60, 150, 200, 260, 160, 90, 45, 25, 10 — minority 30, 90, 150, 230, 200, 140, 85, 45, 30.
    let memberThresholds: [[UInt64]]

    /// log of the median income (thousand VND per person per month), indexed by
    /// `incomeIndex(yearOffset:status:urban:minority:)`; and the log-normal spread per status.
    let logMedianIncome: [Double]
    let incomeSpread: [Double]

    init(provinces table: [ProvinceBaseRate]) {
        let decline = 1 - Self.yearlyPovertyDecline
        provinces = table.enumerated().map { index, row in
            let base = max(row.ratePercent / 100, Self.minimumBaseRate)
            // Ethnic-minority share rises with the province's poverty rate (made up, monotone, capped).
            let minority = min(0.85, 0.03 + 2.8 * base)
            // Urban share falls with the province's poverty rate (made up; no real urbanisation data).
            let urban = min(0.42, max(0.12, 0.42 - 0.9 * base))
            // Split the base rate between groups with the ratios above so that, before the cap, the
            // province's expected 2016 rate is still its published base rate.
            let majorityFactor = 1 / (minority * Self.minorityPovertyRatio + (1 - minority))
            let ruralFactor = 1 / (urban * Self.urbanPovertyRatio + (1 - urban))
            var probabilities: [Double] = []
            for yearOffset in 0..<Self.yearCount {
                let trend = pow(decline, Double(yearOffset))
                for isMinority in [false, true] {
                    for isUrban in [false, true] {
                        let ethnicFactor = majorityFactor * (isMinority ? Self.minorityPovertyRatio : 1)
                        let areaFactor = ruralFactor * (isUrban ? Self.urbanPovertyRatio : 1)
                        let p = base * trend * ethnicFactor * areaFactor
                        probabilities.append(min(p, Self.maximumPovertyProbability))
                    }
                }
            }
            return Province(
                districtCount: Self.districtCount(provinceIndex: index),
                minorityProbability: minority,
                urbanProbability: urban,
                poorProbability: probabilities)
        }

        func thresholds(_ perMille: [UInt64]) -> [UInt64] {
            precondition(perMille.reduce(0, +) == 1000)
            var sum: UInt64 = 0
            return perMille.map { share in
                sum += share
                return sum == 1000 ? UInt64.max : (sum << 32) / 1000
            }
        }
        memberThresholds = [
            thresholds([60, 150, 200, 260, 160, 90, 45, 25, 10]),
            thresholds([30, 90, 150, 230, 200, 140, 85, 45, 30]),
        ]

        // Made-up medians in 2016 (thousand VND per person per month) growing 7 % a year.
        var logMedians: [Double] = []
        for yearOffset in 0..<Self.yearCount {
            let growth = pow(1.07, Double(yearOffset))
            for status in IncomeStatus.allCases {
                for isUrban in [false, true] {
                    for isMinority in [false, true] {
                        let median: Double
                        switch status {
                        case .poor: median = 600 * (isUrban ? 1.3 : 1)
                        case .nearPoor: median = 1_000 * (isUrban ? 1.3 : 1)
                        case .other: median = 2_800 * (isUrban ? 1.6 : 1) * (isMinority ? 0.75 : 1)
                        }
                        logMedians.append(log(median * growth))
                    }
                }
            }
        }
        logMedianIncome = logMedians
        incomeSpread = [0.30, 0.25, 0.55]
    }

    enum IncomeStatus: Int, CaseIterable {
        case poor = 0, nearPoor = 1, other = 2
    }

    @inline(__always)
    static func incomeIndex(yearOffset: Int, status: IncomeStatus, urban: Bool, minority: Bool) -> Int {
        ((yearOffset &* 3 &+ status.rawValue) &* 2 &+ (urban ? 1 : 0)) &* 2 &+ (minority ? 1 : 0)
    }

    /// 6 to 14 synthetic districts per province, fixed for the province (it does not depend on `--seed`),
    /// so every data set shares the same made-up district list.
    static func districtCount(provinceIndex: Int) -> Int {
        var mixer = SplitMix64(state: 0x736F_6C69_6575_4844 ^ UInt64(provinceIndex))
        return 6 + Int(mixer.next() % 9)
    }

    /// Draws one household. The order of draws is part of the output format: changing it changes every
    /// data set generated from a given seed.
    @inline(__always)
    func household(using rng: inout Xoshiro256StarStar) -> Household {
        let provinceIndex = rng.nextBelow(provinces.count)
        let province = provinces[provinceIndex]
        let districtIndex = rng.nextBelow(province.districtCount)
        let yearOffset = rng.nextBelow(Self.yearCount)
        let urban = rng.chance(province.urbanProbability)
        let minority = rng.chance(province.minorityProbability)

        let sizeDraw = rng.next() >> 32
        let table = memberThresholds[minority ? 1 : 0]
        var members = 1
        while members < 9 && sizeDraw >= table[members - 1] { members += 1 }

        let poorProbability = province.poorProbability(yearOffset: yearOffset, minority: minority, urban: urban)
        let poor = rng.chance(poorProbability)
        // Near-poor only among the non-poor, more common where poverty is common.
        let nearPoor = !poor && rng.chance(min(0.30, 0.7 * poorProbability + 0.01))

        let status: IncomeStatus = poor ? .poor : (nearPoor ? .nearPoor : .other)
        let logMedian = logMedianIncome[
            Self.incomeIndex(yearOffset: yearOffset, status: status, urban: urban, minority: minority)]
        let income = exp(logMedian + incomeSpread[status.rawValue] * rng.nextStandardNormal())
        // Keep within 5.0 … 9,999,999.9 thousand VND so a row's width is bounded.
        let tenths = Int(min(max((income * 10).rounded(), 50), 99_999_999))

        return Household(
            provinceIndex: provinceIndex, districtIndex: districtIndex,
            year: Self.firstYear + yearOffset, urban: urban, ethnicMinority: minority, members: members,
            incomeTenths: tenths, poor: poor, nearPoor: nearPoor)
    }
}
