// Every layer's backward against central finite differences, on small odd shapes and batches of 1, 17 and 33
// samples (one partial chunk, a full chunk plus one sample, two full chunks plus one sample).

import Testing
@testable import PareEngine

/// Batch sizes that exercise partial chunks.
private let batchSizes = [1, 17, 33]

/// A harness with random inputs in `inputRange`, random parameters in ±0.5 (biases nonzero, so no ReLU sits
/// exactly on a kink because of a zero bias), and batch-norm γ near 1 and positive moving variances.
func harness(_ layer: any Layer, batchSize: Int, seed: UInt64,
                     inputRange: ClosedRange<Float> = -1...1) -> (LayerHarness, LaneTensor) {
    var generator = SeededGenerator(seed: seed)
    let input = LaneTensor.random(batchSize: batchSize, featureCount: layer.inputShape.featureCount,
                                  in: inputRange, generator: &generator)
    var parameters: [Float] = []
    for tensor in layer.parameterTensors {
        switch tensor.name {
        case "gamma": parameters += randomFloats(tensor.elementCount, in: 0.5...1.5, generator: &generator)
        case "moving_variance": parameters += randomFloats(tensor.elementCount, in: 0.5...2, generator: &generator)
        default: parameters += randomFloats(tensor.elementCount, in: -0.5...0.5, generator: &generator)
        }
    }
    let projection = LaneTensor.random(batchSize: batchSize, featureCount: layer.outputShape.featureCount,
                                       in: -1...1, generator: &generator)
    return (LayerHarness(layer: layer, input: input, parameters: parameters), projection)
}

func expectAgreement(_ report: GradientCheckReport, _ context: String, minimumChecked: Int = 1) {
    #expect(report.failures.isEmpty, "\(context): \(report.failures.joined(separator: "; "))")
    #expect(report.checked >= minimumChecked, "\(context): only \(report.checked) checked, \(report.skipped) skipped")
    #expect(report.skipped * 4 <= report.checked, "\(context): \(report.skipped) of \(report.checked) near kinks")
}

@Suite struct DenseGradientTests {
    @Test(arguments: batchSizes, ActivationFunction.allCases)
    func denseMatchesFiniteDifferences(batchSize: Int, activation: ActivationFunction) throws {
        let layer = try DenseLayer(name: "dense", inputShape: .vector(5), units: 4, activation: activation)
        let (subject, projection) = harness(layer, batchSize: batchSize, seed: 1)
        let linear = try DenseLayer(name: "dense", inputShape: .vector(5), units: 4)
        var check = GradientCheck()
        // Pre-activations stay within ±3 here (5 inputs in ±1, weights and bias in ±0.5): ReLU6 never reaches its
        // cap, so its only kink is ReLU's.
        let hasKinkAtZero = activation == .relu || activation == .relu6
        if hasKinkAtZero { check.step = 1e-3 }
        let report = check.run(subject, projection: projection,
                               kinkPattern: hasKinkAtZero ? preActivationSigns(of: linear) : nil)
        expectAgreement(report, "dense \(activation) batch \(batchSize)", minimumChecked: 24)
    }

    @Test(arguments: batchSizes)
    func denseWithoutBiasMatchesFiniteDifferences(batchSize: Int) throws {
        let layer = try DenseLayer(name: "dense", inputShape: .vector(3), units: 7, useBias: false, activation: .tanh)
        #expect(layer.parameterCount == 21)
        let (subject, projection) = harness(layer, batchSize: batchSize, seed: 2)
        expectAgreement(GradientCheck().run(subject, projection: projection), "dense no bias batch \(batchSize)")
    }
}

@Suite struct Conv2DGradientTests {
    /// Stride 2, same padding, a 3x2 kernel on an odd 5x6 plane, fused ReLU.
    @Test(arguments: batchSizes)
    func stridedSamePaddedNonSquareKernel(batchSize: Int) throws {
        let input = SampleShape(channels: 2, height: 5, width: 6)
        let make = { (activation: ActivationFunction) in
            try Conv2DLayer(name: "conv", inputShape: input, filters: 3, kernelSize: PlaneSize(3, 2),
                            strides: PlaneSize(square: 2), padding: .same, activation: activation)
        }
        let layer = try make(.relu)
        #expect(layer.outputShape == SampleShape(channels: 3, height: 3, width: 3))
        let (subject, projection) = harness(layer, batchSize: batchSize, seed: 3)
        var check = GradientCheck()
        check.step = 1e-3
        let linear = try make(.linear)
        let report = check.run(subject, projection: projection, kinkPattern: preActivationSigns(of: linear))
        expectAgreement(report, "conv same s2 3x2 batch \(batchSize)", minimumChecked: 30)
    }

