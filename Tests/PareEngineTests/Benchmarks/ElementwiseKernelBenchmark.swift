// Throughput of the small kernels, fast against reference, not a test: runs only with PARE_BENCH=1, in a release
// build:  PARE_BENCH=1 swift test -c release --filter ElementwiseKernelBenchmark
// One thread, buffers of one work item of qiita_cnn1 at batch 128 (2 chunks) where a layer shape is needed;
// prints millions of elements per second (Melem/s) and the speed-up.

import Foundation
import Testing
@testable import PareEngine

@Suite(.enabled(if: ProcessInfo.processInfo.environment["PARE_BENCH"] != nil))
struct ElementwiseKernelBenchmark {
    private func report(_ name: String, elements: Int, fast: () -> Void, reference: () -> Void) {
        let fastSample = BenchmarkTiming.measure(repetitions: 5, minimumSeconds: 0.02, fast)
        let referenceSample = BenchmarkTiming.measure(repetitions: 3, minimumSeconds: 0.02, reference)
        print(String(format: "ELEMENTWISE %@ fast %8.0f Melem/s, reference %7.0f, %5.1fx; %@",
                     name.padding(toLength: 28, withPad: " ", startingAt: 0), Double(elements) / fastSample.best / 1e6,
                     Double(elements) / referenceSample.best / 1e6, referenceSample.best / fastSample.best,
                     fastSample.conditions))
    }

    private static func filled(_ count: Int, _ generator: inout SeededGenerator, limit: Float = 1) -> FloatBuffer {
        let buffer = FloatBuffer(count: count)
        for index in 0..<count { buffer.pointer[index] = generator.nextSymmetricFloat(limit: limit) }
        return buffer
    }

