// The chart renderer: valid SVG 1.1, escaped text, points inside the plot (pinned when beyond an axis), and the
// label placer's choices.

import Testing
@testable import PareReport

@Suite struct ChartTests {
    static func chart(title: String = "Accuracy <vs> size & time") -> Chart {
        let points = [
            PlotPoint(x: 1_000, y: 0.97, marker: PlotPalette.marker(0), note: "a \"quoted\" & <tagged> note"),
            PlotPoint(x: 10_000, y: 0.99, marker: PlotPalette.marker(1, filled: false), errorBar: 0.985...0.995),
            PlotPoint(x: 100, y: 0.2, marker: PlotPalette.marker(2), crossed: true),  // below the axis: pinned
            PlotPoint(x: 5_000_000, y: 0.95, marker: PlotPalette.marker(3)),           // right of the axis: pinned
        ]
        return Chart(
            title: title, subtitle: "subtitle",
            xAxis: PlotAxis.logarithmic(title: "parameters (log scale)", covering: [100, 1_000, 10_000], format: .compact),
            yAxis: PlotAxis.linear(title: "accuracy", covering: [0.95, 0.99], format: .percent, limit: 0...1),
            marks: [
                .line([PlotCoordinate(x: 1_000, y: 0.97), PlotCoordinate(x: 10_000, y: 0.97), PlotCoordinate(x: 10_000, y: 0.99)],
                      LineStyle(color: .ink)),
                .horizontalRule(y: 0.97, label: "target 97.0%", style: LineStyle(color: .grey, dashes: [6, 4])),
                .verticalRule(x: 5_000, label: "base (5,000 params)", style: LineStyle(color: .grey)),
                .points(points),
                .annotation(x: 1_000, y: 0.97, text: "winner"),
            ],
            legend: [.heading("family"), .marker(PlotPalette.marker(0), label: "base"),
                     .beyondAxis(Marker(shape: .circle, color: .grey), label: "pinned"),
                     .line(LineStyle(color: .ink), label: "front")])
    }

    @Test func isWellFormedSVGWithPointsInsideThePlot() {
        let inspection = SVGInspection(Self.chart().svg())
        #expect(inspection.problems == [])
        #expect(inspection.points.count == 4)
    }

    @Test func escapesText() {
        let svg = Self.chart().svg()
        #expect(svg.contains("<title>Accuracy &lt;vs&gt; size &amp; time</title>"))
        #expect(svg.contains("a &quot;quoted&quot; &amp; &lt;tagged&gt; note"))
        let inspection = SVGInspection(svg)
        #expect(inspection.elements.contains { $0.name == "title" && $0.text == "a \"quoted\" & <tagged> note" })
    }

    @Test func pinsPointsBeyondTheAxesToTheFrameWithAnArrow() throws {
        let inspection = SVGInspection(Self.chart().svg())
        let (minX, _, maxX, maxY) = try #require(inspection.plotArea)
        #expect(inspection.points.contains { abs($0.y - maxY) < 0.05 && $0.x > minX })  // 0.2 pinned to the bottom
        #expect(inspection.points.contains { abs($0.x - maxX) < 0.05 })                 // 5M pinned to the right
        #expect(inspection.elements.filter { $0.attributes["class"] == "beyond-axis" }.count == 3)  // two points + legend
    }

    @Test func sameChartSameBytes() {
        #expect(Self.chart().svg() == Self.chart().svg())
    }

    @Test func labelPlacerPrefersFreeSpotsInsideTheFrame() {
        let frame = PlotBox(minX: 0, minY: 0, maxX: 100, maxY: 100)
        var placer = LabelPlacer(occupied: [PlotBox(minX: 10, minY: 10, maxX: 30, maxY: 30)], frame: frame)
        let covered = PlotBox(minX: 15, minY: 15, maxX: 25, maxY: 25)
        let free = PlotBox(minX: 50, minY: 50, maxX: 60, maxY: 60)
        let outside = PlotBox(minX: 95, minY: 50, maxX: 115, maxY: 60)
        #expect(placer.place([covered, free]) == 1)
        // Leaving the frame costs 4× the area outside (15 × 10 × 4 = 600), covering a marker only the area
        // covered (10 × 10 = 100): the covered spot wins.
        #expect(placer.place([outside, covered]) == 1)
        // Ties go to the first candidate.
        #expect(placer.place([PlotBox(minX: 70, minY: 0, maxX: 80, maxY: 10), PlotBox(minX: 80, minY: 0, maxX: 90, maxY: 10)]) == 0)
    }
}