    /// Valid padding, stride 1, 3x3 kernel, tanh.
    @Test(arguments: batchSizes)
    func validSquareKernel(batchSize: Int) throws {
        let layer = try Conv2DLayer(name: "conv", inputShape: SampleShape(channels: 1, height: 5, width: 5),
                                    filters: 2, kernelSize: PlaneSize(square: 3), activation: .tanh)
        #expect(layer.outputShape == SampleShape(channels: 2, height: 3, width: 3))
        let (subject, projection) = harness(layer, batchSize: batchSize, seed: 4)
        expectAgreement(GradientCheck().run(subject, projection: projection), "conv valid 3x3 batch \(batchSize)")
    }

    /// Valid padding, strides 2x1, a 2x3 kernel, no bias, linear: windows that leave rows unused.
    @Test(arguments: batchSizes)
    func unevenStridesWithoutBias(batchSize: Int) throws {
        let layer = try Conv2DLayer(name: "conv", inputShape: SampleShape(channels: 2, height: 6, width: 7),
                                    filters: 2, kernelSize: PlaneSize(2, 3), strides: PlaneSize(2, 1), useBias: false)
        #expect(layer.outputShape == SampleShape(channels: 2, height: 3, width: 5))
        #expect(layer.parameterCount == 2 * 2 * 2 * 3)
        let (subject, projection) = harness(layer, batchSize: batchSize, seed: 5)
        expectAgreement(GradientCheck().run(subject, projection: projection), "conv valid s2x1 batch \(batchSize)")
    }
}

@Suite struct PoolingGradientTests {
    /// Inputs are a shuffled ramp with gaps of 0.01, so a ±1e-3 perturbation never changes a window's maximum.
    private func distinctInput(_ shape: SampleShape, batchSize: Int, seed: UInt64) -> LaneTensor {
        var generator = SeededGenerator(seed: seed)
        let count = batchSize * shape.featureCount
        var ramp = (0..<count).map { Float($0) * 0.01 - Float(count) * 0.005 }
        ramp.shuffle(using: &generator)
        return LaneTensor(batchSize: batchSize, featureCount: shape.featureCount) { sample, feature in
            ramp[sample * shape.featureCount + feature]
        }
    }

    @Test(arguments: batchSizes)
    func maxPoolValidOddPlane(batchSize: Int) throws {
        let shape = SampleShape(channels: 2, height: 5, width: 5)
        let layer = try Pooling2DLayer(name: "pool", inputShape: shape, kind: .max, poolSize: PlaneSize(square: 2))
        #expect(layer.outputShape == SampleShape(channels: 2, height: 2, width: 2))
        let (subject, projection) = harness(layer, batchSize: batchSize, seed: 6)
        subject.input = distinctInput(shape, batchSize: batchSize, seed: 6)
        var check = GradientCheck()
        check.step = 1e-3
        expectAgreement(check.run(subject, projection: projection), "maxpool valid batch \(batchSize)")
    }

    @Test(arguments: batchSizes)
    func maxPoolSameOverlapping(batchSize: Int) throws {
        let shape = SampleShape(channels: 2, height: 5, width: 4)
        let layer = try Pooling2DLayer(name: "pool", inputShape: shape, kind: .max, poolSize: PlaneSize(3, 2),
                                          strides: PlaneSize(2, 1), padding: .same)
        #expect(layer.outputShape == SampleShape(channels: 2, height: 3, width: 4))
        let (subject, projection) = harness(layer, batchSize: batchSize, seed: 7)
        subject.input = distinctInput(shape, batchSize: batchSize, seed: 7)
        var check = GradientCheck()
        check.step = 1e-3
        expectAgreement(check.run(subject, projection: projection), "maxpool same batch \(batchSize)")
    }

    @Test(arguments: batchSizes)
    func averagePoolSamePartialWindows(batchSize: Int) throws {
        let layer = try Pooling2DLayer(name: "pool", inputShape: SampleShape(channels: 2, height: 5, width: 5),
                                       kind: .average, poolSize: PlaneSize(square: 2), padding: .same)
        #expect(layer.outputShape == SampleShape(channels: 2, height: 3, width: 3))
        let (subject, projection) = harness(layer, batchSize: batchSize, seed: 8)
        expectAgreement(GradientCheck().run(subject, projection: projection), "avgpool same batch \(batchSize)")
    }

