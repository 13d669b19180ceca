// The real inputs of one pooling window: where they start in a lane-layout plane, and their pooled value.

/// The inputs of one pooling window in one `[H][W][16]` plane, clipped to the input (padding is never an input).
struct PoolingWindowInputs {
    /// The plane's first float, `[H][W][16]`.
    let plane: UnsafePointer<Float>
    /// Columns of the plane.
    let inputWidth: Int
    /// The window's input rows.
    let rows: Range<Int>
    /// The window's input columns.
    let columns: Range<Int>

    /// How many real inputs the window has.
    var count: Int { rows.count * columns.count }

    /// The float offset in the plane of row `row`'s first input in the window.
    @inline(__always)
    func offset(row: Int) -> Int { (row * inputWidth + columns.lowerBound) * LaneLayout.laneCount }

    /// The window's output under `rule`: its inputs folded in row-major order, then finished.
    @inline(__always)
    func pooled<Rule: PoolingRule>(by rule: Rule.Type) -> Lanes {
        var reduction = Rule.start
        for row in rows {
            var input = plane + offset(row: row)
            for _ in columns {
                reduction = Rule.including(loadLanes(input), in: reduction)
                input += LaneLayout.laneCount
            }
        }
        return Rule.output(of: reduction, inputCount: count)
    }
}
