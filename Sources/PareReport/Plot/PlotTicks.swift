// "Nice" tick values and axis domains: 1-2-2.5-5 steps on linear axes, powers of ten (or 1-2-5) on log axes.

import Foundation

/// Tick values and padded, snapped axis domains, the way a person would choose them.
///
/// Linear axes step by 1, 2, 2.5 or 5 × 10^k (2.5 so accuracy axes can read 95%, 97.5%, 100%). Logarithmic
/// axes label powers of ten when at least two fit (at most seven, thinned evenly), otherwise 1-2-5 multiples,
/// otherwise every integer multiple of a power of ten; unlabelled minor ticks fill each decade.
public enum PlotTicks {
    /// The multiples of a power of ten a linear step may take.
    static let linearMultiples: [Double] = [1, 2, 2.5, 5, 10]

    /// The smallest nice step that splits `span` into at most `maximumIntervals` intervals.
    public static func linearStep(span: Double, maximumIntervals: Int = 6) -> Double {
        precondition(span > 0 && span.isFinite, "a tick step needs a positive finite span, got \(span)")
        precondition(maximumIntervals > 0, "at least one interval is needed")
        let raw = span / Double(maximumIntervals)
        let exponent = Int(floor(log10(raw)))
        for multiple in linearMultiples {
            let step = decimal(multiple, exponent)
            if step >= raw * (1 - 1e-9) { return step }
        }
        return decimal(10, exponent)
    }

    /// The multiples of `step` inside `domain` (inclusive, with a tolerance for rounding), ascending.
    public static func linear(in domain: ClosedRange<Double>, step: Double) -> [Double] {
        precondition(step > 0, "a tick step must be positive, got \(step)")
        let first = Int((domain.lowerBound / step - 1e-6).rounded(.up))
        let last = Int((domain.upperBound / step + 1e-6).rounded(.down))
        guard first <= last else { return [] }
        return (first...last).map { Double($0) * step }
    }

    /// A linear domain covering `values` with a margin of `padding` × their span on each side, snapped outwards
    /// to the nice step, and that step. A single value gets a span of 10% of its size (or 1 at zero).
    public static func linearDomain(covering values: ClosedRange<Double>, padding: Double = 0.03,
                                    maximumIntervals: Int = 6) -> (domain: ClosedRange<Double>, step: Double) {
        var low = values.lowerBound, high = values.upperBound
        if high - low < 1e-12 {
            let half = low == 0 ? 0.5 : abs(low) * 0.05
            low -= half
            high += half
        }
        let margin = (high - low) * padding
        low -= margin
        high += margin
        let step = linearStep(span: high - low, maximumIntervals: maximumIntervals)
        let snappedLow = (low / step + 1e-9).rounded(.down) * step
        let snappedHigh = (high / step - 1e-9).rounded(.up) * step
        return (snappedLow...snappedHigh, step)
    }

    /// Labelled (major) and unlabelled (minor) ticks of a logarithmic axis over `domain` (positive).
    public static func logarithmic(in domain: ClosedRange<Double>) -> (major: [Double], minor: [Double]) {
        precondition(domain.lowerBound > 0, "a logarithmic axis needs a positive domain, got \(domain)")
        let lowExponent = Int(floor(log10(domain.lowerBound))) - 1
        let highExponent = Int(ceil(log10(domain.upperBound))) + 1
        let low = domain.lowerBound * (1 - 1e-9), high = domain.upperBound * (1 + 1e-9)
        func inside(_ multiples: [Double]) -> [Double] {
            var values: [Double] = []
            for exponent in lowExponent...highExponent {
                for multiple in multiples {
                    let value = decimal(multiple, exponent)
                    if value >= low && value <= high { values.append(value) }
                }
            }
            return values
        }
        let powers = inside([1])
        let all = inside([1, 2, 3, 4, 5, 6, 7, 8, 9])
        if powers.count >= 2 {
            let stride = (powers.count + 6) / 7
            let major = powers.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
            // Thinned decades keep their skipped powers as minor ticks; otherwise every integer multiple.
            let minor = stride == 1 ? all.filter { !major.contains($0) } : powers.filter { !major.contains($0) }
            return (major, minor)
        }
        let oneTwoFive = inside([1, 2, 5])
        if oneTwoFive.count >= 3 { return (oneTwoFive, all.filter { !oneTwoFive.contains($0) }) }
        return (all, [])
    }

    /// A logarithmic domain covering `values` (positive) with a margin of `factor` on each side, snapped
    /// outwards to 1-2-5 multiples of powers of ten.
    public static func logarithmicDomain(covering values: ClosedRange<Double>, factor: Double = 1.25) -> ClosedRange<Double> {
        precondition(values.lowerBound > 0, "a logarithmic axis needs positive values, got \(values)")
        return snapOneTwoFive(values.lowerBound / factor, up: false)...snapOneTwoFive(values.upperBound * factor, up: true)
    }

    /// The nearest 1-2-5 multiple of a power of ten at or below (`up` false) or at or above `value`.
    static func snapOneTwoFive(_ value: Double, up: Bool) -> Double {
        let exponent = Int(floor(log10(value)))
        let candidates = [1.0, 2, 5, 10].map { decimal($0, exponent) }
        if up { return candidates.first { $0 >= value * (1 - 1e-12) } ?? decimal(10, exponent) }
        return candidates.last { $0 <= value * (1 + 1e-12) } ?? decimal(1, exponent)
    }

    /// `multiple × 10^exponent`, correctly rounded (dividing by an exact power of ten for negative exponents,
    /// so 0.1 is the double nearest 0.1 and not 1 × 0.1000000000000000055…).
    static func decimal(_ multiple: Double, _ exponent: Int) -> Double {
        exponent >= 0 ? multiple * pow(10, Double(exponent)) : multiple / pow(10, Double(-exponent))
    }
}
