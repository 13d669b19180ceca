// How marks look: colours, line styles, and the marker a point is drawn with.

/// A colour as SVG writes it (`#0072B2`).
public struct PlotColor: Hashable, Sendable {
    /// The SVG colour text.
    public var svg: String

    /// A colour from SVG colour text.
    public init(_ svg: String) { self.svg = svg }

    /// Near-black, for text and frames.
    public static let ink = PlotColor("#222222")
    /// Mid grey, for reference lines.
    public static let grey = PlotColor("#666666")
    /// Light grey, for grid lines.
    public static let grid = PlotColor("#e3e3e3")
}

/// The stroke of a line: colour, width and an optional dash pattern.
public struct LineStyle: Hashable, Sendable {
    /// Stroke colour.
    public var color: PlotColor
    /// Stroke width in pixels.
    public var width: Double
    /// Dash and gap lengths in pixels; empty for a solid line.
    public var dashes: [Double]

    /// Creates a line style.
    public init(color: PlotColor, width: Double = 1.5, dashes: [Double] = []) {
        self.color = color
        self.width = width
        self.dashes = dashes
    }
}

/// The symbol drawn at a point.
public enum MarkerShape: Hashable, Sendable, CaseIterable {
    case circle, square, triangleUp, diamond, triangleDown
}

/// A point's symbol: shape, colour and whether it is filled.
public struct Marker: Hashable, Sendable {
    /// The symbol.
    public var shape: MarkerShape
    /// Stroke and (when filled) fill colour.
    public var color: PlotColor
    /// Filled, or only outlined (a hollow marker).
    public var filled: Bool

    /// Creates a marker.
    public init(shape: MarkerShape, color: PlotColor, filled: Bool = true) {
        self.shape = shape
        self.color = color
        self.filled = filled
    }
}
