// Graph networks: a tiny graph (zero padding, depthwise convolution, ReLU6, a branch read three times, a
// three-input add) against central differences through `Network.computeGradient`; an output added to itself;
// 1 and 2 threads bit-identical; the chain initialiser equal to the graph one; and the graph errors.

import Testing
@testable import PareEngine

/// The tiny graph, input 2x6x6, 3 classes:
///
///     0 pad     zeropad2d (0, 1, 0, 1)            input → 2x7x7
///     1 dw      depthwise 3x3 stride 2 valid, m=2  pad   → 4x3x3
///     2 relu6   relu max=6                         dw    → 4x3x3   (read by 3, 4 and 5)
///     3 conv    conv2d 4 1x1 tanh                  relu6 → 4x3x3
///     4 dw_b    depthwise 3x3 same tanh            relu6 → 4x3x3
///     5 add     add conv, dw_b, relu6              → 4x3x3
///     6 flatten                                    → 36
///     7 dense   dense 3                            → 3
private func tinyGraph(maxBatchSize: Int, threads: Int = 1) throws -> Network {
    let input = SampleShape(channels: 2, height: 6, width: 6)
    let pad = try ZeroPadding2DLayer(name: "pad", inputShape: input, top: 0, bottom: 1, left: 0, right: 1)
    let dw = try DepthwiseConv2DLayer(name: "dw", inputShape: pad.outputShape, kernelSize: PlaneSize(square: 3),
                                      strides: PlaneSize(square: 2), depthMultiplier: 2)
    let relu6 = try ReLULayer(name: "relu6", inputShape: dw.outputShape, maxValue: 6)
    let conv = try Conv2DLayer(name: "conv", inputShape: relu6.outputShape, filters: 4, kernelSize: PlaneSize(square: 1),
                               activation: .tanh)
    let dwB = try DepthwiseConv2DLayer(name: "dw_b", inputShape: relu6.outputShape, kernelSize: PlaneSize(square: 3),
                                       padding: .same, activation: .tanh)
    let add = try AddLayer(name: "add", inputShape: conv.outputShape, inputCount: 3)
    let flatten = FlattenLayer(name: "flatten", inputShape: add.outputShape)
    let dense = try DenseLayer(name: "dense", inputShape: flatten.outputShape, units: 3)
    return try Network(layers: [pad, dw, relu6, conv, dwB, add, flatten, dense],
                       inputs: [[.networkInput], [.layer(0)], [.layer(1)], [.layer(2)], [.layer(2)],
                                [.layer(3), .layer(4), .layer(2)], [.layer(5)], [.layer(6)]],
                       inputShape: input, maxBatchSize: maxBatchSize, threadCount: threads)
}

/// Integer inputs in −3...3 and labels in 0..<3. With `dw`'s weights in quarter steps and its biases 1/8 off one,
/// every input of the ReLU6 is an odd multiple of 1/8, so no ±1e-2 perturbation (moving it by at most 3e-2)
/// crosses a kink at 0 or 6, and no other parameter moves it at all.
private func gridBatch(batchSize: Int, seed: UInt64) -> LabelledBatch {
    var generator = SeededGenerator(seed: seed)
    let input = LaneTensor(batchSize: batchSize, featureCount: 72) { _, _ in Float(Int(generator.next() % 7) - 3) }
    return LabelledBatch(input: input, labels: (0..<batchSize).map { _ in Int32(generator.next() % 3) })
}

private func initializeOnGrid(_ network: Network, seed: UInt64) throws {
    var generator = SeededGenerator(seed: seed)
    network.initialize(scheme: .torch, generator: &generator)
    try network.setParameterValues((0..<36).map { _ in Float(Int(generator.next() % 17) - 8) / 4 },
                                   layer: "dw", tensor: "kernel")
    try network.setParameterValues((0..<4).map { _ in Float(Int(generator.next() % 9) - 4) / 4 + 0.125 },
                                   layer: "dw", tensor: "bias")
}

@Suite struct GraphNetworkTests {
    /// 33 samples = 3 work items. Every learned parameter is compared (h = 1e-2, tolerance 2e-4 + 1e-2·|numeric|,
    /// as for the chain networks).
    @Test(arguments: [1, 17, 33])
    func tinyGraphMatchesFiniteDifferences(batchSize: Int) throws {
        let network = try tinyGraph(maxBatchSize: 40)
        try initializeOnGrid(network, seed: 41)
        #expect(network.parameterCount == 36 + 4 + (16 + 4) + (36 + 4) + (36 * 3 + 3))
        let (checked, _) = try checkNetworkGradient(network, batch: gridBatch(batchSize: batchSize, seed: 42))
        #expect(checked == network.parameterCount)
    }

    /// `add x, x` doubles: the second edge's gradient goes through an edge buffer and is added to the first.
    @Test func outputAddedToItself() throws {
        let input = SampleShape.vector(4)
        let dense = try DenseLayer(name: "dense", inputShape: input, units: 5, activation: .tanh)
        let add = try AddLayer(name: "add", inputShape: dense.outputShape)
        let logits = try DenseLayer(name: "logits", inputShape: add.outputShape, units: 3)
        let network = try Network(layers: [dense, add, logits], inputs: [[.networkInput], [.layer(0), .layer(0)], [.layer(1)]],
                                  inputShape: input, maxBatchSize: 33)
        var generator = SeededGenerator(seed: 43)
        network.initialize(scheme: .torch, generator: &generator)
        let batch = LabelledBatch.random(batchSize: 33, shape: input, classCount: 3, seed: 44)
        let (checked, _) = try checkNetworkGradient(network, batch: batch)
        #expect(checked == 4 * 5 + 5 + 5 * 3 + 3)
    }

