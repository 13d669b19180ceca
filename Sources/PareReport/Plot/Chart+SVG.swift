// Renders a Chart as SVG 1.1: the document, frame, grid, ticks and axis titles, and the legend (marks and
// labels are in Chart+Marks and Chart+Labels).

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

    func rectangle(_ box: PlotBox) -> [(String, String)] {
        [("x", SVGWriter.number(box.minX)), ("y", SVGWriter.number(box.minY)),
         ("width", SVGWriter.number(box.width)), ("height", SVGWriter.number(box.height))]
    }

    func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ style: LineStyle) -> [(String, String)] {
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
