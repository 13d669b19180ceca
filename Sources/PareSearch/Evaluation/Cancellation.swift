// A flag that asks running work to stop (Ctrl-C), shared across threads.

import Foundation

/// A thread-safe stop request: set once (e.g. by SIGINT), read by every running training.
public final class Cancellation: @unchecked Sendable {
    // @unchecked Sendable: the flag is only read and written under `lock`.
    private let lock = NSLock()
    private var cancelled = false

    /// A fresh, unset flag.
    public init() {}

    /// Asks all work to stop.
    public func cancel() { lock.withLock { cancelled = true } }

    /// True once `cancel()` was called.
    public var isCancelled: Bool { lock.withLock { cancelled } }
}
