// Where one named parameter tensor lives in the network's flat parameter vector.

/// A parameter tensor of a built network: its layer, description and offset in the flat vector.
public struct ParameterSlot: Hashable, Sendable {
    /// Position of the owning layer in the network.
    public let layerIndex: Int
    /// Name of the owning layer.
    public let layerName: String
    /// The tensor's name, shape, role and initialiser.
    public let tensor: ParameterTensor
    /// Index of the tensor's first element in the parameter vector (and in every gradient vector).
    public let offset: Int

    /// The tensor's index range in the parameter vector.
    public var range: Range<Int> { offset..<(offset + tensor.elementCount) }

    /// `layer/tensor`, e.g. `dense_1/kernel`.
    public var qualifiedName: String { "\(layerName)/\(tensor.name)" }
}