    @Test(arguments: batchSizes)
    func averagePoolOverlappingStrideOne(batchSize: Int) throws {
        let layer = try Pooling2DLayer(name: "pool", inputShape: SampleShape(channels: 1, height: 4, width: 5),
                                       kind: .average, poolSize: PlaneSize(square: 3), strides: PlaneSize(square: 1),
                                              padding: .same)
        let (subject, projection) = harness(layer, batchSize: batchSize, seed: 9)
        expectAgreement(GradientCheck().run(subject, projection: projection), "avgpool 3x3 s1 batch \(batchSize)")
    }

    @Test(arguments: batchSizes)
    func globalAveragePool(batchSize: Int) throws {
        let layer = GlobalAveragePooling2DLayer(name: "gap", inputShape: SampleShape(channels: 3, height: 4, width: 5))
        #expect(layer.outputShape == .vector(3))
        let (subject, projection) = harness(layer, batchSize: batchSize, seed: 10)
        expectAgreement(GradientCheck().run(subject, projection: projection), "gap batch \(batchSize)")
    }
}

@Suite struct ElementwiseGradientTests {
    @Test(arguments: batchSizes)
    func flattenCopiesWhenCalledWithDistinctBuffers(batchSize: Int) throws {
        let layer = FlattenLayer(name: "flatten", inputShape: SampleShape(channels: 2, height: 3, width: 3))
        #expect(layer.outputShape == .vector(18) && layer.sharesInputBuffer)
        let (subject, projection) = harness(layer, batchSize: batchSize, seed: 11)
        expectAgreement(GradientCheck().run(subject, projection: projection), "flatten batch \(batchSize)")
    }

    @Test(arguments: batchSizes)
    func dropoutInTraining(batchSize: Int) throws {
        let layer = try DropoutLayer(name: "dropout", inputShape: SampleShape(channels: 2, height: 2, width: 3), rate: 0.4)
        let (subject, projection) = harness(layer, batchSize: batchSize, seed: 12)
        expectAgreement(GradientCheck().run(subject, projection: projection), "dropout batch \(batchSize)")
    }

    /// ReLU inputs are kept at |x| ≥ 0.1, far from the kink at 0 compared with h = 1e-2.
    @Test(arguments: batchSizes, ActivationFunction.allCases)
    func activationLayer(batchSize: Int, activation: ActivationFunction) throws {
        let layer = ActivationLayer(name: "act", inputShape: SampleShape(channels: 3, height: 2, width: 2),
                                    activation: activation)
        let (subject, projection) = harness(layer, batchSize: batchSize, seed: 13, inputRange: -2...2)
        subject.input.values = subject.input.values.map { abs($0) < 0.1 ? ($0 < 0 ? -0.1 - abs($0) : 0.1 + $0) : $0 }
        for index in subject.input.paddingIndices { subject.input.values[index] = 0 }
        expectAgreement(GradientCheck().run(subject, projection: projection), "activation \(activation) batch \(batchSize)")
    }
}

@Suite struct BatchNormalizationGradientTests {
    private static let shapes = [SampleShape.vector(4), SampleShape(channels: 3, height: 3, width: 2)]

    /// Training mode: batch statistics, so every input of a channel affects every output of that channel.
    @Test(arguments: batchSizes, shapes)
    func trainingBackward(batchSize: Int, shape: SampleShape) throws {
        let layer = try BatchNormalizationLayer(name: "bn", inputShape: shape)
        let (subject, projection) = harness(layer, batchSize: batchSize, seed: 14)
        expectAgreement(GradientCheck().run(subject, projection: projection), "bn training \(shape) batch \(batchSize)")
    }

    /// Frozen in training: moving statistics, input gradient only.
    @Test(arguments: batchSizes, shapes)
    func frozenBackward(batchSize: Int, shape: SampleShape) throws {
        let layer = try BatchNormalizationLayer(name: "bn", inputShape: shape)
        let (subject, projection) = harness(layer, batchSize: batchSize, seed: 15)
        subject.isFrozen = true
        let report = GradientCheck().run(subject, projection: projection)
        expectAgreement(report, "bn frozen \(shape) batch \(batchSize)")
        let gradients = subject.gradients(outputGradient: projection).parameters
        #expect(gradients.allSatisfy { $0.isNaN }, "a frozen layer must not write parameter gradients")
    }
}
