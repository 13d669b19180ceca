// What a running training reports: per-batch progress and per-epoch metrics.

/// The metrics of one finished epoch.
public struct EpochMetrics: Hashable, Sendable, Codable {
    /// 1-based epoch number.
    public var epoch: Int
    /// Mean training loss over the epoch's batches (weighted by batch size), as Keras reports it.
    public var trainLoss: Double
    /// Training accuracy over the epoch, measured on each batch before its update (Keras's running value).
    public var trainAccuracy: Double
    /// Validation loss after the epoch (`nil` without a validation split).
    public var validationLoss: Double?
    /// Validation accuracy after the epoch.
    public var validationAccuracy: Double?
    /// Seconds spent in the epoch's training loop (evaluation excluded, as the PyTorch baseline measures).
    public var seconds: Double
    /// The learning rate of the epoch's last step.
    public var learningRate: Double
}

/// Progress of a running training.
public enum TrainingEvent: Sendable {
    /// A batch finished: the epoch (1-based), the batch (1-based) of `batches`, and the epoch's running loss
    /// and accuracy so far.
    case batch(epoch: Int, batch: Int, batches: Int, loss: Double, accuracy: Double)
    /// An epoch finished.
    case epoch(EpochMetrics)
}

/// What to do after an epoch, decided by the caller (e.g. a search's stop rule).
public enum EpochDecision: Sendable {
    /// Keep training.
    case proceed
    /// Stop now; the run counts as stopped early.
    case stop
}

/// The outcome of a training run.
public struct TrainingResult: Sendable {
    /// How it ended.
    public var status: TrainingStatus
    /// Every finished epoch.
    public var epochs: [EpochMetrics]
    /// Test loss and accuracy of the final weights (`nil` if the run did not finish normally).
    public var test: (loss: Double, accuracy: Double, count: Int)?
    /// What went wrong, for `diverged` and `failed`.
    public var message: String?

    /// Seconds spent in training loops (evaluation excluded).
    public var trainingSeconds: Double { epochs.reduce(0) { $0 + $1.seconds } }
    /// Validation accuracy after the last epoch.
    public var validationAccuracy: Double? { epochs.last?.validationAccuracy }
}
