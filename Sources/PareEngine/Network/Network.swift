// The engine's network: an ordered list of layers (a chain, or a graph where layers name their inputs) built
// into one parameter vector, preallocated buffers and an executor that trains and evaluates batches in the lane
// layout.

/// A trainable network: layers, one flat parameter vector, and buffers sized for a maximum batch.
///
/// **Building.** `NetworkBuilder` (PareTraining) creates the layer values from a model description, each with
/// its input shape, and passes them in order — for a graph model with each layer's inputs (`LayerInput`: the
/// network input or earlier layers). The network checks that shapes agree, lays every layer's
/// parameter tensors out consecutively in one vector (layer order, then the layer's tensor order), and
/// allocates every buffer once. The last layer must output the logits vector: a final softmax activation is
/// built as `.linear` and supplied by the fused `SoftmaxCrossEntropy` loss.
///
/// **Mapping for the builder** (one engine layer per `LayerKind`, each given its inferred input shape, channels-first):
///
/// | `LayerKind` | engine layer |
/// |---|---|
/// | `dense(units, activation, useBias)` | `DenseLayer(units:useBias:activation:)` (input must be a vector) |
/// | `conv2D(filters, kernelSize, strides, padding, activation, useBias)` | `Conv2DLayer(...)` |
/// | `maxPooling2D` / `averagePooling2D(poolSize, strides, padding)` | `Pooling2DLayer(kind: .max)` / `(kind: .average)` |
/// | `globalAveragePooling2D` | `GlobalAveragePooling2DLayer` |
/// | `batchNormalization(momentum, epsilon)` | `BatchNormalizationLayer` (per channel; per feature for vectors) |
/// | `dropout(rate)` | `DropoutLayer` |
/// | `activation(f)` | `ActivationLayer` |
/// | `flatten` | `FlattenLayer` (channels-first order; the Keras exporter permutes the next kernel's columns) |
/// | `depthwiseConv2D(kernelSize, strides, padding, depthMultiplier, activation, useBias)` | `DepthwiseConv2DLayer` |
/// | `zeroPadding2D(top, bottom, left, right)` | `ZeroPadding2DLayer` |
/// | `reLU(maxValue)` | `ReLULayer(maxValue:)` |
/// | `add` | `AddLayer` (one input per named layer) |
///
/// **Graphs.** Layers run forward in list order and backward in reverse; an output read by several layers
/// receives the sum of their input gradients, formed in a fixed order (see `ExecutionPlan`), so graphs keep the
/// bit-identical results for any thread count. A chain is the graph where each layer reads the one before.
///
/// The network's output is always treated as logits: a final softmax — a `softmax` activation on the last
/// dense/conv layer, or a final `activation(softmax)` layer — is built as `.linear` (or left out), and
/// `SoftmaxCrossEntropy` supplies it.
///
/// **Batches** arrive in the lane layout (`LaneLayout`): `LaneLayout.floatCount(batchSize: count,
/// featureCount: inputShape.featureCount)` floats, padding lanes zero. Labels are `count` class indices.
///
/// **Work items and determinism.** A batch is split into work items of contiguous chunks (`BatchSplit`); how many
/// is decided by `workItemRule` from the model and the batch size (or capped by an explicit `workItemLimit`) —
/// never from `threadCount`. Each item runs forward and backward over its chunks and writes its own gradient vector; the
/// vectors are summed in item order and the optimizer steps. Items run on `threadCount` threads or in a loop;
/// the results are bit-identical. A batch-norm layer in training needs batch statistics: the executor runs
/// the layers before it per item, the layer once over the whole batch, and the rest per item again.
///
/// A `Network` is not thread-safe: calls must not overlap (it uses its own threads inside each call).
///
/// ```swift
/// let layers: [any Layer] = [
///     FlattenLayer(name: "flatten", inputShape: SampleShape(channels: 1, height: 28, width: 28)),
///     try DenseLayer(name: "dense", inputShape: .vector(784), units: 128, activation: .relu),
///     try DenseLayer(name: "dense_1", inputShape: .vector(128), units: 10),   // softmax → fused loss
/// ]
/// let network = try Network(layers: layers, inputShape: SampleShape(channels: 1, height: 28, width: 28),
///                           maxBatchSize: 128, threadCount: 2)
/// var generator = SeededGenerator(seed: 42)
/// network.initialize(scheme: .keras, generator: &generator)
/// let optimizer = Optimizer(rule: .adam(), parameterCount: network.parameterCount)
/// let result = network.trainStep(input: batch, labels: labels, count: 128, optimizer: optimizer,
///                                learningRate: 0.001)
/// ```
///
/// A residual block names its inputs (layer indices; the add reads the stem and the projection):
///
/// ```swift
/// let network = try Network(layers: [stem, depthwise, relu6, project, add, pool, flatten, dense],
///                           inputs: [[.networkInput], [.layer(0)], [.layer(1)], [.layer(2)],
///                                    [.layer(0), .layer(3)], [.layer(4)], [.layer(5)], [.layer(6)]],
///                           inputShape: SampleShape(channels: 1, height: 28, width: 28), maxBatchSize: 128)
/// ```
public final class Network {
    /// The layers, in execution order.
    public let layers: [any Layer]
    /// Where each layer's inputs come from, in the layer's input order (`LayerInput.chain` for a chain).
    public let layerInputs: [[LayerInput]]
    /// Per-sample input shape.
    public let inputShape: SampleShape
    /// Per-sample output shape: the logits vector `[classCount]`.
    public let outputShape: SampleShape
    /// Largest batch a call accepts; buffers are sized for it.
    public let maxBatchSize: Int
    /// Threads used for work items, batch phases and the optimizer update.
    public let threadCount: Int
    /// Most work items a batch is split into: the rule's count for `maxBatchSize` (buffers are sized for it).
    public let workItemLimit: Int
    /// How a batch's chunk count maps to its work items (depends on the model, not on `threadCount`).
    public let workItemRule: WorkItemRule
    /// Length of the flat parameter vector.
    public let parameterCount: Int
    /// Every parameter tensor with its place in the vector, in layer order.
    public let parameterSlots: [ParameterSlot]
    /// Training steps taken; keys dropout's random stream and is saved in checkpoints.
    public var trainingStepCount = 0
    /// The seed of dropout's counter-based random stream (set by `initialize`, saved in checkpoints).
    public var dropoutSeed: UInt64 = 0

