// The graph-model layers against central finite differences — depthwise convolution (strides, both paddings,
// depth multipliers, bias on and off, fused ReLU / ReLU6 / tanh), zero padding and the capped ReLU — on small
// odd shapes and batches of 1, 17 and 33 samples; and the add layer's exact sums and gradient copies.

import Testing
@testable import PareEngine

private let batchSizes = [1, 17, 33]

/// Which side of ReLU6's kinks (0 and 6) each pre-activation of `twin` (the layer without its activation) is on.
private func cappedKinkPattern(of twin: any Layer) -> (LayerHarness) -> [Bool] {
    { harness in
        let output = LayerHarness(layer: twin, input: harness.input, parameters: harness.parameters).forward()
        return output.realIndices.flatMap { [output.values[$0] > 0, output.values[$0] < 6] }
    }
}

@Suite struct DepthwiseGradientTests {
    /// 3x3 same stride 1 with depth multiplier 2 and a fused ReLU6, on values that keep every pre-activation off
    /// both kinks: integer inputs in −3...3, weights in quarter steps in ±2 and biases 1/8 off a quarter step make
    /// every pre-activation an odd multiple of 1/8, at least 1/8 from 0 and from 6, while a ±1e-2 perturbation
    /// moves one by at most 3e-2. Pre-activations have a spread of about ±7, so many outputs sit at the cap and
    /// about half at 0.
    @Test(arguments: batchSizes)
    func sameStrideOneWithReLU6(batchSize: Int) throws {
        let input = SampleShape(channels: 2, height: 5, width: 6)
        let make = { (activation: ActivationFunction) in
            try DepthwiseConv2DLayer(name: "dw", inputShape: input, kernelSize: PlaneSize(square: 3), padding: .same,
                                     depthMultiplier: 2, activation: activation)
        }
        let layer = try make(.relu6)
        #expect(layer.outputShape == SampleShape(channels: 4, height: 5, width: 6))
        #expect(layer.parameterCount == 2 * 2 * 9 + 4)
        let (subject, projection) = harness(layer, batchSize: batchSize, seed: 31)
        var generator = SeededGenerator(seed: 131)
        for index in subject.input.realIndices { subject.input.values[index] = Float(Int(generator.next() % 7) - 3) }
        subject.parameters = (0..<layer.parameterCount).map { index in
            Float(Int(generator.next() % 17) - 8) / 4 + (index >= 36 ? 0.125 : 0)
        }
        let output = subject.forward()
        let capped = output.realIndices.filter { output.values[$0] == 6 }.count
        let zeros = output.realIndices.filter { output.values[$0] == 0 }.count
        #expect(capped * 10 > output.realIndices.count && zeros * 4 > output.realIndices.count,
                "\(capped) capped and \(zeros) zero outputs: the kinks are not exercised")
        let report = GradientCheck().run(subject, projection: projection, kinkPattern: cappedKinkPattern(of: try make(.linear)))
        #expect(report.skipped == 0)
        expectAgreement(report, "depthwise same s1 m2 relu6 batch \(batchSize)", minimumChecked: 40)
    }

    /// MobileNetV2's downsampling step: 3x3 valid stride 2 without bias on a 7x7 plane (after a (0, 1) zero pad).
    @Test(arguments: batchSizes)
    func validStrideTwoWithoutBias(batchSize: Int) throws {
        let layer = try DepthwiseConv2DLayer(name: "dw", inputShape: SampleShape(channels: 3, height: 7, width: 7),
                                             kernelSize: PlaneSize(square: 3), strides: PlaneSize(square: 2),
                                             useBias: false)
        #expect(layer.outputShape == SampleShape(channels: 3, height: 3, width: 3))
        #expect(layer.parameterCount == 27)
        let (subject, projection) = harness(layer, batchSize: batchSize, seed: 32)
        expectAgreement(GradientCheck().run(subject, projection: projection), "depthwise valid s2 batch \(batchSize)",
                        minimumChecked: 40)
    }

    /// A 2x3 kernel, strides 2x1, same padding, depth multiplier 3, tanh (run after the kernel, not fused).
    @Test(arguments: batchSizes)
    func nonSquareStridedMultiplierThree(batchSize: Int) throws {
        let layer = try DepthwiseConv2DLayer(name: "dw", inputShape: SampleShape(channels: 2, height: 5, width: 4),
                                             kernelSize: PlaneSize(2, 3), strides: PlaneSize(2, 1), padding: .same,
                                             depthMultiplier: 3, activation: .tanh)
        #expect(layer.outputShape == SampleShape(channels: 6, height: 3, width: 4))
        let (subject, projection) = harness(layer, batchSize: batchSize, seed: 33)
        expectAgreement(GradientCheck().run(subject, projection: projection), "depthwise 2x3 s2x1 m3 batch \(batchSize)",
                        minimumChecked: 40)
    }

    /// A fused ReLU with stride 1 valid padding.
    @Test(arguments: batchSizes)
    func validWithReLU(batchSize: Int) throws {
        let input = SampleShape(channels: 2, height: 6, width: 5)
        let make = { (activation: ActivationFunction) in
            try DepthwiseConv2DLayer(name: "dw", inputShape: input, kernelSize: PlaneSize(square: 2), activation: activation)
        }
        let (subject, projection) = harness(try make(.relu), batchSize: batchSize, seed: 34)
        var check = GradientCheck()
        check.step = 1e-3
        let report = check.run(subject, projection: projection, kinkPattern: preActivationSigns(of: try make(.linear)))
        expectAgreement(report, "depthwise valid relu batch \(batchSize)", minimumChecked: 20)
    }

    /// A frozen depthwise layer writes no parameter gradient but still propagates the input gradient.
    @Test func frozenWritesNoParameterGradients() throws {
        let layer = try DepthwiseConv2DLayer(name: "dw", inputShape: SampleShape(channels: 2, height: 4, width: 4),
                                             kernelSize: PlaneSize(square: 3), padding: .same)
        let (subject, projection) = harness(layer, batchSize: 17, seed: 35)
        subject.isFrozen = true
        expectAgreement(GradientCheck().run(subject, projection: projection), "depthwise frozen")
        #expect(subject.gradients(outputGradient: projection).parameters.allSatisfy { $0.isNaN })
    }

    @Test func rejectsBadSizes() {
        let input = SampleShape(channels: 2, height: 4, width: 4)
        #expect(throws: EngineError.invalidLayer(layer: "dw", reason: "depth multiplier must be at least 1, found 0")) {
            try DepthwiseConv2DLayer(name: "dw", inputShape: input, kernelSize: PlaneSize(square: 3), depthMultiplier: 0)
        }
        #expect(throws: EngineError.invalidLayer(layer: "dw", reason: "kernel size 5x5 does not fit the 4x4 input with valid padding")) {
            try DepthwiseConv2DLayer(name: "dw", inputShape: input, kernelSize: PlaneSize(square: 5))
        }
    }
}

