// What the search needs from training: train one candidate with one seed, report accuracies and time.

import PareTraining

/// One training the search asks for: a candidate, a configuration (its seed included) and a stop rule.
public struct TrainingRequest: Hashable, Sendable {
    /// The model.
    public var candidate: Candidate
    /// How to train it; `configuration.seed` is this training's seed.
    public var configuration: TrainingConfiguration
    /// When to give up early.
    public var stopRule: StopRule
    /// Which of the candidate's seeds this is (0 for the first).
    public var seedIndex: Int
    /// For sweeps: the point's name and its settings (`n`, `lr`, `batch-size`, …) as reports show them.
    public var sweepPoint: SweepPoint.Label?

    /// Creates a request.
    public init(candidate: Candidate, configuration: TrainingConfiguration, stopRule: StopRule, seedIndex: Int,
                sweepPoint: SweepPoint.Label? = nil) {
        self.candidate = candidate
        self.configuration = configuration
        self.stopRule = stopRule
        self.seedIndex = seedIndex
        self.sweepPoint = sweepPoint
    }

    /// The stable identity of this training (see `CandidateKey`).
    public var key: String { CandidateKey.make(pareText: candidate.pareText, configuration: configuration, stopRule: stopRule) }
}

/// What one training produced.
public struct TrainingOutcome: Hashable, Sendable, Codable {
    /// How it ended.
    public var status: TrainingStatus
    /// Epochs run.
    public var epochs: Int
    /// Validation accuracy after each epoch.
    public var validationCurve: [Double]
    /// Validation accuracy of the final model (`nil` if none was measured).
    public var validationAccuracy: Double?
    /// Test accuracy of the final model — recorded, never used for a decision.
    public var testAccuracy: Double?
    /// Wall-clock seconds spent in training (data loading excluded).
    public var seconds: Double
    /// Threads the training used.
    public var threads: Int
    /// For failures, what went wrong.
    public var message: String?

    /// Creates an outcome.
    public init(status: TrainingStatus, epochs: Int, validationCurve: [Double], validationAccuracy: Double?,
                testAccuracy: Double?, seconds: Double, threads: Int, message: String? = nil) {
        self.status = status
        self.epochs = epochs
        self.validationCurve = validationCurve
        self.validationAccuracy = validationAccuracy
        self.testAccuracy = testAccuracy
        self.seconds = seconds
        self.threads = threads
        self.message = message
    }
}

/// Progress inside one training, for the search's progress line.
public struct TrainingProgress: Hashable, Sendable {
    /// The current epoch (1-based).
    public var epoch: Int
    /// Epochs planned.
    public var epochs: Int
    /// Fraction of the current epoch done, 0…1.
    public var fractionOfEpoch: Double
    /// The last validation accuracy, once an epoch has finished.
    public var validationAccuracy: Double?

    /// Creates a progress report.
    public init(epoch: Int, epochs: Int, fractionOfEpoch: Double, validationAccuracy: Double?) {
        self.epoch = epoch
        self.epochs = epochs
        self.fractionOfEpoch = fractionOfEpoch
        self.validationAccuracy = validationAccuracy
    }
}

/// Trains candidates for the search. The real one trains on data with Pare's engine; tests use a fake.
public protocol CandidateEvaluator: Sendable {
    /// Trains `request.candidate` as `request` says, on `threads` threads, reporting progress, stopping
    /// promptly (returning `nil`) once `cancellation` is set. A failed training is an outcome, not a throw.
    func train(_ request: TrainingRequest, threads: Int, cancellation: Cancellation,
               progress: @escaping @Sendable (TrainingProgress) -> Void) -> TrainingOutcome?
}
