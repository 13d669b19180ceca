// Where one input of a layer comes from in a graph network: the network's input batch or an earlier layer.

/// The source of one input of a layer in a `Network`.
///
/// A chain network feeds layer 0 from `.networkInput` and layer i from `.layer(i - 1)`; a graph network
/// (residual blocks, `AddLayer`) names any earlier layers. A layer output read by several layers receives the
/// sum of their input gradients in backward.
public enum LayerInput: Hashable, Sendable, CustomStringConvertible {
    /// The batch the caller passes in.
    case networkInput
    /// The output of the layer at this index, which must come earlier in the layer list.
    case layer(Int)

    /// `input` or `layer 3`.
    public var description: String {
        switch self {
        case .networkInput: "input"
        case .layer(let index): "layer \(index)"
        }
    }

    /// The inputs of a chain of `layerCount` layers: each layer reads the one before it.
    public static func chain(layerCount: Int) -> [[LayerInput]] {
        (0..<layerCount).map { [$0 == 0 ? .networkInput : .layer($0 - 1)] }
    }
}
