// The mistakes a caller of the engine can make with values that come from users: shapes, sizes, names.

/// A problem with a network description, a size or a named parameter; messages are one line and echo the input.
public enum EngineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The network has no layers.
    case emptyNetwork
    /// A size that must be positive is not (`what` names it: "maximum batch size", "thread count", …).
    case nonPositiveSize(what: String, value: Int)
    /// A setting is outside its allowed range ("learning-rate step factor must be positive, found -1").
    case invalidValue(name: String, requirement: String, found: String)
    /// A layer's hyper-parameters cannot work with its input.
    case invalidLayer(layer: String, reason: String)
    /// A layer's declared input shape differs from what the previous layer (or the network input) produces.
    case shapeMismatch(layer: String, expected: SampleShape, received: SampleShape)
    /// Two layers share a name, so named parameter access would be ambiguous.
    case duplicateLayerName(String)
    /// The last layer must produce a vector of class scores (logits).
    case outputNotVector(layer: String, shape: SampleShape)
    /// No parameter tensor `tensor` exists in layer `layer`.
    case unknownParameter(layer: String, tensor: String)
    /// A list of values does not have the element count of the tensor or vector it should fill.
    case valueCountMismatch(name: String, expected: Int, received: Int)

    /// The one-line message.
    public var description: String {
        switch self {
        case .emptyNetwork:
            return "a network needs at least one layer"
        case .nonPositiveSize(let what, let value):
            return "\(what) must be at least 1, found \(value)"
        case .invalidValue(let name, let requirement, let found):
            return "\(name) must be \(requirement), found \(found)"
        case .invalidLayer(let layer, let reason):
            return "layer '\(layer)': \(reason)"
        case .shapeMismatch(let layer, let expected, let received):
            return "layer '\(layer)' expects input \(expected) but receives \(received)"
        case .duplicateLayerName(let name):
            return "two layers are named '\(name)'; layer names must be unique"
        case .outputNotVector(let layer, let shape):
            return "the last layer '\(layer)' must output a vector of class scores, found \(shape)"
        case .unknownParameter(let layer, let tensor):
            return "no parameter '\(tensor)' in layer '\(layer)'"
        case .valueCountMismatch(let name, let expected, let received):
            return "'\(name)' holds \(expected) values, received \(received)"
        }
    }
}
