// How the learning rate changes over epochs.

import Foundation

/// A learning-rate schedule over epochs (0-based epoch index).
public enum LearningRateSchedule: Hashable, Sendable, Codable {
    /// The same rate every epoch.
    case constant
    /// Multiply by `factor` every `every` epochs.
    case step(every: Int, factor: Double)
    /// Cosine decay from the initial rate to 0 over the run: `lr · (1 + cos(π · epoch / epochs)) / 2`.
    case cosine

    /// The learning rate for `epoch` (0-based) of `epochs`, starting from `initial`.
    public func rate(initial: Double, epoch: Int, epochs: Int) -> Double {
        switch self {
        case .constant:
            return initial
        case .step(let every, let factor):
            var rate = initial
            for _ in 0..<(epoch / max(1, every)) { rate *= factor }
            return rate
        case .cosine:
            return initial * (1 + cos(Double.pi * Double(epoch) / Double(max(1, epochs)))) / 2
        }
    }
}
