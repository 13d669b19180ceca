// Keeps a worker's claims alive while their trainings run, and notices when one was taken over.

import Dispatch
import Foundation

/// Touches every claim the worker holds every `interval` seconds, on a thread of its own (training threads
/// are busy with arithmetic and the Dispatch pool may be full, so a timer there could be late). A claim that
/// turns out to be lost has its training's cancellation set.
final class Heartbeat: @unchecked Sendable {
    // @unchecked Sendable: `held` is only touched under `lock`; the rest is immutable.
    private struct Held {
        let claim: Claim
        let request: TrainingRequest
        let cancellation: Cancellation
        var lost = false
    }

    private let board: ClaimBoard
    private let interval: Double
    private let onLost: @Sendable (TrainingRequest) -> Void
    private let lock = NSLock()
    private var held: [String: Held] = [:]
    private let stopRequest = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)

    /// Prepares a heartbeat for claims on `board`; `onLost` hears of each claim taken over by another worker.
    init(board: ClaimBoard, interval: Double, onLost: @escaping @Sendable (TrainingRequest) -> Void) {
        self.board = board
        self.interval = interval
        self.onLost = onLost
    }

    /// Starts the thread.
    func start() {
        Thread.detachNewThread { [self] in
            while stopRequest.wait(timeout: .now() + interval) == .timedOut {
                beat()
            }
            stopped.signal()
        }
    }

    /// Stops the thread and waits for it to end.
    func stop() {
        stopRequest.signal()
        stopped.wait()
    }

    /// Keeps `claim` alive until `drop`; sets `cancellation` if it is lost.
    func hold(_ claim: Claim, for request: TrainingRequest, cancellation: Cancellation) {
        lock.withLock { held[claim.key] = Held(claim: claim, request: request, cancellation: cancellation) }
    }

    /// Stops keeping `claim` alive; returns true if it was lost meanwhile.
    func drop(_ claim: Claim) -> Bool {
        lock.withLock { held.removeValue(forKey: claim.key)?.lost ?? false }
    }

    /// The keys of the claims held now.
    var heldKeys: Set<String> { lock.withLock { Set(held.keys) } }

    private func beat() {
        let current = lock.withLock { held.values.filter { !$0.lost } }
        for entry in current where !board.heartbeat(entry.claim) {
            let stillHeld: Bool = lock.withLock {
                guard held[entry.claim.key] != nil else { return false }  // finished meanwhile
                held[entry.claim.key]?.lost = true
                return true
            }
            guard stillHeld else { continue }
            entry.cancellation.cancel()
            onLost(entry.request)
        }
    }
}
