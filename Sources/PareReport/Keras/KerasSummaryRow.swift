// One row of a Keras summary table: a layer as `model.summary()` lists it.

import PareModel

/// A layer as Keras's `model.summary()` lists it; enough to draw any Keras summary, including graph models
/// Pare does not describe yet.
public struct KerasSummaryRow: Hashable, Sendable {
    /// The layer's name (`conv2d_1`).
    public var name: String
    /// The layer's Python class name (`Conv2D`).
    public var className: String
    /// The output shape as Keras prints it, batch first: `(None, 26, 26, 2)`.
    public var outputShape: String
    /// All of the layer's weights, trainable or not (`layer.count_params()`).
    public var parameterCount: Int
    /// The layers whose outputs this layer consumes (graph models; empty for inputs and Sequential layers).
    public var inbound: [KerasConnection]
    /// What the "Trainable" column shows for the layer.
    public var trainable: KerasTrainableMark

    /// Creates a row.
    public init(name: String, className: String, outputShape: String, parameterCount: Int,
                inbound: [KerasConnection] = [], trainable: KerasTrainableMark) {
        self.name = name
        self.className = className
        self.outputShape = outputShape
        self.parameterCount = parameterCount
        self.inbound = inbound
        self.trainable = trainable
    }

    /// Keras's spelling of a per-example shape with the batch axis in front: `(None, 26, 26, 2)`.
    public static func shapeText(_ shape: Shape) -> String {
        "(" + (["None"] + shape.dimensions.map(String.init)).joined(separator: ", ") + ")"
    }
}

/// One inbound connection of a graph layer: which layer's output it reads, printed `name[node][tensor]`.
public struct KerasConnection: Hashable, Sendable, CustomStringConvertible {
    /// The producing layer.
    public var layerName: String
    /// Which call of the producing layer (0 unless the layer is shared).
    public var nodeIndex: Int
    /// Which output of that call (0 unless the layer has several outputs).
    public var tensorIndex: Int

    /// Creates a connection; both indices default to 0.
    public init(layerName: String, nodeIndex: Int = 0, tensorIndex: Int = 0) {
        self.layerName = layerName
        self.nodeIndex = nodeIndex
        self.tensorIndex = tensorIndex
    }

    /// `name[0][0]`, as the "Connected to" column prints it.
    public var description: String { "\(layerName)[\(nodeIndex)][\(tensorIndex)]" }
}

/// The "Trainable" column of `model.summary(show_trainable=True)`.
public enum KerasTrainableMark: String, Hashable, Sendable {
    /// The layer has weights and is trainable (`Y`), even if only some of its weights are.
    case trainable = "Y"
    /// The layer has weights and is frozen (`N`).
    case frozen = "N"
    /// The layer has no weights (`-`).
    case noWeights = "-"
}
