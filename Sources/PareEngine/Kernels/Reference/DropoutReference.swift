// Reference inverted dropout in the lane layout. The keep decision of element (sample, feature) is
// `random.unitFloat(sample, feature) >= rate`, recomputed in backward rather than stored.
//
// Legend: k = chunk, f = feature; `lanes` = 16. Shapes: `[chunkCount][featureCount][16]`.

/// `output = input · keep / (1 − rate)` where `keep ∈ {0, 1}`; `firstSample` is the batch index of lane 0 of
/// the first chunk passed.
func dropoutForwardReference(input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, featureCount: Int,
                             chunkCount: Int, firstSample: Int, rate: Float, random: CounterRandom) {
    dropoutApplyReference(source: input, destination: output, featureCount: featureCount, chunkCount: chunkCount,
                          firstSample: firstSample, rate: rate, random: random)
}

/// `inputGradient = outputGradient · keep / (1 − rate)` with the same `keep` as the forward call.
func dropoutBackwardReference(outputGradient: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>,
                              featureCount: Int, chunkCount: Int, firstSample: Int, rate: Float,
                              random: CounterRandom) {
    dropoutApplyReference(source: outputGradient, destination: inputGradient, featureCount: featureCount,
                          chunkCount: chunkCount, firstSample: firstSample, rate: rate, random: random)
}

/// Forward and backward are the same masked scaling.
private func dropoutApplyReference(source: UnsafePointer<Float>, destination: UnsafeMutablePointer<Float>,
                                   featureCount: Int, chunkCount: Int, firstSample: Int, rate: Float,
                                   random: CounterRandom) {
    let lanes = LaneLayout.laneCount
    let scale = 1 / (1 - rate)
    for k in 0..<chunkCount {
        for f in 0..<featureCount {
            for lane in 0..<lanes {
                let index = (k * featureCount + f) * lanes + lane
                let keep = random.unitFloat(sample: firstSample + k * lanes + lane, feature: f) >= rate
                destination[index] = keep ? source[index] * scale : 0
            }
        }
    }
}
