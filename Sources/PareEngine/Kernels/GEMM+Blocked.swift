// GEMM+Blocked: the Goto/BLIS loop nest around the micro-kernel and its split into parallel work items.
// Per (column block NC, depth block KC): pack B once (shared; in parallel when large), then each work item takes
// whole 6-row tiles or whole 16-column panels of C and either packs MC rows of A at a time and sweeps panels ×
// tiles, or reads A in place one 6-row strip at a time across all panels. A tile's arithmetic does not depend on
// which item computes it, or on whether A or B was packed, so any item count gives the same bits.
//
// Legend: i = first row of a tile or row block, j = first column of a panel, t = work item.

import Dispatch

extension GEMM {
    /// Runs the whole product on `plan.itemCount` work items sharing one packed B block.
    static func multiplyBlocked(_ problem: GEMMProblem, plan: GEMMPlan, workspace: GEMMWorkspace) {
        let blocking = plan.blocking
        let depthBlockSize = GEMMSplit(0..<problem.k, maximumPiece: blocking.maximumDepthBlock).size
        workspace.reserve(sharedFloats: depthBlockSize * min(blocking.columnBlock, roundedUp(problem.n, 16)),
                          items: plan.itemCount,
                          layout: GEMMItemLayout(packedAFloats: packedARows(problem, blocking) * depthBlockSize,
                                                 packedBFloats: 0, partialFloats: 0))
        let buffers = workspace.pointers
        multiplyBlocks(problem, depth: 0..<problem.k, scale: problem.scale, items: 0..<plan.itemCount,
                       packedB: buffers.shared, buffers: buffers, blocking: blocking)
    }

    /// Rows of A one item packs at a time (a multiple of 6).
    static func packedARows(_ problem: GEMMProblem, _ blocking: GEMMBlocking) -> Int {
        min(blocking.rowBlock, roundedUp(problem.m, 6))
    }

    /// `C = scale(A[:, depth] · B[depth, :], C)` on the workspace items `items`, with B blocks packed into
    /// `packedB`.
    static func multiplyBlocks(_ problem: GEMMProblem, depth: Range<Int>, scale: GEMMScale, items: Range<Int>,
                               packedB: UnsafeMutablePointer<Float>, buffers: GEMMWorkspacePointers,
                               blocking: GEMMBlocking) {
        let depthBlocks = GEMMSplit(depth, maximumPiece: blocking.maximumDepthBlock)
        for j in stride(from: 0, to: problem.n, by: blocking.columnBlock) {
            let columns = j..<min(problem.n, j + blocking.columnBlock)
            for blockIndex in 0..<depthBlocks.count {
                let source = GEMMPanelSource(b: problem.b, columns: columns, depth: depthBlocks[blockIndex],
                                             packed: packedB, outputRows: problem.m, blocking: blocking)
                let blockScale = blockIndex == 0 ? scale : scale.accumulating
                packPanels(source, itemCount: items.count)
                computeBlock(problem, source: source, scale: blockScale, items: items, buffers: buffers,
                             blocking: blocking)
            }
        }
    }

    /// Packs the block's B panels, split over the items when there is enough to copy.
    private static func packPanels(_ source: GEMMPanelSource, itemCount: Int) {
        let parallelPackingMinimumFloats = 1 << 16  // ~256 KB: below this a parallel round trip costs more
        guard itemCount > 1, source.panels.count * 16 * source.depth.count >= parallelPackingMinimumFloats else {
            source.pack(source.panels)
            return
        }
        let split = GEMMSplit(source.panels, pieces: itemCount)
        forEachItem(itemCount, inParallel: true) { t in source.pack(split[t]) }
    }

