// Why a described model cannot be built: the layer, and what its input should have been.

/// A model description that is well-formed text but cannot be built: a layer receives a shape it cannot take.
public struct ShapeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The position of the offending layer in `ModelSpec.layers`.
    public var layerIndex: Int
    /// The offending layer's resolved name (`conv2d_3`).
    public var layerName: String
    /// What is wrong.
    public var problem: Problem

    /// The ways a layer can reject its input.
    public enum Problem: Error, Hashable, Sendable {
        /// A kernel or pool window larger than its (valid-padded) input.
        case inputSmallerThanWindow(window: Size2, input: Shape)
        /// A layer that needs an `HxWxC` image got something else.
        case needsImage(input: Shape)
        /// A dense layer on an unflattened input.
        case needsVector(input: Shape)
        /// A stride or window that yields an output with a zero dimension.
        case emptyOutput(input: Shape)
        /// Two layers with the same name (explicit, or explicit and generated), or a layer named like the input.
        case duplicateName
        /// An input name that is neither the model input nor a layer.
        case unknownInput(String, suggestion: String?)
        /// An input that is a layer defined later in the file.
        case inputDefinedLater(String)
        /// An `add` whose inputs differ in shape.
        case inputsDiffer([Shape])
        /// A single-input layer given several inputs.
        case tooManyInputs(Int)
    }

    /// Creates a shape error for the layer at `layerIndex`.
    public init(layerIndex: Int, layerName: String, problem: Problem) {
        self.layerIndex = layerIndex
        self.layerName = layerName
        self.problem = problem
    }

    /// The message without location, e.g. `conv2d_3 needs at least 5x5 input, got 3x3x16`.
    public var description: String {
        switch problem {
        case .inputSmallerThanWindow(let window, let input):
            "\(layerName) needs at least \(window.height)x\(window.width) input, got \(input)"
        case .needsImage(let input):
            "\(layerName) needs an image input (HxWxC), got \(input)"
        case .needsVector(let input):
            "\(layerName) needs a flat input, got \(input); add 'flatten' before it"
        case .emptyOutput(let input):
            "\(layerName) would produce an empty output from input \(input)"
        case .duplicateName:
            "duplicate layer name '\(layerName)'"
        case .unknownInput(let name, let suggestion):
            "\(layerName) takes input '\(name)', which is no layer of the model" + Suggestion.hint(suggestion)
        case .inputDefinedLater(let name):
            "\(layerName) takes input '\(name)', which is defined after it; layers must follow their inputs"
        case .inputsDiffer(let shapes):
            "\(layerName) adds inputs of different shapes: " + shapes.map(\.description).joined(separator: ", ")
        case .tooManyInputs(let count):
            "\(layerName) takes one input, got \(count)"
        }
    }
}