    let plan: ExecutionPlan

    /// Builds a chain network, each layer reading the one before it; parameters start at zero until
    /// `initialize` is called.
    ///
    /// `workItemLimit` replaces `WorkItemRule`'s choice by at most that many items (tests, experiments).
    ///
    /// - Throws: `EngineError` when there are no layers, a size or input dimension is not positive, shapes do not
    ///   chain, two layers share a name, or the last layer does not output a vector.
    public convenience init(layers: [any Layer], inputShape: SampleShape, maxBatchSize: Int, threadCount: Int = 1,
                            workItemLimit: Int? = nil) throws(EngineError) {
        try self.init(layers: layers, inputs: LayerInput.chain(layerCount: layers.count), inputShape: inputShape,
                      maxBatchSize: maxBatchSize, threadCount: threadCount, workItemLimit: workItemLimit)
    }

    /// Builds a graph network: layer `i` reads `inputs[i]` (the network input or earlier layers, one entry per
    /// element of its `inputShapes`); parameters start at zero until `initialize` is called.
    ///
    /// - Throws: `EngineError` when there are no layers, a size or input dimension is not positive, a layer has
    ///   the wrong number of inputs or reads a layer that is not earlier, an input's shape differs from what the
    ///   layer expects, a layer's output is read by no later layer (only the last layer's may be unread), two
    ///   layers share a name, or the last layer does not output a vector.
    public init(layers: [any Layer], inputs: [[LayerInput]], inputShape: SampleShape, maxBatchSize: Int,
                threadCount: Int = 1, workItemLimit: Int? = nil) throws(EngineError) {
        guard let last = layers.last else { throw .emptyNetwork }
        guard maxBatchSize >= 1 else { throw .nonPositiveSize(what: "maximum batch size", value: maxBatchSize) }
        guard threadCount >= 1 else { throw .nonPositiveSize(what: "thread count", value: threadCount) }
        if let workItemLimit, workItemLimit < 1 {
            throw .nonPositiveSize(what: "work-item limit", value: workItemLimit)
        }
        guard inputShape.channels >= 1, inputShape.height >= 1, inputShape.width >= 1 else {
            throw .invalidValue(name: "the input shape", requirement: "positive in every dimension",
                                found: "\(inputShape)")
        }
        guard inputs.count == layers.count else {
            throw .invalidValue(name: "the layer inputs", requirement: "one list per layer (\(layers.count))",
                                found: "\(inputs.count) lists")
        }
        var names = Set<String>()
        var isRead = [Bool](repeating: false, count: layers.count)
        for (index, layer) in layers.enumerated() {
            let expected = layer.inputShapes
            guard inputs[index].count == expected.count else {
                throw .invalidLayer(layer: layer.name,
                                    reason: "takes \(expected.count) input(s), given \(inputs[index].count)")
            }
            for (input, expectedShape) in zip(inputs[index], expected) {
                let received: SampleShape
                switch input {
                case .networkInput:
                    received = inputShape
                case .layer(let producer):
                    guard producer >= 0 && producer < index else {
                        throw .invalidLayer(layer: layer.name, reason: "reads \(input), which is not an earlier layer")
                    }
                    received = layers[producer].outputShape
                    isRead[producer] = true
                }
                guard received == expectedShape else {
                    throw .shapeMismatch(layer: layer.name, expected: expectedShape, received: received)
                }
            }
            guard names.insert(layer.name).inserted else { throw .duplicateLayerName(layer.name) }
            guard layer.outputShape.featureCount >= 1 else {
                throw .invalidLayer(layer: layer.name, reason: "output shape \(layer.outputShape) is empty")
            }
        }
        if let unread = layers.indices.dropLast().first(where: { !isRead[$0] }) {
            throw .invalidLayer(layer: layers[unread].name,
                                reason: "its output is read by no later layer, and only the last layer is the output")
        }
        guard last.outputShape.isVector else { throw .outputNotVector(layer: last.name, shape: last.outputShape) }

        var slots: [ParameterSlot] = [], offsets: [Int] = []
        var offset = 0
        for (index, layer) in layers.enumerated() {
            offsets.append(offset)
            for tensor in layer.parameterTensors {
                slots.append(ParameterSlot(layerIndex: index, layerName: layer.name, tensor: tensor, offset: offset))
                offset += tensor.elementCount
            }
        }
        self.layers = layers
        self.layerInputs = inputs
        self.inputShape = inputShape
        self.outputShape = last.outputShape
        self.maxBatchSize = maxBatchSize
        self.threadCount = threadCount
        let rule = workItemLimit.map(WorkItemRule.fixed)
            ?? WorkItemRule(layers: layers, inputShape: inputShape, parameterCount: offset)
        self.workItemRule = rule
        self.workItemLimit = rule.itemCount(chunkCount: LaneLayout.chunkCount(batchSize: maxBatchSize))
        self.parameterCount = offset
        self.parameterSlots = slots
        self.plan = ExecutionPlan(layers: layers, inputs: inputs, inputFeatureCount: inputShape.featureCount,
                                  parameterSlots: slots, parameterOffsets: offsets, parameterCount: offset,
                                  maxBatchSize: maxBatchSize, threadCount: threadCount, workItemLimit: self.workItemLimit)
    }

    /// Number of classes: the feature count of the output.
    public var classCount: Int { outputShape.featureCount }

    /// How a batch of `batchSize` samples is split into work items.
    public func split(batchSize: Int) -> BatchSplit {
        BatchSplit(batchSize: batchSize,
                   workItemLimit: workItemRule.itemCount(chunkCount: LaneLayout.chunkCount(batchSize: batchSize)))
    }

    func checkBatch(count: Int) {
        precondition(count >= 1 && count <= maxBatchSize,
                     "Network: batch of \(count) samples is outside 1...\(maxBatchSize)")
    }
}
