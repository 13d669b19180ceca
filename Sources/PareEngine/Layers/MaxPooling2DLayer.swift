// The max-pooling layer: forward, backward, no parameters.

/// Max pooling over windows of each channel plane: `y[c][oy][ox] = max over the window's real inputs`.
///
/// - Input `[C][H][W]`; output `[C][H'][W']` with `H' = floor((H − ph) / sh) + 1` (valid) or `ceil(H / sh)`
///   (same; padded positions never win, as TensorFlow pads with −∞), likewise for widths.
/// - Strides default to the pool size (Keras). No parameters (count 0).
/// - Backward: each output gradient goes to the *first* maximum of its window in row-major order (ties
///   broken like TensorFlow's CPU kernel); overlapping windows add up.
/// - Keras `MaxPooling2D(pool_size, strides, padding)`; PyTorch `nn.MaxPool2d(kernel_size, stride, padding)`.
public struct MaxPooling2DLayer: Layer {
    /// The layer's name.
    public let name: String
    /// `[C][H][W]`.
    public let inputShape: SampleShape
    /// `[C][H'][W']`.
    public let outputShape: SampleShape
    /// Window placement.
    public let window: WindowGeometry

    /// Creates a max-pooling layer; `strides` default to `poolSize`.
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

    /// The window maxima on the pass's chunks.
    public func forward(_ pass: ForwardPass) {
        maxPool2DForward(input: pass.input + pass.chunkOffset(featureCount: inputShape.featureCount),
                         output: pass.output + pass.chunkOffset(featureCount: outputShape.featureCount),
                         channels: inputShape.channels, window: window, chunkCount: pass.chunks.count)
    }

    /// Routes each output gradient to its window's first maximum.
    public func backward(_ pass: BackwardPass) {
        guard let inputGradient = pass.inputGradient else { return }
        let inputOffset = pass.chunkOffset(featureCount: inputShape.featureCount)
        maxPool2DBackward(input: pass.input + inputOffset,
                          outputGradient: pass.outputGradient + pass.chunkOffset(featureCount: outputShape.featureCount),
                          inputGradient: inputGradient + inputOffset, channels: inputShape.channels,
                          window: window, chunkCount: pass.chunks.count)
    }
}
