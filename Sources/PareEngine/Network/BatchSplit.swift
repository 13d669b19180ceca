// How a batch is cut into work items: a fixed number of contiguous chunk ranges that depends only on the
// batch size and the network's work-item limit, never on the thread count.

/// The work items of one batch.
///
/// `itemCount = min(chunkCount, workItemLimit)`; item i covers chunks `⌊i·chunkCount/itemCount⌋ ..<
/// ⌊(i+1)·chunkCount/itemCount⌋`. Each item accumulates its own gradient vector; the vectors are summed in
/// item order, so the result is the same bits for any thread count.
public struct BatchSplit: Hashable, Sendable {
    /// Real samples.
    public let batchSize: Int
    /// `ceil(batchSize / 16)`.
    public let chunkCount: Int
    /// Number of work items.
    public let itemCount: Int

    /// Splits a batch of `batchSize` samples into at most `workItemLimit` items.
    public init(batchSize: Int, workItemLimit: Int) {
        precondition(batchSize >= 1 && workItemLimit >= 1,
                     "BatchSplit: batch size \(batchSize) and work-item limit \(workItemLimit) must be positive")
        self.batchSize = batchSize
        self.chunkCount = LaneLayout.chunkCount(batchSize: batchSize)
        self.itemCount = min(chunkCount, workItemLimit)
    }

    /// The chunks of work item `item`.
    public func chunks(ofItem item: Int) -> Range<Int> {
        (item * chunkCount / itemCount)..<((item + 1) * chunkCount / itemCount)
    }

    /// Every chunk of the batch.
    public var allChunks: Range<Int> { 0..<chunkCount }
}
