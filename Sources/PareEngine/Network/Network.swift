// The engine's network: an ordered list of layers built into one parameter vector, preallocated buffers and an
// executor that trains and evaluates batches in the lane layout.

/// A trainable network: layers, one flat parameter vector, and buffers sized for a maximum batch.
///
/// **Building.** `NetworkBuilder` (PareTraining) creates the layer values from a model description, each with
/// its input shape, and passes them in order. The network checks that shapes chain, lays every layer's
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
/// | `maxPooling2D` / `averagePooling2D(poolSize, strides, padding)` | `MaxPooling2DLayer` / `AveragePooling2DLayer` |
/// | `globalAveragePooling2D` | `GlobalAveragePooling2DLayer` |
/// | `batchNormalization(momentum, epsilon)` | `BatchNormalizationLayer` (per channel; per feature for vectors) |
/// | `dropout(rate)` | `DropoutLayer` |
/// | `activation(f)` | `ActivationLayer` |
/// | `flatten` | `FlattenLayer` (channels-first order; the Keras exporter permutes the next kernel's columns) |
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
public final class Network {
    /// The layers, in execution order.
    public let layers: [any Layer]
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

    /// Builds a network from layers in order; parameters start at zero until `initialize` is called.
    ///
    /// `workItemLimit` replaces `WorkItemRule`'s choice by at most that many items (tests, experiments).
    ///
    /// - Throws: `EngineError` when there are no layers, a size or input dimension is not positive, shapes do not
    ///   chain, two layers share a name, or the last layer does not output a vector.
    public init(layers: [any Layer], inputShape: SampleShape, maxBatchSize: Int, threadCount: Int = 1,
                workItemLimit: Int? = nil) throws(EngineError) {
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
        var names = Set<String>()
        var previous = inputShape
        for layer in layers {
            guard layer.inputShape == previous else {
                throw .shapeMismatch(layer: layer.name, expected: layer.inputShape, received: previous)
            }
            guard names.insert(layer.name).inserted else { throw .duplicateLayerName(layer.name) }
            guard layer.outputShape.featureCount >= 1 else {
                throw .invalidLayer(layer: layer.name, reason: "output shape \(layer.outputShape) is empty")
            }
            previous = layer.outputShape
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
        self.plan = ExecutionPlan(layers: layers, parameterSlots: slots, parameterOffsets: offsets,
                                  parameterCount: offset, maxBatchSize: maxBatchSize, threadCount: threadCount,
                                  workItemLimit: self.workItemLimit)
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
