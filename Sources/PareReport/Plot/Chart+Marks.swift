// Draws a chart's marks: lines, rules and error bars clipped to the plot, then the points with their markers
// (pinned to the frame, with an arrow, when they lie beyond an axis).

extension Chart {
    /// The pixel position of a data point, pinned inside the frame, and which way it was pinned (-1, 0, 1 per
    /// axis; y = 1 means below the frame).
    func pixel(_ x: Double, _ y: Double, offset: Double, _ layout: Layout) -> (x: Double, y: Double, outX: Int, outY: Int) {
        let rawX = layout.x.position(of: x) + offset, rawY = layout.y.position(of: y)
        let plot = layout.plot
        let pinnedX = min(max(rawX, plot.minX), plot.maxX), pinnedY = min(max(rawY, plot.minY), plot.maxY)
        let outX = rawX < plot.minX - 0.5 ? -1 : rawX > plot.maxX + 0.5 ? 1 : 0
        let outY = rawY > plot.maxY + 0.5 ? 1 : rawY < plot.minY - 0.5 ? -1 : 0
        return (pinnedX, pinnedY, outX, outY)
    }

    /// Draws lines, rules and error bars (clipped to the plot) and then the points; returns the points' boxes.
    func drawMarks(_ svg: inout SVGWriter, _ layout: Layout) -> [PlotBox] {
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
    func drawMarker(_ svg: inout SVGWriter, _ marker: Marker, crossed: Bool) {
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
    func drawArrow(_ svg: inout SVGWriter, x: Double, y: Double, color: PlotColor) {
        let n = SVGWriter.number
        let tip = (x * 12, y * 12), base = (x * 7, y * 7), side = (-y * 3, x * 3)
        let path = "M\(n(base.0 + side.0)),\(n(base.1 + side.1))L\(n(tip.0)),\(n(tip.1))L\(n(base.0 - side.0)),\(n(base.1 - side.1))"
        svg.element("path", [("class", "beyond-axis"), ("d", path), ("fill", "none"), ("stroke", color.svg), ("stroke-width", "1.5")])
    }
}
