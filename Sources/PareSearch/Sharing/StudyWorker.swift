// One process's part in a study that many processes share: claim what nobody trains, train it, record it,
// wait for the rest. Used by searches and sweeps alike (`--worker`).

import Dispatch
import Foundation

/// One of any number of processes, on any machines that see the study folder, working on one study.
///
/// Every worker computes the same list of trainings (searches: the same plan from the same results). For a list,
/// each of the worker's `jobs` threads loops: read the results that appeared in `results/`; if every training is
/// there, stop; otherwise claim the first training nobody has claimed — or take over a claim whose heartbeat
/// stopped — train it and write its result; if nothing can be claimed, wait `pollInterval` and look again. No
/// server, no locks: claims are exclusive creates (`ClaimBoard`), results are renames (`ResultFiles`).
///
/// Results are those of a single process: the engine is deterministic and a training's key fixes everything
/// that determines its result, so which worker trains it (with how many threads) does not matter.
public final class StudyWorker: RoundTraining {
    private let evaluator: any CandidateEvaluator
    private let journal: Journal
    private let jobs: Int
    private let settings: WorkerSettings
    private let board: ClaimBoard
    private let cancellation: Cancellation
    private let observer: @Sendable (SearchEvent) -> Void

    /// A worker on the study of `journal` (which must record `.resultFiles`), training `jobs` at a time.
    public init(evaluator: any CandidateEvaluator, journal: Journal, jobs: Int, settings: WorkerSettings,
                cancellation: Cancellation = Cancellation(), observer: @escaping @Sendable (SearchEvent) -> Void = { _ in }) {
        precondition(jobs >= 1, "jobs must be at least 1")
        precondition(journal.writing == .resultFiles, "workers sharing a folder must record results as files, not journal lines")
        self.evaluator = evaluator
        self.journal = journal
        self.jobs = jobs
        self.settings = settings
        self.board = ClaimBoard(studyDirectory: journal.url.deletingLastPathComponent(), host: settings.host,
                                processID: settings.processID, timeout: settings.claimTimeout)
        self.cancellation = cancellation
        self.observer = observer
    }

    /// The requests without a result yet (after reading what other workers recorded); the rest are reported as reused.
    public func pending(_ requests: [TrainingRequest]) throws -> [TrainingRequest] {
        try journal.refresh()
        return requests.filter { request in
            guard let entry = journal.entry(forKey: request.key) else { return true }
            observer(.trainingFinished(entry, reused: true))
            return false
        }
    }

    /// Gets every training of `requests` recorded — by this worker or others — claiming at most `limit` here and
    /// none after `deadline` (then it stops waiting too); returns how many this worker trained. Returns early,
    /// with trainings missing, on cancellation, at the deadline, or when the limit is reached.
    public func train(_ requests: [TrainingRequest], limit: Int?, deadline: ContinuousClock.Instant?) throws -> Int {
        guard !requests.isEmpty else { return 0 }
        try board.prepare()
        let round = WorkerRound(limit: limit)
        let failures = FirstError()
        let threads = max(1, jobs / min(jobs, requests.count))
        let heartbeat = Heartbeat(board: board, interval: settings.heartbeatInterval) { [settings] in settings.observer(.lostClaim($0)) }
        heartbeat.start()
        defer {
            heartbeat.stop()
            board.removeProbe()
        }
        DispatchQueue.concurrentPerform(iterations: jobs) { thread in
            // Waits start short and double up to the poll interval: a round that ends soon is noticed soon,
            // a long wait costs the file server one look per poll interval.
            let shortestPause = min(0.02, settings.pollInterval)
            var pause = shortestPause
            while !cancellation.isCancelled, failures.error == nil {
                if let deadline, ContinuousClock.now >= deadline { return }
                do {
                    let missing = try lookAgain(requests, round: round)
                    if missing.isEmpty { return }
                    if let next = try round.claiming({ try claimNext(missing, held: heartbeat.heldKeys, round: round) }) {
                        try trainClaimed(next.request, claim: next.claim, threads: threads, heartbeat: heartbeat, round: round)
                        pause = shortestPause
                        continue
                    }
                    if round.limitReached { return }
                    if thread == 0 { try announceWait(missing, held: heartbeat.heldKeys, round: round) }
                    Thread.sleep(forTimeInterval: pause)
                    pause = min(2 * pause, settings.pollInterval)
                } catch {
                    failures.record(error)
                }
            }
        }
        if let error = failures.error { throw error }
        return round.trainedCount
    }

