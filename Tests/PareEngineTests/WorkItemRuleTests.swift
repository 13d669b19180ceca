// The work-item rule: its choices for the seed models (hand-computed below from their shapes), its independence of
// the thread count, and bit-identical training for 1 and 2 threads whatever item count it or a fixed limit picks.

import Testing
@testable import PareEngine

@Suite struct WorkItemRuleTests {
    private static let mnist = SampleShape(channels: 1, height: 28, width: 28)

    private static func conv(_ name: String, _ input: SampleShape, _ filters: Int) throws -> Conv2DLayer {
        try Conv2DLayer(name: name, inputShape: input, filters: filters, kernelSize: PlaneSize(square: 3),
                        activation: .relu)
    }

    /// qiita_cnn2 at n = 2: P = 932 is tiny against the activations, so it gets the rule's maximum of 4 items.
    /// Per chunk: 16 · (784 input + 2 · (1352 + 1152 + 288 + 400 + 256 + 64 + 10 outputs)) = 125,248 floats; batch
    /// 128 = 8 chunks allow 0.1 · 8 · 125,248 = 100,198 floats of extra gradient traffic, and 4 items need
    /// 3 · 932 = 2,796. Batch 33 has 3 chunks, so 3 items; batch 16 one chunk, one item.
    @Test func activationHeavyModelGetsMoreItems() throws {
        let c1 = try Self.conv("c1", Self.mnist, 2), c2 = try Self.conv("c2", c1.outputShape, 2)
        let p1 = try Pooling2DLayer(name: "p1", inputShape: c2.outputShape, kind: .max, poolSize: PlaneSize(square: 2))
        let c3 = try Self.conv("c3", p1.outputShape, 4), c4 = try Self.conv("c4", c3.outputShape, 4)
        let p2 = try Pooling2DLayer(name: "p2", inputShape: c4.outputShape, kind: .max, poolSize: PlaneSize(square: 2))
        let flatten = FlattenLayer(name: "flatten", inputShape: p2.outputShape)
        let layers: [any Layer] = [c1, c2, p1, c3, c4, p2, flatten,
                                   try DenseLayer(name: "dense", inputShape: flatten.outputShape, units: 10)]
        let network = try Network(layers: layers, inputShape: Self.mnist, maxBatchSize: 128)
        #expect(network.workItemRule.activationFloatsPerChunk == 125_248)
        #expect([128, 64, 33, 16].map { network.split(batchSize: $0).itemCount } == [4, 4, 3, 1])
        #expect(network.workItemLimit == 4)
    }

    /// seed000_cnn: P = 296,518, so 4 items would add 3 · 296,518 = 889,554 floats of gradient traffic, more than a
    /// tenth of even a 512-sample batch's activations (32 chunks · 16 · (784 + 2 · 5,146) = 5,670,912 floats): 2
    /// items. A 784-128-10 MLP at batch 64: 4 chunks · 16 · (784 + 2 · 138) = 67,840 floats allow 6,784, far
    /// below 3 · 101,770: 2 items.
    @Test func parameterHeavyModelsGetTwoItems() throws {
        let c1 = try Conv2DLayer(name: "c1", inputShape: Self.mnist, filters: 4, kernelSize: PlaneSize(square: 3))
        let c2 = try Conv2DLayer(name: "c2", inputShape: c1.outputShape, filters: 4, kernelSize: PlaneSize(square: 3))
        let flatten = FlattenLayer(name: "flatten", inputShape: c2.outputShape)
        let hidden = try DenseLayer(name: "dense", inputShape: flatten.outputShape, units: 128, activation: .relu)
        let cnn = try Network(layers: [c1, c2, flatten, hidden,
                                       try DenseLayer(name: "dense_1", inputShape: hidden.outputShape, units: 10)],
                              inputShape: Self.mnist, maxBatchSize: 512, threadCount: 2)
        #expect(cnn.parameterCount == 296_518)
        #expect([64, 128, 512, 17, 1].map { cnn.split(batchSize: $0).itemCount } == [2, 2, 2, 2, 1])

        let flat = FlattenLayer(name: "flatten", inputShape: Self.mnist)
        let first = try DenseLayer(name: "dense", inputShape: flat.outputShape, units: 128, activation: .relu)
        let mlp = try Network(layers: [flat, first, try DenseLayer(name: "dense_1", inputShape: first.outputShape, units: 10)],
                              inputShape: Self.mnist, maxBatchSize: 64)
        #expect(mlp.workItemRule.activationFloatsPerChunk == 16_960)
        #expect(mlp.split(batchSize: 64).itemCount == 2)
    }

    /// An explicit limit replaces the rule; the thread count never enters it.
    @Test func fixedLimitAndThreadIndependence() throws {
        let layers = try smallConvolutionalLayers(activation: .relu, pooling: .max)
        let input = SampleShape(channels: 1, height: 7, width: 7)
        let limited = try Network(layers: layers, inputShape: input, maxBatchSize: 64, workItemLimit: 3)
        #expect([64, 33, 16].map { limited.split(batchSize: $0).itemCount } == [3, 3, 1])
        let serial = try Network(layers: layers, inputShape: input, maxBatchSize: 64, threadCount: 1)
        let parallel = try Network(layers: layers, inputShape: input, maxBatchSize: 64, threadCount: 2)
        #expect(serial.workItemRule == parallel.workItemRule)
        #expect((1...64).allSatisfy { serial.split(batchSize: $0) == parallel.split(batchSize: $0) })
    }

    /// Training with 1 and 2 threads gives the same bits for the rule's split and for fixed 3- and 4-item splits
    /// (batch 33: three chunks, the last partial).
    @Test(arguments: [nil, 3, 4] as [Int?])
    func oneAndTwoThreadsAgreeBitForBit(limit: Int?) throws {
        func train(threads: Int) throws -> [Float] {
            let input = SampleShape(channels: 1, height: 7, width: 7)
            let network = try Network(layers: try smallConvolutionalLayers(activation: .relu, pooling: .max),
                                      inputShape: input, maxBatchSize: 64, threadCount: threads, workItemLimit: limit)
            var generator = SeededGenerator(seed: 31)
            network.initialize(scheme: .keras, generator: &generator)
            let optimizer = Optimizer(rule: .adam(), parameterCount: network.parameterCount)
            for step in 0..<3 {
                let batch = LabelledBatch.random(batchSize: 33, shape: input, classCount: 3, seed: 40 + UInt64(step))
                network.trainStep(batch, optimizer: optimizer, learningRate: 0.01)
            }
            return network.allParameterValues()
        }
        let serial = try train(threads: 1), parallel = try train(threads: 2)
        #expect(serial.map(\.bitPattern) == parallel.map(\.bitPattern))
    }
}
