// Learning-rate schedules: how the base learning rate changes over a training run.

import Foundation

/// How the learning rate varies with the step of a run.
public enum LearningRateSchedule: Hashable, Sendable, Codable {
    /// The base rate throughout.
    case constant
    /// The base rate times `factor` once per `everyEpochs` completed epochs: `base · factor^⌊epoch / everyEpochs⌋`
    /// (Keras `ExponentialDecay(staircase=True)` per epoch; PyTorch `StepLR(step_size, gamma)`).
    case step(factor: Float, everyEpochs: Int)
    /// Cosine decay from the base rate to 0 at the end of the run: `base · ½(1 + cos(π · step / totalSteps))`
    /// (Keras `CosineDecay(alpha=0)`, PyTorch `CosineAnnealingLR(eta_min=0)` stepped per batch).
    case cosine

    /// Throws when a `step` schedule has `everyEpochs < 1` or a factor that is not positive.
    public func validate() throws(EngineError) {
        if case .step(let factor, let everyEpochs) = self {
            guard everyEpochs >= 1 else { throw .nonPositiveSize(what: "epochs per learning-rate step", value: everyEpochs) }
            guard factor > 0 else {
                throw .invalidValue(name: "learning-rate step factor", requirement: "positive", found: "\(factor)")
            }
        }
    }

    /// The learning rate for update `step` (0-based) of a run of `totalSteps` updates, `stepsPerEpoch` per epoch.
    public func learningRate(base: Float, step: Int, stepsPerEpoch: Int, totalSteps: Int) -> Float {
        precondition(stepsPerEpoch >= 1 && totalSteps >= 1,
                     "LearningRateSchedule: steps per epoch \(stepsPerEpoch) and total steps \(totalSteps) must be positive")
        switch self {
        case .constant:
            return base
        case .step(let factor, let everyEpochs):
            let completedEpochs = step / stepsPerEpoch
            return base * pow(factor, Float(completedEpochs / everyEpochs))
        case .cosine:
            let progress = Double(min(step, totalSteps)) / Double(totalSteps)
            return base * Float(0.5 * (1 + cos(Double.pi * progress)))
        }
    }
}
