// A whole model description: its input and its layers in order.

/// A model: an input shape and its layers in order. Each layer takes the layer before it unless it names its
/// inputs, which makes the model a graph (Keras functional model, e.g. with residual `add` layers).
///
/// A spec states only free choices (units, filters, kernel sizes, …); every derived quantity (shapes,
/// parameter counts) comes from `ModelAnalysis`.
public struct ModelSpec: Hashable, Sendable {
    /// The model's name; `nil` prints as Keras's default (`"sequential"`, or `"functional"` for a graph).
    public var name: String?
    /// The shape of one input example.
    public var inputShape: Shape
    /// The name of the input in a graph model; `nil` is Keras's default `"input_layer"`.
    public var inputName: String?
    /// The layers, in an order where every layer comes after its inputs; the last one is the output.
    public var layers: [LayerSpec]

    /// Creates a model description.
    public init(name: String? = nil, inputShape: Shape, inputName: String? = nil, layers: [LayerSpec]) {
        self.name = name
        self.inputShape = inputShape
        self.inputName = inputName
        self.layers = layers
    }

    /// True for a graph model: some layer names its inputs (Keras prints such models in the functional layout).
    public var isGraph: Bool { layers.contains { !$0.inputs.isEmpty } }

    /// The name Keras would print: the given name, or `"sequential"` / `"functional"`.
    public var displayName: String { name ?? (isGraph ? "functional" : "sequential") }

    /// The input's name in a graph model (Keras's default `"input_layer"`).
    public var resolvedInputName: String { inputName ?? "input_layer" }
}
