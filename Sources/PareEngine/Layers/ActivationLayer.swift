// The stand-alone activation layer: forward, backward, no parameters.

/// Applies an activation function: `y = f(x)` element-wise, or softmax over the channels of each pixel
/// (over all features of a vector).
///
/// - Input and output `[C][H][W]` (any shape). No parameters (count 0).
/// - Backward: `dx = dy ⊙ f'(x)` written in terms of the output (`relu: y > 0`, `sigmoid: y(1 − y)`,
///   `tanh: 1 − y²`, `softmax: y ⊙ (dy − Σ dy·y)`).
/// - Keras `Activation("relu")` etc.; PyTorch `nn.ReLU`, `nn.Sigmoid`, `nn.Tanh`, `nn.Softmax(dim=1)`.
/// - A softmax at the very end of a model is not built as this layer: the builder ends the network on the
///   logits and training uses the fused `SoftmaxCrossEntropy` loss (see `Network`).
public struct ActivationLayer: Layer {
    /// The layer's name.
    public let name: String
    /// Any shape.
    public let inputShape: SampleShape
    /// Equal to `inputShape`.
    public let outputShape: SampleShape
    /// The function applied.
    public let activation: ActivationFunction

    /// Creates the layer.
    public init(name: String, inputShape: SampleShape, activation: ActivationFunction) {
        self.name = name
        self.inputShape = inputShape
        self.outputShape = inputShape
        self.activation = activation
    }

    /// None.
    public var parameterTensors: [ParameterTensor] { [] }

    /// `y = f(x)` on the pass's chunks.
    public func forward(_ pass: ForwardPass) {
        let offset = pass.chunkOffset(featureCount: inputShape.featureCount)
        let output = pass.output + offset
        output.update(from: pass.input + offset, count: pass.chunks.count * inputShape.featureCount * LaneLayout.laneCount)
        activationForward(activation, values: output, shape: inputShape, chunkCount: pass.chunks.count)
    }

    /// `dx = dy ⊙ f'` on the pass's chunks.
    public func backward(_ pass: BackwardPass) {
        guard let inputGradient = pass.inputGradient else { return }
        let offset = pass.chunkOffset(featureCount: inputShape.featureCount)
        let gradient = inputGradient + offset
        gradient.update(from: pass.outputGradient + offset,
                        count: pass.chunks.count * inputShape.featureCount * LaneLayout.laneCount)
        activationBackward(activation, output: pass.output + offset, gradient: gradient, shape: inputShape,
                           chunkCount: pass.chunks.count)
    }
}
