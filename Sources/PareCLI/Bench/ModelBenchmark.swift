// Timing one benchmark model's training on real MNIST batches: build the network the way `pare train` does, take a
// few warm-up steps (GEMM workspaces grow to their final size), then time repetitions of a fixed number of steps.
// Each step gathers its batch from the shuffled training set into the lane layout and runs one optimizer step, the
// work PyTorch's timed loop does (batch slicing, forward, backward, step).

import PareData
import PareEngine
import PareModel
import PareTraining

/// The measured training speed of one model at one thread count.
struct ModelTiming: Sendable, Codable {
    /// `BenchModel.key` and name.
    let key: String
    let name: String
    let parameterCount: Int
    /// Multiply-adds of one example's forward pass (from the analysis).
    let forwardMultiplyAdds: Int
    let batchSize: Int
    let optimizer: String
    let threads: Int
    /// Work items a batch is split into (chosen from the model and batch, never from `threads`).
    let workItems: Int
    /// Steps per timed repetition.
    let batches: Int
    /// Images per second of the fastest and the median repetition.
    let bestImagesPerSecond: Double
    let medianImagesPerSecond: Double
    /// Process CPU time over wall time across the repetitions (≈ `threads` on an otherwise idle machine).
    let cpuPerWall: Double
    /// 1-minute load average before and after.
    let loadBefore: Double?
    let loadAfter: Double?
    /// The mean training loss of the last repetition (a sanity check that it trained).
    let lastLoss: Double

    /// Floating-point operations per training image: forward, plus backward ≈ 2× forward, at 2 per multiply-add.
    var flopsPerImage: Double { Double(6 * forwardMultiplyAdds) }

    /// Achieved GFLOP/s of the fastest repetition.
    var bestGFLOPS: Double { bestImagesPerSecond * flopsPerImage / 1e9 }
}

/// Trains benchmark models on MNIST and times them.
struct ModelBenchmark {
    /// The training images (loaded once for every model).
    let data: TrainingData
    /// Steps per repetition.
    let batches: Int
    /// Timed repetitions.
    let repetitions: Int
    /// Untimed steps first.
    static let warmUpSteps = 3

    /// Times `model` with `threads` threads.
    func run(_ model: BenchModel, threads: Int) throws -> ModelTiming {
        let analysis = try ParsedModel.parse(model.source, path: "<bench \(model.key)>").analyze()
        let network = try NetworkBuilder.build(analysis, maxBatchSize: model.batchSize, threads: threads)
        var initializer = SeededGenerator(seed: 0)
        network.initialize(scheme: .keras, generator: &initializer)
        let optimizer = Optimizer(rule: model.optimizer, parameterCount: network.parameterCount)
        let batch = LaneBatch(capacity: model.batchSize, shape: data.dataset.imageShape)
        var shuffler = SeededGenerator(seed: 1)
        var order = data.trainIndices.shuffled(using: &shuffler)
        var position = 0
        var lossSum = 0.0

        func step() {
            if position + model.batchSize > order.count {
                order.shuffle(using: &shuffler)
                position = 0
            }
            let count = batch.fill(from: data.dataset.train, indices: order[position..<(position + model.batchSize)])
            position += model.batchSize
            lossSum += network.trainStep(input: batch.input.pointer, labels: batch.labels, count: count,
                                         optimizer: optimizer, learningRate: model.learningRate).loss
        }

        for _ in 0..<Self.warmUpSteps { step() }
        let loadBefore = ProcessClock.loadAverage
        var rates: [Double] = []
        var wall = 0.0, cpu = 0.0
        for _ in 0..<repetitions {
            lossSum = 0
            let timing = ProcessClock.measure { for _ in 0..<batches { step() } }
            rates.append(Double(batches * model.batchSize) / timing.wall)
            wall += timing.wall
            cpu += timing.cpu
        }
        let loadAfter = ProcessClock.loadAverage
        rates.sort()
        return ModelTiming(key: model.key, name: model.name, parameterCount: network.parameterCount,
                           forwardMultiplyAdds: analysis.multiplyAdds, batchSize: model.batchSize,
                           optimizer: model.optimizer.name, threads: threads,
                           workItems: network.split(batchSize: model.batchSize).itemCount, batches: batches,
                           bestImagesPerSecond: rates[rates.count - 1], medianImagesPerSecond: rates[rates.count / 2],
                           cpuPerWall: cpu / wall, loadBefore: loadBefore, loadAfter: loadAfter,
                           lastLoss: lossSum / Double(batches))
    }
}
