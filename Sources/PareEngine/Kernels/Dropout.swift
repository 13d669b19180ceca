// Fast inverted dropout in the lane layout: twins of `dropoutForwardReference` and `dropoutBackwardReference`
// (same signatures, same bits). The keep decisions of 8 samples are hashed at once in `SIMD8<UInt64>` with
// CounterRandom's function, and `unitFloat ≥ rate` is tested exactly in integers: `(bits >> 40) · 2^−24 ≥ rate`
// holds exactly when `bits >> 40 ≥ ⌈rate · 2^24⌉` (both sides are exact: 24-bit integers and a Float times 2^24).
//
// Legend: k = chunk, f = feature; `lanes` = 16. Shapes: `[chunkCount][featureCount][16]`.

/// `output = input · keep / (1 − rate)` where `keep ∈ {0, 1}`; `firstSample` is the batch index of lane 0 of
/// the first chunk passed.
func dropoutForward(input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, featureCount: Int,
                    chunkCount: Int, firstSample: Int, rate: Float, random: CounterRandom) {
    dropoutApply(source: input, destination: output, featureCount: featureCount, chunkCount: chunkCount,
                 firstSample: firstSample, rate: rate, random: random)
}

/// `inputGradient = outputGradient · keep / (1 − rate)` with the same `keep` as the forward call.
func dropoutBackward(outputGradient: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>,
                     featureCount: Int, chunkCount: Int, firstSample: Int, rate: Float, random: CounterRandom) {
    dropoutApply(source: outputGradient, destination: inputGradient, featureCount: featureCount,
                 chunkCount: chunkCount, firstSample: firstSample, rate: rate, random: random)
}

/// Forward and backward are the same masked scaling.
private func dropoutApply(source: UnsafePointer<Float>, destination: UnsafeMutablePointer<Float>, featureCount: Int,
                          chunkCount: Int, firstSample: Int, rate: Float, random: CounterRandom) {
    let lanes = LaneLayout.laneCount, half = lanes / 2
    let scale = 1 / (1 - rate)
    let threshold = SIMD8<Int32>(repeating: Int32((Double(rate) * 0x1p24).rounded(.up)))
    let laneOffsets = SIMD8<UInt64>(0, 1, 2, 3, 4, 5, 6, 7)
    for k in 0..<chunkCount {
        // Counter of (sample, feature) is sample << 32 | feature, as in CounterRandom.bits.
        let firstSamples = UInt64(truncatingIfNeeded: firstSample + k * lanes)
        let lowSamples = (laneOffsets &+ firstSamples) &<< 32, highSamples = (laneOffsets &+ (firstSamples + 8)) &<< 32
        for f in 0..<featureCount {
            let index = (k * featureCount + f) * lanes
            let feature = UInt64(truncatingIfNeeded: f)
            @inline(__always) func apply(samples: SIMD8<UInt64>, offset: Int) {
                let bits = mix(random.key ^ mix(samples | feature))
                let keeps = SIMD8<Int32>(truncatingIfNeeded: bits &>> 40) .>= threshold
                let scaled = loadHalfLanes(source + index + offset) * scale
                storeHalfLanes(HalfLanes().replacing(with: scaled, where: keeps), to: destination + index + offset)
            }
            apply(samples: lowSamples, offset: 0)
            apply(samples: highSamples, offset: half)
        }
    }
}

/// SplitMix64's finaliser on 8 lanes (the same function as `SplitMix64.mix`).
@inline(__always)
private func mix(_ value: SIMD8<UInt64>) -> SIMD8<UInt64> {
    var z = value
    z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z &>> 31)
}
