// GEMMReference: the plain triple loop twin of GEMM, through the same operand views. Obviously correct and slow;
// tests compare GEMM against it over all small shapes.
//
// Legend: i = row of C, j = column of C, p = depth.

/// The naive reference for `GEMM.multiply` (same operands and semantics, no blocking, one thread).
public enum GEMMReference {
    /// Computes `C = alpha·A·B + beta·C` with one Float running sum per element, summed in depth order;
    /// `beta == 0` does not read C.
    public static func multiply(alpha: Float = 1, _ a: GEMMOperand, _ b: GEMMOperand, beta: Float = 0,
                                into c: GEMMOperand) {
        precondition(a.columns == b.rows && c.rows == a.rows && c.columns == b.columns,
                     "GEMMReference: shapes do not chain: A \(a.rows)×\(a.columns), B \(b.rows)×\(b.columns), "
                        + "C \(c.rows)×\(c.columns)")
        for i in 0..<c.rows {
            for j in 0..<c.columns {
                var sum: Float = 0
                for p in 0..<a.columns {
                    sum += a.address(row: i, column: p).pointee * b.address(row: p, column: j).pointee
                }
                let target = c.address(row: i, column: j)
                target.pointee = beta == 0 ? alpha * sum : alpha * sum + beta * target.pointee
            }
        }
    }
}
