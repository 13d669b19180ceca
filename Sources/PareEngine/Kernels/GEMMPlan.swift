// GEMMPlan: the decisions GEMM takes from a product's shape before doing any work — orientation, depth split,
// threading — so they are made in one place and never depend on the thread count where that would change the
// result.

/// How one `GEMM.multiply` call will be carried out.
struct GEMMPlan {
    /// Compute `Cᵀ = Bᵀ·Aᵀ` instead (same products, same summation order, better tile fill for some shapes).
    let transposesProblem: Bool
    /// The number of depth parts with private partial C (1 = no depth split). Depends on the shape only.
    let depthParts: Int
    /// Work items per parallel region (1 = run on the calling thread). May depend on `threads`: which item
    /// computes a tile never changes how the tile is computed.
    let itemCount: Int
    let blocking: GEMMBlocking

    init(a: GEMMOperand, b: GEMMOperand, c: GEMMOperand, threads: Int, blocking: GEMMBlocking) {
        let m = a.rows, n = b.columns, k = a.columns
        transposesProblem = false
        let isLongAndThin = k >= blocking.depthSplitMinimumDepth && m * n <= blocking.depthSplitMaximumOutput
        depthParts = isLongAndThin ? min(blocking.depthSplitParts, k) : 1
        let flops = 2 * m * n * k
        itemCount = threads > 1 && flops >= blocking.parallelMinimumFlops ? 2 * threads : 1
        self.blocking = blocking
    }
}

extension GEMMPlan {
    /// True when the micro-kernel reads A where it is, one 6-row strip at a time across all of the block's
    /// panels, instead of packing MC rows: A must be linear in both directions, and either there is a single
    /// panel (every value of A is used once, packing would only add a copy) or the packed B block is small
    /// enough to stay in L2 while the strips stream past it.
    static func readsAInPlace(a: GEMMOperand, source: GEMMPanelSource, blocking: GEMMBlocking) -> Bool {
        guard a.rowsAreLinear && a.columnsAreLinear else { return false }
        let panelFloats = source.panels.count * 16 * source.depth.count
        return source.panels.count == 1 || panelFloats <= blocking.inPlaceAMaximumPanelFloats
    }
}

/// A range cut into `count` consecutive pieces of `size` elements (the last ones may be shorter or empty).
struct GEMMSplit {
    let range: Range<Int>
    let count: Int
    let size: Int

    /// The fewest equal pieces of at most `maximumPiece` elements (at least one piece).
    init(_ range: Range<Int>, maximumPiece: Int) {
        self.range = range
        count = max(1, (range.count + maximumPiece - 1) / maximumPiece)
        size = (range.count + count - 1) / count
    }

    /// Exactly `pieces` pieces of equal size, rounded up.
    init(_ range: Range<Int>, pieces: Int) {
        self.range = range
        count = pieces
        size = (range.count + pieces - 1) / pieces
    }

    subscript(index: Int) -> Range<Int> {
        let start = min(range.upperBound, range.lowerBound + index * size)
        return start..<min(range.upperBound, start + size)
    }
}
