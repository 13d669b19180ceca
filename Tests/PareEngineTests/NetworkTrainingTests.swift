// What a training step may and may not touch: frozen layers and statistics are left to themselves, and the
// evaluation and training paths agree when no layer behaves differently between them.

import Testing
@testable import PareEngine

@Suite struct NetworkTrainingTests {
    /// Garbage in every gradient slot the backward pass does not write would move a statistic or a frozen
    /// tensor if the optimizer or the gradient sum touched them; neither may.
    @Test func optimizerSkipsStatisticsAndFrozenLayers() throws {
        let norm = try BatchNormalizationLayer(name: "batch_normalization", inputShape: .vector(3))
        let hidden = try DenseLayer(name: "dense", inputShape: .vector(3), units: 4, activation: .tanh)
        let logits = try DenseLayer(name: "dense_1", inputShape: .vector(4), units: 2)
        let network = try Network(layers: [norm, hidden, logits], inputShape: .vector(3), maxBatchSize: 48,
                                  threadCount: 2)
        var generator = SeededGenerator(seed: 31)
        network.initialize(scheme: .keras, generator: &generator)
        network.setFrozen(true, layerAt: 1)
        let frozenKernel = try network.parameterValues(layer: "dense", tensor: "kernel")
        let logitKernel = try network.parameterValues(layer: "dense_1", tensor: "kernel")
        network.plan.itemGradients.update(repeating: 1e3, count: network.plan.maxWorkItems * network.parameterCount)

        let batch = LabelledBatch.random(batchSize: 40, shape: .vector(3), classCount: 2, seed: 32)
        network.trainStep(batch, optimizer: Optimizer(rule: .sgd(momentum: 0.5), parameterCount: network.parameterCount),
                          learningRate: 0.1)
        #expect(try network.parameterValues(layer: "dense", tensor: "kernel") == frozenKernel)
        #expect(try network.parameterValues(layer: "dense_1", tensor: "kernel") != logitKernel)
        // The moving mean moved only by the batch-norm update: 0.99 · 0 + 0.01 · (batch mean of feature f).
        let movingMean = try network.parameterValues(layer: "batch_normalization", tensor: "moving_mean")
        for feature in 0..<3 {
            let mean = (0..<40).reduce(0.0) { $0 + Double(batch.input[$1, feature]) } / 40
            #expect(abs(Double(movingMean[feature]) - 0.01 * mean) < 1e-7)
        }
    }

    /// Without dropout or batch norm, training-mode and evaluation losses of the same parameters are equal.
    @Test func evaluationMatchesTrainingLossWithoutModeDependentLayers() throws {
        let input = SampleShape(channels: 2, height: 5, width: 5)
        let conv = try Conv2DLayer(name: "conv2d", inputShape: input, filters: 3, kernelSize: PlaneSize(square: 3),
                                   padding: .same, activation: .relu)
        let pool = try Pooling2DLayer(name: "pool", inputShape: conv.outputShape,
                                      kind: .max, poolSize: PlaneSize(square: 2))
        let gap = GlobalAveragePooling2DLayer(name: "gap", inputShape: pool.outputShape)
        let logits = try DenseLayer(name: "dense", inputShape: gap.outputShape, units: 4)
        let network = try Network(layers: [conv, pool, gap, logits], inputShape: input, maxBatchSize: 40, threadCount: 2)
        var generator = SeededGenerator(seed: 33)
        network.initialize(scheme: .keras, generator: &generator)
        let batch = LabelledBatch.random(batchSize: 37, shape: input, classCount: 4, seed: 34)
        let training = network.computeGradient(batch), evaluation = network.evaluate(batch)
        #expect(training == evaluation)
        #expect(evaluation.sampleCount == 37 && evaluation.correctCount >= 0 && evaluation.correctCount <= 37)
    }

    /// Logits come back sample-major and agree with the lane layout's index math.
    @Test func logitsAreReturnedSampleMajor() throws {
        let dense = try DenseLayer(name: "dense", inputShape: .vector(2), units: 3)
        let network = try Network(layers: [dense], inputShape: .vector(2), maxBatchSize: 20)
        // kernel [[1, 0], [0, 1], [1, 1]], bias [0, 0, 10]: logits of x are [x0, x1, x0 + x1 + 10].
        try network.setParameterValues([1, 0, 0, 1, 1, 1], layer: "dense", tensor: "kernel")
        try network.setParameterValues([0, 0, 10], layer: "dense", tensor: "bias")
        let input = LaneTensor(batchSize: 18, featureCount: 2) { sample, feature in Float(sample * 2 + feature) }
        var logits = [Float](repeating: .nan, count: 18 * 3)
        input.values.withUnsafeBufferPointer { x in
            logits.withUnsafeMutableBufferPointer { network.logits(input: x.baseAddress!, count: 18, into: $0.baseAddress!) }
        }
        for sample in 0..<18 {
            let x0 = Float(sample * 2), x1 = Float(sample * 2 + 1)
            #expect(Array(logits[(sample * 3)..<(sample * 3 + 3)]) == [x0, x1, x0 + x1 + 10])
        }
    }
}
