// Determinism: a seed gives one training run, and the thread count never changes a single bit.

import Testing
@testable import PareEngine

/// Trains a fresh copy of the small CNN (batch norm, dropout, several work items) for `steps` steps.
private func trainedParameters(threads: Int, seed: UInt64, batchSize: Int, steps: Int = 3,
                               rule: OptimizerRule = .adam()) throws -> (parameters: [Float], losses: [Double]) {
    let input = SampleShape(channels: 1, height: 7, width: 7)
    let network = try Network(layers: try smallConvolutionalLayers(activation: .relu, pooling: .max),
                              inputShape: input, maxBatchSize: 64, threadCount: threads)
    var generator = SeededGenerator(seed: seed)
    network.initialize(scheme: .keras, generator: &generator)
    let optimizer = Optimizer(rule: rule, parameterCount: network.parameterCount)
    var losses: [Double] = []
    for step in 0..<steps {
        let batch = LabelledBatch.random(batchSize: batchSize, shape: input, classCount: 3, seed: 100 + UInt64(step))
        losses.append(network.trainStep(batch, optimizer: optimizer, learningRate: 0.01).loss)
    }
    return (network.allParameterValues(), losses)
}

@Suite struct DeterminismTests {
    @Test func sameSeedGivesIdenticalParameters() throws {
        let first = try trainedParameters(threads: 1, seed: 5, batchSize: 33)
        let second = try trainedParameters(threads: 1, seed: 5, batchSize: 33)
        #expect(first.parameters == second.parameters && first.losses == second.losses)
        let other = try trainedParameters(threads: 1, seed: 6, batchSize: 33)
        #expect(first.parameters != other.parameters)
    }

    /// One and two threads must agree to the last bit (parameters, moving statistics and losses), for a batch
    /// with a partial chunk (33 → 3 items) and a full one (64 → 4 items of one chunk each).
    @Test(arguments: [33, 64])
    func threadCountDoesNotChangeAnyBit(batchSize: Int) throws {
        let serial = try trainedParameters(threads: 1, seed: 7, batchSize: batchSize, rule: .sgd(momentum: 0.9))
        let parallel = try trainedParameters(threads: 2, seed: 7, batchSize: batchSize, rule: .sgd(momentum: 0.9))
        #expect(serial.losses == parallel.losses)
        let differing = zip(serial.parameters, parallel.parameters).filter { $0.bitPattern != $1.bitPattern }.count
        #expect(differing == 0, "\(differing) of \(serial.parameters.count) parameters differ")
        #expect(serial.parameters != (try trainedParameters(threads: 1, seed: 7, batchSize: batchSize, steps: 0)).parameters,
                "training changed nothing")
    }

    /// Dropout masks depend on the step: the same batch at two steps gives different training losses, the same
    /// step gives the same loss again (batch statistics do not depend on the moving averages), and evaluation
    /// (no dropout) is independent of the step.
    @Test func dropoutIsKeyedByStep() throws {
        let input = SampleShape(channels: 1, height: 7, width: 7)
        let network = try Network(layers: try smallConvolutionalLayers(), inputShape: input, maxBatchSize: 16)
        var generator = SeededGenerator(seed: 8)
        network.initialize(scheme: .keras, generator: &generator)
        let batch = LabelledBatch.random(batchSize: 16, shape: input, classCount: 3, seed: 9)
        // Evaluation first: a training-mode pass would move the batch-norm moving statistics it uses.
        let evaluationAtZero = network.evaluate(batch).loss
        network.trainingStepCount = 1
        #expect(network.evaluate(batch).loss == evaluationAtZero)
        let atOne = batch.trainingLoss(on: network)
        network.trainingStepCount = 0
        let atZero = batch.trainingLoss(on: network)
        #expect(atZero != atOne)
        network.trainingStepCount = 1
        #expect(batch.trainingLoss(on: network) == atOne)
    }
}