@Suite struct GraphElementwiseGradientTests {
    @Test(arguments: batchSizes)
    func zeroPadding(batchSize: Int) throws {
        let layer = try ZeroPadding2DLayer(name: "pad", inputShape: SampleShape(channels: 2, height: 3, width: 4),
                                           top: 1, bottom: 2, left: 0, right: 3)
        #expect(layer.outputShape == SampleShape(channels: 2, height: 6, width: 7))
        let (subject, projection) = harness(layer, batchSize: batchSize, seed: 36)
        let output = subject.forward()
        // Sample 0, channel 1, padded row 0 is border; padded (1, 0) holds input (0, 0) of channel 1.
        #expect(output[0, 42] == 0 && output[0, 42 + 7] == subject.input[0, 12])
        expectAgreement(GradientCheck().run(subject, projection: projection), "zero padding batch \(batchSize)")
    }

    /// Inputs in ±8, kept at least 0.1 away from 0 and from the cap (h = 1e-2).
    @Test(arguments: batchSizes, [Float(6), 2.5, nil])
    func cappedReLU(batchSize: Int, maxValue: Float?) throws {
        let layer = try ReLULayer(name: "relu", inputShape: SampleShape(channels: 3, height: 4, width: 5), maxValue: maxValue)
        let (subject, projection) = harness(layer, batchSize: batchSize, seed: 37, inputRange: -8...8)
        let cap = maxValue ?? .infinity
        for index in subject.input.realIndices {
            let value = subject.input.values[index]
            if abs(value) < 0.1 { subject.input.values[index] = value < 0 ? -0.1 - abs(value) : 0.1 + value }
            if abs(value - cap) < 0.1 { subject.input.values[index] = cap + (value < cap ? -0.1 : 0.1) }
        }
        let output = subject.forward()
        #expect(output.realIndices.allSatisfy { output.values[$0] >= 0 && output.values[$0] <= cap })
        if let maxValue { #expect(output.values.contains(maxValue)) }
        expectAgreement(GradientCheck().run(subject, projection: projection),
                        "relu max \(String(describing: maxValue)) batch \(batchSize)")
    }

    @Test func cappedReLURejectsNonPositiveCaps() {
        #expect(throws: EngineError.invalidLayer(layer: "r", reason: "the ReLU cap must be positive and finite, found 0.0")) {
            try ReLULayer(name: "r", inputShape: .vector(3), maxValue: 0)
        }
    }

