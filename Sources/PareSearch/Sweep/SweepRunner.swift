// Runs a sweep: every grid point with every seed, in one parallel round, journalled and resumable.

import Foundation

/// Trains every point of a sweep with `seeds` seeds (no early stopping), reusing finished trainings from the
/// journal. With `worker` settings the process is one of many sharing the study folder (`pare sweep --worker`):
/// trainings are claimed and shared out (`StudyWorker`) and every worker returns once all are recorded.
public final class SweepRunner: Sendable {
    private let requests: [TrainingRequest]
    private let trainer: any RoundTraining
    private let journal: Journal
    private let budget: SearchBudget
    private let cancellation: Cancellation
    private let observer: @Sendable (SearchEvent) -> Void

    /// The trainings of a sweep: every point with `seeds` seeds (no early stopping), point by point.
    public static func trainings(points: [SweepPoint], seeds: Int) -> [TrainingRequest] {
        points.flatMap { point in
            (0..<seeds).map { seedIndex in
                var configuration = point.configuration
                configuration.seed = point.configuration.seed &+ UInt64(seedIndex)
                return TrainingRequest(candidate: point.candidate, configuration: configuration,
                                       stopRule: .never(target: 1), seedIndex: seedIndex, sweepPoint: point.label)
            }
        }
    }

    /// Prepares to run `trainings` (see `trainings(points:seeds:)`; a `--shard` passes only its share). With
    /// `worker`, the journal must record `.resultFiles`.
    public init(trainings: [TrainingRequest], evaluator: any CandidateEvaluator, journal: Journal, jobs: Int,
                budget: SearchBudget = SearchBudget(), cancellation: Cancellation = Cancellation(),
                observer: @escaping @Sendable (SearchEvent) -> Void = { _ in }, worker: WorkerSettings? = nil) {
        requests = trainings
        trainer = makeRoundTraining(evaluator: evaluator, journal: journal, jobs: jobs, worker: worker,
                                    cancellation: cancellation, observer: observer)
        self.journal = journal
        self.budget = budget
        self.cancellation = cancellation
        self.observer = observer
    }

    /// The trainings this sweep consists of.
    public var trainings: [TrainingRequest] { requests }

    /// Trains what is not in the journal yet; returns the sweep's entries and why it stopped.
    public func run() throws -> (entries: [JournalEntry], stopReason: SearchStopReason) {
        observer(.roundPlanned(round: 1, phase: .grid, trainings: requests, best: nil))
        let pending = try trainer.pending(requests)
        let deadline = budget.seconds.map { ContinuousClock.now + .seconds($0) }
        _ = try trainer.train(pending, limit: budget.maxTrainings, deadline: deadline)
        let entries = requests.compactMap { journal.entry(forKey: $0.key) }
        if entries.count == requests.count { return (entries, .finished) }
        return (entries, cancellation.isCancelled ? .interrupted : .budgetExhausted)
    }
}
