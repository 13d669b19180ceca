// GEMMBlocking: the cache-block sizes and the thresholds that decide how a GEMM is cut into work. The defaults
// follow the measurements in ../shared/notes/SWIFT_PERF.md §2 and §7 for a Zen 1 core (32 KiB L1d, 512 KiB L2);
// tests shrink them so that small matrices cross every block boundary.

/// Cache-block sizes and work-splitting thresholds of `GEMM.multiply`.
///
/// None of these values changes which products are summed, only where; the depth-block size and the depth-split
/// rule do change the summation order, and they depend on the shape alone, never on the thread count, so a
/// result is bit-identical for every `threads`.
public struct GEMMBlocking: Sendable {
    /// Largest depth block (KC): a packed 16-column B panel of this depth (16·KC floats) stays in L1. The depth
    /// is cut into equal blocks no larger than this (K = 784 → 2 × 392, K = 288 → one block).
    public var maximumDepthBlock: Int
    /// Rows of A packed at once (MC, a multiple of 6): MC·KC floats stay in L2.
    public var rowBlock: Int
    /// Columns of B packed at once (NC, a multiple of 16): KC·NC floats live in L3.
    public var columnBlock: Int
    /// A linear A is read in place, strip by strip, when the block's packed B panels hold at most this many
    /// floats (they must stay in L2 while A streams past); otherwise MC rows of A are packed.
    public var inPlaceAMaximumPanelFloats: Int
    /// B with 16 consecutive floats per panel row is read in place, not packed, when C has at most this many
    /// rows (each packed panel would serve too few 6-row strips to repay the copy). Lane-blocked B is always
    /// read in place.
    public var inPlaceBMaximumRows: Int
    /// Products with fewer multiply-adds·2 than this run on one thread (a `concurrentPerform` round trip costs
    /// a few microseconds).
    public var parallelMinimumFlops: Int
    /// The number of equal depth parts of a depth-split product (weight gradients of im2col convolutions).
    public var depthSplitParts: Int
    /// A product is depth-split only when its depth is at least this …
    public var depthSplitMinimumDepth: Int
    /// … and its output has at most this many elements.
    public var depthSplitMaximumOutput: Int

    /// Block sizes and thresholds with explicit values; see the properties.
    public init(maximumDepthBlock: Int, rowBlock: Int, columnBlock: Int, inPlaceAMaximumPanelFloats: Int,
                inPlaceBMaximumRows: Int, parallelMinimumFlops: Int,
                depthSplitParts: Int, depthSplitMinimumDepth: Int, depthSplitMaximumOutput: Int) {
        precondition(maximumDepthBlock >= 1, "GEMMBlocking: maximumDepthBlock \(maximumDepthBlock) < 1")
        precondition(rowBlock >= 6 && rowBlock % 6 == 0,
                     "GEMMBlocking: rowBlock \(rowBlock) is not a positive multiple of 6")
        precondition(columnBlock >= 16 && columnBlock % 16 == 0,
                     "GEMMBlocking: columnBlock \(columnBlock) is not a positive multiple of 16")
        precondition(depthSplitParts >= 1, "GEMMBlocking: depthSplitParts \(depthSplitParts) < 1")
        self.maximumDepthBlock = maximumDepthBlock
        self.rowBlock = rowBlock
        self.columnBlock = columnBlock
        self.inPlaceAMaximumPanelFloats = inPlaceAMaximumPanelFloats
        self.inPlaceBMaximumRows = inPlaceBMaximumRows
        self.parallelMinimumFlops = parallelMinimumFlops
        self.depthSplitParts = depthSplitParts
        self.depthSplitMinimumDepth = depthSplitMinimumDepth
        self.depthSplitMaximumOutput = depthSplitMaximumOutput
    }

    /// The tuned defaults for this machine.
    public static let standard = GEMMBlocking(
        maximumDepthBlock: 400, rowBlock: 144, columnBlock: 4080, inPlaceAMaximumPanelFloats: 65536,
        inPlaceBMaximumRows: 24, parallelMinimumFlops: 4_000_000,
        depthSplitParts: 4, depthSplitMinimumDepth: 2048, depthSplitMaximumOutput: 65536)
}
