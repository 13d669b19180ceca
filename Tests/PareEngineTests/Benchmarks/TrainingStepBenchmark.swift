// A training-step benchmark, not a test: it runs only with PARE_BENCH=1, in a release build:
//   PARE_BENCH=1 swift test -c release --filter TrainingStepBenchmark
// For each model and 1 and 2 threads it prints images/second (best and median over 7 repetitions of at least
// 50 ms), the CPU/wall ratio (≈ threads when the machine is idle) and /proc/loadavg before and after; numbers
// taken while the load is above 0.7 are marked PROVISIONAL (the machine is shared, SWIFT_PERF §7.7).
// PARE_BENCH_MODELS=cnn2,seed000,cnn1,mlp,residual picks models (default: all); PARE_BENCH_ITEMS=n sets the networks'
// work-item limit (default: the networks' WorkItemRule).

import Foundation
import Testing
import PareEngine

@Suite(.enabled(if: ProcessInfo.processInfo.environment["PARE_BENCH"] != nil))
struct TrainingStepBenchmark {
    private func measure(_ model: SeedModel, threads: Int) throws {
        let items = ProcessInfo.processInfo.environment["PARE_BENCH_ITEMS"].flatMap { Int($0) }
        let layers = try model.layers()
        let network = try Network(layers: layers, inputs: model.inputs ?? LayerInput.chain(layerCount: layers.count),
                                  inputShape: SeedModel.mnist, maxBatchSize: model.batchSize, threadCount: threads,
                                  workItemLimit: items)
        var generator = SeededGenerator(seed: 1)
        network.initialize(scheme: .keras, generator: &generator)
        let batch = LabelledBatch.random(batchSize: model.batchSize, shape: SeedModel.mnist, classCount: 10, seed: 2)
        let optimizer = Optimizer(rule: model.rule, parameterCount: network.parameterCount)
        let learningRate = model.rule.kerasDefaultLearningRate
        let sample = BenchmarkTiming.measure {
            network.trainStep(batch, optimizer: optimizer, learningRate: learningRate)
        }
        let reference = model.pytorchTwoThreads.map { String(format: ", issue-8 PyTorch 2T %.0f img/s", $0) } ?? ""
        print(String(format: "BENCH %@ %dT batch %d, %d items: %.0f img/s best, %.0f median (%.2f ms/step best)%@; %@; %d params",
                     model.name, threads, model.batchSize, network.split(batchSize: model.batchSize).itemCount,
                     Double(model.batchSize) / sample.best,
                     Double(model.batchSize) / sample.median, sample.best * 1000, reference, sample.conditions,
                     network.parameterCount))
    }

    @Test func trainingStepTimes() throws {
        let chosen = ProcessInfo.processInfo.environment["PARE_BENCH_MODELS"]?.split(separator: ",").map(String.init)
        let models: [(String, SeedModel)] = [("cnn2", .qiitaCNN2), ("seed000", .seed000CNN), ("cnn1", .qiitaCNN1),
                                             ("mlp", .mlp(hidden: 128)), ("mlp", .mlp(hidden: 512)),
                                             ("residual", .residualCNN(fused: false)), ("residual", .residualCNN(fused: true))]
        for (key, model) in models where chosen?.contains(key) ?? true {
            for threads in [1, 2] {
                try measure(model, threads: threads)
            }
        }
    }
}
