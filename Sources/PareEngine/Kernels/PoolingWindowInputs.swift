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
        // Columns counted from the row's first input rather than a stepped pointer: LLVM unrolled the stepped loop
        // by 4 around a remainder, which made max-pool backward (two scans per window) about 5% slower.
        for row in rows {
            let first = plane + offset(row: row)
            for windowColumn in 0..<columns.count {
                reduction = Rule.including(loadLanes(first + windowColumn * LaneLayout.laneCount), in: reduction)
            }
        }
        return Rule.output(of: reduction, inputCount: count)
    }
}
