// Convolution kernel throughput, not a test: runs only with PARE_BENCH=1, in a release build:
//   PARE_BENCH=1 swift test -c release --filter ConvolutionKernelBenchmark
// For every convolution of the benchmark models it times forward, input gradient and weight gradient, fast and
// reference, on one thread over 2 chunks (32 samples: one work item of a 128-sample batch), and prints GFLOP/s
// with 2 FLOP per multiply-add of taps inside the input (the same count for all three).

import Foundation
import Testing
@testable import PareEngine

@Suite(.enabled(if: ProcessInfo.processInfo.environment["PARE_BENCH"] != nil))
struct ConvolutionKernelBenchmark {
    /// (name, input channels, filters, input side, kernel side, padding): the benchmark models' convolutions and
    /// the same-padded ones of seed004_cnn1/2 (clipped borders).
    private static let shapes: [(String, Int, Int, Int, Int, PaddingMode)] = [
        ("cnn2.c1", 1, 2, 28, 3, .valid), ("cnn2.c2", 2, 2, 26, 3, .valid), ("cnn2.c3", 2, 4, 12, 3, .valid),
        ("cnn2.c4", 4, 4, 10, 3, .valid), ("seed000.c1", 1, 4, 28, 3, .valid), ("seed000.c2", 4, 4, 26, 3, .valid),
        ("cnn1.c1", 1, 32, 28, 3, .valid), ("cnn1.c2", 32, 64, 26, 3, .valid),
        ("s4cnn1.c1", 1, 16, 28, 5, .same), ("s4cnn2.c2", 32, 32, 28, 3, .same), ("s4cnn2.c4", 64, 64, 14, 3, .same),
        ("s4cnn2.c7", 128, 128, 7, 3, .same),
    ]

    @Test func kernelThroughput() {
        let chunkCount = 2, lanes = LaneLayout.laneCount
        for (name, inputChannels, filters, side, kernelSide, padding) in Self.shapes {
            let geometry = ConvolutionGeometry(
                inputChannels: inputChannels, outputChannels: filters,
                window: WindowGeometry(input: PlaneSize(square: side), window: PlaneSize(square: kernelSide),
                                       strides: PlaneSize(square: 1), padding: padding))
            var generator = SeededGenerator(seed: 3)
            let input = FloatBuffer(count: chunkCount * geometry.inputFeatures * lanes)
            let output = FloatBuffer(count: chunkCount * geometry.outputFeatures * lanes)
            let outputGradient = FloatBuffer(count: chunkCount * geometry.outputFeatures * lanes)
            let inputGradient = FloatBuffer(count: chunkCount * geometry.inputFeatures * lanes)
            let kernel = FloatBuffer(count: filters * geometry.kernelVolume + filters)
            let kernelGradient = FloatBuffer(count: filters * geometry.kernelVolume + filters)
            for buffer in [input, outputGradient, kernel] {
                for index in 0..<buffer.count { buffer.pointer[index] = generator.nextSymmetricFloat(limit: 1) }
            }
            let bias = kernel.pointer + filters * geometry.kernelVolume
            // Multiply-adds of taps inside the input: per axis, Σ over outputs of the clipped tap count.
            let window = geometry.window
            let rowTaps = (0..<window.outputHeight).reduce(0) { $0 + window.inputRows(outputRow: $1).count }
            let columnTaps = (0..<window.outputWidth).reduce(0) { $0 + window.inputColumns(outputColumn: $1).count }
            let flop = 2.0 * Double(inputChannels * filters * rowTaps * columnTaps * chunkCount * lanes)
            func report(_ label: String, fast: () -> Void, reference: () -> Void) {
                let fastSample = BenchmarkTiming.measure(repetitions: 5, minimumSeconds: 0.02, fast)
                let referenceSample = BenchmarkTiming.measure(repetitions: 3, minimumSeconds: 0.02, reference)
                print(String(format: "KERNEL %-10@ %-15@ fast %6.1f GFLOP/s (median %6.1f), reference %5.1f, %4.1fx; %@",
                             name, label, flop / fastSample.best / 1e9, flop / fastSample.median / 1e9,
                             flop / referenceSample.best / 1e9, referenceSample.best / fastSample.best,
                             fastSample.conditions))
            }
            report("forward+relu", fast: {
                conv2DForward(input: input.pointer, kernel: kernel.pointer, bias: bias, output: output.pointer,
                              geometry: geometry, chunkCount: chunkCount, rectifies: true)
            }, reference: {
                conv2DForwardReference(input: input.pointer, kernel: kernel.pointer, bias: bias,
                                       output: output.pointer, geometry: geometry, chunkCount: chunkCount)
            })
            report("input gradient", fast: {
                conv2DInputGradient(outputGradient: outputGradient.pointer, kernel: kernel.pointer,
                                    inputGradient: inputGradient.pointer, geometry: geometry, chunkCount: chunkCount)
            }, reference: {
                conv2DInputGradientReference(outputGradient: outputGradient.pointer, kernel: kernel.pointer,
                                             inputGradient: inputGradient.pointer, geometry: geometry,
                                             chunkCount: chunkCount)
            })
            report("weight gradient", fast: {
                conv2DParameterGradients(input: input.pointer, outputGradient: outputGradient.pointer,
                                         kernelGradient: kernelGradient.pointer,
                                         biasGradient: kernelGradient.pointer + filters * geometry.kernelVolume,
                                         geometry: geometry, chunkCount: chunkCount)
            }, reference: {
                conv2DParameterGradientsReference(input: input.pointer, outputGradient: outputGradient.pointer,
                                                  kernelGradient: kernelGradient.pointer,
                                                  biasGradient: kernelGradient.pointer + filters * geometry.kernelVolume,
                                                  geometry: geometry, chunkCount: chunkCount)
            })
        }
    }
}
