// One point of a sweep grid: a model and a training configuration, with the settings that name it.

import PareEngine
import PareModel
import PareTraining

/// A point of a sweep: the model at this point's variable values and activation, and its training settings.
public struct SweepPoint: Hashable, Sendable {
    /// How reports name a point: a short name and its settings by axis.
    public struct Label: Hashable, Sendable {
        /// `n=64 lr=0.001`-style name.
        public var name: String
        /// Axis name → value as written on the command line.
        public var values: [String: String]
    }

    /// The model.
    public var candidate: Candidate
    /// The training configuration (its seed is the first seed).
    public var configuration: TrainingConfiguration
    /// The name and settings.
    public var label: Label
}

/// The axes a sweep can vary, in the order they appear in names and tables.
public struct SweepGrid: Sendable {
    /// Models by variable assignment, in the command line's order (one entry with no variables if none).
    public var models: [(values: [(String, Int)], spec: ModelSpec)]
    /// Learning rates (empty: the configuration's).
    public var learningRates: [Float]
    /// Batch sizes (empty: the configuration's).
    public var batchSizes: [Int]
    /// Hidden activations to substitute (empty: as written).
    public var activations: [Activation]
    /// Optimizers with their default hyper-parameters (empty: the configuration's).
    public var optimizers: [OptimizerRule]

    /// Creates a grid.
    public init(models: [(values: [(String, Int)], spec: ModelSpec)], learningRates: [Float] = [], batchSizes: [Int] = [],
                activations: [Activation] = [], optimizers: [OptimizerRule] = []) {
        self.models = models
        self.learningRates = learningRates
        self.batchSizes = batchSizes
        self.activations = activations
        self.optimizers = optimizers
    }

    /// Every point: models × optimizers × learning rates × batch sizes × activations (the first varies slowest).
    /// Points whose model is not valid (e.g. a width that breaks a shape) are left out. The optimizer's
    /// learning rate is Keras's default for it unless learning rates are swept.
    public func points(base: TrainingConfiguration) -> [SweepPoint] {
        var points: [SweepPoint] = []
        let optimizers: [OptimizerRule?] = self.optimizers.isEmpty ? [nil] : self.optimizers
        let rates: [Float?] = learningRates.isEmpty ? [nil] : learningRates
        let batches: [Int?] = batchSizes.isEmpty ? [nil] : batchSizes
        let activations: [Activation?] = self.activations.isEmpty ? [nil] : self.activations
        for (values, spec) in models {
            for optimizer in optimizers {
                for rate in rates {
                    for batch in batches {
                        for activation in activations {
                            var configuration = base
                            var labels: [(String, String)] = values.map { ($0.0, "\($0.1)") }
                            if let optimizer {
                                configuration.optimizer = optimizer
                                configuration.learningRate = optimizer.kerasDefaultLearningRate
                                labels.append(("optimizer", optimizer.name))
                            }
                            if let rate {
                                configuration.learningRate = rate
                                labels.append(("lr", "\(rate)"))
                            }
                            if let batch {
                                configuration.batchSize = batch
                                labels.append(("batch-size", "\(batch)"))
                            }
                            var model = spec
                            if let activation {
                                model = spec.replacingHiddenActivations(with: activation)
                                labels.append(("activation", activation.rawValue))
                            }
                            guard let candidate = Candidate(spec: model, moves: []) else { continue }
                            let name = labels.isEmpty ? "base" : labels.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
                            points.append(SweepPoint(candidate: candidate, configuration: configuration,
                                                     label: .init(name: name, values: Dictionary(uniqueKeysWithValues: labels))))
                        }
                    }
                }
            }
        }
        return points
    }
}
