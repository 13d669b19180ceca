// Where the kernel taps of a convolution fall along one axis (rows or columns), for the forward correlation
// and for its transpose (the input gradient), with taps outside the input clipped away — so borders, same
// padding and strides need no padded copies.
//
// Forward: output position o reads input positions o·s − p + t for taps t in 0..<K (K = kernel length,
// s = stride, p = padding before). Transposed: input position i receives from output positions o with
// i = o·s − p + t, i.e. tap t = i + p − o·s; as o grows by one, t falls by s.

/// The taps one output position reads along one axis: taps `firstTap + j·tapStep` read input positions
/// `firstInput + j` for `j` in `0..<count`.
struct TapRun {
    /// The first kernel tap.
    var firstTap: Int
    /// Taps read (0 when no tap lands inside the input).
    var count: Int
    /// The input position the first tap reads.
    var firstInput: Int
}

/// The tap arithmetic of one axis of a correlation.
struct AxisMapping: Hashable, Sendable {
    /// Kernel length along the axis.
    let kernelLength: Int
    /// Stride of the convolution layer along the axis.
    let stride: Int
    /// Padding before the layer's input along the axis.
    let padBefore: Int
    /// Length of the correlation's input along the axis (the layer input forward, the layer output transposed).
    let inputLength: Int
    /// True for the transposed (input-gradient) direction.
    let isTransposed: Bool

    /// Kernel-tap step between consecutive input positions: 1 forward, −stride transposed.
    var tapStep: Int { isTransposed ? -stride : 1 }

    /// The taps output position `position` reads.
    @inline(__always)
    func run(output position: Int) -> TapRun {
        if isTransposed {
            // Layer-output positions o with 0 ≤ position + p − o·s < K and 0 ≤ o < inputLength.
            let reach = position + padBefore
            let first = max(0, stride == 1 ? reach - kernelLength + 1 : ceilingDivision(reach - kernelLength + 1, stride))
            let last = min(inputLength - 1, stride == 1 ? reach : floorDivision(reach, stride))
            return TapRun(firstTap: reach - first * stride, count: max(0, last - first + 1), firstInput: first)
        }
        let start = position * stride - padBefore
        let firstTap = max(0, -start)
        let end = min(kernelLength, inputLength - start)
        return TapRun(firstTap: firstTap, count: max(0, end - firstTap), firstInput: start + firstTap)
    }
}

/// `floor(numerator / denominator)` for a positive denominator.
@inline(__always)
func floorDivision(_ numerator: Int, _ denominator: Int) -> Int {
    numerator >= 0 ? numerator / denominator : -((-numerator + denominator - 1) / denominator)
}

/// `ceil(numerator / denominator)` for a positive denominator.
@inline(__always)
func ceilingDivision(_ numerator: Int, _ denominator: Int) -> Int {
    -floorDivision(-numerator, denominator)
}
