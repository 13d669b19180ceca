// Max pooling as a `PoolingRule`: the window maximum forward, the first maximum's gradient backward.

/// Max pooling: padded positions never win (TensorFlow pads with −∞), and each lane's output gradient goes to
/// the *first* maximum of its window in row-major order (ties broken like TensorFlow's CPU kernel).
///
/// Backward uses per-lane masks (compare with the window maximum, then select) instead of the reference's per-lane
/// scalar scatter, with the same result.
enum MaxPoolingRule: PoolingRule {
    /// The window maximum, the gradient, and the lanes whose first maximum is still to come.
    struct GradientRoute {
        let maximum: Lanes
        let outputGradient: Lanes
        var pending: SIMDMask<Lanes.MaskStorage>
    }

    /// −∞, which every real input beats or ties.
    @inline(__always)
    static var start: Lanes { Lanes(repeating: -.infinity) }

    /// The larger of the two, per lane; a tie keeps the earlier input.
    @inline(__always)
    static func including(_ input: Lanes, in reduction: Lanes) -> Lanes {
        reduction.replacing(with: input, where: input .> reduction)
    }

    /// The maximum itself.
    @inline(__always)
    static func output(of reduction: Lanes, inputCount: Int) -> Lanes { reduction }

    /// Finds the window maximum again (backward keeps no argmax between passes).
    @inline(__always)
    static func route(_ outputGradient: Lanes, over inputs: PoolingWindowInputs) -> GradientRoute {
        let maximum = inputs.pooled(by: MaxPoolingRule.self)
        // The reference's strict `>` from −∞ never picks a −∞ input: lanes whose maximum is −∞ get nothing.
        return GradientRoute(maximum: maximum, outputGradient: outputGradient, pending: maximum .> -.infinity)
    }

    /// The whole gradient in the lanes where `input` is the first maximum, zero elsewhere.
    @inline(__always)
    static func share(of route: inout GradientRoute, forInputAt input: UnsafePointer<Float>) -> Lanes {
        let isFirstMaximum = route.pending .& (loadLanes(input) .== route.maximum)
        route.pending = route.pending .& .!isFirstMaximum
        return Lanes().replacing(with: route.outputGradient, where: isFirstMaximum)
    }
}
