// Number formats of study reports: fixed decimals everywhere, so a report rebuilt from the same journal is
// byte-identical.

import Foundation
import PareSearch
import PareTraining

/// How study reports write accuracies, spreads, seeds, seconds and ratios.
enum StudyFormat {
    /// `value` with exactly `decimals` decimals (`%.*f`, round half to even on the binary value).
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// A fraction as a percentage with two decimals: `0.9748333` → `97.48%`.
    static func percent(_ fraction: Double) -> String { fixed(fraction * 100, 2) + "%" }

    /// A target or threshold as a percentage with the decimals it needs, at least one: `0.97` → `97.0%`,
    /// `0.9725` → `97.25%`.
    static func targetPercent(_ fraction: Double) -> String {
        let hundredths = fraction * 100
        for decimals in 1...3 {
            let scaled = hundredths * pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) < 1e-6 { return fixed(hundredths, decimals) + "%" }
        }
        return fixed(hundredths, 3) + "%"
    }

    /// Mean ± sample standard deviation of `count` fractions, in percent, for table cells beside a seed count:
    /// `97.47% ± 0.21`; one value has no spread and reads `97.47%`; none reads `—`.
    static func percentMeanAndSpread(mean: Double?, spread: Double, count: Int) -> String {
        guard let mean, count > 0 else { return "—" }
        guard count > 1 else { return percent(mean) }
        return percent(mean) + " ± " + fixed(spread * 100, 2)
    }

    /// An accuracy with its spread and seeds, for sentences: `97.48% ± 0.26 (mean ± sample s.d., n = 3, seeds
    /// 0, 1, 2)`, `97.67% (n = 1, seed 0)`, or `not measured`.
    static func accuracyStatement(mean: Double?, spread: Double, seeds: [UInt64]) -> String {
        guard let mean, !seeds.isEmpty else { return "not measured" }
        guard seeds.count > 1 else { return percent(mean) + " (n = 1, seed \(seeds[0]))" }
        return percent(mean) + " ± " + fixed(spread * 100, 2)
            + " (mean ± sample s.d., n = \(seeds.count), seeds \(Self.seeds(seeds)))"
    }

    /// Seeds as a list: `0, 1, 2`.
    static func seeds(_ seeds: [UInt64]) -> String { seeds.map(String.init).joined(separator: ", ") }

    /// Seconds with one decimal: `12.3 s`.
    static func seconds(_ value: Double) -> String { fixed(value, 1) + " s" }

    /// How many times larger `numerator` is: `1,287×` from 100, `12.9×` from 10, else `1.29×`.
    static func ratio(_ numerator: Int, _ denominator: Int) -> String {
        guard denominator > 0 else { return "—" }
        let value = Double(numerator) / Double(denominator)
        if value >= 100 { return Int(value.rounded()).groupedDecimal + "×" }
        return fixed(value, value >= 10 ? 1 : 2) + "×"
    }

    /// How a candidate's trainings ended, counted: `2 completed, 1 stopped-early` (in status order).
    static func statusCounts(_ statuses: [TrainingStatus]) -> String {
        let order: [TrainingStatus] = [.completed, .stoppedEarly, .diverged, .failed, .interrupted]
        return order.compactMap { status in
            let count = statuses.filter { $0 == status }.count
            return count == 0 ? nil : "\(count) \(status.rawValue)"
        }.joined(separator: ", ")
    }

    /// How a training ended, in words: `completed`, `stopped early after epoch 3`, `diverged`, `failed`.
    static func status(_ outcome: TrainingOutcome) -> String {
        switch outcome.status {
        case .completed: "completed"
        case .stoppedEarly: "stopped early after epoch \(outcome.epochs)"
        case .diverged: "diverged"
        case .failed: "failed"
        case .interrupted: "interrupted"
        }
    }
}
