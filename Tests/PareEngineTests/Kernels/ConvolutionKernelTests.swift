// The fast convolution kernels against their reference twins over small geometries: kernels 1x1 to 5x5
// including non-square ones, strides 1 and 2 in each direction, valid and same padding, 1 to 5 channels in
// and out, plane sizes that are multiples of nothing, and batches of 1, 16, 17 and 33 samples (partial chunks).

import Testing
@testable import PareEngine

/// One convolution geometry and batch.
struct ConvolutionCase: CustomStringConvertible, Sendable {
    let inputChannels: Int, filters: Int
    let height: Int, width: Int
    let kernel: PlaneSize, strides: PlaneSize
    let padding: PaddingMode
    let batchSize: Int

    var geometry: ConvolutionGeometry {
        ConvolutionGeometry(inputChannels: inputChannels, outputChannels: filters,
                            window: WindowGeometry(input: PlaneSize(height, width), window: kernel, strides: strides,
                                                   padding: padding))
    }

    var description: String {
        "C=\(inputChannels) F=\(filters) input \(height)x\(width) kernel \(kernel) strides \(strides) \(padding) batch \(batchSize)"
    }

    /// Every kernel size 1...5 x 1...5, strides 1...2 x 1...2 and both paddings (200 windows); channels, batch
    /// and plane sizes cycle with the case index so every value of each occurs many times and every
    /// (channels, batch) pair occurs.
    static var windowSweep: [ConvolutionCase] {
        var cases: [ConvolutionCase] = []
        let batches = [1, 16, 17, 33]
        for kernelHeight in 1...5 {
            for kernelWidth in 1...5 {
                for strideHeight in 1...2 {
                    for strideWidth in 1...2 {
                        for padding in PaddingMode.allCases {
                            let index = cases.count
                            cases.append(ConvolutionCase(
                                inputChannels: 1 + index % 5, filters: 1 + (index / 5) % 5,
                                height: kernelHeight + index % 4, width: kernelWidth + (index / 3) % 5,
                                kernel: PlaneSize(kernelHeight, kernelWidth), strides: PlaneSize(strideHeight, strideWidth),
                                padding: padding, batchSize: batches[index % 4]))
                        }
                    }
                }
            }
        }
        return cases
    }

    /// Every channel pair 1...5 x 1...5 with 3x3 stride-1 kernels, both paddings, on a 7x6 input, batch 17.
    static var channelSweep: [ConvolutionCase] {
        (1...5).flatMap { inputChannels in
            (1...5).flatMap { filters in
                PaddingMode.allCases.map { padding in
                    ConvolutionCase(inputChannels: inputChannels, filters: filters, height: 7, width: 6,
                                    kernel: PlaneSize(square: 3), strides: PlaneSize(square: 1), padding: padding,
                                    batchSize: 17)
                }
            }
        }
    }
}

/// The buffers of one case, with random contents.
private struct ConvolutionOperands {
    let geometry: ConvolutionGeometry
    let chunkCount: Int
    var input: [Float], kernel: [Float], bias: [Float], outputGradient: [Float]

    init(_ testCase: ConvolutionCase, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        geometry = testCase.geometry
        chunkCount = LaneLayout.chunkCount(batchSize: testCase.batchSize)
        input = randomLaneBuffer(batchSize: testCase.batchSize, featureCount: geometry.inputFeatures, generator: &generator)
        kernel = randomFloats(geometry.outputChannels * geometry.kernelVolume, in: -1...1, generator: &generator)
        bias = randomFloats(geometry.outputChannels, in: -1...1, generator: &generator)
        outputGradient = randomLaneBuffer(batchSize: testCase.batchSize, featureCount: geometry.outputFeatures,
                                          generator: &generator)
    }

    /// The operands with every value replaced by its magnitude (for the tolerance's Σ|terms|).
    var magnitudes: ConvolutionOperands {
        var copy = self
        copy.input = input.magnitudes
        copy.kernel = kernel.magnitudes
        copy.bias = bias.magnitudes
        copy.outputGradient = outputGradient.magnitudes
        return copy
    }

    typealias Forward = (UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>?, UnsafeMutablePointer<Float>,
                         ConvolutionGeometry, Int) -> Void

    mutating func forward(_ kernelFunction: Forward) -> [Float] {
        var output = [Float](repeating: .nan, count: chunkCount * geometry.outputFeatures * LaneLayout.laneCount)
        let geometry = geometry, chunkCount = chunkCount
        input.withPointer { x in kernel.withPointer { w in bias.withPointer { b in output.withPointer { y in
            kernelFunction(x, w, b, y, geometry, chunkCount)
        } } } }
        return output
    }

