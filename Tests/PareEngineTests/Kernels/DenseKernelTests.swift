// The GEMM-based dense kernels against their reference twins over small shapes: units and input features that are
// not multiples of GEMM's 6-row tiles or 16-column panels (1, 5, 6, 7, 13, 17 × 1, 3, 16, 17, 33), batches of 1, 17
// and 33 samples (partial chunks) and 48, with and without bias, called on every chunk or on a work item's
// sub-range of chunks (the call must touch only those), with 1 and 2 GEMM threads.

import Testing
@testable import PareEngine

/// One dense geometry, batch and chunk range.
private struct DenseCase: CustomStringConvertible {
    let units: Int, inputFeatures: Int
    let batchSize: Int
    let useBias: Bool
    /// The chunks the kernels are called on (a work item's range).
    let chunks: Range<Int>
    let threads: Int

    var geometry: DenseGeometry { DenseGeometry(inputFeatures: inputFeatures, outputFeatures: units) }
    var chunkCount: Int { LaneLayout.chunkCount(batchSize: batchSize) }

    var description: String {
        "units \(units) inputs \(inputFeatures) batch \(batchSize) chunks \(chunks) bias \(useBias) threads \(threads)"
    }

    static var all: [DenseCase] {
        var cases: [DenseCase] = []
        for units in [1, 5, 6, 7, 13, 17] {
            for inputFeatures in [1, 3, 16, 17, 33] {
                for batchSize in [1, 17, 33, 48] {
                    let chunkCount = LaneLayout.chunkCount(batchSize: batchSize)
                    // Every chunk; and for several chunks the last ones alone, as a later work item sees them.
                    var ranges = [0..<chunkCount]
                    if chunkCount > 1 { ranges.append(1..<chunkCount) }
                    for chunks in ranges {
                        let index = cases.count
                        cases.append(DenseCase(units: units, inputFeatures: inputFeatures, batchSize: batchSize,
                                               useBias: index % 3 != 0, chunks: chunks, threads: 1 + index % 2))
                    }
                }
            }
        }
        return cases
    }
}

/// The buffers of one case: whole-batch lane buffers, the kernels called on `chunks` only.
private struct DenseOperands {
    let testCase: DenseCase
    var input: [Float], kernel: [Float], bias: [Float], outputGradient: [Float]

    init(_ testCase: DenseCase, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        self.testCase = testCase
        input = randomLaneBuffer(batchSize: testCase.batchSize, featureCount: testCase.inputFeatures,
                                 generator: &generator)
        kernel = randomFloats(testCase.units * testCase.inputFeatures, in: -1...1, generator: &generator)
        bias = randomFloats(testCase.units, in: -1...1, generator: &generator)
        outputGradient = randomLaneBuffer(batchSize: testCase.batchSize, featureCount: testCase.units,
                                          generator: &generator)
    }

    var magnitudes: DenseOperands {
        var copy = self
        copy.input = input.magnitudes
        copy.kernel = kernel.magnitudes
        copy.bias = bias.magnitudes
        copy.outputGradient = outputGradient.magnitudes
        return copy
    }

    private func offset(_ featureCount: Int) -> Int { testCase.chunks.lowerBound * featureCount * LaneLayout.laneCount }

    /// The whole-batch output (NaN outside the call's chunks).
    mutating func forward(_ body: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>?,
                                   UnsafeMutablePointer<Float>, DenseGeometry, Int) -> Void) -> [Float] {
        let testCase = testCase, inputOffset = offset(testCase.inputFeatures), outputOffset = offset(testCase.units)
        var output = [Float](repeating: .nan, count: testCase.chunkCount * testCase.units * LaneLayout.laneCount)
        input.withPointer { x in kernel.withPointer { w in bias.withPointer { b in output.withPointer { y in
            body(x + inputOffset, w, testCase.useBias ? b : nil, y + outputOffset, testCase.geometry, testCase.chunks.count)
        } } } }
        return output
    }

    /// The whole-batch input gradient (NaN outside the call's chunks).
    mutating func inputGradient(_ body: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>,
                                         DenseGeometry, Int) -> Void) -> [Float] {
        let testCase = testCase, inputOffset = offset(testCase.inputFeatures), outputOffset = offset(testCase.units)
        var result = [Float](repeating: .nan, count: testCase.chunkCount * testCase.inputFeatures * LaneLayout.laneCount)
        outputGradient.withPointer { dy in kernel.withPointer { w in result.withPointer { dx in
            body(dy + outputOffset, w, dx + inputOffset, testCase.geometry, testCase.chunks.count)
        } } }
        return result
    }

    /// Kernel gradient followed by the bias gradient (NaN when there is no bias).
    mutating func parameterGradients(_ body: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>,
                                              UnsafeMutablePointer<Float>?, DenseGeometry, Int) -> Void) -> [Float] {
        let testCase = testCase, inputOffset = offset(testCase.inputFeatures), outputOffset = offset(testCase.units)
        let kernelCount = testCase.units * testCase.inputFeatures
        var result = [Float](repeating: .nan, count: kernelCount + testCase.units)
        input.withPointer { x in outputGradient.withPointer { dy in result.withPointer { gradient in
            body(x + inputOffset, dy + outputOffset, gradient, testCase.useBias ? gradient + kernelCount : nil,
                 testCase.geometry, testCase.chunks.count)
        } } }
        return result
    }
}

