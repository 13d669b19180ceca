// The structural moves as pure functions: input pooling, an extra conv stage, dropping a hidden Dense,
// global average pooling. Each returns nil where it does not apply; shape validity is checked by analysis.

import PareModel

extension ModelSpec {
    /// The model with `maxpool2d 2` as its first layer, or `nil` if the input is not an image of at least
    /// 4x4 or the model already starts with a pooling layer.
    public func withInputPooling() -> ModelSpec? {
        guard inputShape.isImage, inputShape.height >= 4, inputShape.width >= 4 else { return nil }
        if let first = layers.first {
            switch first.kind {
            case .maxPooling2D, .averagePooling2D: return nil
            default: break
            }
        }
        var copy = self
        copy.layers.insert(LayerSpec(.maxPooling2D(Pooling2D(poolSize: Size2(square: 2)))), at: 0)
        return copy
    }

    /// The model with a `conv c 3, conv c 3, maxpool2d 2` stage inserted just before Flatten (or global
    /// pooling), where `c` and the activation are those of the last convolution before it (8 and relu when
    /// there is none). `nil` when the model has no Flatten or global pooling after an image.
    public func withConvStage() -> ModelSpec? {
        guard let flattenIndex = layers.firstIndex(where: { $0.kind == .flatten || $0.kind == .globalAveragePooling2D }) else {
            return nil
        }
        var width = 8
        var activation = Activation.relu
        for layer in layers[..<flattenIndex].reversed() {
            if case .conv2D(let conv) = layer.kind {
                width = conv.filters
                activation = conv.activation
                break
            }
        }
        let conv = LayerSpec(.conv2D(Conv2D(filters: width, kernelSize: Size2(square: 3), activation: activation)))
        let pool = LayerSpec(.maxPooling2D(Pooling2D(poolSize: Size2(square: 2))))
        var copy = self
        copy.layers.insert(contentsOf: [conv, conv, pool], at: flattenIndex)
        return copy
    }

    /// The model without the hidden Dense layer nearest the output (and a Dropout right after it), or `nil`
    /// if there is no hidden Dense.
    public func droppingLastHiddenDense() -> ModelSpec? {
        let denseIndices = layers.indices.filter { if case .dense = layers[$0].kind { true } else { false } }
        guard denseIndices.count >= 2 else { return nil }
        let hidden = denseIndices[denseIndices.count - 2]
        var copy = self
        if hidden + 1 < copy.layers.count, case .dropout = copy.layers[hidden + 1].kind {
            copy.layers.remove(at: hidden + 1)
        }
        copy.layers.remove(at: hidden)
        return copy
    }

    /// The model with its Flatten replaced by global average pooling, or `nil` if it has no Flatten.
    public func withGlobalAveragePooling() -> ModelSpec? {
        guard let index = layers.firstIndex(where: { $0.kind == .flatten }) else { return nil }
        var copy = self
        copy.layers[index] = LayerSpec(.globalAveragePooling2D, name: layers[index].name, trainable: layers[index].trainable)
        return copy
    }
}
