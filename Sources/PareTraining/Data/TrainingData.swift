// The examples of one training: the data set (labels shuffled if asked), the train/validation split, the test set.

import PareData
import PareEngine
import PareModel

/// The data of one training run, prepared from its configuration.
public struct TrainingData: Sendable {
    /// The data set (with permuted training labels for `shuffleLabels`).
    public let dataset: Dataset
    /// Training examples (indices into `dataset.train`), ascending.
    public let trainIndices: [Int]
    /// Held-out validation examples (indices into `dataset.train`), ascending; empty without a split.
    public let validationIndices: [Int]

    /// Loads (from the process-wide cache) and splits the data set `configuration` names (with its class
    /// subset, e.g. `mnist:5-9`).
    ///
    /// The validation split is class-stratified and drawn with `configuration.splitSeed`; label shuffling uses
    /// `configuration.seed`, so each seed of the memorisation experiment permutes differently.
    public static func prepare(_ configuration: TrainingConfiguration) throws -> TrainingData {
        var dataset = try DatasetReference(configuration.dataset)
            .load(options: DatasetLoadOptions(trainLimit: configuration.trainLimit, testLimit: configuration.testLimit))
        if configuration.shuffleLabels {
            var generator = SeededGenerator(seed: configuration.seed ^ 0x5EED_1ABE_15)
            dataset = dataset.shufflingTrainingLabels(using: &generator)
        }
        guard configuration.validationFraction > 0 else {
            return TrainingData(dataset: dataset, trainIndices: Array(0..<dataset.train.count), validationIndices: [])
        }
        var generator = SeededGenerator(seed: configuration.splitSeed)
        let split = try ValidationSplit.stratified(labels: dataset.train.labels, fraction: configuration.validationFraction,
                                                   using: &generator)
        return TrainingData(dataset: dataset, trainIndices: split.trainIndices, validationIndices: split.validationIndices)
    }

    /// Checks that a model with this input shape and output count fits the data.
    public func check(input: Shape, outputs: Int) throws(TrainingError) {
        let image = dataset.imageShape
        let matches = input.isImage
            ? input.dimensions == [image.height, image.width, image.channels]
            : input.elementCount == image.valueCount
        guard matches else {
            throw .inputMismatch(model: input.description, data: image.description, dataset: dataset.name)
        }
        guard outputs == dataset.classCount else {
            throw .classMismatch(modelOutputs: outputs, classes: dataset.classCount, dataset: dataset.name)
        }
    }
}
