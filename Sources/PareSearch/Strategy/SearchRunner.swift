// Runs the planner's rounds: trains each round's candidates (in parallel), journals them, repeats.

import Dispatch
import Foundation
import PareModel

/// Executes a search: plan a round, train it on `jobs` workers, append every result to the journal, repeat
/// until the planner is finished, the budget runs out or the user interrupts.
///
/// With `worker` settings the process is one of many sharing the study folder (`pare search --worker`): every
/// worker plans the same rounds, trainings are claimed and shared out (`StudyWorker`), and a worker that finds
/// nothing left to claim waits until the round's results are all in before planning the next round.
public final class SearchRunner: Sendable {
    private let planner: SearchPlanner
    private let trainer: any RoundTraining
    private let journal: Journal
    private let budget: SearchBudget
    private let cancellation: Cancellation
    private let observer: @Sendable (SearchEvent) -> Void

    /// Creates a runner; `jobs` trainings run at once, each on one thread — except that when a round has fewer
    /// trainings than jobs, the spare cores go to the trainings that run (intra-training parallelism). With
    /// `worker`, the journal must record `.resultFiles`.
    public init(planner: SearchPlanner, evaluator: any CandidateEvaluator, journal: Journal, jobs: Int,
                budget: SearchBudget = SearchBudget(), cancellation: Cancellation = Cancellation(),
                observer: @escaping @Sendable (SearchEvent) -> Void = { _ in }, worker: WorkerSettings? = nil) {
        self.planner = planner
        trainer = makeRoundTraining(evaluator: evaluator, journal: journal, jobs: jobs, worker: worker,
                                    cancellation: cancellation, observer: observer)
        self.journal = journal
        self.budget = budget
        self.cancellation = cancellation
        self.observer = observer
    }

    /// Runs to the end (or the budget, or an interrupt) and returns what was found.
    ///
    /// Rounds are replayed from the first: each plan sees only the results of *completed* rounds, so a search
    /// resumed after an interruption finishes the interrupted round exactly as planned and then proceeds as
    /// an uninterrupted run would (trainings already in the journal are read back, not redone).
    public func run() throws -> SearchOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        var trainedNow = 0
        var round = 0
        var known: [JournalEntry] = []
        while true {
            let results = SearchResults(known)
            switch planner.plan(results) {
            case .finished(let best):
                return outcome(.finished, best: best, trainedNow: trainedNow, rounds: round)
            case .train(let requests, let phase):
                round += 1
                observer(.roundPlanned(round: round, phase: phase, trainings: requests, best: planner.best(results)))
                let pending = try trainer.pending(requests)
                if !pending.isEmpty, let reason = stopReason(trainedNow: trainedNow, elapsed: start.duration(to: clock.now)) {
                    return outcome(reason, best: bestSoFar(), trainedNow: trainedNow, rounds: round)
                }
                trainedNow += try trainer.train(pending, limit: budget.maxTrainings.map { $0 - trainedNow },
                                                deadline: budget.seconds.map { start + .seconds($0) })
                let finished = requests.compactMap { journal.entry(forKey: $0.key) }
                if finished.count < requests.count {
                    let reason: SearchStopReason = cancellation.isCancelled ? .interrupted : .budgetExhausted
                    return outcome(reason, best: bestSoFar(), trainedNow: trainedNow, rounds: round)
                }
                known += finished
            }
        }
    }

    /// The best among every finished training, for a search that stops before the planner is done
    /// (such a best may lack its confirmation seeds).
    private func bestSoFar() -> Candidate? { planner.best(SearchResults(journal.entries)) }

    private func stopReason(trainedNow: Int, elapsed: Duration) -> SearchStopReason? {
        if cancellation.isCancelled { return .interrupted }
        if let limit = budget.maxTrainings, trainedNow >= limit { return .budgetExhausted }
        if let seconds = budget.seconds, elapsed >= .seconds(seconds) { return .budgetExhausted }
        return nil
    }

    private func outcome(_ reason: SearchStopReason, best: Candidate?, trainedNow: Int, rounds: Int) -> SearchOutcome {
        SearchOutcome(stopReason: reason, best: best, entries: journal.entries, trainedNow: trainedNow, rounds: rounds)
    }
}

/// Limits on a search's work (`--budget`, `--max-trainings`); `nil` means no limit.
public struct SearchBudget: Sendable {
    /// Wall-clock seconds after which no new training starts.
    public var seconds: Double?
    /// Trainings after which no new training starts (counting only trainings run by this process).
    public var maxTrainings: Int?

    /// Creates a budget.
    public init(seconds: Double? = nil, maxTrainings: Int? = nil) {
        self.seconds = seconds
        self.maxTrainings = maxTrainings
    }
}
