// What a worker sharing a study folder reports beyond the trainings themselves.

/// A step of a `StudyWorker` that concerns other workers.
public enum WorkerEvent: Sendable {
    /// Nothing is left to claim: waiting for `trainings` trainings claimed by `owners` (`host:pid`, or `unknown`
    /// for a claim file still empty). Sent when the wait starts or changes, and every minute while it lasts.
    case waiting(trainings: Int, owners: [String])
    /// A stale claim was taken over: its owner (if readable) and how long its heartbeat had been silent.
    case tookOver(TrainingRequest, from: ClaimOwner?, silentSeconds: Double)
    /// This worker's claim was taken over by another (its heartbeat was late); its training was stopped.
    case lostClaim(TrainingRequest)
}
