// Runs a fixed set of numbered work items on up to `threadCount` threads, or in a plain loop for one thread.

import Dispatch

/// A parallel-for over numbered items. Which thread runs an item never changes what the item computes, so
/// callers that give each item its own output get the same bits for any thread count.
public struct ParallelRunner: Sendable {
    /// Threads used at most (1 = run items in order on the calling thread).
    public let threadCount: Int

    /// Creates a runner for `threadCount` threads (at least 1).
    public init(threadCount: Int) {
        precondition(threadCount >= 1, "ParallelRunner: thread count must be at least 1, got \(threadCount)")
        self.threadCount = threadCount
    }

    /// A runner that always runs items in order on the calling thread.
    public static let serial = ParallelRunner(threadCount: 1)

    /// Calls `body(item)` once for each item in `0..<itemCount`; returns when all are done.
    ///
    /// With several threads, worker `w` runs items `w, w + workers, …` (DispatchQueue.concurrentPerform).
    public func run(_ itemCount: Int, _ body: @Sendable (Int) -> Void) {
        let workers = min(threadCount, itemCount)
        if workers <= 1 {
            for item in 0..<itemCount { body(item) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var item = worker
            while item < itemCount {
                body(item)
                item += workers
            }
        }
    }
}
