// Forward results of tiny cases against numpy and hand computations. Every sample of a 17-sample batch gets the
// same input, so the checks also cover chunk offsets and the padded second chunk.
//
// numpy values come from this script (numpy 2.4.6), run as `python3 fixtures.py`:
//
//   import numpy as np
//   def same_pads(n, k, s):
//       out = -(-n // s); total = max((out - 1) * s + k - n, 0); return out, total // 2, total - total // 2
//   x = (np.arange(50, dtype=np.float64).reshape(2, 5, 5) - 25) / 10           # [C=2][H=5][W=5]
//   w = ((np.arange(24) % 7) - 3).reshape(2, 2, 3, 2) / 4                      # [F=2][C=2][kh=3][kw=2]
//   b = np.array([0.5, -0.25])
//   oh, t, bo = same_pads(5, 3, 2); ow, l, r = same_pads(5, 2, 2)
//   xp = np.pad(x, ((0, 0), (t, bo), (l, r)))
//   conv = np.array([[[b[f] + (w[f] * xp[:, 2*i:2*i+3, 2*j:2*j+2]).sum() for j in range(ow)] for i in range(oh)] for f in range(2)])
//   print("conv", (oh, ow), (t, bo, l, r)); print(conv.ravel().tolist())
//   v = np.random.default_rng(0).permutation(50).reshape(2, 5, 5).astype(np.float64)
//   mh, mt, mb = same_pads(5, 2, 2)
//   vp = np.pad(v, ((0, 0), (mt, mb), (mt, mb)), constant_values=-np.inf)
//   mp = np.array([[[vp[c, 2*i:2*i+2, 2*j:2*j+2].max() for j in range(mh)] for i in range(mh)] for c in range(2)])
//   print("v", v.ravel().astype(int).tolist()); print("maxpool", (mt, mb), mp.ravel().tolist())
//   ah, at, ab = same_pads(5, 3, 2)
//   ones = np.pad(np.ones((5, 5)), ((at, ab), (at, ab))); xq = np.pad(x, ((0, 0), (at, ab), (at, ab)))
//   ap = np.array([[[xq[c, 2*i:2*i+3, 2*j:2*j+3].sum() / ones[2*i:2*i+3, 2*j:2*j+3].sum() for j in range(ah)] for i in range(ah)] for c in range(2)])
//   print("avgpool", (at, ab), ap.ravel().tolist())
//   print("gap", x.mean(axis=(1, 2)).tolist())
//   z = 2 * np.sin(np.arange(12.0)).reshape(3, 2, 2)                           # [C=3][H=2][W=2]
//   sm = np.exp(z - z.max(axis=0)) / np.exp(z - z.max(axis=0)).sum(axis=0)
//   print("softmax", sm.ravel().tolist())

import Foundation
import Testing
@testable import PareEngine

/// `x` of the script: `(i − 25) / 10` for i in 0..<50, shape [2][5][5].
private let rampInput = (0..<50).map { (Float($0) - 25) / 10 }

/// Runs `layer` forward on `batchSize` copies of `sample` and returns each sample's output features.
private func forwardCopies(_ layer: any Layer, sample: [Float], parameters: [Float] = [], batchSize: Int = 17,
                           isTraining: Bool = false) -> [[Float]] {
    let input = LaneTensor(batchSize: batchSize, featureCount: sample.count) { _, feature in sample[feature] }
    let harness = LayerHarness(layer: layer, input: input, parameters: parameters)
    harness.isTraining = isTraining
    let output = harness.forward()
    return (0..<batchSize).map { sample in (0..<output.featureCount).map { output[sample, $0] } }
}

private func expectClose(_ actual: [[Float]], _ expected: [Float], tolerance: Float = 1e-5,
                         _ context: String) {
    for (sample, values) in actual.enumerated() {
        #expect(values.count == expected.count, "\(context): sample \(sample) has \(values.count) outputs")
        for (index, (value, target)) in zip(values, expected).enumerated() where !(abs(value - target) <= tolerance) {
            Issue.record("\(context): sample \(sample) output \(index) = \(value), expected \(target)")
        }
    }
}

@Suite struct ForwardFixtureTests {
    @Test func convolutionStride2SamePaddingNonSquareKernel() throws {
        let layer = try Conv2DLayer(name: "conv", inputShape: SampleShape(channels: 2, height: 5, width: 5),
                                    filters: 2, kernelSize: PlaneSize(3, 2), strides: PlaneSize(square: 2),
                                    padding: .same)
        // TensorFlow's rule: rows pad 1 top + 1 bottom, columns 0 left + 1 right (the script prints (1, 1, 0, 1)).
        #expect(layer.geometry.window.padTop == 1 && layer.geometry.window.padLeft == 0)
        let kernel = (0..<24).map { Float($0 % 7 - 3) / 4 }
        let output = forwardCopies(layer, sample: rampInput, parameters: kernel + [0.5, -0.25])
        expectClose(output, [-0.2, -0.2, 0.425, 2.175, 1.925, 1.8, 0.225, -0.225, 1.2,
                             2.85, 2.4, 1.575, -1.4, -1.45, 0.25, 0.25, 0.4, 1.8], "conv")
    }

