// How a worker that shares a study folder behaves: its claim timeout, how often it looks, who it is.

import Foundation

/// The settings of one `--worker` process (see `StudyWorker`).
public struct WorkerSettings: Sendable {
    /// The default claim timeout: 3 minutes. Long enough that a busy machine never misses a heartbeat by that
    /// much, and longer than NFS's default attribute-cache time (60 s), so a finished result has become visible
    /// everywhere before its claim could look stale.
    public static let defaultClaimTimeout = 180.0

    /// Seconds without a heartbeat after which another worker takes a claim over (`--claim-timeout`).
    public var claimTimeout: Double
    /// Seconds between looks at the folder while waiting for other workers.
    public var pollInterval: Double
    /// The host name written into claims.
    public var host: String
    /// The process id written into claims.
    public var processID: Int32
    /// Receives what the worker does with claims (waiting, takeovers), for progress lines.
    public var observer: @Sendable (WorkerEvent) -> Void

    /// Creates settings; the poll interval defaults to an eighth of the timeout, at most one second.
    public init(claimTimeout: Double = defaultClaimTimeout, pollInterval: Double? = nil, host: String = ClaimOwner.currentHost,
                processID: Int32 = getpid(), observer: @escaping @Sendable (WorkerEvent) -> Void = { _ in }) {
        precondition(claimTimeout > 0, "the claim timeout must be positive")
        self.claimTimeout = claimTimeout
        self.pollInterval = pollInterval ?? min(1, claimTimeout / 8)
        self.host = host
        self.processID = processID
        self.observer = observer
    }

    /// Seconds between heartbeats: a quarter of the timeout, so three can be late before a claim goes stale.
    public var heartbeatInterval: Double { claimTimeout / 4 }
}
