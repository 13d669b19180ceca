// A whole model description: its input and its layers in order.

/// A sequential model: an input shape and the layers applied to it in order.
///
/// A spec states only free choices (units, filters, kernel sizes, …); every derived quantity (shapes,
/// parameter counts) comes from `ModelAnalysis`.
public struct ModelSpec: Hashable, Sendable {
    /// The model's name; `nil` prints as Keras's default `"sequential"`.
    public var name: String?
    /// The shape of one input example.
    public var inputShape: Shape
    /// The layers, first applied first.
    public var layers: [LayerSpec]

    /// Creates a model description.
    public init(name: String? = nil, inputShape: Shape, layers: [LayerSpec]) {
        self.name = name
        self.inputShape = inputShape
        self.layers = layers
    }

    /// The name Keras would print: the given name or `"sequential"`.
    public var displayName: String { name ?? "sequential" }
}
