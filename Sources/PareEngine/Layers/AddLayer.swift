// The add layer: the element-wise sum of two or more inputs of one shape (residual connections).

/// Adds its inputs element-wise: `y = ((x₀ + x₁) + x₂) + …`, in input order.
///
/// - Inputs: `inputCount ≥ 2` tensors of one shape `[C][H][W]` (or vectors); output the same shape.
/// - Backward: every input receives the output gradient unchanged, `∂L/∂xᵢ = ∂L/∂y`. When one activation
///   feeds several inputs (`add x, x`), the network sums the copies.
/// - No parameters (count 0). Keras `Add()`; in PyTorch the `+` operator (no module).
public struct AddLayer: Layer {
    /// The layer's name.
    public let name: String
    /// The shape of every input.
    public let inputShape: SampleShape
    /// Equal to `inputShape`.
    public let outputShape: SampleShape
    /// Number of inputs, at least 2.
    public let inputCount: Int

    /// Creates the layer; throws when `inputCount` is below 2.
    public init(name: String, inputShape: SampleShape, inputCount: Int = 2) throws(EngineError) {
        guard inputCount >= 2 else {
            throw .invalidLayer(layer: name, reason: "an add needs at least 2 inputs, found \(inputCount)")
        }
        self.name = name
        self.inputShape = inputShape
        self.outputShape = inputShape
        self.inputCount = inputCount
    }

    /// `inputCount` copies of `inputShape`.
    public var inputShapes: [SampleShape] { Array(repeating: inputShape, count: inputCount) }

    /// None.
    public var parameterTensors: [ParameterTensor] { [] }

    /// The sum on the pass's chunks.
    public func forward(_ pass: ForwardPass) {
        precondition(pass.additionalInputs.count == inputCount - 1,
                     "AddLayer \(name): \(pass.additionalInputs.count + 1) inputs passed, \(inputCount) declared")
        let offset = pass.chunkOffset(featureCount: inputShape.featureCount)
        let count = pass.chunks.count * inputShape.featureCount * LaneLayout.laneCount
        let output = pass.output + offset
        addElementwise(pass.input + offset, pass.additionalInputs[0] + offset, into: output, count: count)
        for input in pass.additionalInputs.dropFirst() {
            accumulateElementwise(input + offset, into: output, count: count)
        }
    }

    /// Copies the output gradient to every input that needs one.
    public func backward(_ pass: BackwardPass) {
        precondition(pass.additionalInputGradients.count == inputCount - 1,
                     "AddLayer \(name): \(pass.additionalInputGradients.count + 1) gradients passed, \(inputCount) declared")
        let offset = pass.chunkOffset(featureCount: inputShape.featureCount)
        let count = pass.chunks.count * inputShape.featureCount * LaneLayout.laneCount
        let source = UnsafePointer(pass.outputGradient + offset)
        if let inputGradient = pass.inputGradient { (inputGradient + offset).update(from: source, count: count) }
        for case let inputGradient? in pass.additionalInputGradients {
            (inputGradient + offset).update(from: source, count: count)
        }
    }
}
