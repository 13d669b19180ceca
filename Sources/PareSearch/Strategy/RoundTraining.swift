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

/// The trainer a runner uses: a `StudyWorker` sharing the study folder when `worker` is given, else a
/// `RoundExecutor` training alone.
func makeRoundTraining(evaluator: any CandidateEvaluator, journal: Journal, jobs: Int, worker: WorkerSettings?,
                       cancellation: Cancellation, observer: @escaping @Sendable (SearchEvent) -> Void) -> any RoundTraining {
    if let worker {
        return StudyWorker(evaluator: evaluator, journal: journal, jobs: jobs, settings: worker,
                           cancellation: cancellation, observer: observer)
    }
    return RoundExecutor(evaluator: evaluator, journal: journal, jobs: jobs, cancellation: cancellation,
                         observer: observer)
}
