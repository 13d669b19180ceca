// The fast depthwise-convolution and capped-rectifier kernels against their reference twins over small shapes:
// depthwise kernels 1x1 to 4x4 including non-square ones, strides 1 and 2 in each direction, valid and same
// padding, 1 to 3 channels, depth multipliers 1 to 3, plane sizes from the kernel size up to 8 more (so the
// 4-pixel tiles, their leftovers and the border pixels all run), batches of 1, 16, 17 and 33 samples.

import Testing
@testable import PareEngine

/// One depthwise geometry and batch.
struct DepthwiseCase: CustomStringConvertible, Sendable {
    let channels: Int, depthMultiplier: Int
    let height: Int, width: Int
    let kernel: PlaneSize, strides: PlaneSize
    let padding: PaddingMode
    let batchSize: Int

    var geometry: DepthwiseGeometry {
        DepthwiseGeometry(channels: channels, depthMultiplier: depthMultiplier,
                          window: WindowGeometry(input: PlaneSize(height, width), window: kernel, strides: strides,
                                                 padding: padding))
    }

    var description: String {
        "C=\(channels) m=\(depthMultiplier) input \(height)x\(width) kernel \(kernel) strides \(strides) \(padding) batch \(batchSize)"
    }

    /// Every kernel 1...4 x 1...4, strides 1...2 x 1...2 and both paddings (128 windows); channels, multiplier,
    /// batch and plane sizes cycle with the case index so every value of each occurs many times.
    static var sweep: [DepthwiseCase] {
        var cases: [DepthwiseCase] = []
        let batches = [1, 16, 17, 33]
        for kernelHeight in 1...4 {
            for kernelWidth in 1...4 {
                for strideHeight in 1...2 {
                    for strideWidth in 1...2 {
                        for padding in PaddingMode.allCases {
                            let index = cases.count
                            cases.append(DepthwiseCase(
                                channels: 1 + index % 3, depthMultiplier: 1 + (index / 3) % 3,
                                height: kernelHeight + index % 5, width: kernelWidth + (index / 2) % 9,
                                kernel: PlaneSize(kernelHeight, kernelWidth), strides: PlaneSize(strideHeight, strideWidth),
                                padding: padding, batchSize: batches[index % 4]))
                        }
                    }
                }
            }
        }
        return cases
    }
}

/// The buffers of one case, with random contents.
private struct DepthwiseOperands {
    let geometry: DepthwiseGeometry
    let chunkCount: Int
    var input: [Float], kernel: [Float], bias: [Float], outputGradient: [Float]

    init(_ testCase: DepthwiseCase, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        geometry = testCase.geometry
        chunkCount = LaneLayout.chunkCount(batchSize: testCase.batchSize)
        input = randomLaneBuffer(batchSize: testCase.batchSize, featureCount: geometry.inputFeatures, generator: &generator)
        kernel = randomFloats(geometry.outputChannels * geometry.kernelArea, in: -1...1, generator: &generator)
        bias = randomFloats(geometry.outputChannels, in: -1...1, generator: &generator)
        outputGradient = randomLaneBuffer(batchSize: testCase.batchSize, featureCount: geometry.outputFeatures,
                                          generator: &generator)
    }

    /// The operands with every value replaced by its magnitude (for the tolerance's Σ|terms|).
    var magnitudes: DepthwiseOperands {
        var copy = self
        copy.input = input.magnitudes
        copy.kernel = kernel.magnitudes
        copy.bias = bias.magnitudes
        copy.outputGradient = outputGradient.magnitudes
        return copy
    }

