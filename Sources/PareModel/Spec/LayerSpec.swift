// One layer of a model description.

/// One layer of a model: what it computes, and how it is named and trained.
public struct LayerSpec: Hashable, Sendable {
    /// What the layer computes.
    public var kind: LayerKind
    /// The name given by the user; `nil` means a Keras-style generated name (`conv2d`, `conv2d_1`, …).
    public var name: String?
    /// Whether training updates the layer's parameters (Keras `trainable`).
    public var trainable: Bool

    /// Creates a layer; by default unnamed and trainable.
    public init(_ kind: LayerKind, name: String? = nil, trainable: Bool = true) {
        self.kind = kind
        self.name = name
        self.trainable = trainable
    }
}
