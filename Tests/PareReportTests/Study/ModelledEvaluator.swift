// A stand-in for training with plausible numbers: accuracy grows with size along a per-family curve, seeds
// wobble, small models are stopped early by the stop rule, and one kind of model diverges — so reports built
// from its journals show every case, deterministically and without training anything.

import Foundation
import PareSearch

/// Accuracy `ceiling − k / √params` (+ a seed wobble of −0.3, +0.1, +0.2 points for seeds 0, 1, 2), with
/// `ceiling` 0.99 (0.965 for families using global average pooling) and `k` 0.55 for families with an extra
/// conv stage, 1.0 otherwise: the article's 932-parameter conv-stage model lands at 0.972, the 4,802-parameter
/// tutorial CNN at 0.976. Models whose first hidden width is 1 in a `gap` family diverge.
/// The curve rises by 6 points over the epochs; the request's stop rule ends hopeless trainings early.
/// Seconds are `0.5 + multiplyAdds / 200,000`, sweeps add settings effects (see `sweepAccuracy`).
struct ModelledEvaluator: CandidateEvaluator {
    func finalAccuracy(_ request: TrainingRequest) -> Double {
        if request.sweepPoint != nil { return sweepAccuracy(request) }
        let family = request.candidate.familyName
        let ceiling = family.contains("gap") ? 0.965 : 0.99
        let slope = family.contains("conv-stage") ? 0.55 : 1.0
        let wobble = [-0.003, 0.001, 0.002][request.seedIndex % 3]
        return min(0.999, max(0.1, ceiling - slope / Double(request.candidate.parameterCount).squareRoot() + wobble))
    }

    /// Sweeps: the size curve, minus 0.40 for sigmoid with lr ≥ 0.01 (it does not learn), minus 0.02 for
    /// sigmoid otherwise, minus 0.01 per halving of the batch below 128.
    func sweepAccuracy(_ request: TrainingRequest) -> Double {
        let values = request.sweepPoint?.values ?? [:]
        var accuracy = 0.99 - 1.0 / Double(request.candidate.parameterCount).squareRoot()
        if values["activation"] == "sigmoid" {
            accuracy -= (Double(values["lr"] ?? "") ?? 0) >= 0.01 ? 0.40 : 0.02
        }
        if let batch = Double(values["batch-size"] ?? "") { accuracy -= 0.01 * max(0, log2(128 / batch)) }
        accuracy += [-0.003, 0.001, 0.002][request.seedIndex % 3]
        return min(0.999, max(0.1, accuracy))
    }

    func train(_ request: TrainingRequest, threads: Int, cancellation: Cancellation,
               progress: @escaping @Sendable (TrainingProgress) -> Void) -> TrainingOutcome? {
        let epochs = request.configuration.epochs
        let seconds = 0.5 + Double(request.candidate.multiplyAdds) / 200_000
            * (request.sweepPoint?.values["batch-size"].flatMap(Double.init).map { 128 / $0 } ?? 1)
        if request.candidate.familyName.contains("gap"), request.candidate.widths.first == 1 {
            return TrainingOutcome(status: .diverged, epochs: 2, validationCurve: [0.1135, 0.0980], validationAccuracy: nil,
                                   testAccuracy: nil, seconds: seconds * 2 / Double(epochs), threads: threads,
                                   message: "loss became NaN in epoch 2, batch 17")
        }
        let final = finalAccuracy(request)
        var curve: [Double] = []
        for epoch in 1...epochs {
            let remaining = epochs == 1 ? 0 : Double(epochs - epoch) / Double(epochs - 1)
            let accuracy = final - 0.06 * remaining * remaining
            curve.append((accuracy * 6000).rounded() / 6000)  // a count over a 6,000-image validation split
            if request.stopRule.shouldStop(epoch: epoch, epochs: epochs, validationAccuracy: curve[epoch - 1]) {
                return TrainingOutcome(status: .stoppedEarly, epochs: epoch, validationCurve: curve,
                                       validationAccuracy: curve.last, testAccuracy: nil,
                                       seconds: seconds * Double(epoch) / Double(epochs), threads: threads)
            }
        }
        let test = ((final - 0.002) * 10_000).rounded() / 10_000
        return TrainingOutcome(status: .completed, epochs: epochs, validationCurve: curve, validationAccuracy: curve.last,
                               testAccuracy: test, seconds: seconds, threads: threads)
    }
}
