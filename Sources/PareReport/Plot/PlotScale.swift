// Maps data values to pixel positions along one axis, linearly or logarithmically.

import Foundation

/// A map from a data interval to a pixel interval.
///
/// `position(of: domain.lowerBound) == start` and `position(of: domain.upperBound) == end`; in between, linear
/// scales interpolate the value and logarithmic scales interpolate `log10(value)`. For a y axis, pass the
/// bottom pixel as `start` and the top pixel as `end` (SVG's y grows downwards).
public struct PlotScale: Hashable, Sendable {
    /// How values are spaced along the axis.
    public enum Kind: Hashable, Sendable {
        /// Equal differences take equal space.
        case linear
        /// Equal ratios take equal space (base 10); the domain must be positive.
        case logarithmic
    }

    /// Linear or logarithmic.
    public var kind: Kind
    /// The data interval shown.
    public var domain: ClosedRange<Double>
    /// The pixel of `domain.lowerBound`.
    public var start: Double
    /// The pixel of `domain.upperBound`.
    public var end: Double

    /// Creates a scale; a logarithmic domain must be positive and no domain may be empty.
    public init(kind: Kind, domain: ClosedRange<Double>, start: Double, end: Double) {
        precondition(domain.upperBound > domain.lowerBound, "a scale needs a domain of positive length, got \(domain)")
        precondition(kind == .linear || domain.lowerBound > 0, "a logarithmic scale needs a positive domain, got \(domain)")
        self.kind = kind
        self.domain = domain
        self.start = start
        self.end = end
    }

    /// The pixel of `value` (values outside the domain map outside `start…end`).
    public func position(of value: Double) -> Double {
        start + (end - start) * fraction(of: value)
    }

    /// Where `value` lies in the domain: 0 at the lower bound, 1 at the upper bound.
    public func fraction(of value: Double) -> Double {
        switch kind {
        case .linear:
            return (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        case .logarithmic:
            // Non-positive values have no logarithm; they sit at the far low end.
            guard value > 0 else { return -.infinity }
            return (log10(value) - log10(domain.lowerBound)) / (log10(domain.upperBound) - log10(domain.lowerBound))
        }
    }

    /// True when `value` lies in the domain (with a relative tolerance for rounding).
    public func contains(_ value: Double) -> Bool {
        let place = fraction(of: value)
        return place >= -1e-9 && place <= 1 + 1e-9
    }
}