    mutating func inputGradient(_ kernelFunction: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>,
                                                   ConvolutionGeometry, Int) -> Void) -> [Float] {
        var result = [Float](repeating: .nan, count: chunkCount * geometry.inputFeatures * LaneLayout.laneCount)
        let geometry = geometry, chunkCount = chunkCount
        outputGradient.withPointer { dy in kernel.withPointer { w in result.withPointer { dx in
            kernelFunction(dy, w, dx, geometry, chunkCount)
        } } }
        return result
    }

    /// Kernel gradient followed by bias gradient.
    mutating func parameterGradients(_ kernelFunction: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>,
                                                        UnsafeMutablePointer<Float>?, ConvolutionGeometry, Int) -> Void) -> [Float] {
        var result = [Float](repeating: .nan, count: geometry.outputChannels * (geometry.kernelVolume + 1))
        let geometry = geometry, chunkCount = chunkCount
        let kernelCount = geometry.outputChannels * geometry.kernelVolume
        input.withPointer { x in outputGradient.withPointer { dy in result.withPointer { gradient in
            kernelFunction(x, dy, gradient, gradient + kernelCount, geometry, chunkCount)
        } } }
        return result
    }
}

/// Every fast kernel's disagreement with its reference on one case, as lines (empty when all agree).
private func compareConvolutionKernels(_ testCase: ConvolutionCase, seed: UInt64) -> [String] {
    var operands = ConvolutionOperands(testCase, seed: seed)
    var magnitudes = operands.magnitudes
    let geometry = operands.geometry
    let window = geometry.window
    var failures: [String] = []
    func check(_ name: String, fast: [Float], reference: [Float], magnitude: [Float], depth: Int) {
        let found = mismatches(fast: fast, reference: reference,
                               tolerance: summationTolerance(magnitude: magnitude, depth: depth))
        if found.count > 0 {
            failures.append("\(testCase): \(name) differs in \(found.count) elements: " + found.lines.joined(separator: "; "))
        }
    }
    // Forward: C·kh·kw products plus the bias per output, summed in sequence by both kernels.
    let forwardDepth = 2 * (geometry.kernelVolume + 1) + 2
    let forwardReference = operands.forward { conv2DForwardReference(input: $0, kernel: $1, bias: $2, output: $3, geometry: $4, chunkCount: $5) }
    check("forward", fast: operands.forward { conv2DForward(input: $0, kernel: $1, bias: $2, output: $3, geometry: $4, chunkCount: $5) },
          reference: forwardReference,
          magnitude: magnitudes.forward { conv2DForwardReference(input: $0, kernel: $1, bias: $2, output: $3, geometry: $4, chunkCount: $5) },
          depth: forwardDepth)
    check("forward + ReLU",
          fast: operands.forward { conv2DForward(input: $0, kernel: $1, bias: $2, output: $3, geometry: $4, chunkCount: $5, rectifies: true) },
          reference: forwardReference.map { max($0, 0) },
          magnitude: magnitudes.forward { conv2DForwardReference(input: $0, kernel: $1, bias: $2, output: $3, geometry: $4, chunkCount: $5) },
          depth: forwardDepth)
    // Input gradient: at most F·kh·kw products per input pixel.
    check("input gradient",
          fast: operands.inputGradient { conv2DInputGradient(outputGradient: $0, kernel: $1, inputGradient: $2, geometry: $3, chunkCount: $4) },
          reference: operands.inputGradient { conv2DInputGradientReference(outputGradient: $0, kernel: $1, inputGradient: $2, geometry: $3, chunkCount: $4) },
          magnitude: magnitudes.inputGradient { conv2DInputGradientReference(outputGradient: $0, kernel: $1, inputGradient: $2, geometry: $3, chunkCount: $4) },
          depth: 2 * geometry.outputChannels * window.windowHeight * window.windowWidth + 2)
    // Parameter gradients: n = chunks · 16 · H'·W' products per weight; the reference's per-lane chains are n/16
    // long plus a 16-lane sum, the fast kernel's 8-lane chains at most n/8 plus an 8-lane sum and one scalar
    // addition per row block and chunk (at most n/16 more).
    let products = operands.chunkCount * LaneLayout.laneCount * window.outputPlaneSize
    check("parameter gradients",
          fast: operands.parameterGradients { conv2DParameterGradients(input: $0, outputGradient: $1, kernelGradient: $2, biasGradient: $3, geometry: $4, chunkCount: $5) },
          reference: operands.parameterGradients { conv2DParameterGradientsReference(input: $0, outputGradient: $1, kernelGradient: $2, biasGradient: $3, geometry: $4, chunkCount: $5) },
          magnitude: magnitudes.parameterGradients { conv2DParameterGradientsReference(input: $0, outputGradient: $1, kernelGradient: $2, biasGradient: $3, geometry: $4, chunkCount: $5) },
          depth: products / 4 + 16)
    return failures
}

@Suite struct ConvolutionKernelTests {
    @Test func fastKernelsMatchReferenceOverWindows() {
        for (index, testCase) in ConvolutionCase.windowSweep.enumerated() {
            let failures = compareConvolutionKernels(testCase, seed: 1000 + UInt64(index))
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }

    @Test func fastKernelsMatchReferenceOverChannels() {
        for (index, testCase) in ConvolutionCase.channelSweep.enumerated() {
            let failures = compareConvolutionKernels(testCase, seed: 2000 + UInt64(index))
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }
}
