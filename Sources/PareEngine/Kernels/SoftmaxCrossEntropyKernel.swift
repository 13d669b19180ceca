// Fast fused softmax + cross-entropy on logits in the lane layout: the twin of `softmaxCrossEntropyReference`
// (same signature). The 16 samples of a chunk are processed together: maximum, first arg-max, exponentials
// (the vectorised `exponential`, 1 ulp) and their sum are SIMD16 across samples; only the per-sample
// logarithm, the label's logit and the correct count are scalar (16 per chunk). Sums are in Float rather than
// the reference's Double, so losses and gradients agree with the reference to a few units of 1e-7 relative.
//
// Legend: k = chunk, c = class; `lanes` = 16. Shapes: logits and gradient `[chunkCount][classCount][16]`,
// labels `[batch]` indexed by sample.

import Foundation

/// Per real sample: `loss = log Σ_c e^(z_c − m) + m − z_label` with `m = max_c z_c`; the sample is correct when
/// its first maximal logit is the label. When `logitGradient` is non-nil it is overwritten with
/// `(softmax(z) − onehot(label)) · gradientScale` on real lanes and 0 on padding lanes.
/// - Returns: the sum of the real samples' losses (in Double) and the number of correct predictions.
func softmaxCrossEntropy(logits: UnsafePointer<Float>, labels: UnsafePointer<Int32>, classCount: Int,
                         chunkCount: Int, firstSample: Int, validSamples: Int, gradientScale: Float,
                         logitGradient: UnsafeMutablePointer<Float>?) -> (lossSum: Double, correctCount: Int) {
    let lanes = LaneLayout.laneCount
    let laneIndices = SIMD16<Int32>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
    var lossSum = 0.0
    var correctCount = 0
    for k in 0..<chunkCount {
        let valid = LaneLayout.validLanes(chunk: k, batchSize: validSamples)
        let z = logits + k * classCount * lanes
        var maximum = Lanes(repeating: -.infinity), predicted = SIMD16<Int32>(repeating: 0)
        for c in 0..<classCount {
            let value = loadLanes(z + c * lanes)
            let isNewMaximum = value .> maximum
            maximum.replace(with: value, where: isNewMaximum)
            predicted.replace(with: Int32(c), where: isNewMaximum)
        }
        var sum = Lanes()
        for c in 0..<classCount {
            let exponent = exponential(loadLanes(z + c * lanes) - maximum)
            sum += exponent
            if let logitGradient { storeLanes(exponent, to: logitGradient + (k * classCount + c) * lanes) }
        }
        for lane in 0..<valid {
            let sample = firstSample + k * lanes + lane
            let label = Int(labels[sample])
            precondition(label >= 0 && label < classCount,
                         "softmaxCrossEntropy: label \(label) of sample \(sample) is not in 0..<\(classCount)")
            lossSum += log(Double(sum[lane])) + Double(maximum[lane]) - Double(z[label * lanes + lane])
            if Int(predicted[lane]) == label { correctCount += 1 }
        }
        guard let logitGradient else { continue }
        // Probabilities, minus one at each real sample's label, scaled; padding lanes become exactly 0.
        let isReal = laneIndices .< Int32(valid)
        let gradient = logitGradient + k * classCount * lanes
        for c in 0..<classCount {
            storeLanes(loadLanes(gradient + c * lanes) / sum, to: gradient + c * lanes)
        }
        for lane in 0..<valid {
            gradient[Int(labels[firstSample + k * lanes + lane]) * lanes + lane] -= 1
        }
        for c in 0..<classCount {
            let scaled = loadLanes(gradient + c * lanes) * gradientScale
            storeLanes(scaled.replacing(with: 0, where: .!isReal), to: gradient + c * lanes)
        }
    }
    return (lossSum, correctCount)
}
