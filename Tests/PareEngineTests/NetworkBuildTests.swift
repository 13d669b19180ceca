// Building networks: the errors a builder can hit (table-driven, exact messages), the parameter layout and
// counts, named access, initialisation and freezing.

import Testing
@testable import PareEngine

@Suite struct NetworkBuildTests {
    private static let image = SampleShape(channels: 1, height: 4, width: 4)

    /// Each case builds something wrong and expects the exact one-line message.
    @Test(arguments: [
        ("empty", "a network needs at least one layer"),
        ("batch", "maximum batch size must be at least 1, found 0"),
        ("threads", "thread count must be at least 1, found 0"),
        ("items", "work-item limit must be at least 1, found -1"),
        ("input", "the input shape must be positive in every dimension, found 1x0x4"),
        ("mismatch", "layer 'dense' expects input 10 but receives 16"),
        ("duplicate", "two layers are named 'flatten'; layer names must be unique"),
        ("notVector", "the last layer 'conv' must output a vector of class scores, found 2x3x3"),
        ("denseOnImage", "layer 'dense': dense expects a vector input, found 1x4x4; flatten first"),
        ("units", "layer 'dense': units must be at least 1, found 0"),
        ("rate", "layer 'dropout': dropout rate must be in [0, 1), found 1.0"),
    ])
    func buildErrors(name: String, message: String) {
        let image = NetworkBuildTests.image
        do {
            switch name {
            case "empty": _ = try Network(layers: [], inputShape: image, maxBatchSize: 8)
            case "batch": _ = try Network(layers: [FlattenLayer(name: "flatten", inputShape: image)], inputShape: image, maxBatchSize: 0)
            case "threads": _ = try Network(layers: [FlattenLayer(name: "flatten", inputShape: image)], inputShape: image, maxBatchSize: 8, threadCount: 0)
            case "items": _ = try Network(layers: [FlattenLayer(name: "flatten", inputShape: image)], inputShape: image, maxBatchSize: 8, workItemLimit: -1)
            case "input":
                let empty = SampleShape(channels: 1, height: 0, width: 4)
                _ = try Network(layers: [FlattenLayer(name: "flatten", inputShape: empty)], inputShape: empty, maxBatchSize: 8)
            case "mismatch":
                _ = try Network(layers: [FlattenLayer(name: "flatten", inputShape: image),
                                         try DenseLayer(name: "dense", inputShape: .vector(10), units: 2)],
                                inputShape: image, maxBatchSize: 8)
            case "duplicate":
                let flatten = FlattenLayer(name: "flatten", inputShape: image)
                _ = try Network(layers: [flatten, FlattenLayer(name: "flatten", inputShape: .vector(16))],
                                inputShape: image, maxBatchSize: 8)
            case "notVector":
                _ = try Network(layers: [try Conv2DLayer(name: "conv", inputShape: image, filters: 2, kernelSize: PlaneSize(square: 2))],
                                inputShape: image, maxBatchSize: 8)
            case "denseOnImage": _ = try DenseLayer(name: "dense", inputShape: image, units: 2)
            case "units": _ = try DenseLayer(name: "dense", inputShape: .vector(3), units: 0)
            default: _ = try DropoutLayer(name: "dropout", inputShape: image, rate: 1)
            }
            Issue.record("\(name): no error thrown")
        } catch {
            #expect(error.description == message)
        }
    }

