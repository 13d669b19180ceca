// What a chart draws in its plot area: points, lines, reference rules and annotations, in data coordinates.

/// A position in data coordinates.
public struct PlotCoordinate: Hashable, Sendable {
    /// Horizontal value.
    public var x: Double
    /// Vertical value.
    public var y: Double

    /// Creates a coordinate.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// One data point: where, with which marker, and what hovering over it shows.
public struct PlotPoint: Hashable, Sendable {
    /// Horizontal value.
    public var x: Double
    /// Vertical value.
    public var y: Double
    /// The symbol.
    public var marker: Marker
    /// Draw an × over the marker (a failed training).
    public var crossed: Bool
    /// The tooltip (an SVG `<title>`), e.g. the candidate and its numbers.
    public var note: String
    /// A vertical interval drawn as an error bar (e.g. mean ± s.d.), in data units.
    public var errorBar: ClosedRange<Double>?
    /// A horizontal shift in pixels, to set apart points that share a position (dodging).
    public var pixelOffset: Double

    /// Creates a point.
    public init(x: Double, y: Double, marker: Marker, crossed: Bool = false, note: String = "",
                errorBar: ClosedRange<Double>? = nil, pixelOffset: Double = 0) {
        self.x = x
        self.y = y
        self.marker = marker
        self.crossed = crossed
        self.note = note
        self.errorBar = errorBar
        self.pixelOffset = pixelOffset
    }
}

/// Something drawn in the plot area.
public enum PlotMark: Hashable, Sendable {
    /// Markers at data points; points outside the axes are pinned to the frame with an arrow pointing out.
    case points([PlotPoint])
    /// A polyline through the coordinates, in order.
    case line([PlotCoordinate], LineStyle)
    /// A horizontal line across the plot at `y` with a label placed where it hides the fewest points.
    case horizontalRule(y: Double, label: String, style: LineStyle)
    /// A vertical line across the plot at `x` with a label written along it.
    case verticalRule(x: Double, label: String, style: LineStyle)
    /// A ring around the data point at (x, y) and a text label placed next to it where it overlaps least (with
    /// a leader line when it had to move away).
    case annotation(x: Double, y: Double, text: String)
}

/// One row of a chart's legend.
public enum LegendEntry: Hashable, Sendable {
    /// A bold heading for the rows below it.
    case heading(String)
    /// A marker sample (with an × when `crossed`) and its meaning.
    case marker(Marker, crossed: Bool = false, label: String)
    /// A marker sample with the arrow of a point pinned below the axis, and its meaning.
    case beyondAxis(Marker, label: String)
    /// A line sample and its meaning.
    case line(LineStyle, label: String)
}
