// The dense kernels on the seed models' shapes, per work item, not a test: runs only with PARE_BENCH=1, in a release
// build:
//   PARE_BENCH=1 swift test -c release --filter DenseKernelBenchmark
// For each dense layer of the benchmark models and a work item of 1, 2, 4 and 8 chunks (16 samples each) it times
// the forward product, the weight gradient (samples as the GEMM depth) and the input gradient on one thread, as
// the executor's work items run them, and prints GFLOP/s of the best repetition and per CPU-second.

import Foundation
import Testing
@testable import PareEngine

@Suite(.enabled(if: ProcessInfo.processInfo.environment["PARE_BENCH"] != nil))
struct DenseKernelBenchmark {
    /// (model, input features, units) of the dense layers that matter.
    private static let shapes: [(String, Int, Int)] = [
        ("seed000_cnn dense", 2304, 128), ("qiita_cnn1 dense", 9216, 128), ("mlp 784-128", 784, 128),
        ("qiita_mlp 784-64", 784, 64), ("qiita_mlp 64-64", 64, 64), ("head 128-10", 128, 10),
    ]

    @Test func denseKernelTimes() {
        let workspace = GEMMWorkspace()
        var generator = SeededGenerator(seed: 3)
        for (name, inputFeatures, units) in Self.shapes {
            let geometry = DenseGeometry(inputFeatures: inputFeatures, outputFeatures: units)
            for chunkCount in [1, 2, 4, 8] {
                func buffer(_ count: Int) -> FloatBuffer {
                    let buffer = FloatBuffer(count: count)
                    for index in 0..<count { buffer.pointer[index] = generator.nextSymmetricFloat(limit: 1) }
                    return buffer
                }
                let lanes = LaneLayout.laneCount
                let input = buffer(chunkCount * inputFeatures * lanes), output = buffer(chunkCount * units * lanes)
                let kernel = buffer(units * inputFeatures), bias = buffer(units)
                let gradient = buffer(units * (inputFeatures + 1)), inputGradient = buffer(chunkCount * inputFeatures * lanes)
                let flops = Double(2 * units * inputFeatures * chunkCount * lanes)
                let forward = BenchmarkTiming.measure {
                    denseForward(input: input.pointer, kernel: kernel.pointer, bias: bias.pointer, output: output.pointer,
                                 geometry: geometry, chunkCount: chunkCount, workspace: workspace)
                }
                let weightGradient = BenchmarkTiming.measure {
                    denseParameterGradients(input: input.pointer, outputGradient: output.pointer,
                                            kernelGradient: gradient.pointer,
                                            biasGradient: gradient.pointer + units * inputFeatures, geometry: geometry,
                                            chunkCount: chunkCount, workspace: workspace)
                }
                let backward = BenchmarkTiming.measure {
                    denseInputGradient(outputGradient: output.pointer, kernel: kernel.pointer,
                                       inputGradient: inputGradient.pointer, geometry: geometry, chunkCount: chunkCount,
                                       workspace: workspace)
                }
                func rate(_ sample: BenchmarkTiming.Sample) -> String {
                    String(format: "%6.1f", flops / sample.best / 1e9)
                }
                print("DENSE \(name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(chunkCount) chunks: "
                      + "forward \(rate(forward)), weight gradient \(rate(weightGradient)), "
                      + "input gradient \(rate(backward)) GFLOP/s best; \(backward.conditions)")
            }
        }
    }
}