    /// Counts as Keras reports them: Conv2D(1→8, 3x3) = 8·1·3·3 + 8 = 80; BatchNormalization(8) = 4·8 = 32 of
    /// which 16 non-trainable; Dense(8·13·13 = 1352 → 10) = 13530. Total 13642, trainable 13626.
    @Test func layoutAndCounts() throws {
        let input = SampleShape(channels: 1, height: 28, width: 28)
        let conv = try Conv2DLayer(name: "conv2d", inputShape: input, filters: 8, kernelSize: PlaneSize(square: 3))
        let norm = try BatchNormalizationLayer(name: "batch_normalization", inputShape: conv.outputShape)
        let pool = try Pooling2DLayer(name: "max_pooling2d", inputShape: norm.outputShape,
                                      kind: .max, poolSize: PlaneSize(square: 2))
        let flatten = FlattenLayer(name: "flatten", inputShape: pool.outputShape)
        let dense = try DenseLayer(name: "dense", inputShape: flatten.outputShape, units: 10)
        let network = try Network(layers: [conv, norm, pool, flatten, dense], inputShape: input, maxBatchSize: 32)
        #expect(network.parameterCount == 13642)
        #expect(network.trainableParameterCount == 13626 && network.nonTrainableParameterCount == 16)
        #expect(network.parameterSlots.map(\.qualifiedName) == [
            "conv2d/kernel", "conv2d/bias", "batch_normalization/gamma", "batch_normalization/beta",
            "batch_normalization/moving_mean", "batch_normalization/moving_variance", "dense/kernel", "dense/bias"])
        #expect(network.parameterSlots.map(\.offset) == [0, 72, 80, 88, 96, 104, 112, 13632])
        #expect(try network.slot(layer: "conv2d", tensor: "kernel").tensor.shape == [8, 1, 3, 3])
        #expect(try network.slot(layer: "dense", tensor: "kernel").tensor.shape == [10, 1352])
        network.setFrozen(true, layerAt: 0)
        #expect(network.trainableParameterCount == 13626 - 80 && network.isFrozen(layerAt: 0))
    }

    @Test func namedAccessRoundTripsAndChecksNames() throws {
        let network = try Network(layers: try smallConvolutionalLayers(), inputShape: SampleShape(channels: 1, height: 7, width: 7),
                                  maxBatchSize: 4)
        let values = (0..<18).map(Float.init)
        try network.setParameterValues(values, layer: "dense_1", tensor: "kernel")
        #expect(try network.parameterValues(layer: "dense_1", tensor: "kernel") == values)
        #expect(network.allParameterValues()[try network.slot(layer: "dense_1", tensor: "kernel").range] == values[...])
        #expect(throws: EngineError.unknownParameter(layer: "flatten", tensor: "kernel")) {
            try network.parameterValues(layer: "flatten", tensor: "kernel")
        }
        #expect(throws: EngineError.valueCountMismatch(name: "dense_1/kernel", expected: 18, received: 3)) {
            try network.setParameterValues([1, 2, 3], layer: "dense_1", tensor: "kernel")
        }
        #expect(EngineError.valueCountMismatch(name: "dense_1/kernel", expected: 18, received: 3).description
                == "'dense_1/kernel' holds 18 values, received 3")
    }

    /// Keras: Glorot limit √(6/(fanIn + fanOut)), zero biases, BN constants. Conv fans include the kernel area:
    /// conv2d 1→3 3x3 has fanIn 9, fanOut 27, limit √(6/36) = 0.4082. Torch: bound 1/√fanIn for kernel and bias.
    @Test(arguments: InitializationScheme.allCases)
    func initializersRespectTheirBounds(scheme: InitializationScheme) throws {
        let network = try Network(layers: try smallConvolutionalLayers(), inputShape: SampleShape(channels: 1, height: 7, width: 7),
                                  maxBatchSize: 4)
        var generator = SeededGenerator(seed: 1)
        network.initialize(scheme: scheme, generator: &generator)
        let convKernel = try network.parameterValues(layer: "conv2d", tensor: "kernel")
        let convBias = try network.parameterValues(layer: "conv2d", tensor: "bias")
        let denseKernel = try network.parameterValues(layer: "dense", tensor: "kernel")  // 27 → 6
        let limits: (conv: Float, dense: Float) = scheme == .keras
            ? ((6 / Float(9 + 27)).squareRoot(), (6 / Float(27 + 6)).squareRoot())
            : (1 / Float(9).squareRoot(), 1 / Float(27).squareRoot())
        #expect(convKernel.allSatisfy { abs($0) <= limits.conv } && convKernel.map(abs).max()! > 0.5 * limits.conv)
        #expect(denseKernel.allSatisfy { abs($0) <= limits.dense } && denseKernel.map(abs).max()! > 0.8 * limits.dense)
        if scheme == .keras {
            #expect(convBias == [0, 0, 0])
        } else {
            #expect(convBias.allSatisfy { abs($0) <= limits.conv } && convBias.contains { $0 != 0 })
        }
        #expect(try network.parameterValues(layer: "batch_normalization", tensor: "gamma") == [1, 1, 1])
        #expect(try network.parameterValues(layer: "batch_normalization", tensor: "moving_variance") == [1, 1, 1])
        #expect(try network.parameterValues(layer: "batch_normalization", tensor: "moving_mean") == [0, 0, 0])
    }

    @Test func sameSeedSameNetwork() throws {
        func build(seed: UInt64) throws -> Network {
            let network = try Network(layers: try smallConvolutionalLayers(), inputShape: SampleShape(channels: 1, height: 7, width: 7),
                                      maxBatchSize: 4)
            var generator = SeededGenerator(seed: seed)
            network.initialize(scheme: .keras, generator: &generator)
            return network
        }
        let first = try build(seed: 9), second = try build(seed: 9), other = try build(seed: 10)
        #expect(first.allParameterValues() == second.allParameterValues() && first.dropoutSeed == second.dropoutSeed)
        #expect(first.allParameterValues() != other.allParameterValues())
    }
}
