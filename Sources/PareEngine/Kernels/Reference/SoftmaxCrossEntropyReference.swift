// Reference fused softmax + cross-entropy on logits in the lane layout, numerically stable (the per-sample
// maximum is subtracted before exponentiating), one sample (lane) at a time.
//
// Legend: k = chunk, c = class; `lanes` = 16. Shapes: logits and gradient `[chunkCount][classCount][16]`,
// labels `[batch]` indexed by sample.

import Foundation

/// Per real sample: `loss = log Σ_c e^(z_c − m) + m − z_label` with `m = max_c z_c`; the sample is correct when
/// its first maximal logit is the label. When `logitGradient` is non-nil it is overwritten with
/// `(softmax(z) − onehot(label)) · gradientScale` on real lanes and 0 on padding lanes.
///
/// - Parameters:
///   - labels: the labels of the whole batch; sample `firstSample + 16k + lane` reads `labels[that index]`.
///   - firstSample: the batch index of lane 0 of the first chunk passed.
///   - validSamples: real samples counted from `firstSample` (lanes past it are padding).
/// - Returns: the sum of the real samples' losses (in Double) and the number of correct predictions.
func softmaxCrossEntropyReference(logits: UnsafePointer<Float>, labels: UnsafePointer<Int32>, classCount: Int,
                                  chunkCount: Int, firstSample: Int, validSamples: Int, gradientScale: Float,
                                  logitGradient: UnsafeMutablePointer<Float>?) -> (lossSum: Double, correctCount: Int) {
    let lanes = LaneLayout.laneCount
    var lossSum = 0.0
    var correctCount = 0
    for k in 0..<chunkCount {
        let valid = LaneLayout.validLanes(chunk: k, batchSize: validSamples)
        let z = logits + k * classCount * lanes
        for lane in 0..<lanes {
            guard lane < valid else {
                for c in 0..<classCount { logitGradient?[(k * classCount + c) * lanes + lane] = 0 }
                continue
            }
            let label = Int(labels[firstSample + k * lanes + lane])
            precondition(label >= 0 && label < classCount,
                         "softmaxCrossEntropy: label \(label) of sample \(firstSample + k * lanes + lane) is not in 0..<\(classCount)")
            var maximum = -Float.infinity, predicted = 0
            for c in 0..<classCount where z[c * lanes + lane] > maximum {
                maximum = z[c * lanes + lane]
                predicted = c
            }
            var sum = 0.0
            for c in 0..<classCount { sum += Double(exp(z[c * lanes + lane] - maximum)) }
            lossSum += log(sum) + Double(maximum) - Double(z[label * lanes + lane])
            if predicted == label { correctCount += 1 }
            if let logitGradient {
                for c in 0..<classCount {
                    let probability = Float(Double(exp(z[c * lanes + lane] - maximum)) / sum)
                    let target: Float = c == label ? 1 : 0
                    logitGradient[(k * classCount + c) * lanes + lane] = (probability - target) * gradientScale
                }
            }
        }
    }
    return (lossSum, correctCount)
}
