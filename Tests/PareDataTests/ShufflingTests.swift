// Seeded draws and shuffles: fixed results (cross-checked against an independent Python implementation)
// and uniformity.
//
// Golden values: python3 Tests/PareDataTests/Fixtures/shuffle_golden.py
//   next     [7191089600892374487, 309689372594955804]            (SplitMix64, seed 7)
//   uniform  [3, 0, 900, 0, 1, 1150299863866387076]               (bounds 10, 7, 1000, 1, 3, 2^62+1; seed 7)
//   shuffle  [4, 11, 8, 5, 9, 0, 3, 6, 10, 2, 1, 7]               (0..<12, seed 2024)

import Testing
import PareData

@Suite struct ShufflingTests {
    @Test func generatorMatchesPython() {
        var generator = SplitMix64(seed: 7)
        #expect([generator.next(), generator.next()] == [7_191_089_600_892_374_487, 309_689_372_594_955_804])
    }

    @Test func boundedDrawMatchesPython() {
        var generator = SplitMix64(seed: 7)
        let draws = [10, 7, 1000, 1, 3, (1 << 62) + 1].map { Shuffling.uniformIndex(below: $0, using: &generator) }
        #expect(draws == [3, 0, 900, 0, 1, 1_150_299_863_866_387_076])
    }

    @Test func fisherYatesMatchesPython() {
        var generator = SplitMix64(seed: 2024)
        #expect(Shuffling.shuffled(Array(0..<12), using: &generator) == [4, 11, 8, 5, 9, 0, 3, 6, 10, 2, 1, 7])
    }

    @Test func boundedDrawRejectsTheBiasedRange() {
        // A generator whose first output lands in the rejected zone for bound 3: 2^64 mod 3 = 1, so a draw with
        // low product bits 0 (x = 0) is rejected and the next output decides.
        struct Scripted: RandomNumberGenerator {
            var outputs: [UInt64]
            mutating func next() -> UInt64 { outputs.removeFirst() }
        }
        var generator = Scripted(outputs: [0, UInt64.max])
        #expect(Shuffling.uniformIndex(below: 3, using: &generator) == 2)
        #expect(generator.outputs.isEmpty)
    }

    @Test func shufflesAreUniform() {
        // All 24 orders of 4 elements over 24 000 shuffles: each expected 1000 times; the standard deviation
        // is about 31, so 850...1150 is a ±4.8σ band.
        var generator = SplitMix64(seed: 3)
        var counts: [[Int]: Int] = [:]
        for _ in 0..<24_000 { counts[Shuffling.shuffled([0, 1, 2, 3], using: &generator), default: 0] += 1 }
        #expect(counts.count == 24)
        #expect(counts.values.allSatisfy { (850...1150).contains($0) }, "\(counts.values.sorted())")
    }

    @Test func shortInputsAreUnchanged() {
        var generator = SplitMix64(seed: 1)
        #expect(Shuffling.shuffled([Int](), using: &generator) == [])
        #expect(Shuffling.shuffled([5], using: &generator) == [5])
        #expect(generator.next() == SplitMix64(seed: 1).nextValue)  // nothing was drawn
    }
}

private extension SplitMix64 {
    /// The first output of a fresh generator.
    var nextValue: UInt64 {
        var copy = self
        return copy.next()
    }
}
