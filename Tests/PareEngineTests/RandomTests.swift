// The seeded generators against an independent implementation, and the counter-based stream's keying.

import Testing
@testable import PareEngine

@Suite struct RandomTests {
    /// Golden values from a separate Python implementation of Vigna's splitmix64.c and xoshiro256starstar.c:
    ///   M = (1 << 64) − 1; splitmix: s += 0x9E3779B97F4A7C15; z = (z ^ z >> 30)·0xBF58476D1CE4E5B9;
    ///   z = (z ^ z >> 27)·0x94D049BB133111EB; z ^ z >> 31 (all mod 2^64);
    ///   xoshiro256**: r = rotl(s1·5, 7)·9; t = s1 << 17; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45).
    /// SplitMix64(0) starting with 0xe220a8397b1dcdaf also matches the published splitmix64 reference output.
    @Test func generatorsMatchReferenceImplementation() {
        var splitMix = SplitMix64(seed: 0)
        #expect([splitMix.next(), splitMix.next()] == [0xe220_a839_7b1d_cdaf, 0x6e78_9e6a_a1b9_65f4])
        var xoshiro = SeededGenerator(seed: 42)
        #expect([xoshiro.next(), xoshiro.next(), xoshiro.next()]
                == [0x1578_0b2e_0c2e_c716, 0x6104_d986_6d11_3a7e, 0xae17_5332_39e4_99a1])
        var unit = SeededGenerator(seed: 42)
        // (0x15780b2e0c2ec716 >> 40) / 2^24 = 0.08386296033859253, exact in Float.
        #expect(unit.nextUnitFloat() == 0.08386296033859253)
    }

    @Test func counterStreamDependsOnEveryKeyPart() {
        let base = CounterRandom(seed: 1, step: 2, layer: 3)
        let value = base.bits(sample: 4, feature: 5)
        #expect(CounterRandom(seed: 1, step: 2, layer: 3).bits(sample: 4, feature: 5) == value)
        let variants = [CounterRandom(seed: 9, step: 2, layer: 3).bits(sample: 4, feature: 5),
                        CounterRandom(seed: 1, step: 9, layer: 3).bits(sample: 4, feature: 5),
                        CounterRandom(seed: 1, step: 2, layer: 9).bits(sample: 4, feature: 5),
                        base.bits(sample: 9, feature: 5), base.bits(sample: 4, feature: 9),
                        base.bits(sample: 5, feature: 4)]
        #expect(!variants.contains(value))
        #expect(Set(variants).count == variants.count)
    }

    /// The keep fraction of a 0.3-rate mask over 16,000 elements is 0.7 within 4 standard deviations
    /// (σ = √(0.7·0.3/16000) ≈ 0.0036).
    @Test func counterStreamIsUniformEnoughForDropout() {
        let random = CounterRandom(seed: 7, step: 0, layer: 1)
        var kept = 0
        for sample in 0..<160 {
            for feature in 0..<100 where random.unitFloat(sample: sample, feature: feature) >= 0.3 { kept += 1 }
        }
        #expect(abs(Double(kept) / 16000 - 0.7) < 4 * 0.0036)
    }
}
