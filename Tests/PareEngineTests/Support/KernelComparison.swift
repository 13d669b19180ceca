// Helpers for comparing a fast kernel with its reference twin: random lane-layout buffers and a tolerance
// derived from floating-point summation error bounds.
//
// Tolerance. Both kernels compute the same sums of products in different orders. For a sum whose terms pass
// through at most `depth` roundings (additions or fused multiply-adds) in either order, each result is within
// depth · u · Σ|terms| of the exact sum (u = 2^-24, Higham, "Accuracy and Stability of Numerical Algorithms",
// §4.2), so the two differ by at most (depthFast + depthReference) · u · Σ|terms|. Σ|terms| is computed exactly
// enough by running the *reference* kernel on the absolute values of every operand (sums of non-negative terms
// lose only a relative depth · u). A kernel that drops or doubles a single term of n similar terms is off by
// about Σ|terms| / n, far above the bound for the sizes tested.

import PareEngine

/// Uniform floats in ±1 on every lane of `chunkCount` chunks of `featureCount` features, padding lanes zero
/// beyond `batchSize` samples.
func randomLaneBuffer(batchSize: Int, featureCount: Int, generator: inout SeededGenerator) -> [Float] {
    LaneTensor.random(batchSize: batchSize, featureCount: featureCount, in: -1...1, generator: &generator).values
}

/// The element-wise bound `(depth) · 2^-24 · magnitude[i]` (with 1% slack for the rounding of `magnitude`).
func summationTolerance(magnitude: [Float], depth: Int) -> [Float] {
    magnitude.map { Float(depth) * 0x1p-24 * $0 * 1.01 }
}

/// The first `limit` indices where `fast` and `reference` differ by more than `tolerance`, formatted, plus the
/// count of all such indices.
func mismatches(fast: [Float], reference: [Float], tolerance: [Float], limit: Int = 3) -> (count: Int, lines: [String]) {
    precondition(fast.count == reference.count && reference.count == tolerance.count, "mismatches: length differ")
    var count = 0
    var lines: [String] = []
    for index in fast.indices where !(abs(fast[index] - reference[index]) <= tolerance[index]) {
        count += 1
        if lines.count < limit {
            lines.append("[\(index)] fast \(fast[index]) reference \(reference[index]) tolerance \(tolerance[index])")
        }
    }
    return (count, lines)
}

extension Array where Element == Float {
    /// Element-wise absolute values.
    var magnitudes: [Float] { map { abs($0) } }

    /// Runs `body` with a mutable pointer to the elements.
    mutating func withPointer<R>(_ body: (UnsafeMutablePointer<Float>) -> R) -> R {
        withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }
}