    @Test func elementwiseThroughput() {
        var generator = SeededGenerator(seed: 6)
        let chunkCount = 2, lanes = LaneLayout.laneCount
        let image = SampleShape(channels: 64, height: 24, width: 24)        // qiita_cnn1's second convolution
        let count = chunkCount * image.featureCount * lanes
        let values = Self.filled(count, &generator, limit: 4), scratch = FloatBuffer(count: count)
        let gradient = Self.filled(count, &generator)
        for activation in [ActivationFunction.relu, .sigmoid, .tanh] {
            report("\(activation) forward", elements: count, fast: {
                scratch.pointer.update(from: values.pointer, count: count)
                activationForward(activation, values: scratch.pointer, shape: image, chunkCount: chunkCount)
            }, reference: {
                scratch.pointer.update(from: values.pointer, count: count)
                activationForwardReference(activation, values: scratch.pointer, shape: image, chunkCount: chunkCount)
            })
        }
        report("relu backward", elements: count, fast: {
            activationBackward(.relu, output: values.pointer, gradient: scratch.pointer, shape: image, chunkCount: chunkCount)
        }, reference: {
            activationBackwardReference(.relu, output: values.pointer, gradient: scratch.pointer, shape: image,
                                        chunkCount: chunkCount)
        })
        let pool = WindowGeometry(input: PlaneSize(24, 24), window: PlaneSize(square: 2), strides: PlaneSize(square: 2),
                                  padding: .valid)
        report("max pool 2x2 forward", elements: count, fast: {
            pool2DForward(.max, input: values.pointer, output: scratch.pointer, channels: 64, window: pool,
                          chunkCount: chunkCount)
        }, reference: {
            pool2DForwardReference(.max, input: values.pointer, output: scratch.pointer, channels: 64, window: pool,
                                   chunkCount: chunkCount)
        })
        report("max pool 2x2 backward", elements: count, fast: {
            pool2DBackward(.max, input: values.pointer, outputGradient: gradient.pointer, inputGradient: scratch.pointer,
                           channels: 64, window: pool, chunkCount: chunkCount)
        }, reference: {
            pool2DBackwardReference(.max, input: values.pointer, outputGradient: gradient.pointer,
                                    inputGradient: scratch.pointer, channels: 64, window: pool, chunkCount: chunkCount)
        })
        let random = CounterRandom(seed: 1, step: 2, layer: 3)
        report("dropout 0.5", elements: count, fast: {
            dropoutForward(input: values.pointer, output: scratch.pointer, featureCount: image.featureCount,
                           chunkCount: chunkCount, firstSample: 0, rate: 0.5, random: random)
        }, reference: {
            dropoutForwardReference(input: values.pointer, output: scratch.pointer, featureCount: image.featureCount,
                                    chunkCount: chunkCount, firstSample: 0, rate: 0.5, random: random)
        })
        let statistics = FloatBuffer(count: 4 * image.channels)
        report("batch-norm statistics", elements: count, fast: {
            batchNormStatistics(input: values.pointer, shape: image, chunkCount: chunkCount, validSamples: 32,
                                channels: 0..<64, mean: statistics.pointer, variance: statistics.pointer + 64)
        }, reference: {
            batchNormStatisticsReference(input: values.pointer, shape: image, chunkCount: chunkCount, validSamples: 32,
                                         channels: 0..<64, mean: statistics.pointer, variance: statistics.pointer + 64)
        })
        report("batch-norm backward", elements: count, fast: {
            batchNormBackward(input: values.pointer, outputGradient: gradient.pointer, inputGradient: scratch.pointer,
                              shape: image, chunkCount: chunkCount, validSamples: 32, channels: 0..<64,
                              mean: statistics.pointer, inverseStandardDeviation: statistics.pointer + 64,
                              gamma: statistics.pointer + 128, gammaGradient: statistics.pointer + 192,
                              betaGradient: statistics.pointer + 128)
        }, reference: {
            batchNormBackwardReference(input: values.pointer, outputGradient: gradient.pointer,
                                       inputGradient: scratch.pointer, shape: image, chunkCount: chunkCount,
                                       validSamples: 32, channels: 0..<64, mean: statistics.pointer,
                                       inverseStandardDeviation: statistics.pointer + 64, gamma: statistics.pointer + 128,
                                       gammaGradient: statistics.pointer + 192, betaGradient: statistics.pointer + 128)
        })
        let classCount = 10, batchSize = 128, logitCount = 8 * classCount * lanes
        let logits = Self.filled(logitCount, &generator, limit: 4), logitGradient = FloatBuffer(count: logitCount)
        let labels = (0..<batchSize).map { Int32($0 % classCount) }
        labels.withUnsafeBufferPointer { labelBuffer in
            report("softmax cross-entropy (10)", elements: logitCount, fast: {
                _ = softmaxCrossEntropy(logits: logits.pointer, labels: labelBuffer.baseAddress!, classCount: classCount,
                                        chunkCount: 8, firstSample: 0, validSamples: batchSize, gradientScale: 1,
                                        logitGradient: logitGradient.pointer)
            }, reference: {
                _ = softmaxCrossEntropyReference(logits: logits.pointer, labels: labelBuffer.baseAddress!,
                                                 classCount: classCount, chunkCount: 8, firstSample: 0,
                                                 validSamples: batchSize, gradientScale: 1,
                                                 logitGradient: logitGradient.pointer)
            })
        }
        let parameterCount = 1 << 16   // one update block; stays in L2 like the fused pass's blocks
        let parameters = Self.filled(parameterCount, &generator), gradients = Self.filled(4 * parameterCount, &generator)
        let first = FloatBuffer(count: parameterCount), second = FloatBuffer(count: parameterCount)
        report("adam update", elements: parameterCount, fast: {
            adamUpdate(parameters: parameters.pointer, gradients: gradients.pointer, firstMoment: first.pointer,
                       secondMoment: second.pointer, count: parameterCount, alpha: 1e-9, beta1: 0.9, beta2: 0.999,
                       epsilon: 1e-7)
        }, reference: {
            adamUpdateReference(parameters: parameters.pointer, gradients: gradients.pointer, firstMoment: first.pointer,
                                secondMoment: second.pointer, count: parameterCount, alpha: 1e-9, beta1: 0.9,
                                beta2: 0.999, epsilon: 1e-7)
        })
        report("adadelta update", elements: parameterCount, fast: {
            adadeltaUpdate(parameters: parameters.pointer, gradients: gradients.pointer,
                           accumulatedGradient: first.pointer, accumulatedDelta: second.pointer, count: parameterCount,
                           learningRate: 1e-9, rho: 0.95, epsilon: 1e-7)
        }, reference: {
            adadeltaUpdateReference(parameters: parameters.pointer, gradients: gradients.pointer,
                                    accumulatedGradient: first.pointer, accumulatedDelta: second.pointer,
                                    count: parameterCount, learningRate: 1e-9, rho: 0.95, epsilon: 1e-7)
        })
        report("gradient sum (4 vectors)", elements: parameterCount, fast: {
            sumGradientVectors(vectors: gradients.pointer, stride: parameterCount, vectorCount: 4, range: 0..<parameterCount)
        }, reference: {
            sumGradientVectorsReference(vectors: gradients.pointer, stride: parameterCount, vectorCount: 4,
                                        range: 0..<parameterCount)
        })
    }
}
