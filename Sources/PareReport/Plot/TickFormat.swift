// How tick values are written: compact counts (1k, 2.5M), percentages (97.5%), plain decimals (0.25).

import Foundation

/// The text of a tick label.
public enum TickFormat: Hashable, Sendable {
    /// Counts with SI prefixes and no trailing zeros: `500`, `1k`, `2.5k`, `10k`, `1M`, `2G`.
    case compact
    /// Fractions as percentages with the decimals the tick step needs: `90%`, `97.5%`.
    case percent
    /// Plain decimals with the decimals the tick step needs: `0`, `2.5`, `10`.
    case decimal

    /// The label of `value` on an axis whose ticks are `step` apart (`nil` on logarithmic axes).
    public func label(_ value: Double, step: Double?) -> String {
        switch self {
        case .compact:
            let prefixes: [(Double, String)] = [(1e9, "G"), (1e6, "M"), (1e3, "k")]
            for (size, prefix) in prefixes where abs(value) >= size * (1 - 1e-9) {
                return Self.trimmed(value / size, maximumDecimals: 2) + prefix
            }
            return Self.trimmed(value, maximumDecimals: 3)
        case .percent:
            let decimals = step.map { Self.decimalsNeeded($0 * 100) } ?? 1
            return String(format: "%.\(decimals)f%%", value * 100)
        case .decimal:
            let decimals = step.map { Self.decimalsNeeded($0) } ?? 2
            return String(format: "%.\(decimals)f", value)
        }
    }

    /// The fewest decimals (0…6) that write `value` exactly, up to rounding noise.
    static func decimalsNeeded(_ value: Double) -> Int {
        for decimals in 0...6 {
            let scaled = value * pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, abs(scaled)) { return decimals }
        }
        return 6
    }

    /// `value` with at most `maximumDecimals` decimals and no trailing zeros (`2.50` → `2.5`, `3.00` → `3`).
    static func trimmed(_ value: Double, maximumDecimals: Int) -> String {
        var text = String(format: "%.\(maximumDecimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
