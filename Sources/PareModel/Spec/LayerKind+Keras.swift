// Keras's vocabulary for each layer kind: the class name a summary prints and the prefix of generated names.

extension LayerKind {
    /// The Keras class name, as `model.summary()` prints it in parentheses.
    public var kerasClassName: String {
        switch self {
        case .dense: "Dense"
        case .conv2D: "Conv2D"
        case .maxPooling2D: "MaxPooling2D"
        case .averagePooling2D: "AveragePooling2D"
        case .globalAveragePooling2D: "GlobalAveragePooling2D"
        case .batchNormalization: "BatchNormalization"
        case .dropout: "Dropout"
        case .activation: "Activation"
        case .flatten: "Flatten"
        case .depthwiseConv2D: "DepthwiseConv2D"
        case .zeroPadding2D: "ZeroPadding2D"
        case .reLU: "ReLU"
        case .add: "Add"
        }
    }

    /// The base of Keras's generated layer names: the class name in snake case (`max_pooling2d`).
    public var kerasNamePrefix: String {
        switch self {
        case .dense: "dense"
        case .conv2D: "conv2d"
        case .maxPooling2D: "max_pooling2d"
        case .averagePooling2D: "average_pooling2d"
        case .globalAveragePooling2D: "global_average_pooling2d"
        case .batchNormalization: "batch_normalization"
        case .dropout: "dropout"
        case .activation: "activation"
        case .flatten: "flatten"
        case .depthwiseConv2D: "depthwise_conv2d"
        case .zeroPadding2D: "zero_padding2d"
        case .reLU: "re_lu"
        case .add: "add"
        }
    }

    /// The activation fused into this layer (`dense 10 softmax`), or for an `Activation` layer its function;
    /// `nil` for layers that apply none.
    public var activation: Activation? {
        switch self {
        case .dense(let dense): dense.activation
        case .conv2D(let conv): conv.activation
        case .activation(let activation): activation
        case .depthwiseConv2D(let conv): conv.activation
        case .maxPooling2D, .averagePooling2D, .globalAveragePooling2D, .batchNormalization, .dropout, .flatten,
             .zeroPadding2D, .reLU, .add: nil
        }
    }
}
