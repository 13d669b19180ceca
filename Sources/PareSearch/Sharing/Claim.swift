// A claim on one training: the one this process holds, or one seen in the claims folder.

import Foundation

/// A claim this process made (or took over) and must keep alive with heartbeats until its training is recorded.
public struct Claim: Hashable, Sendable {
    /// The training's key.
    public var key: String
    /// 0 for the first claim on the key, n for its n-th takeover.
    public var generation: Int
    /// The claim file.
    public var url: URL
}

/// A claim file as read from the claims folder.
public struct ObservedClaim: Hashable, Sendable {
    /// The training's key.
    public var key: String
    /// 0 for the first claim on the key, n for its n-th takeover.
    public var generation: Int
    /// Who made it; `nil` while its file is still empty (just created) or unreadable.
    public var owner: ClaimOwner?
    /// Its last heartbeat: the file's modification time, seconds since 1970 on the file server's clock.
    public var heartbeat: Double
}
