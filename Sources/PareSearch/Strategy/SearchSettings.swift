// What a search is asked: the target, the measure, the moves, how to train, how sure to be.

import PareTraining

/// The settings of one `pare search`; together with the base model they determine its result.
public struct SearchSettings: Hashable, Sendable, Codable {
    /// The validation accuracy a model must reach (mean over its seeds).
    public var target: Double
    /// What "smallest" means.
    public var measure: Measure
    /// The allowed moves.
    public var moves: [SearchMove]
    /// The most seeds a candidate gets: near the target, and for the winner's confirmation.
    public var seeds: Int
    /// A candidate whose mean validation accuracy is within this distance of the target is retrained with
    /// more seeds (up to `seeds`) before it is judged.
    public var margin: Double
    /// How each candidate is trained; `training.seed` is the first seed, further seeds count up from it.
    public var training: TrainingConfiguration
    /// When a training gives up early.
    public var stopRule: StopRule

    /// Creates search settings.
    public init(target: Double, measure: Measure = .params, moves: [SearchMove] = SearchMove.allCases, seeds: Int = 3,
                margin: Double = 0.005, training: TrainingConfiguration, stopRule: StopRule) {
        self.target = target
        self.measure = measure
        self.moves = moves
        self.seeds = seeds
        self.margin = margin
        self.training = training
        self.stopRule = stopRule
    }

    /// The configuration for seed number `seedIndex` of a candidate.
    public func configuration(seedIndex: Int) -> TrainingConfiguration {
        var configuration = training
        configuration.seed = training.seed &+ UInt64(seedIndex)
        return configuration
    }
}
