// The average-pooling layer: forward, backward, no parameters.

/// Average pooling over windows of each channel plane: `y[c][oy][ox] = mean of the window's real inputs`.
///
/// - Input `[C][H][W]`; output `[C][H'][W']` with the same size formula as `MaxPooling2DLayer`.
/// - With same padding the mean divides by the number of *real* inputs in the window, like Keras
///   (PyTorch's `AvgPool2d` counts padding unless `count_include_pad=False`).
/// - Strides default to the pool size (Keras). No parameters (count 0).
/// - Keras `AveragePooling2D(pool_size, strides, padding)`; PyTorch `nn.AvgPool2d(kernel_size, stride, padding)`.
public struct AveragePooling2DLayer: Layer {
    /// The layer's name.
    public let name: String
    /// `[C][H][W]`.
    public let inputShape: SampleShape
    /// `[C][H'][W']`.
    public let outputShape: SampleShape
    /// Window placement.
    public let window: WindowGeometry

    /// Creates an average-pooling layer; `strides` default to `poolSize`.
    public init(name: String, inputShape: SampleShape, poolSize: PlaneSize, strides: PlaneSize? = nil,
                padding: PaddingMode = .valid) throws(EngineError) {
        window = try WindowGeometry.validated(layer: name, input: inputShape, window: poolSize,
                                              strides: strides ?? poolSize, padding: padding, windowName: "pool size")
        self.name = name
        self.inputShape = inputShape
        self.outputShape = SampleShape(channels: inputShape.channels, height: window.outputHeight,
                                       width: window.outputWidth)
    }

    /// None.
    public var parameterTensors: [ParameterTensor] { [] }

    /// The window means on the pass's chunks.
    public func forward(_ pass: ForwardPass) {
        averagePool2DForward(input: pass.input + pass.chunkOffset(featureCount: inputShape.featureCount),
                             output: pass.output + pass.chunkOffset(featureCount: outputShape.featureCount),
                             channels: inputShape.channels, window: window, chunkCount: pass.chunks.count)
    }

    /// Spreads each output gradient evenly over its window's real inputs.
    public func backward(_ pass: BackwardPass) {
        guard let inputGradient = pass.inputGradient else { return }
        averagePool2DBackward(
            outputGradient: pass.outputGradient + pass.chunkOffset(featureCount: outputShape.featureCount),
            inputGradient: inputGradient + pass.chunkOffset(featureCount: inputShape.featureCount),
            channels: inputShape.channels, window: window, chunkCount: pass.chunks.count)
    }
}
