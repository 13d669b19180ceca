// GEMMPlan: the decisions GEMM takes from a product's shape — depth split, threading, whether A is read in
// place — made in one place, and never dependent on the thread count where that would change the result.
// (Computing Cᵀ = Bᵀ·Aᵀ for N = 10 fills tiles better, but packing the transposed operand cost more than it
// saved: 31 against 48 GFLOP/s for 128×512·512×10, so there is no orientation choice.)

/// How one `GEMM.multiply` call will be carried out.
struct GEMMPlan {
    /// The number of depth parts with private partial C (1 = no depth split). Depends on the shape only.
    let depthParts: Int
    /// Work items per parallel region (1 = run on the calling thread). May depend on `threads`: which item
    /// computes a tile never changes how the tile is computed.
    let itemCount: Int
    let blocking: GEMMBlocking

    init(m: Int, n: Int, k: Int, threads: Int, blocking: GEMMBlocking) {
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
