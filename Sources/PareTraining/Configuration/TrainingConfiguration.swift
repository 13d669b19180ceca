// Everything that determines a training run besides the model: data, optimizer, epochs, seeds.

import PareEngine

/// How to train a model. Two runs with equal configurations and models give bit-identical results, whatever
/// the thread count.
public struct TrainingConfiguration: Hashable, Sendable, Codable {
    /// The data set: `mnist`, `fashion-mnist`, or a folder path, optionally with a class subset (`mnist:5-9`).
    public var dataset: String
    /// Passes over the training split.
    public var epochs: Int
    /// Examples per optimizer step.
    public var batchSize: Int
    /// The optimizer's update rule and hyper-parameters (Keras 3 defaults; see `OptimizerRule`).
    public var optimizer: OptimizerRule
    /// The (initial) learning rate.
    public var learningRate: Float
    /// How the learning rate changes over the run.
    public var schedule: LearningRateSchedule
    /// The seed of initialisation, shuffling, dropout and label shuffling.
    public var seed: UInt64
    /// The seed of the validation split. It is kept apart from `seed` so that every seed and every candidate of
    /// a study is judged on the same held-out examples.
    public var splitSeed: UInt64
    /// Fraction of the training set held out, class-stratified, for validation (0 = none).
    public var validationFraction: Double
    /// Use only the first N training examples (before the validation split); `nil` = all.
    public var trainLimit: Int?
    /// Use only the first N test examples; `nil` = all.
    public var testLimit: Int?
    /// Keras (Glorot-uniform, zero bias) or PyTorch (Kaiming-uniform a=√5) initialisation.
    public var initialization: InitializationScheme
    /// Permute the training labels with the seed (the memorisation experiment of seed 004).
    public var shuffleLabels: Bool
    /// Stop when validation loss has not improved for this many epochs; `nil` = never.
    public var earlyStoppingPatience: Int?
    /// Names of layers to freeze in addition to those marked `trainable=false`.
    public var frozenLayers: [String]
    /// Pretrained weights to start from instead of the initialiser, for the layers it names (fine-tuning).
    public var warmStart: WarmStart?

    /// Pretrained weights for some layers of a model: a safetensors file in Keras layout and a digest of it (so
    /// a training's identity changes when the weights do).
    public struct WarmStart: Hashable, Sendable, Codable {
        /// The safetensors file.
        public var path: String
        /// The layers whose parameters are loaded from it; the others keep their initial values.
        public var layers: [String]
        /// A digest of the file's bytes.
        public var digest: String

        /// Creates a warm start.
        public init(path: String, layers: [String], digest: String) {
            self.path = path
            self.layers = layers
            self.digest = digest
        }
    }

    /// Creates a configuration; defaults follow `pare train`'s defaults. `learningRate` defaults to Keras 3's
    /// default for the optimizer.
    public init(dataset: String = "mnist", epochs: Int = 5, batchSize: Int = 128, optimizer: OptimizerRule = .adam(),
                learningRate: Float? = nil, schedule: LearningRateSchedule = .constant, seed: UInt64 = 0,
                splitSeed: UInt64 = 0, validationFraction: Double = 0.1, trainLimit: Int? = nil, testLimit: Int? = nil,
                initialization: InitializationScheme = .keras, shuffleLabels: Bool = false,
                earlyStoppingPatience: Int? = nil, frozenLayers: [String] = [], warmStart: WarmStart? = nil) {
        self.dataset = dataset
        self.epochs = epochs
        self.batchSize = batchSize
        self.optimizer = optimizer
        self.learningRate = learningRate ?? optimizer.kerasDefaultLearningRate
        self.schedule = schedule
        self.seed = seed
        self.splitSeed = splitSeed
        self.validationFraction = validationFraction
        self.trainLimit = trainLimit
        self.testLimit = testLimit
        self.initialization = initialization
        self.shuffleLabels = shuffleLabels
        self.earlyStoppingPatience = earlyStoppingPatience
        self.frozenLayers = frozenLayers
        self.warmStart = warmStart
    }
}