    mutating func forward(_ kernelFunction: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>?,
                                             UnsafeMutablePointer<Float>, DepthwiseGeometry, Int) -> Void) -> [Float] {
        var output = [Float](repeating: .nan, count: chunkCount * geometry.outputFeatures * LaneLayout.laneCount)
        let geometry = geometry, chunkCount = chunkCount
        input.withPointer { x in kernel.withPointer { w in bias.withPointer { b in output.withPointer { y in
            kernelFunction(x, w, b, y, geometry, chunkCount)
        } } } }
        return output
    }

    mutating func inputGradient(_ kernelFunction: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>,
                                                   DepthwiseGeometry, Int) -> Void) -> [Float] {
        var result = [Float](repeating: .nan, count: chunkCount * geometry.inputFeatures * LaneLayout.laneCount)
        let geometry = geometry, chunkCount = chunkCount
        outputGradient.withPointer { dy in kernel.withPointer { w in result.withPointer { dx in
            kernelFunction(dy, w, dx, geometry, chunkCount)
        } } }
        return result
    }

    /// Kernel gradient followed by bias gradient.
    mutating func parameterGradients(_ kernelFunction: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>,
                                                        UnsafeMutablePointer<Float>?, DepthwiseGeometry, Int) -> Void) -> [Float] {
        let kernelCount = geometry.outputChannels * geometry.kernelArea
        var result = [Float](repeating: .nan, count: kernelCount + geometry.outputChannels)
        let geometry = geometry, chunkCount = chunkCount
        input.withPointer { x in outputGradient.withPointer { dy in result.withPointer { gradient in
            kernelFunction(x, dy, gradient, gradient + kernelCount, geometry, chunkCount)
        } } }
        return result
    }
}

/// Every fast kernel's disagreement with its reference on one case, as lines (empty when all agree).
private func compareDepthwiseKernels(_ testCase: DepthwiseCase, seed: UInt64) -> [String] {
    var operands = DepthwiseOperands(testCase, seed: seed)
    var magnitudes = operands.magnitudes
    let geometry = operands.geometry
    var failures: [String] = []
    func check(_ name: String, fast: [Float], reference: [Float], magnitude: [Float], depth: Int) {
        let found = mismatches(fast: fast, reference: reference,
                               tolerance: summationTolerance(magnitude: magnitude, depth: depth))
        if found.count > 0 {
            failures.append("\(testCase): \(name) differs in \(found.count) elements: " + found.lines.joined(separator: "; "))
        }
    }
    // Forward: kh·kw products plus the bias per output, summed in sequence by both kernels (in different orders).
    let forwardDepth = 2 * (geometry.kernelArea + 1) + 2
    let forwardReference = operands.forward { depthwiseConv2DForwardReference(input: $0, kernel: $1, bias: $2, output: $3, geometry: $4, chunkCount: $5) }
    let forwardMagnitude = magnitudes.forward { depthwiseConv2DForwardReference(input: $0, kernel: $1, bias: $2, output: $3, geometry: $4, chunkCount: $5) }
    check("forward", fast: operands.forward { depthwiseConv2DForward(input: $0, kernel: $1, bias: $2, output: $3, geometry: $4, chunkCount: $5) },
          reference: forwardReference, magnitude: forwardMagnitude, depth: forwardDepth)
    // The fused clamps: a ReLU, and a ReLU6 at a cap of 0.5 so that it bites on these ±1 operands.
    check("forward + ReLU",
          fast: operands.forward { depthwiseConv2DForward(input: $0, kernel: $1, bias: $2, output: $3, geometry: $4, chunkCount: $5, outputRange: 0...Float.infinity) },
          reference: forwardReference.map { max($0, 0) }, magnitude: forwardMagnitude, depth: forwardDepth)
    check("forward + clamp to 0...0.5",
          fast: operands.forward { depthwiseConv2DForward(input: $0, kernel: $1, bias: $2, output: $3, geometry: $4, chunkCount: $5, outputRange: 0...0.5) },
          reference: forwardReference.map { min(max($0, 0), 0.5) }, magnitude: forwardMagnitude, depth: forwardDepth)
    // Input gradient: at most m·kh·kw products per input pixel.
    check("input gradient",
          fast: operands.inputGradient { depthwiseConv2DInputGradient(outputGradient: $0, kernel: $1, inputGradient: $2, geometry: $3, chunkCount: $4) },
          reference: operands.inputGradient { depthwiseConv2DInputGradientReference(outputGradient: $0, kernel: $1, inputGradient: $2, geometry: $3, chunkCount: $4) },
          magnitude: magnitudes.inputGradient { depthwiseConv2DInputGradientReference(outputGradient: $0, kernel: $1, inputGradient: $2, geometry: $3, chunkCount: $4) },
          depth: 2 * geometry.depthMultiplier * geometry.kernelArea + 2)
    // Parameter gradients: n = chunks · 16 · H'·W' products per weight; the reference's per-lane chains are n/16
    // long plus a 16-lane sum, the fast kernel's 8-lane chains 2·H'·W' = n/(8·chunks) long plus an 8-lane sum and
    // at most 5 scalar additions (a shared tile and 4 border tiles) per chunk.
    let products = operands.chunkCount * LaneLayout.laneCount * geometry.window.outputPlaneSize
    check("parameter gradients",
          fast: operands.parameterGradients { depthwiseConv2DParameterGradients(input: $0, outputGradient: $1, kernelGradient: $2, biasGradient: $3, geometry: $4, chunkCount: $5) },
          reference: operands.parameterGradients { depthwiseConv2DParameterGradientsReference(input: $0, outputGradient: $1, kernelGradient: $2, biasGradient: $3, geometry: $4, chunkCount: $5) },
          magnitude: magnitudes.parameterGradients { depthwiseConv2DParameterGradientsReference(input: $0, outputGradient: $1, kernelGradient: $2, biasGradient: $3, geometry: $4, chunkCount: $5) },
          depth: products / 4 + 16)
    return failures
}

