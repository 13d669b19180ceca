// What a training step or an evaluation reports for one batch.

/// Loss and accuracy of one batch.
public struct BatchResult: Hashable, Sendable {
    /// Mean softmax cross-entropy over the batch's real samples.
    public let loss: Double
    /// Samples whose first maximal logit is their label.
    public let correctCount: Int
    /// Real samples in the batch.
    public let sampleCount: Int

    /// Creates a result.
    public init(loss: Double, correctCount: Int, sampleCount: Int) {
        self.loss = loss
        self.correctCount = correctCount
        self.sampleCount = sampleCount
    }

    /// `correctCount / sampleCount`.
    public var accuracy: Double { Double(correctCount) / Double(max(sampleCount, 1)) }
}
