// Depthwise-convolution kernel throughput, not a test: runs only with PARE_BENCH=1, in a release build:
//   PARE_BENCH=1 swift test -c release --filter DepthwiseKernelBenchmark
// For the residual CNN's depthwise layer and MobileNetV2-like shapes it times forward, input gradient and
// weight gradient, fast and reference, on one thread over 2 chunks (32 samples: one work item of a 128-sample
// batch), and prints GFLOP/s with 2 FLOP per multiply-add of taps inside the input.

import Foundation
import Testing
@testable import PareEngine

@Suite(.enabled(if: ProcessInfo.processInfo.environment["PARE_BENCH"] != nil))
struct DepthwiseKernelBenchmark {
    /// (name, channels, input side, stride, padding).
    private static let shapes: [(String, Int, Int, Int, PaddingMode)] = [
        ("residual.dw", 8, 26, 1, .same), ("mnv2.s1", 32, 16, 1, .same), ("mnv2.s2", 24, 17, 2, .valid),
        ("mnv2.s1-8", 96, 8, 1, .same),
    ]

    @Test func kernelThroughput() {
        let chunkCount = 2, lanes = LaneLayout.laneCount
        for (name, channels, side, stride, padding) in Self.shapes {
            let geometry = DepthwiseGeometry(
                channels: channels, depthMultiplier: 1,
                window: WindowGeometry(input: PlaneSize(square: side), window: PlaneSize(square: 3),
                                       strides: PlaneSize(square: stride), padding: padding))
            var generator = SeededGenerator(seed: 3)
            let input = FloatBuffer(count: chunkCount * geometry.inputFeatures * lanes)
            let output = FloatBuffer(count: chunkCount * geometry.outputFeatures * lanes)
            let outputGradient = FloatBuffer(count: chunkCount * geometry.outputFeatures * lanes)
            let inputGradient = FloatBuffer(count: chunkCount * geometry.inputFeatures * lanes)
            let kernelCount = geometry.outputChannels * geometry.kernelArea
            let kernel = FloatBuffer(count: kernelCount + geometry.outputChannels)
            let kernelGradient = FloatBuffer(count: kernelCount + geometry.outputChannels)
            for buffer in [input, outputGradient, kernel] {
                for index in 0..<buffer.count { buffer.pointer[index] = generator.nextSymmetricFloat(limit: 1) }
            }
            let bias = kernel.pointer + kernelCount
            let window = geometry.window
            let rowTaps = (0..<window.outputHeight).reduce(0) { $0 + window.inputRows(outputRow: $1).count }
            let columnTaps = (0..<window.outputWidth).reduce(0) { $0 + window.inputColumns(outputColumn: $1).count }
            let flop = 2.0 * Double(geometry.outputChannels * rowTaps * columnTaps * chunkCount * lanes)
            func report(_ label: String, fast: () -> Void, reference: () -> Void) {
                let fastSample = BenchmarkTiming.measure(repetitions: 5, minimumSeconds: 0.02, fast)
                let referenceSample = BenchmarkTiming.measure(repetitions: 3, minimumSeconds: 0.02, reference)
                print(String(format: "KERNEL %-11@ %-15@ fast %6.1f GFLOP/s (median %6.1f), reference %5.1f, %4.1fx; %@",
                             name, label, flop / fastSample.best / 1e9, flop / fastSample.median / 1e9,
                             flop / referenceSample.best / 1e9, referenceSample.best / fastSample.best,
                             fastSample.conditions))
            }
            report("forward+relu6", fast: {
                depthwiseConv2DForward(input: input.pointer, kernel: kernel.pointer, bias: bias, output: output.pointer,
                                       geometry: geometry, chunkCount: chunkCount, outputRange: 0...6)
            }, reference: {
                depthwiseConv2DForwardReference(input: input.pointer, kernel: kernel.pointer, bias: bias,
                                                output: output.pointer, geometry: geometry, chunkCount: chunkCount)
            })
            report("input gradient", fast: {
                depthwiseConv2DInputGradient(outputGradient: outputGradient.pointer, kernel: kernel.pointer,
                                             inputGradient: inputGradient.pointer, geometry: geometry,
                                             chunkCount: chunkCount)
            }, reference: {
                depthwiseConv2DInputGradientReference(outputGradient: outputGradient.pointer, kernel: kernel.pointer,
                                                      inputGradient: inputGradient.pointer, geometry: geometry,
                                                      chunkCount: chunkCount)
            })
            report("weight gradient", fast: {
                depthwiseConv2DParameterGradients(input: input.pointer, outputGradient: outputGradient.pointer,
                                                  kernelGradient: kernelGradient.pointer,
                                                  biasGradient: kernelGradient.pointer + kernelCount,
                                                  geometry: geometry, chunkCount: chunkCount)
            }, reference: {
                depthwiseConv2DParameterGradientsReference(input: input.pointer, outputGradient: outputGradient.pointer,
                                                           kernelGradient: kernelGradient.pointer,
                                                           biasGradient: kernelGradient.pointer + kernelCount,
                                                           geometry: geometry, chunkCount: chunkCount)
            })
        }
    }
}
