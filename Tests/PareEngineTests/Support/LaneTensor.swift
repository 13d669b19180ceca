// A lane-layout batch held in a Swift array, for tests: element access by (sample, feature), random fills
// with zero padding lanes, and pointer access for calling layers and kernels.

import PareEngine

/// A batch of `batchSize` samples of `featureCount` features in the lane layout.
struct LaneTensor {
    var values: [Float]
    let batchSize: Int
    let featureCount: Int

    /// A zero-filled batch.
    init(batchSize: Int, featureCount: Int, fill: Float = 0) {
        self.batchSize = batchSize
        self.featureCount = featureCount
        values = [Float](repeating: fill, count: LaneLayout.floatCount(batchSize: batchSize, featureCount: featureCount))
    }

    /// A batch whose real elements come from `value(sample, feature)` and whose padding lanes are zero.
    init(batchSize: Int, featureCount: Int, value: (Int, Int) -> Float) {
        self.init(batchSize: batchSize, featureCount: featureCount)
        for sample in 0..<batchSize {
            for feature in 0..<featureCount {
                self[sample, feature] = value(sample, feature)
            }
        }
    }

    /// Uniform values in `range` on real lanes, zero on padding lanes.
    static func random(batchSize: Int, featureCount: Int, in range: ClosedRange<Float>,
                       generator: inout SeededGenerator) -> LaneTensor {
        LaneTensor(batchSize: batchSize, featureCount: featureCount) { _, _ in
            range.lowerBound + (range.upperBound - range.lowerBound) * generator.nextUnitFloat()
        }
    }

    subscript(sample: Int, feature: Int) -> Float {
        get { values[LaneLayout.index(sample: sample, feature: feature, featureCount: featureCount)] }
        set { values[LaneLayout.index(sample: sample, feature: feature, featureCount: featureCount)] = newValue }
    }

    /// Indices of padding lanes (samples `batchSize ..< 16 · chunkCount`).
    var paddingIndices: [Int] {
        let chunkCount = LaneLayout.chunkCount(batchSize: batchSize)
        return (batchSize..<(chunkCount * LaneLayout.laneCount)).flatMap { sample in
            (0..<featureCount).map { LaneLayout.index(sample: sample, feature: $0, featureCount: featureCount) }
        }
    }

    /// Indices of real elements.
    var realIndices: [Int] {
        (0..<batchSize).flatMap { sample in
            (0..<featureCount).map { LaneLayout.index(sample: sample, feature: $0, featureCount: featureCount) }
        }
    }

    /// Σ over real elements of `self · weights`, in Double.
    func dot(_ weights: LaneTensor) -> Double {
        realIndices.reduce(0.0) { $0 + Double(values[$1]) * Double(weights.values[$1]) }
    }
}

/// Uniform floats in `range`.
func randomFloats(_ count: Int, in range: ClosedRange<Float>, generator: inout SeededGenerator) -> [Float] {
    (0..<count).map { _ in range.lowerBound + (range.upperBound - range.lowerBound) * generator.nextUnitFloat() }
}
