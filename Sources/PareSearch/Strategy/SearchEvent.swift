// What a running search reports, for progress displays and logs.

/// A step of a running search.
public enum SearchEvent: Sendable {
    /// A round was planned: its phase and trainings, and the best so far.
    case roundPlanned(round: Int, phase: SearchPlanner.Phase, trainings: [TrainingRequest], best: Candidate?)
    /// A training started on `threads` threads.
    case trainingStarted(TrainingRequest, threads: Int)
    /// Progress inside a running training.
    case trainingProgress(TrainingRequest, TrainingProgress)
    /// A training finished; `reused` when its result came from the study folder (an earlier run, or another worker).
    case trainingFinished(JournalEntry, reused: Bool)
}

/// Why a search stopped.
public enum SearchStopReason: String, Sendable, Codable {
    /// The strategy had nothing left to train.
    case finished
    /// `--budget` or `--max-trainings` ran out.
    case budgetExhausted = "budget exhausted"
    /// The user interrupted it (Ctrl-C).
    case interrupted
}

/// The result of `SearchRunner.run()`.
public struct SearchOutcome: Sendable {
    /// Why the search stopped.
    public var stopReason: SearchStopReason
    /// The smallest candidate that passed on validation (confirmed with all seeds if `stopReason` is `.finished`).
    public var best: Candidate?
    /// Every training in the journal, in order.
    public var entries: [JournalEntry]
    /// Trainings run in this process (the rest came from the journal).
    public var trainedNow: Int
    /// Rounds planned.
    public var rounds: Int
}
