// Deciding whether a candidate meets the target from its trainings so far.

/// What the search concludes about one candidate from the trainings it has had.
public struct Judgement: Hashable, Sendable {
    /// The conclusion.
    public enum Verdict: Hashable, Sendable {
        /// Not trained yet.
        case unknown
        /// Mean validation accuracy is at least the target (and certain enough).
        case pass
        /// Mean validation accuracy is below the target (and certain enough).
        case fail
        /// Too close to the target to decide with this many seeds.
        case needsSeeds
    }

    /// The conclusion.
    public var verdict: Verdict
    /// Mean validation accuracy over the seeds trained (0 if none).
    public var meanAccuracy: Double
    /// Validation accuracy of each seed trained, by seed index.
    public var accuracies: [Double]

    /// Judges trainings `outcomes` (by seed index) against `settings`: a stopped, diverged or failed training
    /// counts with its last validation accuracy (0 if none); a mean within `margin` of the target needs more
    /// seeds until there are `seeds` of them.
    public init(outcomes: [Int: TrainingOutcome], settings: SearchSettings) {
        accuracies = outcomes.sorted { $0.key < $1.key }.map { $0.value.countedAccuracy }
        guard !accuracies.isEmpty else {
            verdict = .unknown
            meanAccuracy = 0
            return
        }
        meanAccuracy = accuracies.reduce(0, +) / Double(accuracies.count)
        if accuracies.count < settings.seeds, abs(meanAccuracy - settings.target) < settings.margin {
            verdict = .needsSeeds
        } else {
            verdict = meanAccuracy >= settings.target ? .pass : .fail
        }
    }

    /// Standard deviation of the seeds' accuracies (0 for one seed).
    public var spread: Double {
        guard accuracies.count > 1 else { return 0 }
        let variance = accuracies.reduce(0) { $0 + ($1 - meanAccuracy) * ($1 - meanAccuracy) } / Double(accuracies.count - 1)
        return variance.squareRoot()
    }
}

extension TrainingOutcome {
    /// The validation accuracy a training counts with when judged: the final one (the last epoch's for a training
    /// stopped early), 0 for a diverged, failed or interrupted one.
    public var countedAccuracy: Double {
        switch status {
        case .completed, .stoppedEarly: validationAccuracy ?? validationCurve.last ?? 0
        case .diverged, .failed, .interrupted: 0
        }
    }

    /// True when the training produced a model at all (not diverged, failed or interrupted).
    public var producedModel: Bool {
        switch status {
        case .completed, .stoppedEarly: true
        case .diverged, .failed, .interrupted: false
        }
    }
}
