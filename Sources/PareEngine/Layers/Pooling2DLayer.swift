// The pooling layer, max or average: forward, backward, no parameters.

/// Max or average pooling over windows of each channel plane; `kind` says which (formulas and padding rules there).
///
/// - Input `[C][H][W]`; output `[C][H'][W']` with `H' = floor((H − ph) / sh) + 1` (valid) or `ceil(H / sh)`
///   (same), likewise for widths. Same padding places windows as TensorFlow does (`WindowGeometry`), but padded
///   positions are never inputs of a window.
/// - Strides default to the pool size (Keras). No parameters (count 0).
/// - Backward: see `Kind`; overlapping windows add up.
/// - Keras `MaxPooling2D` / `AveragePooling2D(pool_size, strides, padding)`; PyTorch `nn.MaxPool2d` /
///   `nn.AvgPool2d(kernel_size, stride, padding)`.
public struct Pooling2DLayer: Layer {
    /// What a window computes from its real inputs.
    public enum Kind: Hashable, Sendable, CaseIterable {
        /// `y[c][oy][ox] = max over the window's real inputs`: padded positions never win (TensorFlow pads with
        /// −∞). Backward sends each output gradient to the *first* maximum of its window in row-major order (ties
        /// broken like TensorFlow's CPU kernel). Keras `MaxPooling2D`; PyTorch `nn.MaxPool2d`.
        case max
        /// `y[c][oy][ox] = (Σ over the window's real inputs) / (their count)`: with same padding the mean divides
        /// by the number of *real* inputs in the window, like Keras (PyTorch's `AvgPool2d` counts padding unless
        /// `count_include_pad=False`). Backward gives each real input `dy / count`. Keras `AveragePooling2D`;
        /// PyTorch `nn.AvgPool2d(count_include_pad=False)`.
        case average
    }

    /// The layer's name.
    public let name: String
    /// `[C][H][W]`.
    public let inputShape: SampleShape
    /// `[C][H'][W']`.
    public let outputShape: SampleShape
    /// Max or average.
    public let kind: Kind
    /// Window placement.
    public let window: WindowGeometry

    /// Creates a pooling layer of `kind`; `strides` default to `poolSize`.
    public init(name: String, inputShape: SampleShape, kind: Kind, poolSize: PlaneSize, strides: PlaneSize? = nil,
                padding: PaddingMode = .valid) throws(EngineError) {
        window = try WindowGeometry.validated(layer: name, input: inputShape, window: poolSize,
                                              strides: strides ?? poolSize, padding: padding, windowName: "pool size")
        self.name = name
        self.inputShape = inputShape
        self.kind = kind
        self.outputShape = SampleShape(channels: inputShape.channels, height: window.outputHeight,
                                       width: window.outputWidth)
    }

    /// None.
    public var parameterTensors: [ParameterTensor] { [] }

    /// The window maxima or means on the pass's chunks.
    public func forward(_ pass: ForwardPass) {
        pool2DForward(kind, input: pass.input + pass.chunkOffset(featureCount: inputShape.featureCount),
                      output: pass.output + pass.chunkOffset(featureCount: outputShape.featureCount),
                      channels: inputShape.channels, window: window, chunkCount: pass.chunks.count)
    }

    /// Hands each output gradient to its window's inputs as `kind` says.
    public func backward(_ pass: BackwardPass) {
        guard let inputGradient = pass.inputGradient else { return }
        let inputOffset = pass.chunkOffset(featureCount: inputShape.featureCount)
        pool2DBackward(kind, input: pass.input + inputOffset,
                       outputGradient: pass.outputGradient + pass.chunkOffset(featureCount: outputShape.featureCount),
                       inputGradient: inputGradient + inputOffset, channels: inputShape.channels,
                       window: window, chunkCount: pass.chunks.count)
    }
}
