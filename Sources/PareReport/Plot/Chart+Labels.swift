// Places and draws a chart's text labels — rule labels and point annotations — where they cover the fewest
// points and earlier labels.

extension Chart {
    /// A label position: its box, where the text is anchored, and how.
    private struct LabelSpot {
        var box: PlotBox
        var x: Double
        var y: Double
        var anchor: String
        var rotated: Bool = false
    }

    func drawLabels(_ svg: inout SVGWriter, _ layout: Layout, occupied: [PlotBox]) {
        let n = SVGWriter.number
        let plot = layout.plot
        let size = Self.textSize, height = Self.textSize * 1.3
        var placer = LabelPlacer(occupied: occupied, frame: plot)
        svg.open("g", [("class", "labels")])
        for mark in marks {
            switch mark {
            case .horizontalRule(let value, let label, let style) where layout.y.contains(value) && !label.isEmpty:
                let y = layout.y.position(of: value), width = TextMetrics.width(label, fontSize: size)
                let spots = [
                    LabelSpot(box: PlotBox(minX: plot.minX + 6, minY: y - 3 - height, maxX: plot.minX + 6 + width, maxY: y - 3),
                              x: plot.minX + 6, y: y - 6, anchor: "start"),
                    LabelSpot(box: PlotBox(minX: plot.maxX - 6 - width, minY: y - 3 - height, maxX: plot.maxX - 6, maxY: y - 3),
                              x: plot.maxX - 6, y: y - 6, anchor: "end"),
                    LabelSpot(box: PlotBox(minX: plot.minX + 6, minY: y + 3, maxX: plot.minX + 6 + width, maxY: y + 3 + height),
                              x: plot.minX + 6, y: y + 3 + size, anchor: "start"),
                    LabelSpot(box: PlotBox(minX: plot.maxX - 6 - width, minY: y + 3, maxX: plot.maxX - 6, maxY: y + 3 + height),
                              x: plot.maxX - 6, y: y + 3 + size, anchor: "end"),
                ]
                write(&svg, label, spots[placer.place(spots.map(\.box))], color: style.color)
            case .verticalRule(let value, let label, let style) where layout.x.contains(value) && !label.isEmpty:
                let x = layout.x.position(of: value), length = TextMetrics.width(label, fontSize: size)
                // Rotated text reads bottom to top; its glyphs lie left of its baseline.
                let leftBaseline = x - 5, rightBaseline = x + 5 + size
                func spot(baseline: Double, top: Bool) -> LabelSpot {
                    let box = PlotBox(minX: baseline - size, minY: top ? plot.minY + 6 : plot.maxY - 6 - length,
                                      maxX: baseline + 3, maxY: top ? plot.minY + 6 + length : plot.maxY - 6)
                    return LabelSpot(box: box, x: baseline, y: top ? plot.minY + 6 : plot.maxY - 6,
                                     anchor: top ? "end" : "start", rotated: true)
                }
                let sides = x > (plot.minX + plot.maxX) / 2 ? [leftBaseline, rightBaseline] : [rightBaseline, leftBaseline]
                let spots = sides.flatMap { [spot(baseline: $0, top: true), spot(baseline: $0, top: false)] }
                write(&svg, label, spots[placer.place(spots.map(\.box))], color: style.color)
            case .annotation(let x, let y, let text):
                let anchor = pixel(x, y, offset: 0, layout)
                let width = TextMetrics.width(text, fontSize: size)
                let spots = annotationSpots(x: anchor.x, y: anchor.y, width: width, height: height)
                let spot = spots[placer.place(spots.map(\.box))]
                svg.element("circle", [("cx", n(anchor.x)), ("cy", n(anchor.y)), ("r", "9"), ("fill", "none"),
                                       ("stroke", PlotColor.ink.svg), ("stroke-width", "1.2")])
                let target = spot.box.nearestPoint(toX: anchor.x, y: anchor.y)
                let dx = target.x - anchor.x, dy = target.y - anchor.y
                let distance = (dx * dx + dy * dy).squareRoot()
                if distance > 12 {
                    let start = (anchor.x + dx / distance * 9, anchor.y + dy / distance * 9)
                    svg.element("line", line(start.0, start.1, target.x, target.y, LineStyle(color: .grey, width: 0.8)))
                }
                svg.element("rect", [("x", n(spot.box.minX - 2)), ("y", n(spot.box.minY)), ("width", n(spot.box.width + 4)),
                                     ("height", n(spot.box.height)), ("fill", "white"), ("fill-opacity", "0.85")])
                write(&svg, text, spot, color: .ink)
            default:
                continue
            }
        }
        svg.close("g")
    }

    /// Positions around a point, nearest first: right, above-right, below-right, left, above-left, below-left,
    /// above, below — at 10, 24 and 44 px.
    private func annotationSpots(x: Double, y: Double, width: Double, height: Double) -> [LabelSpot] {
        let baseline = height * 0.72
        return [10.0, 24, 44].flatMap { distance -> [LabelSpot] in
            let diagonal = distance * 0.75
            let right = PlotBox(minX: x + distance, minY: y - height / 2, maxX: x + distance + width, maxY: y + height / 2)
            let aboveRight = PlotBox(minX: x + diagonal, minY: y - diagonal - height, maxX: x + diagonal + width, maxY: y - diagonal)
            let belowRight = PlotBox(minX: x + diagonal, minY: y + diagonal, maxX: x + diagonal + width, maxY: y + diagonal + height)
            let left = PlotBox(minX: x - distance - width, minY: y - height / 2, maxX: x - distance, maxY: y + height / 2)
            let aboveLeft = PlotBox(minX: x - diagonal - width, minY: y - diagonal - height, maxX: x - diagonal, maxY: y - diagonal)
            let belowLeft = PlotBox(minX: x - diagonal - width, minY: y + diagonal, maxX: x - diagonal, maxY: y + diagonal + height)
            let above = PlotBox(minX: x - width / 2, minY: y - distance - height, maxX: x + width / 2, maxY: y - distance)
            let below = PlotBox(minX: x - width / 2, minY: y + distance, maxX: x + width / 2, maxY: y + distance + height)
            return [right, aboveRight, belowRight].map { LabelSpot(box: $0, x: $0.minX, y: $0.minY + baseline, anchor: "start") }
                + [left, aboveLeft, belowLeft].map { LabelSpot(box: $0, x: $0.maxX, y: $0.minY + baseline, anchor: "end") }
                + [above, below].map { LabelSpot(box: $0, x: x, y: $0.minY + baseline, anchor: "middle") }
        }
    }

    private func write(_ svg: inout SVGWriter, _ text: String, _ spot: LabelSpot, color: PlotColor) {
        let n = SVGWriter.number
        var attributes = [("x", n(spot.x)), ("y", n(spot.y))]
        if spot.rotated { attributes.append(("transform", "rotate(-90 \(n(spot.x)) \(n(spot.y)))")) }
        attributes += [("text-anchor", spot.anchor), ("fill", color.svg)]
        svg.element("text", attributes, text: text)
    }
}
