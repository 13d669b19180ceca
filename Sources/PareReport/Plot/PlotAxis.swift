// One axis of a chart: its title, scale kind, domain, ticks and tick-label format.

/// An axis: what it measures, how values are spaced, where its ticks are and how they are written.
public struct PlotAxis: Hashable, Sendable {
    /// The axis title, with its unit (`parameters (log scale)`).
    public var title: String
    /// Linear or logarithmic spacing.
    public var kind: PlotScale.Kind
    /// The values shown.
    public var domain: ClosedRange<Double>
    /// Labelled ticks (with grid lines).
    public var ticks: [Double]
    /// Unlabelled ticks (short marks only).
    public var minorTicks: [Double]
    /// The distance between linear ticks (decides label decimals); `nil` on logarithmic axes.
    public var step: Double?
    /// How tick labels are written.
    public var format: TickFormat

    /// Creates an axis from explicit parts.
    public init(title: String, kind: PlotScale.Kind, domain: ClosedRange<Double>, ticks: [Double], minorTicks: [Double] = [],
                step: Double? = nil, format: TickFormat) {
        self.title = title
        self.kind = kind
        self.domain = domain
        self.ticks = ticks
        self.minorTicks = minorTicks
        self.step = step
        self.format = format
    }

    /// A linear axis covering `values` with nice ticks, its domain clipped to `limit` if given (an accuracy
    /// axis never runs past 100%). With no values, the domain is `limit` or 0…1.
    public static func linear(title: String, covering values: [Double], format: TickFormat,
                              limit: ClosedRange<Double>? = nil, maximumIntervals: Int = 6) -> PlotAxis {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else {
            let domain = limit ?? 0...1
            let step = PlotTicks.linearStep(span: domain.upperBound - domain.lowerBound, maximumIntervals: maximumIntervals)
            return PlotAxis(title: title, kind: .linear, domain: domain, ticks: PlotTicks.linear(in: domain, step: step),
                            step: step, format: format)
        }
        var (domain, step) = PlotTicks.linearDomain(covering: low...high, maximumIntervals: maximumIntervals)
        if let limit {
            let clipped = max(domain.lowerBound, limit.lowerBound)...min(domain.upperBound, limit.upperBound)
            if clipped.upperBound > clipped.lowerBound { domain = clipped }
        }
        return PlotAxis(title: title, kind: .linear, domain: domain, ticks: PlotTicks.linear(in: domain, step: step),
                        step: step, format: format)
    }

    /// A logarithmic axis covering the positive `values` (non-positive ones are ignored), snapped to 1-2-5
    /// multiples of powers of ten. With no positive values, the domain is 1…10.
    public static func logarithmic(title: String, covering values: [Double], format: TickFormat) -> PlotAxis {
        let positive = values.filter { $0 > 0 && $0.isFinite }
        let domain = positive.min().flatMap { low in positive.max().map { PlotTicks.logarithmicDomain(covering: low...$0) } } ?? 1...10
        let ticks = PlotTicks.logarithmic(in: domain)
        return PlotAxis(title: title, kind: .logarithmic, domain: domain, ticks: ticks.major, minorTicks: ticks.minor,
                        format: format)
    }

    /// The label of tick `value`.
    public func label(_ value: Double) -> String { format.label(value, step: step) }

    /// The scale of this axis over pixels `start` (at the domain's lower bound) to `end`.
    public func scale(from start: Double, to end: Double) -> PlotScale {
        PlotScale(kind: kind, domain: domain, start: start, end: end)
    }
}
