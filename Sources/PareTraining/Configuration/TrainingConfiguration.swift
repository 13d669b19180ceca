// Everything that determines a training run besides the model: data, optimizer, epochs, seed.

/// How to train a model. Two runs with equal configurations and models give bit-identical results.
public struct TrainingConfiguration: Hashable, Sendable, Codable {
    /// The data set: `mnist`, `fashion-mnist`, or a folder path.
    public var dataset: String
    /// Passes over the training split.
    public var epochs: Int
    /// Examples per optimizer step.
    public var batchSize: Int
    /// The optimizer.
    public var optimizer: OptimizerSettings
    /// The learning-rate schedule.
    public var schedule: LearningRateSchedule
    /// The seed of every random choice (initialisation, split, shuffling, dropout).
    public var seed: UInt64
    /// Fraction of the training set held out, class-stratified, for validation (0 = none).
    public var validationFraction: Double
    /// Use only the first N training examples (before the validation split); `nil` = all.
    public var trainLimit: Int?
    /// Use only the first N test examples; `nil` = all.
    public var testLimit: Int?
    /// Initialise like Keras (Glorot-uniform, zero bias) or like PyTorch (Kaiming-uniform a=√5).
    public var initialization: Initialization
    /// Permute the training labels with the seed (the memorisation experiment of seed 004).
    public var shuffleLabels: Bool
    /// Stop when validation loss has not improved for this many epochs; `nil` = never.
    public var earlyStoppingPatience: Int?
    /// Names of layers to freeze in addition to those marked `trainable=false`.
    public var frozenLayers: [String]

    /// The initialiser families.
    public enum Initialization: String, Hashable, Sendable, Codable, CaseIterable {
        /// Glorot-uniform kernels, zero biases (Keras defaults).
        case keras
        /// Kaiming-uniform a=√5 kernels and U(±1/√fanIn) biases (PyTorch defaults).
        case torch
    }

    /// Creates a configuration; defaults follow `pare train`'s defaults.
    public init(dataset: String = "mnist", epochs: Int = 5, batchSize: Int = 128,
                optimizer: OptimizerSettings = OptimizerSettings(.adam), schedule: LearningRateSchedule = .constant,
                seed: UInt64 = 0, validationFraction: Double = 0.1, trainLimit: Int? = nil, testLimit: Int? = nil,
                initialization: Initialization = .keras, shuffleLabels: Bool = false,
                earlyStoppingPatience: Int? = nil, frozenLayers: [String] = []) {
        self.dataset = dataset
        self.epochs = epochs
        self.batchSize = batchSize
        self.optimizer = optimizer
        self.schedule = schedule
        self.seed = seed
        self.validationFraction = validationFraction
        self.trainLimit = trainLimit
        self.testLimit = testLimit
        self.initialization = initialization
        self.shuffleLabels = shuffleLabels
        self.earlyStoppingPatience = earlyStoppingPatience
        self.frozenLayers = frozenLayers
    }
}
