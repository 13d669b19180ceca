// How the executor groups layers: runs executed per work item, and single layers executed over the whole batch.

/// A run of consecutive layers executed the same way.
enum Segment: Hashable, Sendable {
    /// These layers run per work item (forward over the range in order, backward in reverse).
    case items(Range<Int>)
    /// This layer runs once over the whole batch.
    case batch(Int)
}
