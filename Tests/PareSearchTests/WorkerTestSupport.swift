// Helpers for the scale-out tests: running workers on real threads, evaluators that take time or block.

import Dispatch
import Foundation
import PareSearch

/// Runs `body(0)`, `body(1)`, … `body(count - 1)` each on its own thread (not the Dispatch pool, which on this
/// 2-core machine may run fewer at once: workers that wait for each other must all be running) and returns
/// their results in order.
func onThreads<Result: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Result) throws -> [Result] {
    let results = LockedArray<Swift.Result<Result, any Error>?>(repeating: nil, count: count)
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        Thread.detachNewThread {
            results.set(index, Swift.Result { try body(index) })
            group.leave()
        }
    }
    group.wait()
    return try results.values.map { try $0!.get() }
}

/// An array written from several threads.
final class LockedArray<Element: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: `storage` is only touched under `lock`.
    private let lock = NSLock()
    private var storage: [Element]

    init(repeating value: Element, count: Int) { storage = Array(repeating: value, count: count) }

    func set(_ index: Int, _ value: Element) { lock.withLock { storage[index] = value } }

    func append(_ value: Element) { lock.withLock { storage.append(value) } }

    var values: [Element] { lock.withLock { storage } }
}

/// The fake's answers after `seconds` of sleep, so trainings overlap and workers really share them out.
struct SlowEvaluator: CandidateEvaluator {
    let fake: FakeEvaluator
    let seconds: Double

    func train(_ request: TrainingRequest, threads: Int, cancellation: Cancellation,
               progress: @escaping @Sendable (TrainingProgress) -> Void) -> TrainingOutcome? {
        Thread.sleep(forTimeInterval: seconds)
        return fake.train(request, threads: threads, cancellation: cancellation, progress: progress)
    }
}

/// A training that runs until it is cancelled (then returns `nil`, as a real interrupted training does), or
/// gives the fake's answer after `limit` seconds.
struct BlockingEvaluator: CandidateEvaluator {
    let fake: FakeEvaluator
    let limit: Double

    func train(_ request: TrainingRequest, threads: Int, cancellation: Cancellation,
               progress: @escaping @Sendable (TrainingProgress) -> Void) -> TrainingOutcome? {
        let end = Date().addingTimeInterval(limit)
        while Date() < end {
            if cancellation.isCancelled { return nil }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return fake.train(request, threads: threads, cancellation: cancellation, progress: progress)
    }
}
