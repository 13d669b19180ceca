// Renders a Chart as SVG 1.1: frame, grid and ticks, marks clipped to the plot, points, labels placed to
// avoid overlaps, and the legend.

extension Chart {
    /// The chart as a standalone SVG 1.1 document (UTF-8, no scripts, no external resources).
    public func svg() -> String {
        let layout = self.layout
        let n = SVGWriter.number
        var svg = SVGWriter()
        svg.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("version", "1.1"),
                         ("width", n(layout.width)), ("height", n(layout.height)),
                         ("viewBox", "0 0 \(n(layout.width)) \(n(layout.height))"),
                         ("font-family", "DejaVu Sans, Verdana, Arial, sans-serif"), ("font-size", n(Self.textSize))])
        svg.element("title", text: title)
        svg.open("defs")
        svg.open("clipPath", [("id", "plot-clip")])
        svg.element("rect", rectangle(layout.plot))
        svg.close("clipPath")
        svg.close("defs")
        svg.element("rect", [("width", n(layout.width)), ("height", n(layout.height)), ("fill", "white")])
        svg.element("text", [("x", n(layout.plot.minX)), ("y", "26"), ("font-size", n(Self.titleSize)), ("font-weight", "bold"),
                             ("fill", PlotColor.ink.svg)], text: title)
        if let subtitle {
            svg.element("text", [("x", n(layout.plot.minX)), ("y", "46"), ("fill", PlotColor.grey.svg)], text: subtitle)
        }
        drawGrid(&svg, layout)
        svg.element("rect", [("class", "plot-area")] + rectangle(layout.plot)
                    + [("fill", "none"), ("stroke", PlotColor.ink.svg), ("stroke-width", "1")])
        drawAxes(&svg, layout)
        let pointBoxes = drawMarks(&svg, layout)
        drawLabels(&svg, layout, occupied: pointBoxes)
        drawLegend(&svg, layout)
        svg.close("svg")
        return svg.document
    }

    private func rectangle(_ box: PlotBox) -> [(String, String)] {
        [("x", SVGWriter.number(box.minX)), ("y", SVGWriter.number(box.minY)),
         ("width", SVGWriter.number(box.width)), ("height", SVGWriter.number(box.height))]
    }

    private func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ style: LineStyle) -> [(String, String)] {
        let n = SVGWriter.number
        var attributes = [("x1", n(x1)), ("y1", n(y1)), ("x2", n(x2)), ("y2", n(y2)),
                          ("stroke", style.color.svg), ("stroke-width", n(style.width))]
        if !style.dashes.isEmpty { attributes.append(("stroke-dasharray", style.dashes.map(n).joined(separator: " "))) }
        return attributes
    }

    // MARK: grid and axes

    private func drawGrid(_ svg: inout SVGWriter, _ layout: Layout) {
        let grid = LineStyle(color: .grid, width: 1)
        svg.open("g", [("class", "grid")])
        for tick in xAxis.ticks where layout.x.contains(tick) {
            let x = layout.x.position(of: tick)
            svg.element("line", line(x, layout.plot.minY, x, layout.plot.maxY, grid))
        }
        for tick in yAxis.ticks where layout.y.contains(tick) {
            let y = layout.y.position(of: tick)
            svg.element("line", line(layout.plot.minX, y, layout.plot.maxX, y, grid))
        }
        svg.close("g")
    }

    private func drawAxes(_ svg: inout SVGWriter, _ layout: Layout) {
        let n = SVGWriter.number
        let tick = LineStyle(color: .ink, width: 1)
        let plot = layout.plot

        svg.open("g", [("class", "x-axis")])
        for value in xAxis.minorTicks where layout.x.contains(value) {
            let x = layout.x.position(of: value)
            svg.element("line", line(x, plot.maxY, x, plot.maxY + 3, tick))
        }
        let xTicks = xAxis.ticks.filter(layout.x.contains)
        for value in xTicks {
            let x = layout.x.position(of: value)
            svg.element("line", line(x, plot.maxY, x, plot.maxY + 6, tick))
        }
        for value in thinned(xTicks, layout) {
            svg.element("text", [("x", n(layout.x.position(of: value))), ("y", n(plot.maxY + 20)), ("text-anchor", "middle"),
                                 ("fill", PlotColor.ink.svg)], text: xAxis.label(value))
        }
        svg.element("text", [("x", n((plot.minX + plot.maxX) / 2)), ("y", n(plot.maxY + 44)), ("text-anchor", "middle"),
                             ("font-size", n(Self.axisTitleSize)), ("fill", PlotColor.ink.svg)], text: xAxis.title)
        svg.close("g")

        svg.open("g", [("class", "y-axis")])
        for value in yAxis.minorTicks where layout.y.contains(value) {
            let y = layout.y.position(of: value)
            svg.element("line", line(plot.minX - 3, y, plot.minX, y, tick))
        }
        for value in yAxis.ticks where layout.y.contains(value) {
            let y = layout.y.position(of: value)
            svg.element("line", line(plot.minX - 6, y, plot.minX, y, tick))
            svg.element("text", [("x", n(plot.minX - 9)), ("y", n(y + 4)), ("text-anchor", "end"), ("fill", PlotColor.ink.svg)],
                        text: yAxis.label(value))
        }
        let titleX = 12 + Self.axisTitleSize, titleY = (plot.minY + plot.maxY) / 2
        svg.element("text", [("x", n(titleX)), ("y", n(titleY)), ("transform", "rotate(-90 \(n(titleX)) \(n(titleY)))"),
                             ("text-anchor", "middle"), ("font-size", n(Self.axisTitleSize)), ("fill", PlotColor.ink.svg)],
                    text: yAxis.title)
        svg.close("g")
    }

    /// Every `k`-th x tick, with the smallest `k` at which neighbouring labels keep 8 px apart.
    private func thinned(_ ticks: [Double], _ layout: Layout) -> [Double] {
        var stride = 1
        while stride < ticks.count {
            let kept = ticks.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
            let crowded = zip(kept, kept.dropFirst()).contains { left, right in
                let leftEnd = layout.x.position(of: left) + TextMetrics.width(xAxis.label(left), fontSize: Self.textSize) / 2
                let rightStart = layout.x.position(of: right) - TextMetrics.width(xAxis.label(right), fontSize: Self.textSize) / 2
                return rightStart - leftEnd < 8
            }
            if !crowded { return kept }
            stride += 1
        }
        return Array(ticks.prefix(1))
    }

    // MARK: marks

    /// The pixel position of a data point, pinned inside the frame, and which way it was pinned (-1, 0, 1 per
    /// axis; y = 1 means below the frame).
    private func pixel(_ x: Double, _ y: Double, offset: Double, _ layout: Layout) -> (x: Double, y: Double, outX: Int, outY: Int) {
        let rawX = layout.x.position(of: x) + offset, rawY = layout.y.position(of: y)
        let plot = layout.plot
        let pinnedX = min(max(rawX, plot.minX), plot.maxX), pinnedY = min(max(rawY, plot.minY), plot.maxY)
        let outX = rawX < plot.minX - 0.5 ? -1 : rawX > plot.maxX + 0.5 ? 1 : 0
        let outY = rawY > plot.maxY + 0.5 ? 1 : rawY < plot.minY - 0.5 ? -1 : 0
        return (pinnedX, pinnedY, outX, outY)
    }

    /// Draws lines, rules and error bars (clipped to the plot) and then the points; returns the points' boxes.
    private func drawMarks(_ svg: inout SVGWriter, _ layout: Layout) -> [PlotBox] {
        let n = SVGWriter.number
        svg.open("g", [("class", "lines"), ("clip-path", "url(#plot-clip)")])
        for mark in marks {
            switch mark {
            case .line(let coordinates, let style):
                let pixels = coordinates.map { (layout.x.position(of: $0.x), layout.y.position(of: $0.y)) }
                    .filter { $0.0.isFinite && $0.1.isFinite }
                guard pixels.count > 1 else { continue }
                var attributes = [("points", pixels.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")), ("fill", "none"),
                                  ("stroke", style.color.svg), ("stroke-width", n(style.width)), ("stroke-linejoin", "round")]
                if !style.dashes.isEmpty { attributes.append(("stroke-dasharray", style.dashes.map(n).joined(separator: " "))) }
                svg.element("polyline", attributes)
            case .horizontalRule(let y, _, let style) where layout.y.contains(y):
                let position = layout.y.position(of: y)
                svg.element("line", line(layout.plot.minX, position, layout.plot.maxX, position, style))
            case .verticalRule(let x, _, let style) where layout.x.contains(x):
                let position = layout.x.position(of: x)
                svg.element("line", line(position, layout.plot.minY, position, layout.plot.maxY, style))
            case .points(let points):
                for point in points {
                    guard let bar = point.errorBar else { continue }
                    let x = layout.x.position(of: point.x) + point.pixelOffset
                    let low = layout.y.position(of: bar.lowerBound), high = layout.y.position(of: bar.upperBound)
                    let style = LineStyle(color: point.marker.color, width: 1.2)
                    svg.element("line", line(x, low, x, high, style))
                    svg.element("line", line(x - 3, low, x + 3, low, style))
                    svg.element("line", line(x - 3, high, x + 3, high, style))
                }
            default:
                continue
            }
        }
        svg.close("g")

        var boxes: [PlotBox] = []
        svg.open("g", [("class", "points")])
        for case .points(let points) in marks {
            for point in points {
                let position = pixel(point.x, point.y, offset: point.pixelOffset, layout)
                boxes.append(PlotBox(centerX: position.x, centerY: position.y, radius: Self.markerRadius + 1.5))
                svg.open("g", [("class", "point"), ("transform", "translate(\(n(position.x)),\(n(position.y)))")])
                if !point.note.isEmpty { svg.element("title", text: point.note) }
                drawMarker(&svg, point.marker, crossed: point.crossed)
                if position.outX != 0 || position.outY != 0 {
                    drawArrow(&svg, x: Double(position.outX), y: Double(position.outY), color: point.marker.color)
                }
                svg.close("g")
            }
        }
        svg.close("g")
        return boxes
    }

    /// A marker centred on the origin.
    private func drawMarker(_ svg: inout SVGWriter, _ marker: Marker, crossed: Bool) {
        let n = SVGWriter.number
        let r = Self.markerRadius
        // A thin dark outline keeps light fills (yellow, sky blue) visible on white.
        let paint = [("fill", marker.filled ? marker.color.svg : "white"),
                     ("stroke", marker.filled ? PlotColor.ink.svg : marker.color.svg), ("stroke-width", marker.filled ? "0.6" : "1.6")]
        switch marker.shape {
        case .circle:
            svg.element("circle", [("r", n(r))] + paint)
        case .square:
            svg.element("rect", [("x", n(-0.88 * r)), ("y", n(-0.88 * r)), ("width", n(1.76 * r)), ("height", n(1.76 * r))] + paint)
        case .triangleUp:
            svg.element("path", [("d", "M0,\(n(-1.25 * r))L\(n(1.15 * r)),\(n(0.8 * r))L\(n(-1.15 * r)),\(n(0.8 * r))Z")] + paint)
        case .diamond:
            svg.element("path", [("d", "M0,\(n(-1.3 * r))L\(n(1.2 * r)),0L0,\(n(1.3 * r))L\(n(-1.2 * r)),0Z")] + paint)
        case .triangleDown:
            svg.element("path", [("d", "M0,\(n(1.25 * r))L\(n(1.15 * r)),\(n(-0.8 * r))L\(n(-1.15 * r)),\(n(-0.8 * r))Z")] + paint)
        }
        if crossed {
            let c = r * 0.95
            svg.element("path", [("d", "M\(n(-c)),\(n(-c))L\(n(c)),\(n(c))M\(n(-c)),\(n(c))L\(n(c)),\(n(-c))"),
                                 ("stroke", PlotColor.ink.svg), ("stroke-width", "1.6")])
        }
    }

    /// An arrow from the origin pointing out of the frame in direction (x, y): the value lies beyond the axis.
    private func drawArrow(_ svg: inout SVGWriter, x: Double, y: Double, color: PlotColor) {
        let n = SVGWriter.number
        let tip = (x * 12, y * 12), base = (x * 7, y * 7), side = (-y * 3, x * 3)
        let path = "M\(n(base.0 + side.0)),\(n(base.1 + side.1))L\(n(tip.0)),\(n(tip.1))L\(n(base.0 - side.0)),\(n(base.1 - side.1))"
        svg.element("path", [("class", "beyond-axis"), ("d", path), ("fill", "none"), ("stroke", color.svg), ("stroke-width", "1.5")])
    }

    // MARK: labels

    /// A label position: its box, where the text is anchored, and how.
    private struct LabelSpot {
        var box: PlotBox
        var x: Double
        var y: Double
        var anchor: String
        var rotated: Bool = false
    }

    private func drawLabels(_ svg: inout SVGWriter, _ layout: Layout, occupied: [PlotBox]) {
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

    // MARK: legend

    private func drawLegend(_ svg: inout SVGWriter, _ layout: Layout) {
        guard !legend.isEmpty else { return }
        let n = SVGWriter.number
        svg.open("g", [("class", "legend")])
        for (row, entry) in legend.enumerated() {
            let centre = layout.legendY + Double(row) * Self.legendRowHeight + Self.legendRowHeight / 2
            let textAttributes = [("x", n(layout.legendX + 22)), ("y", n(centre + 4)), ("fill", PlotColor.ink.svg)]
            switch entry {
            case .heading(let text):
                svg.element("text", [("x", n(layout.legendX)), ("y", n(centre + 4)), ("font-weight", "bold"),
                                     ("fill", PlotColor.ink.svg)], text: text)
            case .marker(let marker, let crossed, let label):
                svg.open("g", [("transform", "translate(\(n(layout.legendX + 8)),\(n(centre)))")])
                drawMarker(&svg, marker, crossed: crossed)
                svg.close("g")
                svg.element("text", textAttributes, text: label)
            case .beyondAxis(let marker, let label):
                svg.open("g", [("transform", "translate(\(n(layout.legendX + 8)),\(n(centre - 4)))")])
                drawMarker(&svg, marker, crossed: false)
                drawArrow(&svg, x: 0, y: 1, color: marker.color)
                svg.close("g")
                svg.element("text", textAttributes, text: label)
            case .line(let style, let label):
                svg.element("line", line(layout.legendX, centre, layout.legendX + 16, centre, style))
                svg.element("text", textAttributes, text: label)
            }
        }
        svg.close("g")
    }
}