    /// A frozen branch: only `dense`'s gradients are computed, and the graph still trains it correctly; the
    /// trainable count leaves out the frozen layers.
    @Test func frozenLayersInAGraph() throws {
        let network = try tinyGraph(maxBatchSize: 33)
        try initializeOnGrid(network, seed: 45)
        for index in 0..<7 { network.setFrozen(true, layerAt: index) }
        #expect(network.trainableParameterCount == 36 * 3 + 3)
        let (checked, _) = try checkNetworkGradient(network, batch: gridBatch(batchSize: 33, seed: 46))
        #expect(checked == 36 * 3 + 3)
        network.setFrozen(false, layerAt: 1)  // dw: its gradient flows back through all three readers of relu6
        let (rechecked, _) = try checkNetworkGradient(network, batch: gridBatch(batchSize: 33, seed: 46))
        #expect(rechecked == 40 + 36 * 3 + 3)
    }

    /// Three Adam steps on 1 and 2 threads give the same bits, for 33 samples (3 items) and 64 (4 items).
    @Test(arguments: [33, 64])
    func threadCountDoesNotChangeAnyBit(batchSize: Int) throws {
        func train(threads: Int) throws -> ([Float], [Double]) {
            let network = try tinyGraph(maxBatchSize: 64, threads: threads)
            try initializeOnGrid(network, seed: 47)
            let optimizer = Optimizer(rule: .adam(), parameterCount: network.parameterCount)
            let losses = (0..<3).map { step in
                network.trainStep(gridBatch(batchSize: batchSize, seed: 48 + UInt64(step)), optimizer: optimizer,
                                  learningRate: 0.01).loss
            }
            return (network.allParameterValues(), losses)
        }
        let serial = try train(threads: 1), parallel = try train(threads: 2)
        #expect(serial.1 == parallel.1)
        #expect(zip(serial.0, parallel.0).allSatisfy { $0.bitPattern == $1.bitPattern })
        #expect(serial.1[2] < serial.1[0], "training did not lower the loss: \(serial.1)")
    }

    /// The chain initialiser is the graph initialiser with `LayerInput.chain`.
    @Test func chainInitializerEqualsGraphInitializer() throws {
        let batch = LabelledBatch.random(batchSize: 17, shape: SampleShape(channels: 1, height: 7, width: 7),
                                         classCount: 3, seed: 49)
        func gradient(_ make: ([any Layer]) throws -> Network) throws -> [Float] {
            let network = try make(try smallConvolutionalLayers())
            var generator = SeededGenerator(seed: 50)
            network.initialize(scheme: .torch, generator: &generator)
            network.computeGradient(batch)
            return try network.parameterSlots.flatMap { try network.gradientValues(layer: $0.layerName, tensor: $0.tensor.name) }
        }
        let input = SampleShape(channels: 1, height: 7, width: 7)
        let chain = try gradient { try Network(layers: $0, inputShape: input, maxBatchSize: 17) }
        let graph = try gradient {
            try Network(layers: $0, inputs: LayerInput.chain(layerCount: $0.count), inputShape: input, maxBatchSize: 17)
        }
        #expect(chain == graph)
        #expect(try Network(layers: try smallConvolutionalLayers(), inputShape: input, maxBatchSize: 1).layerInputs
                == LayerInput.chain(layerCount: 7))
    }

    @Test(arguments: [
        ("count", "layer 'add': takes 2 input(s), given 1"),
        ("later", "layer 'add': reads layer 2, which is not an earlier layer"),
        ("shape", "layer 'add' expects input 4 but receives 3"),
        ("unread", "layer 'side': its output is read by no later layer, and only the last layer is the output"),
        ("lists", "the layer inputs must be one list per layer (3), found 2 lists"),
    ])
    func graphErrors(name: String, message: String) throws {
        let input = SampleShape.vector(3)
        let dense = try DenseLayer(name: "dense", inputShape: input, units: 4)
        let side = try DenseLayer(name: "side", inputShape: input, units: 4)
        let add = try AddLayer(name: "add", inputShape: .vector(4))
        let inputs: [[LayerInput]]
        switch name {
        case "count": inputs = [[.networkInput], [.networkInput], [.layer(0)]]
        case "later": inputs = [[.networkInput], [.networkInput], [.layer(0), .layer(2)]]
        case "shape": inputs = [[.networkInput], [.networkInput], [.layer(0), .networkInput]]
        case "unread": inputs = [[.networkInput], [.networkInput], [.layer(0), .layer(0)]]
        default: inputs = [[.networkInput], [.networkInput]]
        }
        do {
            _ = try Network(layers: [dense, side, add], inputs: inputs, inputShape: input, maxBatchSize: 4)
            Issue.record("\(name): no error thrown")
        } catch {
            #expect(error.description == message)
        }
    }
}
