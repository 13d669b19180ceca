// The one place where a model description meets the engine: LayerSpec → engine layer, shapes and freezing.

import PareEngine
import PareModel

/// Builds an engine `Network` from an analysed model.
///
/// Contract with the engine's loss: the network's output is treated as logits and the softmax is fused into
/// the cross-entropy, so an output layer's `softmax` (on the last Dense, or a final `activation softmax`)
/// is built as linear. The prediction (argmax) is the same either way.
///
/// One engine layer per described layer, in the same order and with the same names, so layer indices, freezing
/// and checkpoint names carry over. Each layer's inputs come from `LayerAnalysis.inputNames` (the model input
/// by `spec.resolvedInputName`, earlier layers by name), so chains and graph models build the same way.
///
/// **Fused ReLUs.** A `relu` or `relu max=6` layer whose input is a linear `conv2d`, `depthwiseconv2d` or
/// `dense` read by nothing else is built as that layer's fused activation (`.relu` / `.relu6`), and the ReLU
/// layer itself as a `ReLULayer(isAppliedByInput: true)` that shares its input's buffer and is skipped: the
/// same numbers bit for bit (the same comparisons in the kernel's store or activation pass) without a pass over
/// the activation and its buffer (+8% training speed on the residual depthwise CNN).
public enum NetworkBuilder {
    /// The engine's per-sample shape for a Keras-style channels-last shape (`HxWxC` → C×H×W, `N` → vector).
    public static func sampleShape(_ shape: Shape) -> SampleShape {
        shape.isImage ? SampleShape(channels: shape.channels, height: shape.height, width: shape.width)
            : .vector(shape.elementCount)
    }

    /// Builds the network for `analysis`.
    ///
    /// - Parameters:
    ///   - maxBatchSize: the largest batch it will see (training or evaluation).
    ///   - threads: threads per batch (results do not depend on it).
    ///   - frozenLayers: names frozen in addition to layers described `trainable=false`.
    /// - Throws: `TrainingError.unknownLayer` for a frozen name the model lacks, `TrainingError.engine` if the
    ///   engine rejects a layer.
    public static func build(_ analysis: ModelAnalysis, maxBatchSize: Int, threads: Int,
                             frozenLayers: [String] = []) throws(TrainingError) -> Network {
        let names = analysis.layers.map(\.name)
        for frozen in frozenLayers where !names.contains(frozen) {
            throw .unknownLayer(frozen, suggestion: Suggestion.nearest(to: frozen, in: names))
        }
        let outputIndex = analysis.layers.indices.last
        let fused = fusedReLUs(analysis)
        var layers: [any Layer] = []
        do {
            for layer in analysis.layers {
                layers.append(try engineLayer(layer, isOutput: layer.index == outputIndex, fused: fused))
            }
            let network = try Network(layers: layers, inputs: inputs(of: analysis),
                                      inputShape: sampleShape(analysis.inputShape), maxBatchSize: maxBatchSize,
                                      threadCount: threads)
            for layer in analysis.layers where !layer.spec.trainable || frozenLayers.contains(layer.name) {
                network.setFrozen(true, layerAt: layer.index)
            }
            return network
        } catch {
            throw .engine(String(describing: error))
        }
    }

    /// Each layer's inputs as the engine names them: the model input, or the index of an earlier layer
    /// (`ModelAnalysis` has checked that every input is the model input or an earlier layer).
    static func inputs(of analysis: ModelAnalysis) -> [[LayerInput]] {
        var indices: [String: Int] = [:]
        return analysis.layers.map { layer in
            defer { indices[layer.name] = layer.index }
            return layer.inputNames.map { name in
                if name == analysis.spec.resolvedInputName { return .networkInput }
                guard let index = indices[name] else {
                    preconditionFailure("NetworkBuilder: \(layer.name) reads '\(name)', which analysis did not place earlier")
                }
                return .layer(index)
            }
        }
    }

    /// The ReLU layers to fuse into the layer before them: producer index → the fused activation, and the
    /// indices of the ReLU layers it absorbs.
    struct FusedReLUs {
        var producers: [Int: ActivationFunction] = [:]
        var absorbed: Set<Int> = []
    }

