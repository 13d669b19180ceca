// One layer of a model description.

/// One layer of a model: what it computes, and how it is named and trained.
public struct LayerSpec: Hashable, Sendable {
    /// What the layer computes.
    public var kind: LayerKind
    /// The name given by the user; `nil` means a Keras-style generated name (`conv2d`, `conv2d_1`, …).
    public var name: String?
    /// Whether training updates the layer's parameters (Keras `trainable`).
    public var trainable: Bool
    /// The layers (or the model input) whose outputs this layer takes, by name; empty means the layer just
    /// before it (the model input for the first layer). A model with any explicit inputs is a graph
    /// (Keras functional) model.
    public var inputs: [String]

    /// Creates a layer; by default unnamed, trainable, and fed by the layer before it.
    public init(_ kind: LayerKind, name: String? = nil, trainable: Bool = true, inputs: [String] = []) {
        self.kind = kind
        self.name = name
        self.trainable = trainable
        self.inputs = inputs
    }
}
