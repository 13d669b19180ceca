// What one pooling window computes, as the generic fast pooling kernels (Pooling.swift) need it: the kernels own
// the loops over planes and windows, a rule owns the arithmetic of one window, forward and backward.

/// The arithmetic of one kind of pooling window, for the generic kernels in Pooling.swift.
///
/// Conforming types are caseless enums with static requirements, so each kernel is specialised per rule and its
/// window loops call the rule directly: no branch on the kind, no closure, nothing dynamic in a hot loop.
/// Forward folds the window's real inputs in row-major order, `including` each into a reduction that starts at
/// `start`, then `output` finishes it; backward builds a `GradientRoute` per window, then asks it for each
/// input's `share` of the output gradient, in the same row-major order.
protocol PoolingRule {
    /// What backward carries from a window's output gradient to its inputs.
    associatedtype GradientRoute

    /// The reduction of a window before its first input.
    static var start: Lanes { get }

    /// The reduction after one more input.
    static func including(_ input: Lanes, in reduction: Lanes) -> Lanes

    /// The window's output from the reduction over all of its `inputCount` real inputs.
    static func output(of reduction: Lanes, inputCount: Int) -> Lanes

    /// Prepares to hand out `outputGradient` over the window `inputs`.
    static func route(_ outputGradient: Lanes, over inputs: PoolingWindowInputs) -> GradientRoute

    /// The gradient share of the window's next input (row-major order), which starts at `input`.
    static func share(of route: inout GradientRoute, forInputAt input: UnsafePointer<Float>) -> Lanes
}
