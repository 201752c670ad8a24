// SYNTHETIC DATA GENERATOR — the households it writes are invented, for benchmarks and tests only.
//
// The generator carries its own pseudo-random number generators instead of using the system random
// source: the output must be byte-identical for the same `--seed` and options on every run and at every
// thread count, and `SystemRandomNumberGenerator` is neither seedable nor reproducible. (Incomes go through
// the C library's log/cos/exp; a different libm could round a rare income differently in the last digit.)

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// SplitMix64 (Steele, Lea & Flood 2014). Used only to turn a seed and a block index into the state of
/// a `Xoshiro256StarStar`, which is what its authors recommend for seeding xoshiro.
struct SplitMix64 {
    private var state: UInt64

    init(state: UInt64) { self.state = state }

    @inline(__always)
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** (Blackman & Vigna 2018): small, fast and of good statistical quality; the generator
/// draws every household field from one of these per block.
struct Xoshiro256StarStar {
    private var s0, s1, s2, s3: UInt64

    /// The generator for one block of rows. It depends only on `(seed, blockIndex)`, never on which
    /// thread runs the block or in which order blocks run, so the output does not depend on scheduling.
    init(seed: UInt64, blockIndex: UInt64) {
        // Two SplitMix64 passes keep neighbouring seeds and neighbouring blocks far apart in state space.
        var seedMixer = SplitMix64(state: seed)
        let seedKey = seedMixer.next()
        var mixer = SplitMix64(state: seedKey ^ (blockIndex &* 0xD134_2543_DE82_EF95))
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
        // An all-zero state would stay zero forever; SplitMix64 outputs make this practically impossible.
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inline(__always)
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform integer in 0..<bound, by Lemire's multiply-shift. The bias (at most bound / 2^64) is far
    /// below anything visible in synthetic data, so no rejection loop is needed.
    @inline(__always)
    mutating func nextBelow(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// True with probability `p`.
    @inline(__always)
    mutating func chance(_ p: Double) -> Bool {
        nextUnit() < p
    }

    /// A standard normal variate (Box–Muller; the second variate of the pair is discarded to keep the
    /// generator stateless between rows).
    @inline(__always)
    mutating func nextStandardNormal() -> Double {
        let u1 = Double((next() >> 11) + 1) * 0x1p-53   // (0, 1]: log(u1) is finite
        let u2 = nextUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
