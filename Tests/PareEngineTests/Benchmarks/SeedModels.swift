// The seed models of issue 8's speed table, built as engine layers (the same layers NetworkBuilder makes from
// models/*.pare; a final softmax is left to the fused loss). Used by the benchmarks.

import PareEngine

/// Engine layer lists of the benchmark models, with the batch size and optimizer issue 8 measured PyTorch with.
struct SeedModel: Sendable {
    /// Name as in issue 8's table.
    let name: String
    /// The layers, MNIST input 1x28x28.
    let layers: @Sendable () throws -> [any Layer]
    /// Each layer's inputs for a graph model; `nil` for a chain.
    var inputs: [[LayerInput]]? = nil
    /// Batch size of issue 8's PyTorch measurement.
    let batchSize: Int
    /// Optimizer of issue 8's PyTorch measurement.
    let rule: OptimizerRule
    /// PyTorch 2-thread images/second from issue 8's table (60,000 / best epoch seconds), or nil. That table
    /// predates a change of host CPU (SWIFT_PERF describes a Zen 1; the machine now reports an Intel Xeon with
    /// AVX-512), so compare with PyTorch measured side by side before drawing conclusions.
    let pytorchTwoThreads: Double?

    static let mnist = SampleShape(channels: 1, height: 28, width: 28)

    private static func conv(_ name: String, _ input: SampleShape, _ filters: Int,
                             _ activation: ActivationFunction = .relu) throws -> Conv2DLayer {
        try Conv2DLayer(name: name, inputShape: input, filters: filters, kernelSize: PlaneSize(square: 3),
                        activation: activation)
    }

    /// models/qiita_cnn2.pare at n = 2 (932 parameters): conv 1→2, conv 2→2, maxpool 2, conv 2→4, conv 4→4,
    /// maxpool 2, flatten 64, dense 10. PyTorch: 60,000 / 10.8 s.
    static let qiitaCNN2 = SeedModel(name: "qiita_cnn2 n=2", layers: {
        let c1 = try conv("c1", mnist, 2), c2 = try conv("c2", c1.outputShape, 2)
        let p1 = try Pooling2DLayer(name: "p1", inputShape: c2.outputShape, kind: .max, poolSize: PlaneSize(square: 2))
        let c3 = try conv("c3", p1.outputShape, 4), c4 = try conv("c4", c3.outputShape, 4)
        let p2 = try Pooling2DLayer(name: "p2", inputShape: c4.outputShape, kind: .max, poolSize: PlaneSize(square: 2))
        let flatten = FlattenLayer(name: "flatten", inputShape: p2.outputShape)
        return [c1, c2, p1, c3, c4, p2, flatten,
                try DenseLayer(name: "dense", inputShape: flatten.outputShape, units: 10)]
    }, batchSize: 128, rule: .adadelta(), pytorchTwoThreads: 60_000 / 10.8)

    /// models/seed000_cnn.pare (296,518 parameters): conv 1→4, conv 4→4 (no activations), flatten 2304,
    /// dense 128 relu, dense 10. PyTorch: 60,000 / 14.8 s.
    static let seed000CNN = SeedModel(name: "seed000_cnn", layers: {
        let c1 = try conv("c1", mnist, 4, .linear), c2 = try conv("c2", c1.outputShape, 4, .linear)
        let flatten = FlattenLayer(name: "flatten", inputShape: c2.outputShape)
        let hidden = try DenseLayer(name: "dense", inputShape: flatten.outputShape, units: 128, activation: .relu)
        return [c1, c2, flatten, hidden, try DenseLayer(name: "dense_1", inputShape: hidden.outputShape, units: 10)]
    }, batchSize: 64, rule: .adam(), pytorchTwoThreads: 60_000 / 14.8)

    /// models/qiita_cnn1.pare at n = 32 (1,199,882 parameters): conv 1→32, conv 32→64, maxpool 2, flatten 9216,
    /// dense 128 relu, dense 10. PyTorch: 60,000 / 163 s.
    static let qiitaCNN1 = SeedModel(name: "qiita_cnn1 n=32", layers: {
        let c1 = try conv("c1", mnist, 32), c2 = try conv("c2", c1.outputShape, 64)
        let pool = try Pooling2DLayer(name: "pool", inputShape: c2.outputShape,
                                      kind: .max, poolSize: PlaneSize(square: 2))
        let flatten = FlattenLayer(name: "flatten", inputShape: pool.outputShape)
        let hidden = try DenseLayer(name: "dense", inputShape: flatten.outputShape, units: 128, activation: .relu)
        return [c1, c2, pool, flatten, hidden,
                try DenseLayer(name: "dense_1", inputShape: hidden.outputShape, units: 10)]
    }, batchSize: 128, rule: .adadelta(), pytorchTwoThreads: 60_000 / 163)

    /// The residual depthwise-separable CNN of GraphModelTests (PareTrainingTests) as NetworkBuilder builds it:
    /// conv 1→8 3x3 relu, depthwise 3x3 same, ReLU6 (a separate layer, or with `fused` inside the depthwise
    /// layer and the ReLU layer left out), pointwise conv 8→8, add with the stem, maxpool 2, flatten 1352,
    /// dense 10; Adam at batch 128 (no PyTorch reference).
    static func residualCNN(fused: Bool) -> SeedModel {
        var model = SeedModel(name: fused ? "residual cnn, fused relu6" : "residual cnn", layers: {
            let stem = try conv("stem", mnist, 8)
            let dw = try DepthwiseConv2DLayer(name: "dw", inputShape: stem.outputShape, kernelSize: PlaneSize(square: 3),
                                              padding: .same, activation: fused ? .relu6 : .linear)
            let relu6: [any Layer] = fused ? [] : [try ReLULayer(name: "dw_relu", inputShape: dw.outputShape, maxValue: 6)]
            let project = try Conv2DLayer(name: "project", inputShape: dw.outputShape, filters: 8,
                                          kernelSize: PlaneSize(square: 1))
            let add = try AddLayer(name: "sum", inputShape: project.outputShape)
            let pool = try Pooling2DLayer(name: "pool", inputShape: add.outputShape,
                                          kind: .max, poolSize: PlaneSize(square: 2))
            let flatten = FlattenLayer(name: "flatten", inputShape: pool.outputShape)
            return [stem, dw] + relu6 + [project, add, pool, flatten,
                                         try DenseLayer(name: "dense", inputShape: flatten.outputShape, units: 10)]
        }, batchSize: 128, rule: .adam(), pytorchTwoThreads: nil)
        let offset = fused ? 0 : 1  // the ReLU layer, when present, sits between dw (1) and project
        model.inputs = [[.networkInput], [.layer(0)]] + (fused ? [] : [[.layer(1)]])
            + [[.layer(1 + offset)], [.layer(0), .layer(2 + offset)], [.layer(3 + offset)], [.layer(4 + offset)],
               [.layer(5 + offset)]]
        return model
    }

    /// A 784-`hidden`-10 MLP at batch 128 with SGD (no PyTorch reference in issue 8's table at this size).
    static func mlp(hidden: Int) -> SeedModel {
        SeedModel(name: "mlp 784-\(hidden)-10", layers: {
            [FlattenLayer(name: "flatten", inputShape: mnist),
             try DenseLayer(name: "dense", inputShape: .vector(784), units: hidden, activation: .relu),
             try DenseLayer(name: "dense_1", inputShape: .vector(hidden), units: 10)]
        }, batchSize: 128, rule: .sgd(momentum: 0.9), pytorchTwoThreads: nil)
    }
}
