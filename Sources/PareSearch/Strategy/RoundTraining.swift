// The one thing runners need from whoever trains: get a list of trainings into the journal.

/// How a runner gets a round's trainings done: alone (`RoundExecutor`) or together with other processes
/// sharing the study folder (`StudyWorker`). Either way, a round is done when all its keys are in the journal.
protocol RoundTraining: Sendable {
    /// The requests not yet in the journal; those already there are reported as reused.
    func pending(_ requests: [TrainingRequest]) throws -> [TrainingRequest]

    /// Gets `requests` (none of them in the journal yet) trained and journalled, training at most `limit` of them
    /// in this process and starting none after `deadline`; returns how many this process trained.
    func train(_ requests: [TrainingRequest], limit: Int?, deadline: ContinuousClock.Instant?) throws -> Int
}
