// The whole executor against central differences: several work items, a batch-norm batch phase, dropout
// masks shared by forward and backward, a shared-buffer flatten, frozen layers, and the fixed-order gradient sum.

import Testing
@testable import PareEngine

/// Compares `computeGradient` with central differences of the training-mode loss for every parameter of
/// `network`'s learned, unfrozen tensors (every `stride`-th element). The loss is the batch mean computed in
/// Double from Float logits; h = 1e-2 keeps its rounding noise (~1e-7 / h) far below the 2e-4 tolerance.
func checkNetworkGradient(_ network: Network, batch: LabelledBatch, stride: Int = 1) throws -> (checked: Int, worst: Double) {
    network.computeGradient(batch)
    var checked = 0, worst = 0.0
    for slot in network.parameterSlots where slot.tensor.role == .learned && !network.isFrozen(layerAt: slot.layerIndex) {
        let analytic = try network.gradientValues(layer: slot.layerName, tensor: slot.tensor.name)
        for element in Swift.stride(from: 0, to: slot.tensor.elementCount, by: stride) {
            let index = slot.offset + element
            let original = network.withParameterBuffer { $0[index] }
            let plus = original + 0.01, minus = original - 0.01
            let lossPlus = withParameter(network, index, plus) { batch.trainingLoss(on: network) }
            let lossMinus = withParameter(network, index, minus) { batch.trainingLoss(on: network) }
            let numeric = (lossPlus - lossMinus) / Double(plus - minus)
            let error = abs(numeric - Double(analytic[element]))
            worst = max(worst, error)
            checked += 1
            #expect(error <= 2e-4 + 1e-2 * abs(numeric),
                    "\(slot.qualifiedName)[\(element)]: analytic \(analytic[element]), numeric \(numeric)")
        }
    }
    return (checked, worst)
}

private func withParameter(_ network: Network, _ index: Int, _ value: Float, _ body: () -> Double) -> Double {
    let original = network.withParameterBuffer { buffer in
        defer { buffer[index] = value }
        return buffer[index]
    }
    defer { network.withParameterBuffer { $0[index] = original } }
    return body()
}

extension LabelledBatch {
    func trainingLoss(on network: Network) -> Double {
        input.values.withUnsafeBufferPointer { x in
            labels.withUnsafeBufferPointer { y in
                network.trainingLoss(input: x.baseAddress!, labels: y.baseAddress!, count: count).loss
            }
        }
    }
}

@Suite struct NetworkGradientTests {
    /// 33 samples = 3 chunks = 3 work items; the batch norm runs as a batch phase between item phases.
    @Test(arguments: [1, 17, 33])
    func convolutionalNetwork(batchSize: Int) throws {
        let input = SampleShape(channels: 1, height: 7, width: 7)
        let network = try Network(layers: try smallConvolutionalLayers(), inputShape: input, maxBatchSize: 40)
        var generator = SeededGenerator(seed: 21)
        network.initialize(scheme: .torch, generator: &generator)  // nonzero biases
        network.trainingStepCount = 5
        let batch = LabelledBatch.random(batchSize: batchSize, shape: input, classCount: 3, seed: 22)
        let (checked, _) = try checkNetworkGradient(network, batch: batch, stride: 2)
        #expect(checked > 60)
    }

    /// Flatten first (its output *is* the input buffer), a frozen hidden layer (no gradient written, input
    /// gradient still propagated to nothing before it) and a frozen batch norm in inference mode.
    @Test func frozenLayersAndSharedInputBuffer() throws {
        let input = SampleShape(channels: 2, height: 2, width: 2)
        let flatten = FlattenLayer(name: "flatten", inputShape: input)
        let first = try DenseLayer(name: "dense", inputShape: .vector(8), units: 5, activation: .sigmoid)
        let norm = try BatchNormalizationLayer(name: "batch_normalization", inputShape: .vector(5))
        let second = try DenseLayer(name: "dense_1", inputShape: .vector(5), units: 4, activation: .tanh)
        let logits = try DenseLayer(name: "dense_2", inputShape: .vector(4), units: 3)
        let network = try Network(layers: [flatten, first, norm, second, logits], inputShape: input,
                                  maxBatchSize: 33, workItemLimit: 2)
        var generator = SeededGenerator(seed: 23)
        network.initialize(scheme: .torch, generator: &generator)
        try network.setParameterValues([0.2, -0.1, 0.3, 0, 0.1], layer: "batch_normalization", tensor: "moving_mean")
        network.setFrozen(true, layerAt: 2)
        network.setFrozen(true, layerAt: 1)
        let batch = LabelledBatch.random(batchSize: 33, shape: input, classCount: 3, seed: 24)
        let (checked, _) = try checkNetworkGradient(network, batch: batch)
        #expect(checked == 5 * 4 + 4 + 4 * 3 + 3)
        // Unfreezing the batch norm switches it back to batch statistics: still consistent.
        network.setFrozen(false, layerAt: 2)
        _ = try checkNetworkGradient(network, batch: batch)
    }

    /// A batch norm as the last layer: the loss runs in an empty per-item phase after the batch phase.
    @Test func batchNormalizationAsLastLayer() throws {
        let dense = try DenseLayer(name: "dense", inputShape: .vector(3), units: 4)
        let norm = try BatchNormalizationLayer(name: "batch_normalization", inputShape: .vector(4))
        let network = try Network(layers: [dense, norm], inputShape: .vector(3), maxBatchSize: 64)
        var generator = SeededGenerator(seed: 25)
        network.initialize(scheme: .torch, generator: &generator)
        try network.setParameterValues([1.5, 0.5, 1, 2], layer: "batch_normalization", tensor: "gamma")
        let batch = LabelledBatch.random(batchSize: 50, shape: .vector(3), classCount: 4, seed: 26)
        let (checked, _) = try checkNetworkGradient(network, batch: batch)
        #expect(checked == 12 + 4 + 4 + 4)
    }
}
