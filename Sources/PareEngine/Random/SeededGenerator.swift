// The engine's seeded generator: xoshiro256** seeded through SplitMix64, so a seed gives one sequence on any
// machine and any toolchain (unlike the stdlib's SystemRandomNumberGenerator or `Float.random(in:using:)`,
// whose mapping from bits to floats is not promised to stay the same).
// Reference: Blackman & Vigna, "Scrambled linear pseudorandom number generators" (https://prng.di.unimi.it/).

/// A xoshiro256** generator seeded from one 64-bit seed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// Creates a generator; the four state words are the first four outputs of SplitMix64(`seed`).
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        s0 = seeder.next()
        s1 = seeder.next()
        s2 = seeder.next()
        s3 = seeder.next()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, by: 7) &* 9
        let shifted = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= shifted
        s3 = rotateLeft(s3, by: 45)
        return result
    }

    @inline(__always)
    private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }
}

extension RandomNumberGenerator {
    /// A uniform float in `[0, 1)` from the top 24 bits of `next()` (exact in Float, same on every platform).
    @inline(__always)
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A uniform float in `[-limit, limit)`.
    @inline(__always)
    public mutating func nextSymmetricFloat(limit: Float) -> Float {
        limit * (2 * nextUnitFloat() - 1)
    }
}