    /// Finds each `relu` (no cap or a cap of 6) that reads a linear conv2d, depthwiseconv2d or dense layer whose
    /// output nothing else reads.
    static func fusedReLUs(_ analysis: ModelAnalysis) -> FusedReLUs {
        var readers: [String: Int] = [:]
        for layer in analysis.layers {
            for name in layer.inputNames { readers[name, default: 0] += 1 }
        }
        var indices: [String: Int] = [:]
        for layer in analysis.layers { indices[layer.name] = layer.index }
        var fused = FusedReLUs()
        for layer in analysis.layers {
            guard case .reLU(let relu) = layer.spec.kind, relu.maxValue == nil || relu.maxValue == 6,
                  let producer = indices[layer.inputNames[0]], readers[layer.inputNames[0]] == 1 else { continue }
            let activation: Activation
            switch analysis.layers[producer].spec.kind {
            case .conv2D(let conv): activation = conv.activation
            case .depthwiseConv2D(let depthwise): activation = depthwise.activation
            case .dense(let dense): activation = dense.activation
            default: continue
            }
            guard activation == .linear else { continue }
            fused.producers[producer] = relu.maxValue == nil ? .relu : .relu6
            fused.absorbed.insert(layer.index)
        }
        return fused
    }

    /// The engine layer for one analysed layer. Exhaustive over `LayerKind`.
    static func engineLayer(_ layer: LayerAnalysis, isOutput: Bool, fused: FusedReLUs = FusedReLUs()) throws -> any Layer {
        let name = layer.name
        let input = sampleShape(layer.inputShape)
        /// The layer's activation: a fused ReLU, else its described one.
        func builtActivation(_ described: Activation) -> ActivationFunction {
            fused.producers[layer.index] ?? activation(described, isOutput: isOutput)
        }
        /// The engine pooling layer of `kind` for a described max or average pooling.
        func pooling(_ pool: Pooling2D, _ kind: Pooling2DLayer.Kind) throws(EngineError) -> Pooling2DLayer {
            try Pooling2DLayer(name: name, inputShape: input, kind: kind, poolSize: plane(pool.poolSize),
                               strides: pool.strides.map(plane), padding: padding(pool.padding))
        }
        switch layer.spec.kind {
        case .dense(let dense):
            return try DenseLayer(name: name, inputShape: input, units: dense.units, useBias: dense.useBias,
                                  activation: builtActivation(dense.activation))
        case .conv2D(let conv):
            return try Conv2DLayer(name: name, inputShape: input, filters: conv.filters, kernelSize: plane(conv.kernelSize),
                                   strides: plane(conv.strides), padding: padding(conv.padding), useBias: conv.useBias,
                                   activation: builtActivation(conv.activation))
        case .maxPooling2D(let pool):
            return try pooling(pool, .max)
        case .averagePooling2D(let pool):
            return try pooling(pool, .average)
        case .globalAveragePooling2D:
            return GlobalAveragePooling2DLayer(name: name, inputShape: input)
        case .batchNormalization(let norm):
            return try BatchNormalizationLayer(name: name, inputShape: input, momentum: Float(norm.momentum),
                                               epsilon: Float(norm.epsilon))
        case .dropout(let dropout):
            return try DropoutLayer(name: name, inputShape: input, rate: Float(dropout.rate))
        case .activation(let function):
            return ActivationLayer(name: name, inputShape: input, activation: activation(function, isOutput: isOutput))
        case .flatten:
            return FlattenLayer(name: name, inputShape: input)
        case .depthwiseConv2D(let depthwise):
            return try DepthwiseConv2DLayer(name: name, inputShape: input, kernelSize: plane(depthwise.kernelSize),
                                            strides: plane(depthwise.strides), padding: padding(depthwise.padding),
                                            depthMultiplier: depthwise.depthMultiplier, useBias: depthwise.useBias,
                                            activation: builtActivation(depthwise.activation))
        case .zeroPadding2D(let pad):
            return try ZeroPadding2DLayer(name: name, inputShape: input, top: pad.top, bottom: pad.bottom,
                                          left: pad.left, right: pad.right)
        case .reLU(let relu):
            return try ReLULayer(name: name, inputShape: input, maxValue: relu.maxValue.map { Float($0) },
                                 isAppliedByInput: fused.absorbed.contains(layer.index))
        case .add:
            return try AddLayer(name: name, inputShape: input, inputCount: layer.inputNames.count)
        }
    }

    /// The engine activation; an output softmax becomes linear (the loss applies it).
    static func activation(_ activation: Activation, isOutput: Bool) -> ActivationFunction {
        switch activation {
        case .linear: .linear
        case .relu: .relu
        case .sigmoid: .sigmoid
        case .tanh: .tanh
        case .softmax: isOutput ? .linear : .softmax
        }
    }

    static func plane(_ size: Size2) -> PlaneSize { PlaneSize(size.height, size.width) }

    static func padding(_ padding: Padding) -> PaddingMode {
        switch padding {
        case .valid: .valid
        case .same: .same
        }
    }
}
