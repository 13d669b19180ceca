// GEMM with tiny blocks (so small matrices cross every block boundary and take every path: several column,
// depth and row blocks, parallel packing, depth split) against the reference, and the promise the engine relies
// on: the same bits for 1, 2 and 3 threads.

import Testing
import PareEngine

@Suite("GEMM blocking and threads")
struct GEMMThreadingTests {
    /// Blocks far smaller than the defaults, everything parallel, A and B read in place wherever their layout
    /// allows, no depth split.
    static let tinyBlocks = GEMMBlocking(
        maximumDepthBlock: 5, rowBlock: 12, columnBlock: 32, inPlaceAMaximumPanelFloats: .max,
        inPlaceBMaximumRows: .max, parallelMinimumFlops: 0, depthSplitParts: 3, depthSplitMinimumDepth: .max,
        depthSplitMaximumOutput: 0)
    /// Tiny blocks with A packed unless there is one panel, B packed unless lane-blocked, and every product
    /// depth-split into 3 parts.
    static let tinyDepthSplit = GEMMBlocking(
        maximumDepthBlock: 4, rowBlock: 12, columnBlock: 32, inPlaceAMaximumPanelFloats: 0,
        inPlaceBMaximumRows: 0, parallelMinimumFlops: 0, depthSplitParts: 3, depthSplitMinimumDepth: 1,
        depthSplitMaximumOutput: .max)
    static let sizes = [1, 7, 13, 17, 33, 40]

    @Test("tiny blocks and depth split match the reference, bit-identical for 1, 2 and 3 threads",
          arguments: [false, true])
    func tinyBlocksMatchReferenceForEveryThreadCount(depthSplit: Bool) {
        let blocking = depthSplit ? Self.tinyDepthSplit : Self.tinyBlocks
        let layouts = GEMMTests.transpositionCases
        var random = GEMMTestRandom(seed: depthSplit ? 11 : 12)
        let workspace = GEMMWorkspace()
        var failures: [String] = []
        var index = 0
        for m in Self.sizes {
            for n in Self.sizes {
                for k in Self.sizes {
                    let (aLayout, bLayout) = layouts[index % layouts.count]
                    let beta: Float = index / layouts.count % 2 == 0 ? 0 : 1
                    index += 1
                    let a = GEMMTestMatrix(rows: m, columns: k, layout: aLayout, random: &random)
                    let b = GEMMTestMatrix(rows: k, columns: n, layout: bLayout, random: &random)
                    let c = GEMMTestMatrix(rows: m, columns: n, layout: .rowMajor, random: &random)
                    if let failure = gemmMismatch(alpha: -1.25, a: a, b: b, beta: beta, c: c, threads: 2,
                                                  blocking: blocking, workspace: workspace) {
                        failures.append(failure)
                    }
                    if let failure = threadCountChangesBits(a: a, b: b, beta: beta, c: c, blocking: blocking,
                                                            workspace: workspace) {
                        failures.append(failure)
                    }
                }
            }
        }
        expectNoMismatches(failures)
    }

    @Test("default blocking: parallel blocked and depth-split products are bit-identical for 1 and 2 threads",
          arguments: [(m: 70, n: 100, k: 300), (m: 9, n: 32, k: 8000), (m: 200, n: 10, k: 1030)])
    func defaultBlockingIsThreadIndependent(shape: (m: Int, n: Int, k: Int)) {
        // 4.2 MFLOP (parallel blocked, above the 4 MFLOP threshold), 4.6 MFLOP with K ≥ 2048 (depth split),
        // 4.1 MFLOP with a single column panel (A read in place).
        var random = GEMMTestRandom(seed: 5)
        let workspace = GEMMWorkspace()
        let a = GEMMTestMatrix(rows: shape.m, columns: shape.k, layout: .rowMajor, random: &random)
        let b = GEMMTestMatrix(rows: shape.k, columns: shape.n, layout: .columnMajor, random: &random)
        let c = GEMMTestMatrix(rows: shape.m, columns: shape.n, layout: .rowMajor, random: &random)
        var failures: [String] = []
        if let failure = threadCountChangesBits(a: a, b: b, beta: 1, c: c, blocking: .standard, workspace: workspace) {
            failures.append(failure)
        }
        if let failure = gemmMismatch(alpha: 1, a: a, b: b, beta: 1, c: c, threads: 2, blocking: .standard,
                                      workspace: workspace) {
            failures.append(failure)
        }
        expectNoMismatches(failures)
    }

    /// Runs the product with 1, 2 and 3 threads on copies of C; describes the first difference in bits, or nil.
    private func threadCountChangesBits(a: GEMMTestMatrix, b: GEMMTestMatrix, beta: Float, c: GEMMTestMatrix,
                                        blocking: GEMMBlocking, workspace: GEMMWorkspace) -> String? {
        var results: [[UInt32]] = []
        for threads in 1...3 {
            let output = c.copy()
            GEMM.multiply(alpha: -1.25, a.operand, b.operand, beta: beta, into: output.operand, threads: threads,
                          workspace: workspace, blocking: blocking)
            results.append(output.bits)
        }
        for threads in 2...3 where results[threads - 1] != results[0] {
            return "M=\(a.rows) N=\(b.columns) K=\(a.columns) A=\(a.layout) B=\(b.layout) beta=\(beta): "
                + "\(threads) threads differ from 1 thread in the bits of C"
        }
        return nil
    }
}
