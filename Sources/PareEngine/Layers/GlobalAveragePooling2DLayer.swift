// The global-average-pooling layer: forward, backward, no parameters.

/// The mean of each channel plane: `y[c] = (1 / (H·W)) Σ_{y,x} x[c][y][x]`.
///
/// - Input `[C][H][W]`; output the vector `[C]`. No parameters (count 0).
/// - Backward: `dx[c][y][x] = dy[c] / (H·W)`.
/// - Keras `GlobalAveragePooling2D()`; PyTorch `nn.AdaptiveAvgPool2d(1)` followed by `nn.Flatten()`.
public struct GlobalAveragePooling2DLayer: Layer {
    /// The layer's name.
    public let name: String
    /// `[C][H][W]`.
    public let inputShape: SampleShape
    /// `[C]`.
    public let outputShape: SampleShape

    /// Creates the layer.
    public init(name: String, inputShape: SampleShape) {
        self.name = name
        self.inputShape = inputShape
        self.outputShape = .vector(inputShape.channels)
    }

    /// None.
    public var parameterTensors: [ParameterTensor] { [] }

    /// Channel means on the pass's chunks.
    public func forward(_ pass: ForwardPass) {
        globalAveragePool2DForwardReference(
            input: pass.input + pass.chunkOffset(featureCount: inputShape.featureCount),
            output: pass.output + pass.chunkOffset(featureCount: outputShape.featureCount),
            shape: inputShape, chunkCount: pass.chunks.count)
    }

    /// Spreads each channel's gradient evenly over its plane.
    public func backward(_ pass: BackwardPass) {
        guard let inputGradient = pass.inputGradient else { return }
        globalAveragePool2DBackwardReference(
            outputGradient: pass.outputGradient + pass.chunkOffset(featureCount: outputShape.featureCount),
            inputGradient: inputGradient + pass.chunkOffset(featureCount: inputShape.featureCount),
            shape: inputShape, chunkCount: pass.chunks.count)
    }
}
