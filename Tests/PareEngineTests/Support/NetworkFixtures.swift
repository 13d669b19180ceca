// Small networks and batches shared by the network-level tests.

import PareEngine

/// A labelled batch in the lane layout.
struct LabelledBatch {
    var input: LaneTensor
    var labels: [Int32]
    var count: Int { input.batchSize }

    /// Random inputs in ±1 and random labels in `0..<classCount`.
    static func random(batchSize: Int, shape: SampleShape, classCount: Int, seed: UInt64) -> LabelledBatch {
        var generator = SeededGenerator(seed: seed)
        let input = LaneTensor.random(batchSize: batchSize, featureCount: shape.featureCount, in: -1...1,
                                      generator: &generator)
        let labels = (0..<batchSize).map { _ in Int32(generator.next() % UInt64(classCount)) }
        return LabelledBatch(input: input, labels: labels)
    }
}

extension Network {
    /// `trainStep` on a test batch.
    @discardableResult
    func trainStep(_ batch: LabelledBatch, optimizer: Optimizer, learningRate: Float) -> BatchResult {
        batch.input.values.withUnsafeBufferPointer { input in
            batch.labels.withUnsafeBufferPointer { labels in
                trainStep(input: input.baseAddress!, labels: labels.baseAddress!, count: batch.count,
                          optimizer: optimizer, learningRate: learningRate)
            }
        }
    }

    /// `computeGradient` on a test batch.
    @discardableResult
    func computeGradient(_ batch: LabelledBatch) -> BatchResult {
        batch.input.values.withUnsafeBufferPointer { input in
            batch.labels.withUnsafeBufferPointer { labels in
                computeGradient(input: input.baseAddress!, labels: labels.baseAddress!, count: batch.count)
            }
        }
    }

    /// `evaluate` on a test batch.
    func evaluate(_ batch: LabelledBatch) -> BatchResult {
        batch.input.values.withUnsafeBufferPointer { input in
            batch.labels.withUnsafeBufferPointer { labels in
                evaluate(input: input.baseAddress!, labels: labels.baseAddress!, count: batch.count)
            }
        }
    }
}

/// A small CNN touching every executor path: conv, a batch-norm batch phase, same-padded average pooling,
/// dropout, a shared-buffer flatten and two dense layers. Input 1x7x7, 3 classes.
func smallConvolutionalLayers(activation: ActivationFunction = .tanh, pooling: Pooling2DLayer.Kind = .average) throws -> [any Layer] {
    let input = SampleShape(channels: 1, height: 7, width: 7)
    let conv = try Conv2DLayer(name: "conv2d", inputShape: input, filters: 3, kernelSize: PlaneSize(square: 3),
                               activation: activation)                                                 // 3x5x5
    let norm = try BatchNormalizationLayer(name: "batch_normalization", inputShape: conv.outputShape)
    let pool = try Pooling2DLayer(name: "pool", inputShape: norm.outputShape, kind: pooling,
                                  poolSize: PlaneSize(square: 2), padding: .same)                     // 3x3x3
    let dropout = try DropoutLayer(name: "dropout", inputShape: pool.outputShape, rate: 0.25)
    let flatten = FlattenLayer(name: "flatten", inputShape: dropout.outputShape)                      // 27
    let hidden = try DenseLayer(name: "dense", inputShape: flatten.outputShape, units: 6, activation: activation)
    let logits = try DenseLayer(name: "dense_1", inputShape: hidden.outputShape, units: 3)
    return [conv, norm, pool, dropout, flatten, hidden, logits]
}
