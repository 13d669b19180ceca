// Counter-based randomness: the random bits for an element are a pure function of (seed, step, layer,
// sample, feature), so dropout masks do not depend on how a batch is split into work items or threads, and
// backward can recompute the forward mask instead of storing it.

/// A keyed hash that turns (sample, feature) into random bits, for one layer at one training step.
public struct CounterRandom: Hashable, Sendable {
    /// The hash key of (seed, step, layer); internal so the vectorised dropout kernel can hash 8 samples at once.
    let key: UInt64

    /// Creates the stream of `layer` at training step `step` of a run seeded with `seed`.
    public init(seed: UInt64, step: Int, layer: Int) {
        var key = SplitMix64.mix(seed &+ 0x9E37_79B9_7F4A_7C15)
        key = SplitMix64.mix(key ^ UInt64(truncatingIfNeeded: step))
        key = SplitMix64.mix(key ^ UInt64(truncatingIfNeeded: layer) &* 0xD1B5_4A32_D192_ED03)
        self.key = key
    }

    /// 64 random bits for element (`sample`, `feature`); `sample` is the index within the batch.
    @inline(__always)
    public func bits(sample: Int, feature: Int) -> UInt64 {
        let counter = UInt64(truncatingIfNeeded: sample) << 32 | UInt64(truncatingIfNeeded: feature)
        return SplitMix64.mix(key ^ SplitMix64.mix(counter))
    }

    /// A uniform float in `[0, 1)` for element (`sample`, `feature`).
    @inline(__always)
    public func unitFloat(sample: Int, feature: Int) -> Float {
        Float(bits(sample: sample, feature: feature) >> 40) * 0x1p-24
    }
}
