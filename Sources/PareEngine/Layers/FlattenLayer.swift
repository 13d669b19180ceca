// The flatten layer: a reshape that leaves the lane-layout buffer untouched.

/// Reshapes `[C][H][W]` to the vector `[C·H·W]`, keeping Pare's channels-first order.
///
/// In the lane layout a sample's features are already one run `[C][H][W]`, so flattening changes no bytes:
/// the network gives the output the input's buffer and skips both calls (`sharesInputBuffer`).
///
/// **Order.** Keras flattens channels-last (`[H][W][C]`), PyTorch channels-first (`[C][H][W]`). The dense
/// kernel after a flatten therefore has its input columns in PyTorch order; the Keras exporter permutes them.
/// - No parameters (count 0). Keras `Flatten()`; PyTorch `nn.Flatten()`.
public struct FlattenLayer: Layer {
    /// The layer's name.
    public let name: String
    /// `[C][H][W]`.
    public let inputShape: SampleShape
    /// `[C·H·W]`.
    public let outputShape: SampleShape

    /// Creates the layer.
    public init(name: String, inputShape: SampleShape) {
        self.name = name
        self.inputShape = inputShape
        self.outputShape = .vector(inputShape.featureCount)
    }

    /// None.
    public var parameterTensors: [ParameterTensor] { [] }

    /// Output and input are one buffer.
    public var sharesInputBuffer: Bool { true }

    /// Copies the pass's chunks when called with two distinct buffers (the network never does).
    public func forward(_ pass: ForwardPass) {
        copyChunks(from: pass.input, to: pass.output, offset: pass.chunkOffset(featureCount: inputShape.featureCount),
                   count: pass.chunks.count * inputShape.featureCount * LaneLayout.laneCount)
    }

    /// Copies the gradient's chunks when called with two distinct buffers (the network never does).
    public func backward(_ pass: BackwardPass) {
        guard let inputGradient = pass.inputGradient else { return }
        copyChunks(from: pass.outputGradient, to: inputGradient,
                   offset: pass.chunkOffset(featureCount: inputShape.featureCount),
                   count: pass.chunks.count * inputShape.featureCount * LaneLayout.laneCount)
    }

    private func copyChunks(from source: UnsafePointer<Float>, to destination: UnsafeMutablePointer<Float>,
                            offset: Int, count: Int) {
        guard UnsafePointer(destination) != source else { return }
        (destination + offset).update(from: source + offset, count: count)
    }
}
