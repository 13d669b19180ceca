// GEMM+DepthSplit: long, thin products (an im2col weight gradient sums 73728 positions into a 288×64 C) would need
// a parallel round trip per depth block (185 of them) or leave threads idle (a 9×32 C has 4 tiles). They are cut
// along the depth into a fixed number of parts, each computed start to finish by one work item into its own C
// (part 0 straight into C), then summed in part order. The cut depends on the shape only, so 1 and 2 threads give
// the same bits.

extension GEMM {
    /// Runs the product as `plan.depthParts` independent depth parts, in parallel when `plan.itemCount > 1`.
    static func multiplyDepthSplit(_ problem: GEMMProblem, plan: GEMMPlan, workspace: GEMMWorkspace) {
        let blocking = plan.blocking, m = problem.m, n = problem.n
        let parts = GEMMSplit(0..<problem.k, pieces: plan.depthParts)
        // Part 0 is the longest, so its depth blocks are the largest.
        let depthBlockSize = GEMMSplit(parts[0], maximumPiece: blocking.maximumDepthBlock).size
        workspace.reserve(
            sharedFloats: 0, items: parts.count,
            layout: GEMMItemLayout(packedAFloats: packedARows(problem, blocking) * depthBlockSize,
                                   packedBFloats: depthBlockSize * min(blocking.columnBlock, roundedUp(n, 16)),
                                   partialFloats: m * n))
        let buffers = workspace.pointers
        forEachItem(parts.count, inParallel: plan.itemCount > 1) { part in
            let item = buffers.item(part)
            // Parts after the first hold alpha·(their partial product) in a private row-major [M × N].
            let target = part == 0 ? problem
                : GEMMProblem(a: problem.a, b: problem.b, c: .rowMajor(item.partial, rows: m, columns: n),
                              scale: GEMMScale(alpha: problem.scale.alpha, beta: 0))
            multiplyBlocks(target, depth: parts[part], scale: target.scale, items: part..<(part + 1),
                           packedB: item.packedB, buffers: buffers, blocking: blocking)
        }
        for part in 1..<parts.count {
            let partial = buffers.item(part).partial
            for i in 0..<m {
                for j in 0..<n { problem.c.address(row: i, column: j).pointee += partial[i * n + j] }
            }
        }
    }
}