@Suite struct DepthwiseKernelTests {
    @Test func fastKernelsMatchReferenceOverWindows() {
        for (index, testCase) in DepthwiseCase.sweep.enumerated() {
            let failures = compareDepthwiseKernels(testCase, seed: 3000 + UInt64(index))
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }

    /// MobileNetV2's shapes in miniature: 3x3 same stride 1, and 3x3 valid stride 2 after a (0, 1) zero padding.
    @Test(arguments: [(PlaneSize(square: 1), PaddingMode.same, 9), (PlaneSize(square: 2), .valid, 10)])
    func mobileNetShapes(strides: PlaneSize, padding: PaddingMode, size: Int) {
        let testCase = DepthwiseCase(channels: 5, depthMultiplier: 1, height: size, width: size,
                                     kernel: PlaneSize(square: 3), strides: strides, padding: padding, batchSize: 33)
        let failures = compareDepthwiseKernels(testCase, seed: 3999)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// The same comparisons, so every bit agrees; inputs in ±8 straddle each cap, and include values exactly at
    /// 0, at the cap and a negative zero.
    @Test(arguments: [Float(6), 1, .infinity])
    func cappedRectifierMatchesReferenceExactly(maxValue: Float) {
        var generator = SeededGenerator(seed: 61)
        let count = 3 * 7 * LaneLayout.laneCount
        var input = randomFloats(count, in: -8...8, generator: &generator)
        input[0] = 0
        input[1] = -0.0
        input[2] = maxValue.isFinite ? maxValue : 1
        let outputGradient = randomFloats(count, in: -1...1, generator: &generator)
        func run(_ forward: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int, Float) -> Void,
                 _ backward: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int, Float) -> Void)
            -> (output: [Float], inputGradient: [Float]) {
            var output = [Float](repeating: .nan, count: count), inputGradient = output
            input.withUnsafeBufferPointer { x in output.withPointer { forward(x.baseAddress!, $0, count, maxValue) } }
            output.withUnsafeBufferPointer { y in
                outputGradient.withUnsafeBufferPointer { dy in
                    inputGradient.withPointer { backward(y.baseAddress!, dy.baseAddress!, $0, count, maxValue) }
                }
            }
            return (output, inputGradient)
        }
        let fast = run({ cappedRectifierForward(input: $0, output: $1, count: $2, maxValue: $3) },
                       { cappedRectifierBackward(output: $0, outputGradient: $1, inputGradient: $2, count: $3, maxValue: $4) })
        let reference = run({ cappedRectifierForwardReference(input: $0, output: $1, count: $2, maxValue: $3) },
                            { cappedRectifierBackwardReference(output: $0, outputGradient: $1, inputGradient: $2, count: $3, maxValue: $4) })
        #expect(zip(fast.output, reference.output).allSatisfy { $0.bitPattern == $1.bitPattern }, "forward, cap \(maxValue)")
        #expect(zip(fast.inputGradient, reference.inputGradient).allSatisfy { $0.bitPattern == $1.bitPattern },
                "backward, cap \(maxValue)")
        #expect(reference.output.max() == min(maxValue, reference.output.max()!) && reference.output.min() == 0)
        #expect(reference.inputGradient[0] == 0 && reference.inputGradient[1] == 0 && reference.inputGradient[2] == (maxValue.isFinite ? 0 : outputGradient[2]))
    }
}
