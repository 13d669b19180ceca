// GEMM: Pare's single-precision matrix multiply, C = alpha·A·B + beta·C, in pure Swift. It serves the forward pass
// (Y = W·X), the weight gradient (dW = dY·Xᵀ) and the input gradient (dX = Wᵀ·dY) of dense layers and of im2col
// convolutions, on row-major matrices, their transposes and lane-blocked activations alike (see GEMMOperand).
//
// Algorithm (Goto/BLIS; SWIFT_PERF.md §2): C is cut into column blocks of NC, the depth into balanced blocks of at
// most KC. Per (column block, depth block) B is packed once into 16-column panels — or read in place when it is
// lane-blocked or C has few rows — then work items run the 6×16 micro-kernel over 6-row strips of A: packed MC rows
// at a time, or read in place when A is a plain (transposed) matrix and the block's B panels fit in L2. Long,
// thin products (im2col weight gradients) are depth-split into a fixed number of parts summed in a fixed order.
// See GEMM+Blocked.swift, GEMM+DepthSplit.swift and GEMMPlan.swift.

/// Pare's single-precision matrix multiply (SGEMM) over `GEMMOperand` views.
public enum GEMM {
    /// Computes `C = alpha·A·B + beta·C` for `A: [M × K]`, `B: [K × N]`, `C: [M × N]`.
    ///
    /// - Parameters:
    ///   - alpha: scale of the product.
    ///   - a: the left factor, `[M × K]` (use `.transposed` for Aᵀ).
    ///   - b: the right factor, `[K × N]`.
    ///   - beta: scale of the old C; `0` overwrites C without reading it (it may hold garbage), `1` accumulates
    ///     (weight gradients over several batches).
    ///   - c: the output `[M × N]`; must not overlap A or B.
    ///   - threads: `1` runs on the calling thread; more splits products of at least
    ///     `blocking.parallelMinimumFlops` into `2·threads` work items on Dispatch's pool. The result is
    ///     bit-identical for every value.
    ///   - workspace: packing buffers, reused across calls (one call at a time per workspace).
    ///   - blocking: cache-block sizes and thresholds; the default is tuned for this machine.
    public static func multiply(alpha: Float = 1, _ a: GEMMOperand, _ b: GEMMOperand, beta: Float = 0,
                                into c: GEMMOperand, threads: Int = 1, workspace: GEMMWorkspace,
                                blocking: GEMMBlocking = .standard) {
        precondition(a.columns == b.rows && c.rows == a.rows && c.columns == b.columns,
                     "GEMM: shapes do not chain: A \(a.rows)×\(a.columns), B \(b.rows)×\(b.columns), "
                        + "C \(c.rows)×\(c.columns)")
        precondition(threads >= 1, "GEMM: threads must be at least 1, got \(threads)")
        if c.rows == 0 || c.columns == 0 { return }
        let scale = GEMMScale(alpha: alpha, beta: beta)
        if a.columns == 0 || alpha == 0 {
            scaleOutput(c, by: beta)
            return
        }
        let plan = GEMMPlan(m: a.rows, n: b.columns, k: a.columns, threads: threads, blocking: blocking)
        let problem = GEMMProblem(a: a, b: b, c: c, scale: scale)
        if plan.depthParts > 1 {
            multiplyDepthSplit(problem, plan: plan, workspace: workspace)
        } else {
            multiplyBlocked(problem, plan: plan, workspace: workspace)
        }
    }

    /// `C = beta·C` (the whole product is zero).
    private static func scaleOutput(_ c: GEMMOperand, by beta: Float) {
        for i in 0..<c.rows {
            for j in 0..<c.columns {
                let p = c.address(row: i, column: j)
                p.pointee = beta == 0 ? 0 : beta * p.pointee
            }
        }
    }
}