    /// Reads new results, reports those of `requests` that other workers finished, and returns the ones missing.
    private func lookAgain(_ requests: [TrainingRequest], round: WorkerRound) throws -> [TrainingRequest] {
        try journal.refresh()
        let finished = requests.compactMap { journal.entry(forKey: $0.key) }
        for entry in round.unreported(finished) { observer(.trainingFinished(entry, reused: true)) }
        return requests.filter { journal.entry(forKey: $0.key) == nil }
    }

    /// The first of `missing` nobody has claimed, claimed; else (about once per heartbeat interval) the first
    /// whose claim is stale, taken over.
    private func claimNext(_ missing: [TrainingRequest], held: Set<String>,
                           round: WorkerRound) throws -> (request: TrainingRequest, claim: Claim)? {
        let generations = board.generations()
        for request in missing where generations[request.key] == nil {
            if let claim = try board.claim(request.key) { return (request, claim) }
        }
        guard round.isTimeToCheckForStaleClaims(every: settings.heartbeatInterval) else { return nil }
        var serverTime: Double?
        for request in missing where !held.contains(request.key) {
            guard let observed = try board.observe(request.key, generation: generations[request.key] ?? 0) else { continue }
            let now = try serverTime ?? board.serverTime()
            serverTime = now
            guard board.isStale(observed, now: now), let claim = try board.takeOver(observed) else { continue }
            // The stale owner may have finished just before going silent; its result may only now be visible.
            try journal.refresh()
            if journal.entry(forKey: request.key) != nil { continue }
            settings.observer(.tookOver(request, from: observed.owner, silentSeconds: now - observed.heartbeat))
            return (request, claim)
        }
        return nil
    }

    /// Trains one claimed request under heartbeat and records its result; an interrupted training gives its
    /// claim back, a training whose claim was lost is left to the worker that took it.
    private func trainClaimed(_ request: TrainingRequest, claim: Claim, threads: Int, heartbeat: Heartbeat, round: WorkerRound) throws {
        let trainingCancellation = Cancellation(parent: cancellation)
        heartbeat.hold(claim, for: request, cancellation: trainingCancellation)
        observer(.trainingStarted(request, threads: threads))
        let progress: @Sendable (TrainingProgress) -> Void = { [observer] in observer(.trainingProgress(request, $0)) }
        let outcome = evaluator.train(request, threads: threads, cancellation: trainingCancellation, progress: progress)
        let lost = heartbeat.drop(claim)
        guard let outcome else {
            if !lost { board.release(claim) }
            round.abandon()
            return
        }
        let entry = JournalEntry(request: request, outcome: outcome)
        try journal.append(entry)
        // A last heartbeat after the result: the claim cannot look stale until the result has had a whole
        // timeout to become visible to every machine.
        board.heartbeat(claim)
        round.finished(entry.key)
        observer(.trainingFinished(entry, reused: false))
    }

    /// Tells the observer which workers hold the missing trainings (not those this worker trains itself).
    private func announceWait(_ missing: [TrainingRequest], held: Set<String>, round: WorkerRound) throws {
        let generations = board.generations()
        let others = missing.filter { !held.contains($0.key) && generations[$0.key] != nil }
        guard !others.isEmpty else { return }
        var owners: [String] = []
        for request in others {
            let observed = try board.observe(request.key, generation: generations[request.key] ?? 0)
            let owner = observed?.owner?.description ?? "unknown"
            if !owners.contains(owner) { owners.append(owner) }
        }
        if round.shouldAnnounceWait(trainings: others.count, owners: owners) {
            settings.observer(.waiting(trainings: others.count, owners: owners))
        }
    }
}