    /// Computes every tile of the block, split into whole tiles (rows) or whole panels (columns) per item,
    /// whichever leaves the busiest item the fewest tiles (rows on a tie: A is then packed only once).
    private static func computeBlock(_ problem: GEMMProblem, source: GEMMPanelSource, scale: GEMMScale,
                                     items: Range<Int>, buffers: GEMMWorkspacePointers, blocking: GEMMBlocking) {
        let itemCount = items.count, rowTiles = (problem.m + 5) / 6, panels = source.panels
        let rowSplit = GEMMSplit(0..<rowTiles, pieces: itemCount)
        let panelSplit = GEMMSplit(panels, pieces: itemCount)
        let splitsRows = rowSplit.size * panels.count <= panelSplit.size * rowTiles
        let firstItem = items.lowerBound
        forEachItem(itemCount, inParallel: true) { t in
            let itemBuffers = buffers.item(firstItem + t)
            if splitsRows {
                let tiles = rowSplit[t]
                let end = min(problem.m, 6 * tiles.upperBound)
                let rows = min(end, 6 * tiles.lowerBound)..<end
                computeTiles(problem, rows: rows, panels: panels, source: source, scale: scale,
                             buffers: itemBuffers, blocking: blocking)
            } else {
                computeTiles(problem, rows: 0..<problem.m, panels: panelSplit[t], source: source, scale: scale,
                             buffers: itemBuffers, blocking: blocking)
            }
        }
    }

    /// Runs `body(t)` for `t` in `0..<count`: on Dispatch's pool when `inParallel` and there is more than one
    /// item, else one after the other on the calling thread.
    static func forEachItem(_ count: Int, inParallel: Bool, _ body: @Sendable (Int) -> Void) {
        if inParallel && count > 1 {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        } else {
            for t in 0..<count { body(t) }
        }
    }

    /// The tiles `rows` × `panels` of C over the source's depth block. `rows` starts on a multiple of 6.
    private static func computeTiles(_ problem: GEMMProblem, rows: Range<Int>, panels: Range<Int>,
                                     source: GEMMPanelSource, scale: GEMMScale, buffers: GEMMItemBuffers,
                                     blocking: GEMMBlocking) {
        guard !rows.isEmpty, !panels.isEmpty else { return }
        let a = problem.a, depth = source.depth, kc = depth.count
        if GEMMPlan.readsAInPlace(a: a, source: source, blocking: blocking) {
            // Strip of 6 rows outermost: each strip of A comes from memory once, in address order, and stays in
            // L1 for every panel; the few packed B panels stay in L2.
            for i in stride(from: rows.lowerBound, to: rows.upperBound, by: 6) {
                let strip = UnsafePointer(a.address(row: i, column: depth.lowerBound))
                for panel in panels {
                    let target = GEMMTileTarget(c: problem.c, row: i, column: 16 * panel,
                                                rows: min(6, rows.upperBound - i), columns: source.width(of: panel),
                                                scale: scale, scratch: buffers.scratch)
                    let b = source.panel(panel)
                    GEMMTile.multiplyStrided(depth: kc, a: strip, aRowStride: a.rowStride,
                                             aDepthStride: a.columnStride, b: b.pointer, bDepthStride: b.depthStride,
                                             into: target)
                }
            }
            return
        }
        let rowBlock = packedARows(problem, blocking)
        for blockStart in stride(from: rows.lowerBound, to: rows.upperBound, by: rowBlock) {
            let blockRows = blockStart..<min(rows.upperBound, blockStart + rowBlock)
            a.packRowPanels(rows: blockRows, depth: depth, into: buffers.packedA)
            for panel in panels {
                let b = source.panel(panel), width = source.width(of: panel)
                var packedA = UnsafePointer(buffers.packedA)
                for i in stride(from: blockRows.lowerBound, to: blockRows.upperBound, by: 6) {
                    let target = GEMMTileTarget(c: problem.c, row: i, column: 16 * panel,
                                                rows: min(6, blockRows.upperBound - i), columns: width, scale: scale,
                                                scratch: buffers.scratch)
                    if b.depthStride == 16 {
                        GEMMTile.multiplyPacked(depth: kc, a: packedA, b: b.pointer, into: target)
                    } else {
                        GEMMTile.multiplyStrided(depth: kc, a: packedA, aRowStride: 1, aDepthStride: 6,
                                                 b: b.pointer, bDepthStride: b.depthStride, into: target)
                    }
                    packedA += 6 * kc
                }
            }
        }
    }

    /// `value` rounded up to a multiple of `multiple`.
    static func roundedUp(_ value: Int, _ multiple: Int) -> Int { (value + multiple - 1) / multiple * multiple }
}
