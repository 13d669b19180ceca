// The fast pooling kernels against their reference twins, which they must match exactly (same comparisons, same
// additions in the same order): windows 1x1 to 3x3, strides 1 to 3 (overlapping, tiling and gapped windows),
// valid and same padding, 1 to 3 channels, odd plane sizes, batches 1, 16, 17, 33. Max-pool inputs are drawn
// from {−∞, −1, 0, 1, 2} so ties (first-maximum routing) and all-−∞ windows occur often.

import Testing
@testable import PareEngine

/// One pooling geometry and batch.
private struct PoolingCase: CustomStringConvertible {
    let channels: Int
    let window: WindowGeometry
    let batchSize: Int

    var description: String {
        "C=\(channels) input \(window.inputHeight)x\(window.inputWidth) pool \(window.windowHeight)x\(window.windowWidth) "
            + "strides \(window.strideHeight)x\(window.strideWidth) pad \(window.padTop),\(window.padLeft) batch \(batchSize)"
    }

    static var all: [PoolingCase] {
        var cases: [PoolingCase] = []
        let batches = [1, 16, 17, 33]
        for poolHeight in 1...3 {
            for poolWidth in 1...3 {
                for strideHeight in 1...3 {
                    for strideWidth in 1...3 {
                        for padding in PaddingMode.allCases {
                            let index = cases.count
                            let input = PlaneSize(poolHeight + index % 5, poolWidth + (index / 2) % 4)
                            cases.append(PoolingCase(
                                channels: 1 + index % 3,
                                window: WindowGeometry(input: input, window: PlaneSize(poolHeight, poolWidth),
                                                       strides: PlaneSize(strideHeight, strideWidth), padding: padding),
                                batchSize: batches[(index / 3) % 4]))
                        }
                    }
                }
            }
        }
        return cases
    }
}

@Suite struct PoolingKernelTests {
    @Test func fastPoolingMatchesReferenceExactly() {
        var generator = SeededGenerator(seed: 77)
        for testCase in PoolingCase.all {
            let chunkCount = LaneLayout.chunkCount(batchSize: testCase.batchSize)
            let inputCount = chunkCount * testCase.channels * testCase.window.inputPlaneSize * LaneLayout.laneCount
            let outputCount = chunkCount * testCase.channels * testCase.window.outputPlaneSize * LaneLayout.laneCount
            let levels: [Float] = [-.infinity, -1, 0, 1, 2, 1, 0]
            let ties = (0..<inputCount).map { _ in levels[Int(generator.next() % 7)] }
            let smooth = randomFloats(inputCount, in: -1...1, generator: &generator)
            var outputGradient = randomFloats(outputCount, in: -1...1, generator: &generator)
            let channels = testCase.channels, window = testCase.window
            func run(_ body: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) -> Void, count: Int) -> [Float] {
                var result = [Float](repeating: .nan, count: count)
                outputGradient.withPointer { dy in result.withPointer { body(dy, $0) } }
                return result
            }
            for kind in Pooling2DLayer.Kind.allCases {
                var input = kind == .max ? ties : smooth
                input.withPointer { x in
                    let forward = run({ _, y in pool2DForward(kind, input: x, output: y, channels: channels, window: window, chunkCount: chunkCount) }, count: outputCount)
                    let forwardReference = run({ _, y in pool2DForwardReference(kind, input: x, output: y, channels: channels, window: window, chunkCount: chunkCount) }, count: outputCount)
                    #expect(forward == forwardReference, "\(kind) forward differs: \(testCase)")
                    let backward = run({ dy, dx in pool2DBackward(kind, input: x, outputGradient: dy, inputGradient: dx, channels: channels, window: window, chunkCount: chunkCount) }, count: inputCount)
                    let backwardReference = run({ dy, dx in pool2DBackwardReference(kind, input: x, outputGradient: dy, inputGradient: dx, channels: channels, window: window, chunkCount: chunkCount) }, count: inputCount)
                    #expect(backward == backwardReference, "\(kind) backward differs: \(testCase)")
                }
            }
        }
    }
}
