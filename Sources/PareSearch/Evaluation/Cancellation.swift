// A flag that asks running work to stop (Ctrl-C), shared across threads.

import Foundation

/// A thread-safe stop request: set once (e.g. by SIGINT), read by every running training.
public final class Cancellation: @unchecked Sendable {
    // @unchecked Sendable: the flag is only read and written under `lock`; `parent` is immutable.
    private let lock = NSLock()
    private var cancelled = false
    private let parent: Cancellation?

    /// A fresh, unset flag.
    public init() { parent = nil }

    /// A flag that is also set whenever `parent` is (one training's stop request inside a whole run's).
    public init(parent: Cancellation) { self.parent = parent }

    /// Asks all work to stop.
    public func cancel() { lock.withLock { cancelled = true } }

    /// True once `cancel()` was called on this flag or its parent.
    public var isCancelled: Bool { lock.withLock { cancelled } || parent?.isCancelled == true }
}
