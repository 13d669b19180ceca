// The dropout layer: inverted dropout in training with counter-based masks, the identity at evaluation.

/// Inverted dropout: in training `y = x · keep / (1 − rate)` with `keep = 0` with probability `rate`;
/// at evaluation `y = x`.
///
/// The keep decision of (sample, feature) is `CounterRandom(seed, step, layerIndex).unitFloat(sample, feature)
/// >= rate`, so it depends on the run's seed, the training step, the layer's position and the sample's index in
/// the batch — never on work items or threads — and backward recomputes it instead of storing a mask.
/// - Input and output `[C][H][W]` (any shape). No parameters (count 0).
/// - Keras `Dropout(rate)`; PyTorch `nn.Dropout(p)` (same inverted scaling).
public struct DropoutLayer: Layer {
    /// The layer's name.
    public let name: String
    /// Any shape.
    public let inputShape: SampleShape
    /// Equal to `inputShape`.
    public let outputShape: SampleShape
    /// Probability of dropping an element, in `[0, 1)`.
    public let rate: Float

    /// Creates a dropout layer; throws when `rate` is not in `[0, 1)`.
    public init(name: String, inputShape: SampleShape, rate: Float) throws(EngineError) {
        guard rate >= 0 && rate < 1 else {
            throw .invalidLayer(layer: name, reason: "dropout rate must be in [0, 1), found \(rate)")
        }
        self.name = name
        self.inputShape = inputShape
        self.outputShape = inputShape
        self.rate = rate
    }

    /// None.
    public var parameterTensors: [ParameterTensor] { [] }

    /// Masked scaling in training, a copy at evaluation.
    public func forward(_ pass: ForwardPass) {
        let offset = pass.chunkOffset(featureCount: inputShape.featureCount)
        apply(source: pass.input + offset, destination: pass.output + offset, isTraining: pass.isTraining,
              chunks: pass.chunks, random: pass.random)
    }

    /// The same masked scaling applied to the gradient.
    public func backward(_ pass: BackwardPass) {
        guard let inputGradient = pass.inputGradient else { return }
        let offset = pass.chunkOffset(featureCount: inputShape.featureCount)
        apply(source: pass.outputGradient + offset, destination: inputGradient + offset,
              isTraining: pass.isTraining, chunks: pass.chunks, random: pass.random)
    }

    private func apply(source: UnsafePointer<Float>, destination: UnsafeMutablePointer<Float>, isTraining: Bool,
                       chunks: Range<Int>, random: CounterRandom) {
        guard isTraining && rate > 0 else {
            destination.update(from: source, count: chunks.count * inputShape.featureCount * LaneLayout.laneCount)
            return
        }
        dropoutForward(input: source, output: destination, featureCount: inputShape.featureCount,
                       chunkCount: chunks.count, firstSample: chunks.lowerBound * LaneLayout.laneCount, rate: rate,
                       random: random)
    }
}
