// The order in which one training epoch visits its examples, cut into batches.

/// A shuffled visiting order for one epoch, and its batches.
public struct EpochOrder: Hashable, Sendable {
    /// The example indices in visiting order.
    public let indices: [Int]
    /// Examples per batch (the last batch may be smaller).
    public let batchSize: Int

    /// A fresh order for one epoch: `indices` shuffled with `Shuffling.shuffle` (draw a new one per epoch
    /// from the same generator).
    public init(shuffling indices: [Int], batchSize: Int, using generator: inout some RandomNumberGenerator) {
        precondition(batchSize > 0, "batch size must be positive, got \(batchSize)")
        self.indices = Shuffling.shuffled(indices, using: &generator)
        self.batchSize = batchSize
    }

    /// The number of batches, counting a final partial one.
    public var batchCount: Int { (indices.count + batchSize - 1) / batchSize }

    /// The indices of batch `number` (0-based).
    public func batch(_ number: Int) -> ArraySlice<Int> {
        precondition(number >= 0 && number < batchCount, "batch \(number) outside 0..<\(batchCount)")
        let start = number * batchSize
        return indices[start..<min(start + batchSize, indices.count)]
    }
}
