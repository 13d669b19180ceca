// Training a model on data: epochs of shuffled batches, validation after each epoch, test at the end.

import Foundation
import PareData
import PareEngine
import PareModel

/// Trains one model with one configuration. The same model, data and configuration give bit-identical
/// results, whatever the thread count.
public final class Trainer {
    /// The analysed model.
    public let analysis: ModelAnalysis
    /// How it is trained.
    public let configuration: TrainingConfiguration
    /// The engine network (its parameters are the trained weights after `train`).
    public let network: Network
    /// The data.
    public let data: TrainingData
    private let optimizer: Optimizer
    private let batch: LaneBatch
    private var shuffler: SeededGenerator

    /// Examples per evaluation batch (evaluation needs no gradients, so larger batches are cheaper per example).
    static let evaluationBatchSize = 512

    /// Builds and initialises the network for `analysis` on `data`.
    ///
    /// - Throws: `TrainingError` for settings out of range, a model that does not fit the data, or a model the
    ///   engine cannot build.
    public init(analysis: ModelAnalysis, data: TrainingData, configuration: TrainingConfiguration,
                threads: Int) throws(TrainingError) {
        guard configuration.epochs >= 1 else { throw .invalidSetting("--epochs must be at least 1, got \(configuration.epochs)") }
        guard configuration.batchSize >= 1 else {
            throw .invalidSetting("--batch-size must be at least 1, got \(configuration.batchSize)")
        }
        guard !data.trainIndices.isEmpty else { throw .invalidSetting("no training examples left after the validation split") }
        guard configuration.learningRate.isFinite, configuration.learningRate > 0 else {
            throw .invalidSetting("--lr must be a positive number, got \(configuration.learningRate)")
        }
        do {
            try configuration.optimizer.validate()
            try configuration.schedule.validate()
        } catch {
            throw .invalidSetting(String(describing: error))
        }
        try data.check(input: analysis.inputShape, outputs: analysis.outputShape.elementCount)
        self.analysis = analysis
        self.configuration = configuration
        self.data = data
        let capacity = max(configuration.batchSize, Self.evaluationBatchSize)
        network = try NetworkBuilder.build(analysis, maxBatchSize: capacity, threads: max(1, threads),
                                           frozenLayers: configuration.frozenLayers)
        var initializer = SeededGenerator(seed: configuration.seed)
        network.initialize(scheme: configuration.initialization, generator: &initializer)
        if let warmStart = configuration.warmStart {
            do {
                try Checkpoint.load(into: network, analysis: analysis, from: URL(fileURLWithPath: warmStart.path),
                                    layers: Set(warmStart.layers))
            } catch {
                throw .checkpoint(String(describing: error))
            }
        }
        network.dropoutSeed = configuration.seed &* 0x9E37_79B9_7F4A_7C15 ^ 0xD50_D0
        optimizer = Optimizer(rule: configuration.optimizer, parameterCount: network.parameterCount)
        batch = LaneBatch(capacity: capacity, shape: data.dataset.imageShape)
        shuffler = SeededGenerator(seed: configuration.seed ^ 0x5_4FF1E)
    }

    /// Runs every epoch (or until early stopping, `afterEpoch` says stop, divergence or `isCancelled`), then
    /// measures the test set.
    ///
    /// - Parameters:
    ///   - observe: called after every batch and every epoch (on the training thread).
    ///   - afterEpoch: the caller's decision after each epoch's metrics (a search's stop rule).
    ///   - isCancelled: polled between batches; a cancelled run returns `.interrupted` promptly.
    public func train(observe: (TrainingEvent) -> Void = { _ in },
                      afterEpoch: (EpochMetrics) -> EpochDecision = { _ in .proceed },
                      isCancelled: () -> Bool = { false }) -> TrainingResult {
        let batchSize = configuration.batchSize
        let stepsPerEpoch = (data.trainIndices.count + batchSize - 1) / batchSize
        let totalSteps = stepsPerEpoch * configuration.epochs
        var epochs: [EpochMetrics] = []
        var bestValidationLoss = Double.infinity
        var epochsWithoutImprovement = 0
        let clock = ContinuousClock()
        for epoch in 1...configuration.epochs {
            let order = EpochOrder(shuffling: data.trainIndices, batchSize: batchSize, using: &shuffler)
            var lossSum = 0.0, correct = 0, seen = 0
            var learningRate: Float = configuration.learningRate
            let start = clock.now
            for number in 0..<order.batchCount {
                if isCancelled() { return TrainingResult(status: .interrupted, epochs: epochs) }
                let count = batch.fill(from: data.dataset.train, indices: order.batch(number))
                let step = (epoch - 1) * stepsPerEpoch + number
                learningRate = configuration.schedule.learningRate(base: configuration.learningRate, step: step,
                                                                   stepsPerEpoch: stepsPerEpoch, totalSteps: totalSteps)
                let result = network.trainStep(input: batch.input.pointer, labels: batch.labels, count: count,
                                               optimizer: optimizer, learningRate: learningRate)
                guard result.loss.isFinite else {
                    return TrainingResult(status: .diverged, epochs: epochs,
                                          message: "the loss became \(result.loss) at epoch \(epoch), batch \(number + 1); try a smaller --lr")
                }
                lossSum += result.loss * Double(count)
                correct += result.correctCount
                seen += count
                observe(.batch(epoch: epoch, batch: number + 1, batches: order.batchCount, loss: lossSum / Double(seen),
                               accuracy: Double(correct) / Double(seen)))
            }
            let seconds = start.duration(to: clock.now).seconds
            let validation = data.validationIndices.isEmpty ? nil : evaluate(data.dataset.train, data.validationIndices)
            let metrics = EpochMetrics(epoch: epoch, trainLoss: lossSum / Double(seen), trainAccuracy: Double(correct) / Double(seen),
                                       validationLoss: validation?.loss, validationAccuracy: validation?.accuracy,
                                       seconds: seconds, learningRate: Double(learningRate))
            epochs.append(metrics)
            observe(.epoch(metrics))
            if epoch == configuration.epochs { break }
            if case .stop = afterEpoch(metrics) { return TrainingResult(status: .stoppedEarly, epochs: epochs) }
            if let patience = configuration.earlyStoppingPatience, let loss = validation?.loss {
                if loss < bestValidationLoss {
                    bestValidationLoss = loss
                    epochsWithoutImprovement = 0
                } else {
                    epochsWithoutImprovement += 1
                    if epochsWithoutImprovement >= patience { break }
                }
            }
        }
        let test = evaluate(data.dataset.test, Array(0..<data.dataset.test.count))
        return TrainingResult(status: .completed, epochs: epochs, test: (test.loss, test.accuracy, data.dataset.test.count))
    }

    /// Mean loss and accuracy of the current weights on `indices` of `split` (inference mode: dropout off,
    /// BatchNorm on moving statistics).
    public func evaluate(_ split: DatasetSplit, _ indices: [Int]) -> (loss: Double, accuracy: Double) {
        var lossSum = 0.0, correct = 0
        var start = 0
        while start < indices.count {
            let end = min(start + batch.capacity, indices.count)
            let count = batch.fill(from: split, indices: indices[start..<end])
            let result = network.evaluate(input: batch.input.pointer, labels: batch.labels, count: count)
            lossSum += result.loss * Double(count)
            correct += result.correctCount
            start = end
        }
        let total = Double(max(indices.count, 1))
        return (lossSum / total, Double(correct) / total)
    }
}
