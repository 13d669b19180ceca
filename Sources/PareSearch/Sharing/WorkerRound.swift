// The bookkeeping one `StudyWorker.train` call shares among its job threads.

import Foundation

/// What the job threads of one `StudyWorker.train` call share: the training limit, what was reported, the wait.
final class WorkerRound: @unchecked Sendable {
    // @unchecked Sendable: every variable is only touched under `lock`; `claimLock` serialises claiming, so
    // two threads of this process never race each other for the same claim and the limit is never overrun.
    private let lock = NSLock()
    private let claimLock = NSLock()
    private let limit: Int?
    private var reserved = 0
    private var trained = 0
    private var reported: Set<String> = []
    private var lastWait: (trainings: Int, owners: [String], at: ContinuousClock.Instant)?
    private var lastStaleCheck: ContinuousClock.Instant?

    /// A round allowed to train at most `limit` trainings here (`nil`: no limit).
    init(limit: Int?) {
        self.limit = limit
    }

    /// Runs `claim` alone among this process's threads unless the limit is reached; a claim it returns counts
    /// against the limit until `abandon` gives it back.
    func claiming<Result>(_ claim: () throws -> Result?) throws -> Result? {
        try claimLock.withLock {
            guard !limitReached else { return nil }
            let result = try claim()
            if result != nil { lock.withLock { reserved += 1 } }
            return result
        }
    }

    /// True when this process may not claim more trainings.
    var limitReached: Bool { lock.withLock { limit.map { reserved >= $0 } ?? false } }

    /// A claimed training that was not finished here (interrupted or lost) no longer counts against the limit.
    func abandon() { lock.withLock { reserved -= 1 } }

    /// A training finished here.
    func finished(_ key: String) {
        lock.withLock {
            trained += 1
            reported.insert(key)
        }
    }

    /// Trainings finished here.
    var trainedCount: Int { lock.withLock { trained } }

    /// Marks `entries` as reported; returns those that were not yet.
    func unreported(_ entries: [JournalEntry]) -> [JournalEntry] {
        lock.withLock { entries.filter { reported.insert($0.key).inserted } }
    }

    /// True at the first call and then once per `interval` seconds: looking for stale claims reads every claim
    /// file of the round, so it is done about once per heartbeat rather than at every poll. (A dead worker's claim
    /// is then taken over between one timeout and one timeout plus a heartbeat interval after its last heartbeat.)
    func isTimeToCheckForStaleClaims(every interval: Double) -> Bool {
        lock.withLock {
            let now = ContinuousClock.now
            if let last = lastStaleCheck, now - last < .seconds(interval) { return false }
            lastStaleCheck = now
            return true
        }
    }

    /// True when a wait for `trainings` held by `owners` should be announced: it is new or different, or the last
    /// announcement was a minute ago.
    func shouldAnnounceWait(trainings: Int, owners: [String]) -> Bool {
        lock.withLock {
            let now = ContinuousClock.now
            if let last = lastWait, last.trainings == trainings, last.owners == owners, now - last.at < .seconds(60) {
                return false
            }
            lastWait = (trainings, owners, now)
            return true
        }
    }
}
