// How a training run ended.

/// How a training run ended.
public enum TrainingStatus: String, Hashable, Sendable, Codable {
    /// All epochs ran, or early stopping on validation loss (`--early-stopping`) ended it.
    case completed
    /// A caller's rule ended it after an epoch (a search's multi-fidelity stop: it could not reach the target).
    case stoppedEarly = "stopped-early"
    /// The loss became NaN or infinite.
    case diverged
    /// Something else went wrong (the message says what).
    case failed
    /// The user interrupted it (Ctrl-C); such runs are never recorded as results.
    case interrupted
}
