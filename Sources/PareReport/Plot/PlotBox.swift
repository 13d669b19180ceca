// Axis-aligned rectangles in pixels, for laying out labels without overlaps.

/// A rectangle in SVG pixels (y grows downwards).
struct PlotBox: Hashable, Sendable {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = min(minX, maxX)
        self.minY = min(minY, maxY)
        self.maxX = max(minX, maxX)
        self.maxY = max(minY, maxY)
    }

    /// A square of half-size `radius` around a centre.
    init(centerX: Double, centerY: Double, radius: Double) {
        self.init(minX: centerX - radius, minY: centerY - radius, maxX: centerX + radius, maxY: centerY + radius)
    }

    var width: Double { maxX - minX }
    var height: Double { maxY - minY }

    /// The area both boxes cover (0 when they are apart).
    func overlap(_ other: PlotBox) -> Double {
        let width = min(maxX, other.maxX) - max(minX, other.minX)
        let height = min(maxY, other.maxY) - max(minY, other.minY)
        return width > 0 && height > 0 ? width * height : 0
    }

    /// The area of this box outside `frame`.
    func areaOutside(_ frame: PlotBox) -> Double { width * height - overlap(frame) }

    /// The point of the box nearest to (x, y).
    func nearestPoint(toX x: Double, y: Double) -> (x: Double, y: Double) {
        (Swift.min(Swift.max(x, minX), maxX), Swift.min(Swift.max(y, minY), maxY))
    }
}
