// A two-axis chart: title, axes, marks and legend, rendered as a self-contained SVG 1.1 document.

/// A chart with an x and a y axis, marks in data coordinates, and a legend to the right of the plot.
///
/// `width` and `height` are minimums: the canvas grows so the plot keeps at least 360 px of width and the
/// legend fits. Text uses the viewer's sans-serif font (no external fonts), and the document has no scripts;
/// hovering over a point shows its `note` (an SVG `<title>`).
public struct Chart: Hashable, Sendable {
    /// The headline above the plot.
    public var title: String
    /// A smaller second line under the title (e.g. the study and its settings).
    public var subtitle: String?
    /// The horizontal axis.
    public var xAxis: PlotAxis
    /// The vertical axis.
    public var yAxis: PlotAxis
    /// What is drawn, in order (later marks on top).
    public var marks: [PlotMark]
    /// The legend rows, top to bottom.
    public var legend: [LegendEntry]
    /// The smallest canvas width in pixels.
    public var width: Double
    /// The smallest canvas height in pixels.
    public var height: Double

    /// Creates a chart.
    public init(title: String, subtitle: String? = nil, xAxis: PlotAxis, yAxis: PlotAxis, marks: [PlotMark],
                legend: [LegendEntry] = [], width: Double = 900, height: Double = 540) {
        self.title = title
        self.subtitle = subtitle
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.marks = marks
        self.legend = legend
        self.width = width
        self.height = height
    }

    /// Font sizes in pixels.
    static let textSize = 12.0, titleSize = 16.0, axisTitleSize = 13.0
    /// Height of one legend row.
    static let legendRowHeight = 18.0
    /// Marker half-size in pixels.
    static let markerRadius = 4.5

    /// Where everything goes on the canvas.
    struct Layout {
        var width: Double
        var height: Double
        /// The plot area (the frame).
        var plot: PlotBox
        var x: PlotScale
        var y: PlotScale
        /// Top-left corner of the legend.
        var legendX: Double
        var legendY: Double
    }

    /// Margins from the tick labels, titles and legend; the plot takes the rest.
    var layout: Layout {
        let legendWidth = legend.isEmpty ? 0 : 30 + (legend.map { entry -> Double in
            switch entry {
            case .heading(let text): TextMetrics.width(text, fontSize: Self.textSize) * 1.08
            case .marker(_, _, let label), .line(_, let label), .beyondAxis(_, let label):
                TextMetrics.width(label, fontSize: Self.textSize)
            }
        }.max() ?? 0)
        let legendHeight = Double(legend.count) * Self.legendRowHeight
        let yLabelWidth = yAxis.ticks.map { TextMetrics.width(yAxis.label($0), fontSize: Self.textSize) }.max() ?? 0
        let left = 12 + Self.axisTitleSize + 10 + yLabelWidth + 8
        let top = subtitle == nil ? 46.0 : 64.0
        let bottom = 58.0
        let right = legend.isEmpty ? 24 : legendWidth + 36
        let canvasWidth = max(width, left + 360 + right)
        let canvasHeight = max(height, top + legendHeight + 24)
        let plot = PlotBox(minX: left, minY: top, maxX: canvasWidth - right, maxY: canvasHeight - bottom)
        return Layout(width: canvasWidth, height: canvasHeight, plot: plot,
                      x: xAxis.scale(from: plot.minX, to: plot.maxX), y: yAxis.scale(from: plot.maxY, to: plot.minY),
                      legendX: plot.maxX + 24, legendY: plot.minY)
    }
}
