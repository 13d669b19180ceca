// GEMMScale: how a finished tile is combined into C, C = alpha·tile + beta·C, for vectors and single floats.

/// `alpha` and `beta` of `C = alpha·A·B + beta·C`; `beta == 0` means C is not read (it may hold NaN).
struct GEMMScale {
    let alpha: Float
    let beta: Float
    // The float comparisons, made once: per element they showed up in profiles of edge-tile stores.
    private let overwrites: Bool
    private let adds: Bool
    private let isUnscaled: Bool

    init(alpha: Float, beta: Float) {
        self.alpha = alpha
        self.beta = beta
        overwrites = beta == 0
        adds = beta == 1
        isUnscaled = alpha == 1
    }

    /// The scale for depth blocks after the first: add to what the first block stored.
    var accumulating: GEMMScale { GEMMScale(alpha: alpha, beta: 1) }

    /// `alpha·sum + beta·old` for 16 columns; `old` is read only when `beta != 0`.
    @inline(__always)
    func combine(_ sum: SIMD16<Float>, old: UnsafePointer<Float>) -> SIMD16<Float> {
        if overwrites { return isUnscaled ? sum : sum * alpha }
        let previous = loadVector(old)
        if adds { return isUnscaled ? previous + sum : previous.addingProduct(sum, alpha) }
        return (previous * beta).addingProduct(sum, alpha)
    }

    /// The scalar twin of `combine`, rounding exactly like each lane of the vector version.
    @inline(__always)
    func combine(_ sum: Float, old: UnsafePointer<Float>) -> Float {
        if overwrites { return isUnscaled ? sum : sum * alpha }
        let previous = old.pointee
        if adds { return isUnscaled ? previous + sum : previous.addingProduct(sum, alpha) }
        return (previous * beta).addingProduct(sum, alpha)
    }
}
