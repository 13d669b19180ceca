// One step of a graph network's backward: adding a later reader's input gradient (its edge buffer) into the
// gradient of the activation it read. See ExecutionPlan's header for the fixed order that keeps sums
// bit-identical for any thread count.

/// `slotGradient += edge` on the chunks of one call, for an activation with `featureCount` features per sample.
///
/// `@unchecked Sendable`: raw pointers into buffers the plan owns; concurrent calls touch disjoint chunks.
struct GradientAccumulation: @unchecked Sendable {
    /// The reader's input gradient, written by its backward.
    let edge: UnsafeMutablePointer<Float>
    /// The gradient of the activation the reader read, already holding the earlier edges' sum.
    let slotGradient: UnsafeMutablePointer<Float>
    /// Features per sample of the activation.
    let featureCount: Int

    /// Adds the edge into the slot gradient on `chunks`.
    func run(chunks: Range<Int>) {
        let offset = chunks.lowerBound * featureCount * LaneLayout.laneCount
        accumulateElementwise(UnsafePointer(edge + offset), into: slotGradient + offset,
                              count: chunks.count * featureCount * LaneLayout.laneCount)
    }
}