    /// Three inputs of 17 samples: the forward sum is `(a + b) + c` exactly, and backward copies the output
    /// gradient to every input that asks for one (the middle one does not: its pointer is nil).
    @Test func addSumsAndCopiesGradients() throws {
        let shape = SampleShape(channels: 2, height: 2, width: 3)
        let layer = try AddLayer(name: "add", inputShape: shape, inputCount: 3)
        #expect(layer.inputShapes == [shape, shape, shape] && layer.parameterCount == 0)
        var generator = SeededGenerator(seed: 38)
        func random() -> [Float] {
            LaneTensor.random(batchSize: 17, featureCount: shape.featureCount, in: -1...1, generator: &generator).values
        }
        var first = random(), second = random(), third = random(), outputGradient = random()
        let count = first.count
        var output = [Float](repeating: .nan, count: count)
        var firstGradient = output, thirdGradient = output
        var scratch: [Float] = [0]
        let random = CounterRandom(seed: 1, step: 0, layer: 0)
        first.withPointer { a in second.withPointer { b in third.withPointer { c in
            output.withPointer { y in scratch.withPointer { p in
                [UnsafePointer(b), UnsafePointer(c)].withUnsafeBufferPointer { others in
                    for chunk in 0..<2 {  // one call per chunk, as two work items would
                        layer.forward(ForwardPass(input: a, output: y, chunks: chunk..<(chunk + 1), batchSize: 17,
                                                  parameters: p, workspace: p, isTraining: true, isFrozen: false,
                                                  random: random, runner: .serial, gemmWorkspace: GEMMWorkspace(),
                                                  additionalInputs: others))
                    }
                }
                outputGradient.withPointer { dy in firstGradient.withPointer { da in thirdGradient.withPointer { dc in
                    [nil, dc].withUnsafeBufferPointer { otherGradients in
                        layer.backward(BackwardPass(input: a, output: y, outputGradient: dy, inputGradient: da,
                                                    parameters: p, parameterGradients: p, chunks: 0..<2, batchSize: 17,
                                                    workspace: p, isTraining: true, isFrozen: false, random: random,
                                                    runner: .serial, gemmWorkspace: GEMMWorkspace(),
                                                    additionalInputGradients: otherGradients))
                    }
                } } }
            } }
        } } }
        let expected = (0..<count).map { (first[$0] + second[$0]) + third[$0] }
        #expect(zip(output, expected).allSatisfy { $0.bitPattern == $1.bitPattern })
        #expect(firstGradient == outputGradient && thirdGradient == outputGradient)
        #expect(throws: EngineError.invalidLayer(layer: "add", reason: "an add needs at least 2 inputs, found 1")) {
            try AddLayer(name: "add", inputShape: shape, inputCount: 1)
        }
    }
}