    @Test func maxPoolingSamePadsWithMinusInfinity() throws {
        let layer = try Pooling2DLayer(name: "pool", inputShape: SampleShape(channels: 2, height: 5, width: 5),
                                       kind: .max, poolSize: PlaneSize(square: 2), padding: .same)
        let permutation: [Float] = [18, 23, 36, 4, 2, 3, 34, 24, 20, 26, 1, 11, 47, 22, 10, 45, 30, 27, 6, 21, 38, 19,
                                    43, 16, 37, 35, 28, 0, 8, 46, 48, 17, 32, 25, 44, 9, 40, 42, 13, 12, 7, 39, 49, 5,
                                    14, 29, 41, 33, 15, 31]
        expectClose(forwardCopies(layer, sample: permutation),
                    [34, 36, 26, 45, 47, 21, 38, 43, 37, 48, 32, 46, 40, 49, 14, 41, 33, 31], "maxpool")
    }

    @Test func averagePoolingSameDividesByRealInputs() throws {
        let layer = try Pooling2DLayer(name: "pool", inputShape: SampleShape(channels: 2, height: 5, width: 5),
                                       kind: .average, poolSize: PlaneSize(square: 3), strides: PlaneSize(square: 2),
                                              padding: .same)
        expectClose(forwardCopies(layer, sample: rampInput),
                    [-2.2, -2.05, -1.9, -1.45, -1.3, -1.15, -0.7, -0.55, -0.4,
                     0.3, 0.45, 0.6, 1.05, 1.2, 1.35, 1.8, 1.95, 2.1], "avgpool")
    }

    @Test func globalAveragePooling() {
        let layer = GlobalAveragePooling2DLayer(name: "gap", inputShape: SampleShape(channels: 2, height: 5, width: 5))
        expectClose(forwardCopies(layer, sample: rampInput), [-1.3, 1.2], "gap")
    }

    @Test func softmaxOverChannelsOfEachPixel() {
        let layer = ActivationLayer(name: "softmax", inputShape: SampleShape(channels: 3, height: 2, width: 2),
                                    activation: .softmax)
        let logits = (0..<12).map { 2 * Float(sin(Double($0))) }
        expectClose(forwardCopies(layer, sample: logits),
                    [0.11829325, 0.68917391, 0.87149891, 0.25588653, 0.02603812, 0.01881592,
                     0.08086562, 0.71799837, 0.85566863, 0.29201017, 0.04763546, 0.0261151], "softmax")
    }

    /// Hand computation: W = [[1, 2], [3, −1], [0, 0.5]], b = [0.1, 0.2, 0.3], x = [1, −2]:
    /// W·x + b = [1 − 4 + 0.1, 3 + 2 + 0.2, 0 − 1 + 0.3] = [−2.9, 5.2, −0.7]; ReLU gives [0, 5.2, 0].
    @Test func denseWithRelu() throws {
        let parameters: [Float] = [1, 2, 3, -1, 0, 0.5, 0.1, 0.2, 0.3]
        let linear = try DenseLayer(name: "dense", inputShape: .vector(2), units: 3)
        expectClose(forwardCopies(linear, sample: [1, -2], parameters: parameters), [-2.9, 5.2, -0.7], "dense")
        let relu = try DenseLayer(name: "dense", inputShape: .vector(2), units: 3, activation: .relu)
        expectClose(forwardCopies(relu, sample: [1, -2], parameters: parameters), [0, 5.2, 0], "dense relu")
    }

    /// Hand computation at evaluation: γ = 2, β = 1, moving mean 0.5, moving variance 3, ε = 1e-3:
    /// y = 2 · (x − 0.5) / √3.001 + 1, so x = 2 → 2.7319 (1.5 · 2 / 1.732339 + 1 = 2.731733).
    @Test func batchNormalizationAtEvaluationUsesMovingStatistics() throws {
        let layer = try BatchNormalizationLayer(name: "bn", inputShape: .vector(1))
        let output = forwardCopies(layer, sample: [2], parameters: [2, 1, 0.5, 3])
        expectClose(output, [2 * 1.5 / Float(3.001).squareRoot() + 1], "bn eval")
    }

    /// Ties: all four inputs of a 2x2 window equal → the gradient goes to the first (top-left); in
    /// [[0, 5], [5, 0]] the first maximum in row-major order is (0, 1).
    @Test func maxPoolingBackwardSendsGradientToFirstMaximum() throws {
        let layer = try Pooling2DLayer(name: "pool", inputShape: SampleShape(channels: 2, height: 2, width: 2),
                                       kind: .max, poolSize: PlaneSize(square: 2))
        let input = LaneTensor(batchSize: 17, featureCount: 8) { _, feature in [1, 1, 1, 1, 0, 5, 5, 0][feature] }
        let gradient = LaneTensor(batchSize: 17, featureCount: 2) { sample, channel in Float(sample + 1) * (channel == 0 ? 1 : -1) }
        let harness = LayerHarness(layer: layer, input: input, parameters: [])
        let inputGradient = harness.gradients(outputGradient: gradient).input
        for sample in 0..<17 {
            let expected: [Float] = [Float(sample + 1), 0, 0, 0, 0, -Float(sample + 1), 0, 0]
            #expect((0..<8).map { inputGradient[sample, $0] } == expected, "sample \(sample)")
        }
    }
}
