// The fast activation, softmax-cross-entropy, dropout and batch-normalisation kernels against their reference
// twins, over vectors and images, batches of 1, 16, 17 and 33 samples and chunk offsets. Kernels doing the
// reference's operations in its order must match bit for bit; the others within stated bounds.

import Foundation
import Testing
@testable import PareEngine

private let shapes = [SampleShape.vector(1), .vector(10), SampleShape(channels: 3, height: 5, width: 7),
                      SampleShape(channels: 2, height: 1, width: 3)]
private let batches = [1, 16, 17, 33]

/// `count` floats in ±`limit` on real lanes of a `[chunkCount][featureCount][16]` buffer, zero on padding lanes.
private func laneValues(batchSize: Int, featureCount: Int, limit: Float, generator: inout SeededGenerator) -> [Float] {
    LaneTensor.random(batchSize: batchSize, featureCount: featureCount, in: -limit...limit, generator: &generator).values
}

@Suite struct ElementwiseKernelTests {
    /// Forward: ReLU and linear exactly; sigmoid within 3e-7 absolute (the fast one is within 9e-8 of exact, libm's
    /// Float exp path within about 2e-7); tanh and softmax within 4 ulp of the reference value (each side is
    /// within ~1.5 ulp of exact; softmax adds one rounding for the sum and one for the division).
    /// Backward: the same operations in the same order, so every bit agrees.
    @Test(arguments: ActivationFunction.allCases)
    func activationsMatchReference(activation: ActivationFunction) {
        var generator = SeededGenerator(seed: 51)
        for shape in shapes {
            for batchSize in batches {
                let chunkCount = LaneLayout.chunkCount(batchSize: batchSize)
                let input = laneValues(batchSize: batchSize, featureCount: shape.featureCount, limit: 6, generator: &generator)
                var fast = input, reference = input
                fast.withPointer { activationForward(activation, values: $0, shape: shape, chunkCount: chunkCount) }
                reference.withPointer { activationForwardReference(activation, values: $0, shape: shape, chunkCount: chunkCount) }
                let tolerance: [Float] = reference.map { value in
                    switch activation {
                    case .linear, .relu, .relu6: return 0
                    case .sigmoid: return 3e-7
                    case .tanh, .softmax: return 4 * max(value.magnitude.ulp, Float.leastNormalMagnitude)
                    }
                }
                let found = mismatches(fast: fast, reference: reference, tolerance: tolerance)
                #expect(found.count == 0, "\(activation) forward \(shape) batch \(batchSize): \(found.lines)")

                var gradient = laneValues(batchSize: batchSize, featureCount: shape.featureCount, limit: 1, generator: &generator)
                var fastGradient = gradient
                reference.withPointer { output in
                    fastGradient.withPointer {
                        activationBackward(activation, output: output, gradient: $0, shape: shape, chunkCount: chunkCount)
                    }
                    gradient.withPointer {
                        activationBackwardReference(activation, output: output, gradient: $0, shape: shape,
                                                    chunkCount: chunkCount)
                    }
                }
                #expect(zip(fastGradient, gradient).allSatisfy { $0.bitPattern == $1.bitPattern },
                        "\(activation) backward \(shape) batch \(batchSize) differs")
            }
        }
    }

    /// Loss sums within 1e-6 relative (Float sums of 1-ulp exponentials against Double sums of libm's: a few
    /// 1e-7 per sample); correct counts exactly (the same first-maximum scan); gradients within 4e-7 · scale
    /// absolute (probabilities agree to a few 1e-7); padding lanes exactly 0.
    @Test func softmaxCrossEntropyMatchesReference() {
        var generator = SeededGenerator(seed: 52)
        for classCount in [1, 2, 3, 10, 17] {
            for batchSize in batches {
                for firstChunk in [0, 1] {
                    let chunkCount = LaneLayout.chunkCount(batchSize: batchSize)
                    let totalSamples = firstChunk * 16 + batchSize
                    let logits = laneValues(batchSize: batchSize, featureCount: classCount, limit: 4, generator: &generator)
                    let labels = (0..<totalSamples).map { _ in Int32(generator.next() % UInt64(classCount)) }
                    let scale = 1 / Float(totalSamples)
                    func run(_ kernel: (UnsafePointer<Float>, UnsafePointer<Int32>, UnsafeMutablePointer<Float>) -> (Double, Int))
                        -> (loss: Double, correct: Int, gradient: [Float]) {
                        var logitsCopy = logits
                        var gradient = [Float](repeating: .nan, count: logits.count)
                        let result = logitsCopy.withPointer { z in
                            labels.withUnsafeBufferPointer { l in gradient.withPointer { kernel(z, l.baseAddress!, $0) } }
                        }
                        return (result.0, result.1, gradient)
                    }
                    let fast = run { z, l, g in
                        softmaxCrossEntropy(logits: z, labels: l, classCount: classCount, chunkCount: chunkCount,
                                            firstSample: firstChunk * 16, validSamples: batchSize, gradientScale: scale,
                                            logitGradient: g)
                    }
                    let reference = run { z, l, g in
                        softmaxCrossEntropyReference(logits: z, labels: l, classCount: classCount, chunkCount: chunkCount,
                                                     firstSample: firstChunk * 16, validSamples: batchSize,
                                                     gradientScale: scale, logitGradient: g)
                    }
                    let label = "classes \(classCount) batch \(batchSize) first chunk \(firstChunk)"
                    #expect(abs(fast.loss - reference.loss) <= 1e-6 * max(1, abs(reference.loss)), "\(label): loss \(fast.loss) vs \(reference.loss)")
                    #expect(fast.correct == reference.correct, "\(label): correct \(fast.correct) vs \(reference.correct)")
                    let found = mismatches(fast: fast.gradient, reference: reference.gradient,
                                           tolerance: [Float](repeating: 4e-7 * scale, count: logits.count))
                    #expect(found.count == 0, "\(label): gradient \(found.lines)")
                }
            }
        }
    }

    /// The same hash and the same masked scaling: every bit agrees, at several rates and batch offsets.
    @Test func dropoutMatchesReferenceBitForBit() {
        var generator = SeededGenerator(seed: 53)
        for rate: Float in [0, 0.25, 0.5, 0.999] {
            for batchSize in batches {
                for firstSample in [0, 16, 48] {
                    let featureCount = 13, chunkCount = LaneLayout.chunkCount(batchSize: batchSize)
                    var input = laneValues(batchSize: batchSize, featureCount: featureCount, limit: 1, generator: &generator)
                    let random = CounterRandom(seed: generator.next(), step: 7, layer: 3)
                    var fast = [Float](repeating: .nan, count: input.count), reference = fast
                    input.withPointer { x in
                        fast.withPointer {
                            dropoutForward(input: x, output: $0, featureCount: featureCount, chunkCount: chunkCount,
                                           firstSample: firstSample, rate: rate, random: random)
                        }
                        reference.withPointer {
                            dropoutForwardReference(input: x, output: $0, featureCount: featureCount,
                                                    chunkCount: chunkCount, firstSample: firstSample, rate: rate,
                                                    random: random)
                        }
                    }
                    #expect(zip(fast, reference).allSatisfy { $0.bitPattern == $1.bitPattern },
                            "dropout rate \(rate) batch \(batchSize) first sample \(firstSample) differs")
                }
            }
        }
    }

    /// Statistics and parameter gradients: each Float lane chain covers at most half a plane (≤ 18 terms here)
    /// before Double, so each sum is within ~20 · 2^-24 ≈ 1.2e-6 of Σ|terms| of the reference's Double sum; we
    /// allow 1e-5 · Σ|terms| (dropping one of N ≥ 16 terms would move a sum by about Σ|terms| / N). The input
    /// gradient inherits those sums' errors through N-scaled means; 1e-5 of its scale. The affine map: bit for bit.
    @Test func batchNormalizationMatchesReference() {
        var generator = SeededGenerator(seed: 54)
        for shape in [SampleShape.vector(5), SampleShape(channels: 3, height: 4, width: 5)] {
            for batchSize in batches {
                let chunkCount = LaneLayout.chunkCount(batchSize: batchSize), channels = shape.channels
                var input = laneValues(batchSize: batchSize, featureCount: shape.featureCount, limit: 2, generator: &generator)
                var gradient = laneValues(batchSize: batchSize, featureCount: shape.featureCount, limit: 1, generator: &generator)
                // Padding lanes may hold anything finite (a previous layer's bias): they must be ignored.
                for index in LaneTensor(batchSize: batchSize, featureCount: shape.featureCount).paddingIndices {
                    input[index] = 100
                    gradient[index] = 0
                }
                let label = "\(shape) batch \(batchSize)"
                func statistics(_ kernel: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) -> Void) -> [Float] {
                    var result = [Float](repeating: .nan, count: 2 * channels)
                    input.withPointer { x in result.withPointer { kernel(x, $0, $0 + channels) } }
                    return result
                }
                let fastStatistics = statistics {
                    batchNormStatistics(input: $0, shape: shape, chunkCount: chunkCount, validSamples: batchSize,
                                        channels: 0..<channels, mean: $1, variance: $2)
                }
                let referenceStatistics = statistics {
                    batchNormStatisticsReference(input: $0, shape: shape, chunkCount: chunkCount, validSamples: batchSize,
                                                 channels: 0..<channels, mean: $1, variance: $2)
                }
                // Σ|x| / N ≤ 2 and Σ(x − μ)² / N = σ² ≤ 4 for inputs in ±2.
                let statisticsTolerance = (0..<(2 * channels)).map { $0 < channels ? Float(2e-5) : 4e-5 }
                let found = mismatches(fast: fastStatistics, reference: referenceStatistics, tolerance: statisticsTolerance)
                #expect(found.count == 0, "\(label): statistics \(found.lines)")

                var mean = Array(referenceStatistics.prefix(channels))
                var invStd = referenceStatistics.suffix(channels).map { 1 / ($0 + 1e-3).squareRoot() }
                var gamma = randomFloats(channels, in: 0.5...1.5, generator: &generator)
                func backward(_ kernel: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>,
                                         UnsafeMutablePointer<Float>) -> Void) -> (input: [Float], parameters: [Float]) {
                    var inputGradient = [Float](repeating: .nan, count: input.count)
                    var parameterGradients = [Float](repeating: .nan, count: 2 * channels)
                    input.withPointer { x in gradient.withPointer { dy in inputGradient.withPointer { dx in
                        parameterGradients.withPointer { kernel(x, dy, dx, $0) }
                    } } }
                    return (inputGradient, parameterGradients)
                }
                let (fastInput, fastParameters) = mean.withPointer { m in invStd.withPointer { s in gamma.withPointer { g in
                    backward { x, dy, dx, p in
                        batchNormBackward(input: x, outputGradient: dy, inputGradient: dx, shape: shape, chunkCount: chunkCount,
                                          validSamples: batchSize, channels: 0..<channels, mean: m,
                                          inverseStandardDeviation: s, gamma: g, gammaGradient: p, betaGradient: p + channels)
                    }
                } } }
                let (referenceInput, referenceParameters) = mean.withPointer { m in invStd.withPointer { s in gamma.withPointer { g in
                    backward { x, dy, dx, p in
                        batchNormBackwardReference(input: x, outputGradient: dy, inputGradient: dx, shape: shape,
                                                   chunkCount: chunkCount, validSamples: batchSize, channels: 0..<channels,
                                                   mean: m, inverseStandardDeviation: s, gamma: g, gammaGradient: p,
                                                   betaGradient: p + channels)
                    }
                } } }
                // Σ|dy · x̂| ≤ N · 1 · max|x̂| and Σ|dy| ≤ N with N = batch · plane.
                let count = Float(batchSize * shape.planeSize)
                let parameterTolerance = (0..<(2 * channels)).map { $0 < channels ? 1e-5 * count * 4 : 1e-5 * count }
                let parameterMismatch = mismatches(fast: fastParameters, reference: referenceParameters, tolerance: parameterTolerance)
                #expect(parameterMismatch.count == 0, "\(label): γ/β gradients \(parameterMismatch.lines)")
                let inputMismatch = mismatches(fast: fastInput, reference: referenceInput,
                                               tolerance: [Float](repeating: 1e-5 * 4, count: input.count))
                #expect(inputMismatch.count == 0, "\(label): input gradient \(inputMismatch.lines)")

                var shift = randomFloats(channels, in: -1...1, generator: &generator)
                func affine(_ kernel: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, UnsafePointer<Float>) -> Void) -> [Float] {
                    var output = [Float](repeating: .nan, count: input.count)
                    input.withPointer { x in output.withPointer { y in shift.withPointer { kernel(x, y, $0) } } }
                    return output
                }
                let fastAffine = gamma.withPointer { g in affine { x, y, b in
                    channelAffine(input: x, output: y, shape: shape, chunkCount: chunkCount, channels: 0..<channels, scale: g, shift: b)
                } }
                let referenceAffine = gamma.withPointer { g in affine { x, y, b in
                    channelAffineReference(input: x, output: y, shape: shape, chunkCount: chunkCount, channels: 0..<channels,
                                           scale: g, shift: b)
                } }
                #expect(zip(fastAffine, referenceAffine).allSatisfy { $0.bitPattern == $1.bitPattern }, "\(label): affine differs")
            }
        }
    }
}
