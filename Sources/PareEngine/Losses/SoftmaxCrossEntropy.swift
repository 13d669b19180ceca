// The training loss: softmax and categorical cross-entropy fused on the logits, averaged over real samples.

/// Softmax + cross-entropy on logits: `loss = mean over real samples of (log Σ_c e^{z_c} − z_label)`.
///
/// Computed stably by subtracting each sample's maximum logit. The gradient is
/// `(softmax(z) − onehot(label)) / batchSize` for real samples and exactly zero in padding lanes.
/// Accuracy counts a sample as correct when its first maximal logit is its label.
///
/// **Contract with the builder:** a model whose last layer has a softmax activation is built with that layer's
/// activation set to `.linear`, and this loss supplies the softmax — equal to Keras's `softmax` +
/// `categorical_crossentropy` (or `from_logits=True`), and to PyTorch's `nn.CrossEntropyLoss` on logits.
public struct SoftmaxCrossEntropy: Hashable, Sendable {
    /// Number of classes: the feature count of the network's output.
    public let classCount: Int

    /// Creates the loss for `classCount` classes.
    public init(classCount: Int) {
        precondition(classCount >= 1, "SoftmaxCrossEntropy: need at least one class, got \(classCount)")
        self.classCount = classCount
    }

    /// Loss and accuracy of the real samples in `chunks` of a batch of `batchSize`; when `logitGradient` is
    /// non-nil, also writes ∂(mean loss over the batch)/∂logits on those chunks.
    ///
    /// - Parameters:
    ///   - logits: chunk 0 of the batch's logits `[chunk][classCount][16]`.
    ///   - labels: the batch's labels `[batchSize]`, each in `0..<classCount`.
    ///   - logitGradient: chunk 0 of the gradient buffer (same layout as `logits`), or `nil`.
    /// - Returns: the *sum* of the chunks' per-sample losses and their number of correct predictions.
    public func evaluate(logits: UnsafePointer<Float>, labels: UnsafePointer<Int32>, chunks: Range<Int>,
                         batchSize: Int, logitGradient: UnsafeMutablePointer<Float>?)
        -> (lossSum: Double, correctCount: Int) {
        let offset = chunks.lowerBound * classCount * LaneLayout.laneCount
        let firstSample = chunks.lowerBound * LaneLayout.laneCount
        return softmaxCrossEntropy(logits: logits + offset, labels: labels, classCount: classCount,
                                   chunkCount: chunks.count, firstSample: firstSample,
                                   validSamples: batchSize - firstSample, gradientScale: 1 / Float(batchSize),
                                   logitGradient: logitGradient.map { $0 + offset })
    }
}