/// Every fast kernel's disagreement with its reference on one case, as lines (empty when all agree).
private func compareDenseKernels(_ testCase: DenseCase, seed: UInt64, workspace: GEMMWorkspace) -> [String] {
    var operands = DenseOperands(testCase, seed: seed)
    var magnitudes = operands.magnitudes
    let threads = testCase.threads
    var failures: [String] = []
    func check(_ name: String, fast: [Float], reference: [Float], magnitude: [Float], depth: Int) {
        // NaN stays NaN only where neither kernel wrote: outside the call's chunks, or a missing bias.
        let written = reference.indices.filter { !reference[$0].isNaN }
        let strays = fast.indices.filter { reference[$0].isNaN && !fast[$0].isNaN }
        if !strays.isEmpty {
            failures.append("\(testCase): \(name) wrote \(strays.count) elements outside its chunks, first [\(strays[0])]")
        }
        let found = mismatches(fast: written.map { fast[$0] }, reference: written.map { reference[$0] },
                               tolerance: summationTolerance(magnitude: written.map { magnitude[$0] }, depth: depth))
        if found.count > 0 {
            failures.append("\(testCase): \(name) differs in \(found.count) elements: " + found.lines.joined(separator: "; "))
        }
    }
    // Forward: the reference adds the bias then `in` products in sequence; GEMM preloads the bias and adds one
    // partial sum per depth block (at most `in` blocks), so each side rounds at most 2·in + 2 times.
    check("forward",
          fast: operands.forward { denseForward(input: $0, kernel: $1, bias: $2, output: $3, geometry: $4, chunkCount: $5,
                                                workspace: workspace, threads: threads) },
          reference: operands.forward { denseForwardReference(input: $0, kernel: $1, bias: $2, output: $3, geometry: $4, chunkCount: $5) },
          magnitude: magnitudes.forward { denseForwardReference(input: $0, kernel: $1, bias: $2, output: $3, geometry: $4, chunkCount: $5) },
          depth: 4 * (testCase.inputFeatures + 1))
    // Input gradient: `units` products per element, plus GEMM's per-block additions.
    check("input gradient",
          fast: operands.inputGradient { denseInputGradient(outputGradient: $0, kernel: $1, inputGradient: $2, geometry: $3,
                                                            chunkCount: $4, workspace: workspace, threads: threads) },
          reference: operands.inputGradient { denseInputGradientReference(outputGradient: $0, kernel: $1, inputGradient: $2, geometry: $3, chunkCount: $4) },
          magnitude: magnitudes.inputGradient { denseInputGradientReference(outputGradient: $0, kernel: $1, inputGradient: $2, geometry: $3, chunkCount: $4) },
          depth: 4 * (testCase.units + 1))
    // Parameter gradients: n = chunks · 16 products per weight; the reference chains n/16 per lane and sums 16
    // lanes, GEMM chains all n. The bias gradient is the same operations in the same order on both sides.
    let products = testCase.chunks.count * LaneLayout.laneCount
    let fastGradients = operands.parameterGradients {
        denseParameterGradients(input: $0, outputGradient: $1, kernelGradient: $2, biasGradient: $3, geometry: $4,
                                chunkCount: $5, workspace: workspace, threads: threads)
    }
    let referenceGradients = operands.parameterGradients {
        denseParameterGradientsReference(input: $0, outputGradient: $1, kernelGradient: $2, biasGradient: $3, geometry: $4, chunkCount: $5)
    }
    check("parameter gradients", fast: fastGradients, reference: referenceGradients,
          magnitude: magnitudes.parameterGradients { denseParameterGradientsReference(input: $0, outputGradient: $1, kernelGradient: $2, biasGradient: $3, geometry: $4, chunkCount: $5) },
          depth: products + 2 * LaneLayout.laneCount + 2)
    let kernelCount = testCase.units * testCase.inputFeatures
    let biasBits = { (values: [Float]) in values[kernelCount...].map(\.bitPattern) }
    if biasBits(fastGradients) != biasBits(referenceGradients) {
        failures.append("\(testCase): bias gradient is not bit-identical to the reference")
    }
    return failures
}

@Suite struct DenseKernelTests {
    @Test func fastKernelsMatchReference() {
        let workspace = GEMMWorkspace()
        let cases = DenseCase.all
        for (index, testCase) in cases.enumerated() {
            let failures = compareDenseKernels(testCase, seed: 3000 + UInt64(index), workspace: workspace)
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }
}
