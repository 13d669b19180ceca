// GEMMPanelSource: where the micro-kernel finds each 16-column panel of B for one (column block, depth block).
// A full panel is read in place when its 16 columns are consecutive floats and B is lane-blocked (the panel
// already is a packed panel) or C has so few rows that packing B would not pay for itself; every other panel,
// and always the short last one, is packed into the block buffer by `pack`.

/// The 16-column panels of B over `columns` × `depth`, packed into `packed` or read in place.
///
/// `@unchecked Sendable` because work items running under `concurrentPerform` read it (and pack disjoint panel
/// ranges into `packed`); raw pointers are not `Sendable`.
struct GEMMPanelSource: @unchecked Sendable {
    let b: GEMMOperand
    let columns: Range<Int>
    let depth: Range<Int>
    /// Room for every panel of the block: `[panel - panels.lowerBound][depth][16]`.
    let packed: UnsafeMutablePointer<Float>
    private let readsInPlace: Bool

    /// Panels of `b` for a product whose C has `outputRows` rows.
    init(b: GEMMOperand, columns: Range<Int>, depth: Range<Int>, packed: UnsafeMutablePointer<Float>,
         outputRows: Int, blocking: GEMMBlocking) {
        precondition(columns.lowerBound & 15 == 0,
                     "GEMM: column block starts at \(columns.lowerBound), not a multiple of 16")
        self.b = b
        self.columns = columns
        self.depth = depth
        self.packed = packed
        readsInPlace = b.columnStride == 1 && b.rowsAreLinear
            && (b.rowStride == 16 || outputRows <= blocking.inPlaceBMaximumRows)
    }

    /// Global indices (column / 16) of the panels of this block.
    var panels: Range<Int> { (columns.lowerBound >> 4)..<((columns.upperBound + 15) >> 4) }

    /// The number of real (not padding) columns of `panel`.
    func width(of panel: Int) -> Int { min(16, columns.upperBound - 16 * panel) }

    /// True when `panel` is read straight from B.
    func isInPlace(_ panel: Int) -> Bool { readsInPlace && width(of: panel) == 16 }

    /// The panel's first row of 16 floats and the distance between its rows (16 when packed).
    @inline(__always)
    func panel(_ panel: Int) -> (pointer: UnsafePointer<Float>, depthStride: Int) {
        if isInPlace(panel) {
            return (UnsafePointer(b.address(row: depth.lowerBound, column: 16 * panel)), b.rowStride)
        }
        return (UnsafePointer(packed + (panel - panels.lowerBound) * 16 * depth.count), 16)
    }

    /// Packs the panels of `range` that are not read in place.
    func pack(_ range: Range<Int>) {
        for panel in range where !isInPlace(panel) {
            b.packColumnPanel(column: 16 * panel, count: width(of: panel), depth: depth,
                              into: packed + (panel - panels.lowerBound) * 16 * depth.count)
        }
    }
}
