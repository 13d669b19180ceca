// Preparing a base model for fine-tuning the way Keras users do: freeze all but its top K layers, add a head.

extension ModelSpec {
    /// The model for fine-tuning: every layer frozen except the top `unfrozen` ones, followed by a new trainable
    /// head of `globalavgpool2d` (for an image output) and `dense headUnits headActivation`.
    ///
    /// Keras counts the `InputLayer` in `base.layers`, so "the top K layers" are the last K of the model's layers
    /// with the input in front (K = 0 freezes the whole base, as `base.trainable = False` does). Frozen
    /// BatchNormalization layers run on their moving statistics in training (Keras behaviour).
    public func fineTuning(unfreezeTop unfrozen: Int, headUnits: Int, headActivation: Activation = .linear) -> ModelSpec {
        var copy = self
        let firstUnfrozen = max(0, layers.count - unfrozen)
        for index in copy.layers.indices { copy.layers[index].trainable = index >= firstUnfrozen }
        if ModelAnalysisShapes.outputIsImage(self) {
            copy.layers.append(LayerSpec(.globalAveragePooling2D))
        }
        copy.layers.append(LayerSpec(.dense(Dense(units: headUnits, activation: headActivation))))
        return copy
    }
}

/// Shape questions asked while transforming specs (valid specs only).
enum ModelAnalysisShapes {
    /// True when the model's output is an image (so a head needs pooling first); false for an invalid spec.
    static func outputIsImage(_ spec: ModelSpec) -> Bool {
        (try? ModelAnalysis(spec))?.outputShape.isImage ?? false
    }
}
