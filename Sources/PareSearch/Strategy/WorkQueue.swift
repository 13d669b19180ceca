// Small thread-safe helpers for handing out trainings to worker threads.

import Foundation

/// Hands out items to concurrent workers in order, each once.
final class WorkQueue<Item: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: `index` is only touched under `lock`.
    private let lock = NSLock()
    private let items: [Item]
    private var index = 0

    init(_ items: [Item]) { self.items = items }

    /// The next item, or `nil` when all were handed out.
    func next() -> Item? {
        lock.withLock {
            guard index < items.count else { return nil }
            index += 1
            return items[index - 1]
        }
    }
}

/// Keeps the first error any worker reports.
final class FirstError: @unchecked Sendable {
    // @unchecked Sendable: guarded by `lock`.
    private let lock = NSLock()
    private var stored: (any Error)?

    /// Records `error` unless one was recorded before.
    func record(_ error: any Error) { lock.withLock { if stored == nil { stored = error } } }

    /// The first recorded error.
    var error: (any Error)? { lock.withLock { stored } }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
    // @unchecked Sendable: guarded by `lock`.
    private let lock = NSLock()
    private var count = 0

    /// Adds one.
    func increment() { lock.withLock { count += 1 } }

    /// The current count.
    var value: Int { lock.withLock { count } }
}
