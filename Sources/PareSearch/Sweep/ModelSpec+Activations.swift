// The sweep's `--activation`: replace the hidden activations of a model.

import PareModel

extension ModelSpec {
    /// The model with every hidden activation replaced by `activation`: the activations of Conv2D and Dense
    /// layers other than the output layer (the last Dense), and stand-alone Activation layers before it.
    /// Linear (absent) activations stay absent, and the output layer's softmax is kept.
    public func replacingHiddenActivations(with activation: Activation) -> ModelSpec {
        let output = layers.lastIndex { if case .dense = $0.kind { true } else { false } } ?? layers.count
        var copy = self
        for index in layers.indices where index < output {
            switch layers[index].kind {
            case .conv2D(var conv) where conv.activation != .linear:
                conv.activation = activation
                copy.layers[index].kind = .conv2D(conv)
            case .dense(var dense) where dense.activation != .linear:
                dense.activation = activation
                copy.layers[index].kind = .dense(dense)
            case .activation(let existing) where existing != .linear:
                copy.layers[index].kind = .activation(activation)
            default:
                break
            }
        }
        return copy
    }
}
