// The fused softmax cross-entropy: hand-computed values, numerical stability, padding lanes, accuracy ties,
// and the gradient against central differences.

import Foundation
import Testing
@testable import PareEngine

/// Evaluates the loss on a whole batch; returns (mean loss, correct, gradient).
private func evaluate(_ logits: LaneTensor, labels: [Int32], withGradient: Bool = true)
    -> (loss: Double, correct: Int, gradient: LaneTensor) {
    let loss = SoftmaxCrossEntropy(classCount: logits.featureCount)
    var gradient = LaneTensor(batchSize: logits.batchSize, featureCount: logits.featureCount, fill: .nan)
    let result = logits.values.withUnsafeBufferPointer { z in
        labels.withUnsafeBufferPointer { y in
            gradient.values.withUnsafeMutableBufferPointer { g in
                loss.evaluate(logits: z.baseAddress!, labels: y.baseAddress!,
                              chunks: 0..<LaneLayout.chunkCount(batchSize: logits.batchSize),
                              batchSize: logits.batchSize, logitGradient: withGradient ? g.baseAddress! : nil)
            }
        }
    }
    return (result.lossSum / Double(logits.batchSize), result.correctCount, gradient)
}

@Suite struct SoftmaxCrossEntropyTests {
    /// Logits [0, ln 3, 0], label 1: softmax = [1/5, 3/5, 1/5], loss = −ln(3/5) = 0.5108256238,
    /// gradient = ([0.2, 0.6, 0.2] − [0, 1, 0]) / 17 = [0.2, −0.4, 0.2] / 17 for each of 17 samples.
    @Test func handComputedValue() {
        let logits = LaneTensor(batchSize: 17, featureCount: 3) { _, c in c == 1 ? Float(log(3.0)) : 0 }
        let (loss, correct, gradient) = evaluate(logits, labels: [Int32](repeating: 1, count: 17))
        #expect(abs(loss - 0.5108256238) < 1e-6)
        #expect(correct == 17)
        for sample in 0..<17 {
            let expected: [Float] = [0.2 / 17, -0.4 / 17, 0.2 / 17]
            for c in 0..<3 { #expect(abs(gradient[sample, c] - expected[c]) < 1e-7) }
        }
        #expect(gradient.paddingIndices.allSatisfy { gradient.values[$0] == 0 })
    }

    /// Logits ±1000 would overflow e^z in Float; after subtracting the maximum the loss is exact:
    /// label 0 → log(1 + e^−1000 + e^−2000) ≈ 0, label 1 → 1000 + that.
    @Test func stableForHugeLogits() {
        let logits = LaneTensor(batchSize: 2, featureCount: 3) { _, c in [1000, 0, -1000][c] }
        let (loss, correct, gradient) = evaluate(logits, labels: [0, 1])
        #expect(abs(loss - 500) < 1e-9)
        #expect(correct == 1)
        #expect(gradient.values.allSatisfy { $0.isFinite })
    }

    /// Garbage in padding lanes changes nothing, and ties count the first maximum as the prediction.
    @Test func paddingIgnoredAndTiesPickFirst() {
        var logits = LaneTensor(batchSize: 3, featureCount: 2) { sample, _ in Float(sample) }  // ties: all equal
        let clean = evaluate(logits, labels: [0, 1, 0])
        for index in logits.paddingIndices { logits.values[index] = 1e30 }
        let dirty = evaluate(logits, labels: [0, 1, 0])
        #expect(clean.loss == dirty.loss && clean.gradient.values == dirty.gradient.values)
        #expect(clean.correct == 2)  // class 0 wins every tie; samples 0 and 2 have label 0
        #expect(abs(clean.loss - log(2.0)) < 1e-6)
    }

    /// ∂(mean loss)/∂logits against central differences (h = 1e-2, loss summed in Double; tolerance 1e-4
    /// absolute because the per-sample gradients are O(1/batchSize) and the FD noise is ~1e-7/h).
    @Test(arguments: [1, 17, 33])
    func gradientMatchesFiniteDifferences(batchSize: Int) {
        var generator = SeededGenerator(seed: UInt64(batchSize))
        var logits = LaneTensor.random(batchSize: batchSize, featureCount: 5, in: -3...3, generator: &generator)
        let labels = (0..<batchSize).map { _ in Int32(generator.next() % 5) }
        let analytic = evaluate(logits, labels: labels).gradient
        var worst = 0.0
        for index in logits.realIndices {
            let original = logits.values[index]
            logits.values[index] = original + 0.01
            let plus = evaluate(logits, labels: labels, withGradient: false).loss
            logits.values[index] = original - 0.01
            let minus = evaluate(logits, labels: labels, withGradient: false).loss
            logits.values[index] = original
            let numeric = (plus - minus) / Double((original + 0.01) - (original - 0.01))
            worst = max(worst, abs(numeric - Double(analytic.values[index])))
        }
        #expect(worst < 1e-4, "worst error \(worst)")
    }
}
