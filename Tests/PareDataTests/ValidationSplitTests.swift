// The stratified validation split: per-class proportions, determinism, disjointness and coverage.

import Testing
import PareData

@Suite struct ValidationSplitTests {
    /// 1000 labels over 7 classes of unequal sizes (class c has about 2c + 1 shares).
    static let labels: [UInt8] = {
        var generator = SplitMix64(seed: 12)
        return (0..<1000).map { _ in
            let draw = Shuffling.uniformIndex(below: 49, using: &generator)  // 49 = 1 + 3 + … + 13
            var total = 0
            for label in 0..<7 {
                total += 2 * label + 1
                if draw < total { return UInt8(label) }
            }
            return 6
        }
    }()

    @Test(arguments: [0.1, 0.25, 0.5, 0.9])
    func eachClassGivesItsRoundedShare(fraction: Double) throws {
        var generator = SplitMix64(seed: 5)
        let split = try ValidationSplit.stratified(labels: Self.labels, fraction: fraction, using: &generator)
        for label in UInt8(0)..<7 {
            let count = Self.labels.filter { $0 == label }.count
            let held = split.validationIndices.filter { Self.labels[$0] == label }.count
            #expect(held == Int((fraction * Double(count)).rounded()), "class \(label) of \(count), fraction \(fraction)")
        }
        // Disjoint, and together every example exactly once, each list ascending.
        #expect(Set(split.trainIndices).isDisjoint(with: split.validationIndices))
        #expect((split.trainIndices + split.validationIndices).sorted() == Array(0..<Self.labels.count))
        #expect(split.trainIndices == split.trainIndices.sorted() && split.validationIndices == split.validationIndices.sorted())
    }

    @Test func sameSeedSameSplitDifferentSeedDifferentSplit() throws {
        func split(seed: UInt64) throws -> ValidationSplit {
            var generator = SplitMix64(seed: seed)
            return try ValidationSplit.stratified(labels: Self.labels, fraction: 0.2, using: &generator)
        }
        #expect(try split(seed: 1) == split(seed: 1))
        #expect(try split(seed: 1).validationIndices != split(seed: 2).validationIndices)
    }

    @Test func matchesPython() throws {
        // python3 Tests/PareDataTests/Fixtures/shuffle_golden.py → labels [0,1,2,0,1,2,0,1,2,0,1,1], seed 99,
        // fraction 0.25: train [0, 1, 3, 4, 5, 8, 9, 10, 11], validation [2, 6, 7]
        // (class sizes 4, 5, 3 → round(1.0) = 1, round(1.25) = 1, round(0.75) = 1).
        var generator = SplitMix64(seed: 99)
        let split = try ValidationSplit.stratified(labels: [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 1], fraction: 0.25,
                                                   using: &generator)
        #expect(split.trainIndices == [0, 1, 3, 4, 5, 8, 9, 10, 11] && split.validationIndices == [2, 6, 7])
    }

    @Test func halvesRoundAwayFromZero() throws {
        // 5 examples of one class at fraction 0.5: 2.5 → 3 validation examples.
        var generator = SplitMix64(seed: 0)
        let split = try ValidationSplit.stratified(labels: [4, 4, 4, 4, 4], fraction: 0.5, using: &generator)
        #expect(split.validationIndices.count == 3 && split.trainIndices.count == 2)
    }

    @Test(arguments: [0.0, 1.0, -0.5, 1.5, Double.nan])
    func fractionOutsideTheOpenIntervalIsRejected(fraction: Double) {
        var generator = SplitMix64(seed: 0)
        do {
            _ = try ValidationSplit.stratified(labels: [0, 1], fraction: fraction, using: &generator)
            Issue.record("accepted fraction \(fraction)")
        } catch {
            #expect(error.description == "error: validation fraction must be between 0 and 1 (exclusive), got \(fraction)")
        }
    }
}
