// Keras layer classes → Pare layer kinds: one reader per class Pare describes, each checking that the settings
// Pare does not represent are at values that change nothing.

extension KerasLayerConfig {
    /// The Pare layer kind of this Keras layer.
    ///
    /// Read: the settings that define the architecture and its parameter count. Ignored, because they change how
    /// Keras trains the model but not what it computes or how many weights it has: initializers, regularizers
    /// (kernel, bias and activity — Pare's training adds no weight penalty), constraints, dropout seeds and
    /// BatchNormalization's `synchronized`. Anything else Pare cannot represent is an error naming the setting
    /// (channels-first data, dilation, groups, LoRA, non-float32 dtypes, leaky or thresholded ReLU, BatchNormalization
    /// without centre or scale, renormalisation, noise shapes, kept dimensions, unknown activations).
    ///
    /// - Throws: `KerasImportError` for an unsupported class or setting, or a malformed value.
    func layerKind() throws(KerasImportError) -> LayerKind {
        switch className {
        case "Sequential", "Functional", "Model":
            throw failure(.nestedModel)
        case "InputLayer":
            throw failure(.misplacedInputLayer)
        case "Dense", "Conv2D", "MaxPooling2D", "AveragePooling2D", "GlobalAveragePooling2D", "BatchNormalization",
             "Dropout", "Activation", "Flatten", "DepthwiseConv2D", "ZeroPadding2D", "ReLU", "Add":
            try requireFloat32()
            return try describedKind()
        default:
            throw failure(.unsupportedClass)
        }
    }

    /// The kind of a class Pare describes (`className` is one of them).
    private func describedKind() throws(KerasImportError) -> LayerKind {
        switch className {
        case "Dense":
            try requireNoLoRA()
            return .dense(Dense(units: try positiveInteger("units"), activation: try activation(),
                                useBias: try bool("use_bias", default: true)))
        case "Conv2D":
            try requireConvolutionBasics()
            try require("groups", why: "Pare's convolutions have one group") { $0.integer == 1 }
            return .conv2D(Conv2D(filters: try positiveInteger("filters"), kernelSize: try size2("kernel_size"),
                                  strides: try size2("strides", default: Size2(square: 1)), padding: try padding(),
                                  activation: try activation(), useBias: try bool("use_bias", default: true)))
        case "DepthwiseConv2D":
            try requireConvolutionBasics()
            return .depthwiseConv2D(DepthwiseConv2D(
                kernelSize: try size2("kernel_size"), strides: try size2("strides", default: Size2(square: 1)),
                padding: try padding(), depthMultiplier: try positiveInteger("depth_multiplier", default: 1),
                activation: try activation(), useBias: try bool("use_bias", default: true)))
        case "MaxPooling2D", "AveragePooling2D":
            try requireChannelsLast()
            let poolSize = try size2("pool_size", default: Size2(square: 2))
            let strides = try value("strides") == nil ? nil : size2("strides")
            // Keras 3 writes the default strides (the pool size) explicitly; Pare leaves them implicit.
            let pool = Pooling2D(poolSize: poolSize, strides: strides == poolSize ? nil : strides, padding: try padding())
            return className == "MaxPooling2D" ? .maxPooling2D(pool) : .averagePooling2D(pool)
        case "GlobalAveragePooling2D":
            try requireChannelsLast()
            try require("keepdims", why: "Pare's global pooling outputs a vector") { $0 == .bool(false) }
            return .globalAveragePooling2D
        case "BatchNormalization":
            for key in ["center", "scale"] {
                try require(key, why: "Pare's batch normalisation learns both gamma and beta") { $0 == .bool(true) }
            }
            try require("renorm", why: "Pare has no batch renormalisation") { $0 == .bool(false) }
            try require("virtual_batch_size", why: "Pare normalises over the whole batch") { _ in false }
            return .batchNormalization(BatchNormalization(
                momentum: try number("momentum", default: 0.99, in: 0..<1, expected: "a momentum in [0, 1)"),
                epsilon: try number("epsilon", default: 0.001, in: Double.leastNonzeroMagnitude..<Double.infinity,
                                    expected: "a positive epsilon")))
        case "Dropout":
            try require("noise_shape", why: "Pare's dropout drops single elements") { _ in false }
            return .dropout(Dropout(rate: try number("rate", in: 0..<1, expected: "a rate in [0, 1)")))
        case "Activation":
            return .activation(try activation(required: true))
        case "Flatten":
            try requireChannelsLast()
            return .flatten
        case "ZeroPadding2D":
            try requireChannelsLast()
            return .zeroPadding2D(try zeroPadding())
        case "ReLU":
            try require("negative_slope", why: "Pare's ReLU has no leak") { $0.finiteNumber == 0 }
            try require("threshold", why: "Pare's ReLU thresholds at 0") { $0.finiteNumber == 0 }
            let cap = try value("max_value") == nil ? nil
                : number("max_value", in: Double.leastNonzeroMagnitude..<Double.infinity, expected: "a positive cap")
            return .reLU(ReLU(maxValue: cap))
        default:
            precondition(className == "Add", "describedKind called for \(className)")
            return .add
        }
    }

    /// The checks every convolution shares: channels-last, no dilation, no LoRA.
    private func requireConvolutionBasics() throws(KerasImportError) {
        try requireChannelsLast()
        try requireNoDilation()
        try requireNoLoRA()
    }

    /// `padding` of ZeroPadding2D: `n` (all sides), `[rows, columns]`, or `[[top, bottom], [left, right]]`;
    /// Keras's default is 1 on every side.
    private func zeroPadding() throws(KerasImportError) -> ZeroPadding2D {
        guard let value = value("padding") else { return ZeroPadding2D(top: 1, bottom: 1, left: 1, right: 1) }
        func amount(_ element: JSONValue) -> Int? { element.integer.flatMap { $0 >= 0 ? $0 : nil } }
        if let all = amount(value) { return ZeroPadding2D(top: all, bottom: all, left: all, right: all) }
        if let elements = value.array, elements.count == 2 {
            if let rows = amount(elements[0]), let columns = amount(elements[1]) {
                return ZeroPadding2D(top: rows, bottom: rows, left: columns, right: columns)
            }
            let pairs = elements.compactMap { $0.array?.compactMap(amount) }
            if pairs.count == 2, pairs.allSatisfy({ $0.count == 2 }), elements.allSatisfy({ $0.array?.count == 2 }) {
                return ZeroPadding2D(top: pairs[0][0], bottom: pairs[0][1], left: pairs[1][0], right: pairs[1][1])
            }
        }
        throw failure(.expected("n, [rows, columns] or [[top, bottom], [left, right]] of integers ≥ 0",
                                key: "padding", found: value.pythonText))
    }

    /// Fails unless a BatchNormalization's `axis` is the last axis of its input (`-1`, or `rank` counting the
    /// batch axis as 0, alone or in a one-element list), given the input's rank without the batch axis.
    func requireLastAxis(inputRank: Int) throws(KerasImportError) {
        try require("axis", why: "Pare normalises the last (channel) axis") { value in
            let axes = value.array ?? [value]
            return axes.count == 1 && (axes[0].integer == -1 || axes[0].integer == inputRank)
        }
    }
}
