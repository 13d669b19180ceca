// Trains a list of trainings on parallel workers and journals each as it finishes (searches and sweeps).

import Dispatch
import Foundation

/// Trains requests on up to `jobs` workers, appending each finished training to the journal.
///
/// Each training runs on one thread, except that when there are fewer trainings than jobs the spare cores
/// go to the trainings that run (intra-training parallelism) — results do not depend on it, because the
/// engine's results do not depend on its thread count.
struct RoundExecutor: RoundTraining {
    let evaluator: any CandidateEvaluator
    let journal: Journal
    let jobs: Int
    let cancellation: Cancellation
    let observer: @Sendable (SearchEvent) -> Void

    init(evaluator: any CandidateEvaluator, journal: Journal, jobs: Int, cancellation: Cancellation,
         observer: @escaping @Sendable (SearchEvent) -> Void) {
        precondition(jobs >= 1, "jobs must be at least 1")
        self.evaluator = evaluator
        self.journal = journal
        self.jobs = jobs
        self.cancellation = cancellation
        self.observer = observer
    }

    /// The requests not yet in the journal; those already there are reported as reused.
    func pending(_ requests: [TrainingRequest]) -> [TrainingRequest] {
        requests.filter { request in
            guard let entry = journal.entry(forKey: request.key) else { return true }
            observer(.trainingFinished(entry, reused: true))
            return false
        }
    }

    /// Trains the first `limit` of `requests` (all if `nil`); returns how many finished and were journalled
    /// (fewer on interrupt or deadline).
    func train(_ requests: [TrainingRequest], limit: Int?, deadline: ContinuousClock.Instant?) throws -> Int {
        let requests = limit.map { Array(requests.prefix(max(0, $0))) } ?? requests
        guard !requests.isEmpty else { return 0 }
        let workers = min(jobs, requests.count)
        let threadsPerTraining = max(1, jobs / workers)
        let queue = WorkQueue(requests)
        let failures = FirstError()
        let finishedCount = Counter()
        let clock = ContinuousClock()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while !cancellation.isCancelled, failures.error == nil, let request = queue.next() {
                if let deadline, clock.now >= deadline { return }
                observer(.trainingStarted(request, threads: threadsPerTraining))
                let progress: @Sendable (TrainingProgress) -> Void = { [observer] in observer(.trainingProgress(request, $0)) }
                guard let result = evaluator.train(request, threads: threadsPerTraining, cancellation: cancellation,
                                                   progress: progress) else { return }
                let entry = JournalEntry(request: request, outcome: result)
                do {
                    try journal.append(entry)
                    finishedCount.increment()
                    observer(.trainingFinished(entry, reused: false))
                } catch {
                    failures.record(error)
                }
            }
        }
        if let error = failures.error { throw error }
        return finishedCount.value
    }
}
