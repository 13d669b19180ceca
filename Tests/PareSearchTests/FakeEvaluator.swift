// A stand-in for training: accuracy as a known function of a candidate's family and widths.

import Foundation
import PareSearch

/// Accuracy is 0.975 (+ a small seed-dependent wobble) when the candidate's family is in `minimumWidths` and every
/// hidden width is at least that family's minimum, otherwise 0.9 — so the smallest passing model is known exactly.
final class FakeEvaluator: CandidateEvaluator, @unchecked Sendable {
    // @unchecked Sendable: `calls` is guarded by `lock`.
    /// The families that pass, each with the widths a member must reach in every slot.
    let minimumWidths: [String: [Int]]
    let wobble: Double
    private let lock = NSLock()
    private var calls: [String] = []

    convenience init(passingFamily: String, minimumWidths: [Int], wobble: Double = 0) {
        self.init(minimumWidths: [passingFamily: minimumWidths], wobble: wobble)
    }

    init(minimumWidths: [String: [Int]], wobble: Double = 0) {
        self.minimumWidths = minimumWidths
        self.wobble = wobble
    }

    /// The keys trained, in the order the trainings started.
    var trainedKeys: [String] { lock.withLock { calls } }

    func accuracy(_ request: TrainingRequest) -> Double {
        let candidate = request.candidate
        let minimum = minimumWidths[candidate.familyName]
        let passes = minimum.map { minimum in
            candidate.widths.count == minimum.count && zip(candidate.widths, minimum).allSatisfy { $0 >= $1 }
        } ?? false
        // Seeds 0, 1, 2 move the accuracy by -wobble, 0, +wobble.
        let seedShift = Double(request.seedIndex % 3 - 1) * wobble
        return (passes ? 0.975 : 0.9) + seedShift
    }

    func train(_ request: TrainingRequest, threads: Int, cancellation: Cancellation,
               progress: @escaping @Sendable (TrainingProgress) -> Void) -> TrainingOutcome? {
        lock.withLock { calls.append(request.key) }
        let accuracy = accuracy(request)
        return TrainingOutcome(status: .completed, epochs: request.configuration.epochs,
                               validationCurve: [accuracy - 0.05, accuracy], validationAccuracy: accuracy,
                               testAccuracy: accuracy - 0.001, seconds: 0.01, threads: threads)
    }
}
