// The values of one network call that every work item reads.

/// Per-call values shared by all work items.
///
/// `@unchecked Sendable`: it carries the caller's label pointer, read-only during the call.
struct StepArguments: @unchecked Sendable {
    let split: BatchSplit
    let labels: UnsafePointer<Int32>?
    let isTraining: Bool
    let seed: UInt64
    let step: Int
}
