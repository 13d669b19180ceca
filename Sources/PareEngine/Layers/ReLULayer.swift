// The rectified-linear layer with an optional cap (ReLU6): forward, backward, no parameters.

/// `y = min(max(x, 0), maxValue)` element-wise; without `maxValue`, `y = max(x, 0)`.
///
/// - Input and output `[C][H][W]` (any shape). No parameters (count 0).
/// - Backward: `dx = dy` where `0 < x < maxValue`, else 0 — the kinks at 0 and at the cap pass no gradient,
///   as TensorFlow's `ReluGrad`/`Relu6Grad` (computed from the output, which is on the same side of each kink).
/// - Keras `ReLU(max_value=…)` (MobileNetV2's `ReLU(6.)`); PyTorch `nn.ReLU` / `nn.ReLU6` (other caps:
///   `torch.clamp(x, 0, cap)`). A cap of 6 is also available fused into a layer as `ActivationFunction.relu6`.
public struct ReLULayer: Layer {
    /// The layer's name.
    public let name: String
    /// Any shape.
    public let inputShape: SampleShape
    /// Equal to `inputShape`.
    public let outputShape: SampleShape
    /// The cap, or `nil` for none.
    public let maxValue: Float?
    /// True when the layer before applies this ReLU as its fused activation (its only reader being this layer):
    /// the network then gives this layer its input's buffer and skips it (`sharesInputBuffer`). Called anyway
    /// (distinct buffers in a test, or in place) it still computes the same values, since a ReLU applied twice
    /// is the ReLU.
    public let isAppliedByInput: Bool

    /// Creates the layer; throws when `maxValue` is given and not positive.
    public init(name: String, inputShape: SampleShape, maxValue: Float? = nil,
                isAppliedByInput: Bool = false) throws(EngineError) {
        if let maxValue, !(maxValue > 0 && maxValue.isFinite) {
            throw .invalidLayer(layer: name, reason: "the ReLU cap must be positive and finite, found \(maxValue)")
        }
        self.name = name
        self.inputShape = inputShape
        self.outputShape = inputShape
        self.maxValue = maxValue
        self.isAppliedByInput = isAppliedByInput
    }

    /// True when the layer before applies the ReLU (`isAppliedByInput`).
    public var sharesInputBuffer: Bool { isAppliedByInput }

    /// None.
    public var parameterTensors: [ParameterTensor] { [] }

    private var cap: Float { maxValue ?? .infinity }

    /// `y = min(max(x, 0), cap)` on the pass's chunks, in one pass from input to output.
    public func forward(_ pass: ForwardPass) {
        let offset = pass.chunkOffset(featureCount: inputShape.featureCount)
        cappedRectifierForward(input: pass.input + offset, output: pass.output + offset,
                               count: pass.chunks.count * inputShape.featureCount * LaneLayout.laneCount,
                               maxValue: cap)
    }

    /// `dx = dy` where the output is strictly between 0 and the cap.
    public func backward(_ pass: BackwardPass) {
        guard let inputGradient = pass.inputGradient else { return }
        let offset = pass.chunkOffset(featureCount: inputShape.featureCount)
        cappedRectifierBackward(output: pass.output + offset, outputGradient: pass.outputGradient + offset,
                                inputGradient: inputGradient + offset,
                                count: pass.chunks.count * inputShape.featureCount * LaneLayout.laneCount,
                                maxValue: cap)
    }
}
