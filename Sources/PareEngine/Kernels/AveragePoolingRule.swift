// Average pooling as a `PoolingRule`: the window mean forward, an even split of the gradient backward.

/// Average pooling over the window's *real* inputs: with same padding the mean divides by how many inputs the
/// clipped window holds, like Keras (PyTorch's `AvgPool2d` counts padding unless `count_include_pad=False`).
enum AveragePoolingRule: PoolingRule {
    /// Zero.
    @inline(__always)
    static var start: Lanes { Lanes() }

    /// The running sum.
    @inline(__always)
    static func including(_ input: Lanes, in reduction: Lanes) -> Lanes { reduction + input }

    /// The sum over the real inputs divided by their count.
    @inline(__always)
    static func output(of reduction: Lanes, inputCount: Int) -> Lanes { reduction / Float(inputCount) }

    /// Each input's share, `outputGradient / count`.
    @inline(__always)
    static func route(_ outputGradient: Lanes, over inputs: PoolingWindowInputs) -> Lanes {
        outputGradient / Float(inputs.count)
    }

    /// The same share for every input; the input values do not matter.
    @inline(__always)
    static func share(of route: inout Lanes, forInputAt input: UnsafePointer<Float>) -> Lanes { route }
}
