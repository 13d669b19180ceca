// The words that start a layer line in a .pare file, with their Keras-style aliases.

/// A layer keyword of the `.pare` format; the raw value is the canonical spelling the printer writes.
enum LayerKeyword: String, CaseIterable, Sendable {
    case conv2d, dense, maxpool2d, avgpool2d, globalavgpool2d, batchnorm, dropout, activation, flatten
    case depthwiseconv2d, zeropad2d, relu, add

    /// Other accepted spellings (Keras's snake-case class names).
    static let aliases: [String: LayerKeyword] = [
        "max_pooling2d": .maxpool2d, "average_pooling2d": .avgpool2d,
        "global_average_pooling2d": .globalavgpool2d, "batch_normalization": .batchnorm,
        "depthwise_conv2d": .depthwiseconv2d, "zero_padding2d": .zeropad2d,
    ]

    /// The keyword for `word`, canonical or alias.
    init?(word: String) {
        if let keyword = LayerKeyword(rawValue: word) ?? Self.aliases[word] { self = keyword } else { return nil }
    }

    /// Every spelling, for did-you-mean hints (statements included).
    static var allSpellings: [String] {
        ["model", "let", "input"] + allCases.map(\.rawValue) + aliases.keys.sorted()
    }

    /// The options this layer accepts besides `name`, `trainable` and `from` (`add` takes no `from`: its
    /// inputs are its arguments).
    var options: [String] {
        switch self {
        case .conv2d: ["stride", "strides", "padding", "bias", "use_bias", "activation"]
        case .dense: ["bias", "use_bias", "activation"]
        case .maxpool2d, .avgpool2d: ["stride", "strides", "padding"]
        case .batchnorm: ["momentum", "epsilon"]
        case .depthwiseconv2d: ["stride", "strides", "padding", "bias", "use_bias", "activation", "multiplier", "depth_multiplier"]
        case .zeropad2d: ["top", "bottom", "left", "right"]
        case .relu: ["max", "max_value"]
        case .globalavgpool2d, .dropout, .activation, .flatten, .add: []
        }
    }

    /// A correct example line, shown when an argument is missing.
    var example: String {
        switch self {
        case .conv2d: "conv2d 32 3x3 relu"
        case .dense: "dense 10 softmax"
        case .maxpool2d: "maxpool2d 2"
        case .avgpool2d: "avgpool2d 2"
        case .globalavgpool2d: "globalavgpool2d"
        case .batchnorm: "batchnorm"
        case .dropout: "dropout 0.25"
        case .activation: "activation relu"
        case .flatten: "flatten"
        case .depthwiseconv2d: "depthwiseconv2d 3 stride=2 padding=same"
        case .zeropad2d: "zeropad2d 1"
        case .relu: "relu max=6"
        case .add: "add block_1_project_BN, block_2_project_BN"
        }
    }
}

extension LayerKind {
    /// The canonical `.pare` keyword of this kind.
    var keyword: LayerKeyword {
        switch self {
        case .dense: .dense
        case .conv2D: .conv2d
        case .maxPooling2D: .maxpool2d
        case .averagePooling2D: .avgpool2d
        case .globalAveragePooling2D: .globalavgpool2d
        case .batchNormalization: .batchnorm
        case .dropout: .dropout
        case .activation: .activation
        case .flatten: .flatten
        case .depthwiseConv2D: .depthwiseconv2d
        case .zeroPadding2D: .zeropad2d
        case .reLU: .relu
        case .add: .add
        }
    }
}
