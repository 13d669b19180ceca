// The multi-fidelity rule: stop a training after an epoch when it cannot plausibly reach the target.

/// Stops a candidate's training early when its validation accuracy after an epoch is so far below the target
/// that finishing cannot plausibly close the gap.
///
/// After epoch `e` (1-based) of `E`, training stops if `e < E` and
/// `validationAccuracy < target − slack[min(e, slack.count) − 1]`. The slack table comes from measured
/// learning curves (see `calibrated`): it is the largest gain between that epoch and the last that any
/// calibration run showed, plus a safety margin, so a candidate that would have reached the target is
/// (almost) never stopped.
public struct StopRule: Hashable, Sendable, Codable {
    /// The accuracy the search needs.
    public var target: Double
    /// Allowed shortfall below the target after epoch 1, 2, …; the last entry holds for later epochs.
    public var slack: [Double]

    /// Creates a rule.
    public init(target: Double, slack: [Double]) {
        precondition(!slack.isEmpty, "a stop rule needs at least one slack value")
        self.target = target
        self.slack = slack
    }

    /// A rule that never stops a training.
    public static func never(target: Double) -> StopRule { StopRule(target: target, slack: [1]) }

    /// True when a training at `epoch` (1-based) of `epochs` with `validationAccuracy` should stop now.
    public func shouldStop(epoch: Int, epochs: Int, validationAccuracy: Double) -> Bool {
        guard epoch < epochs else { return false }
        return validationAccuracy < target - slack[min(epoch, slack.count) - 1]
    }

    /// The rule as one sentence for reports.
    public var explanation: String {
        let parts = slack.enumerated().map { index, value in
            let epoch = index + 1 == slack.count ? "epoch ≥ \(index + 1)" : "epoch \(index + 1)"
            return "\(epoch): below \(Self.percent(target - value))"
        }
        return "a training stops early when its validation accuracy after " + parts.joined(separator: "; ")
            + " (target \(Self.percent(target)))"
    }

    private static func percent(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 10
        return "\(scaled)%"
    }
}
