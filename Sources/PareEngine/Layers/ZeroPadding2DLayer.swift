// The zero-padding layer: rows and columns of zeros around every channel plane; no parameters.

/// Pads each channel plane with zeros: `y[c][top + i][left + j] = x[c][i][j]`, zero elsewhere.
///
/// - Input `[C][H][W]`; output `[C][top + H + bottom][left + W + right]`. No parameters (count 0).
/// - Backward: `dx[c][i][j] = dy[c][top + i][left + j]`.
/// - Keras `ZeroPadding2D(((top, bottom), (left, right)))` (MobileNetV2 pads `((0, 1), (0, 1))` before each
///   stride-2 depthwise convolution); PyTorch `nn.ZeroPad2d((left, right, top, bottom))`.
public struct ZeroPadding2DLayer: Layer {
    /// The layer's name.
    public let name: String
    /// `[C][H][W]`.
    public let inputShape: SampleShape
    /// `[C][top + H + bottom][left + W + right]`.
    public let outputShape: SampleShape
    /// Rows added above, rows below, columns on the left, columns on the right.
    public let top: Int, bottom: Int, left: Int, right: Int

    /// Creates the layer; throws when a padding is negative.
    public init(name: String, inputShape: SampleShape, top: Int, bottom: Int, left: Int, right: Int) throws(EngineError) {
        guard min(top, bottom, left, right) >= 0 else {
            throw .invalidLayer(layer: name, reason: "paddings must not be negative, found top \(top) bottom \(bottom) left \(left) right \(right)")
        }
        self.name = name
        self.inputShape = inputShape
        self.outputShape = SampleShape(channels: inputShape.channels, height: top + inputShape.height + bottom,
                                       width: left + inputShape.width + right)
        self.top = top
        self.bottom = bottom
        self.left = left
        self.right = right
    }

    private var geometry: ZeroPaddingGeometry {
        ZeroPaddingGeometry(channels: inputShape.channels, inputHeight: inputShape.height, inputWidth: inputShape.width,
                            top: top, bottom: bottom, left: left, right: right)
    }

    /// None.
    public var parameterTensors: [ParameterTensor] { [] }

    /// The padded copy on the pass's chunks.
    public func forward(_ pass: ForwardPass) {
        zeroPaddingForward(input: pass.input + pass.chunkOffset(featureCount: inputShape.featureCount),
                           output: pass.output + pass.chunkOffset(featureCount: outputShape.featureCount),
                           geometry: geometry, chunkCount: pass.chunks.count)
    }

    /// The interior of the output gradient.
    public func backward(_ pass: BackwardPass) {
        guard let inputGradient = pass.inputGradient else { return }
        zeroPaddingBackward(outputGradient: pass.outputGradient + pass.chunkOffset(featureCount: outputShape.featureCount),
                            inputGradient: inputGradient + pass.chunkOffset(featureCount: inputShape.featureCount),
                            geometry: geometry, chunkCount: pass.chunks.count)
    }
}
