// What analysis derives for one layer: shapes, parameter counts and multiply-adds.

/// The derived facts about one layer of a model.
public struct LayerAnalysis: Hashable, Sendable {
    /// Position in `ModelSpec.layers`.
    public var index: Int
    /// The resolved (explicit or generated) name.
    public var name: String
    /// The layer as described.
    public var spec: LayerSpec
    /// The names of the layers (or the model input) feeding this layer, as Keras's "Connected to" lists them.
    public var inputNames: [String]
    /// The shape of each input, parallel to `inputNames`.
    public var inputShapes: [Shape]
    /// The shape of one example entering the layer (its first input's).
    public var inputShape: Shape { inputShapes[0] }
    /// The shape of one example leaving the layer.
    public var outputShape: Shape
    /// Parameters training updates (Keras view).
    public var trainableParameterCount: Int
    /// Parameters training does not update: frozen weights and BatchNormalization's moving statistics (Keras view).
    public var nonTrainableParameterCount: Int
    /// Parameters in the PyTorch/torchinfo view: BatchNormalization's running statistics are buffers there,
    /// so they are not counted.
    public var torchParameterCount: Int
    /// Multiply-adds for one example, counted as torchinfo does: every parameter once per output position
    /// for convolutions, once per example otherwise (so biases count as one multiply-add each).
    public var multiplyAdds: Int

    /// All parameters in the Keras view.
    public var parameterCount: Int { trainableParameterCount + nonTrainableParameterCount }
}
