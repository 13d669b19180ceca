// SplitMix64: a tiny 64-bit generator used to seed xoshiro256** and as the mixing function of CounterRandom.
// Reference: Steele, Lea, Flood, "Fast splittable pseudorandom number generators" (OOPSLA 2014);
// constants as in Vigna's public-domain splitmix64.c (https://prng.di.unimi.it/splitmix64.c).

/// The SplitMix64 generator: a Weyl sequence passed through a 64-bit finaliser.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose sequence depends only on `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 finaliser: a bijective avalanche mix of 64 bits.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
