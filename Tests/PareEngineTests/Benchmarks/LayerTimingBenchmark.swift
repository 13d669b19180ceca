// Where a training step's time goes, not a test: runs only with PARE_BENCH=1, in a release build:
//   PARE_BENCH=1 swift test -c release --filter LayerTimingBenchmark
// For each benchmark model it calls every layer's forward and backward directly, once per work item of the
// network's default batch split, one after another on one thread (what the executor's items do between them),
// and times the fused fixed-order gradient sum and optimizer update over the parameter vector, printing
// milliseconds per step and each part's share.
// PARE_BENCH_MODELS=cnn2,seed000,cnn1 picks models (default: all three).

import Foundation
import Testing
@testable import PareEngine

@Suite(.enabled(if: ProcessInfo.processInfo.environment["PARE_BENCH"] != nil))
struct LayerTimingBenchmark {
    private func profile(_ model: SeedModel) throws {
        let layers = try model.layers()
        let network = try Network(layers: layers, inputShape: SeedModel.mnist, maxBatchSize: model.batchSize)
        var generator = SeededGenerator(seed: 4)
        network.initialize(scheme: .keras, generator: &generator)
        let chunkCount = LaneLayout.chunkCount(batchSize: model.batchSize)
        func laneBuffer(_ shape: SampleShape) -> FloatBuffer {
            let buffer = FloatBuffer(count: chunkCount * shape.featureCount * LaneLayout.laneCount)
            for index in 0..<buffer.count { buffer.pointer[index] = generator.nextSymmetricFloat(limit: 1) }
            return buffer
        }
        let parameters = network.plan.parameters, gradients = FloatBuffer(count: network.parameterCount)
        // Training updates the parameters in place; a learning rate of 1e-9 keeps them (and the timings) steady.
        var activations = [laneBuffer(SeedModel.mnist)]
        var activationGradients = [laneBuffer(SeedModel.mnist)]
        for layer in layers {
            activations.append(layer.sharesInputBuffer ? activations[activations.count - 1] : laneBuffer(layer.outputShape))
            activationGradients.append(layer.sharesInputBuffer ? activationGradients[activationGradients.count - 1]
                                                                : laneBuffer(layer.outputShape))
        }
        let workspaces = layers.map { FloatBuffer(count: $0.workspaceCount) }
        let gemmWorkspace = GEMMWorkspace()
        let split = network.split(batchSize: model.batchSize)
        let itemChunks = (0..<split.itemCount).map { split.chunks(ofItem: $0) }
        var rows: [(String, Double)] = []
        var offset = 0
        for (index, layer) in layers.enumerated() {
            defer { offset += layer.parameterCount }
            guard !layer.sharesInputBuffer else { continue }
            let random = CounterRandom(seed: 5, step: 0, layer: index)
            let calls = layer.needsBatchPhase(isTraining: true, isFrozen: false) ? [0..<chunkCount] : itemChunks
            let forwards = calls.map { chunks in
                ForwardPass(input: activations[index].pointer, output: activations[index + 1].pointer,
                            chunks: chunks, batchSize: model.batchSize, parameters: parameters + offset,
                            workspace: workspaces[index].pointer, isTraining: true, isFrozen: false, random: random,
                            runner: .serial, gemmWorkspace: gemmWorkspace)
            }
            rows.append(("\(layer.name) forward", BenchmarkTiming.measure(repetitions: 5) {
                for pass in forwards { layer.forward(pass) }
            }.best))
            let backwards = calls.map { chunks in
                BackwardPass(input: activations[index].pointer, output: activations[index + 1].pointer,
                             outputGradient: activationGradients[index + 1].pointer,
                             inputGradient: index == 0 ? nil : activationGradients[index].pointer,
                             parameters: parameters + offset, parameterGradients: gradients.pointer + offset,
                             chunks: chunks, batchSize: model.batchSize, workspace: workspaces[index].pointer,
                             isTraining: true, isFrozen: false, random: random, runner: .serial,
                             gemmWorkspace: gemmWorkspace)
            }
            rows.append(("\(layer.name) backward", BenchmarkTiming.measure(repetitions: 5) {
                for pass in backwards { layer.backward(pass) }
            }.best))
        }
        let itemCount = split.itemCount
        let plan = network.plan, optimizer = Optimizer(rule: model.rule, parameterCount: network.parameterCount)
        rows.append(("gradient sum + update (\(itemCount) items)", BenchmarkTiming.measure(repetitions: 5) {
            optimizer.update(parameters: plan.parameters, gradients: plan.gradientVector(item: 0),
                             ranges: plan.trainableBlocks, learningRate: 1e-9, runner: .serial) { range in
                plan.sumItemGradients(itemCount: itemCount, range: range)
            }
        }.best))
        let total = rows.reduce(0) { $0 + $1.1 }
        print(String(format: "PROFILE %@ batch %d, 1 thread: %.2f ms per step (%.0f img/s), load %@",
                     model.name, model.batchSize, total * 1000, Double(model.batchSize) / total,
                     BenchmarkTiming.loadText()))
        for (name, seconds) in rows {
            let padded = name.padding(toLength: 30, withPad: " ", startingAt: 0)
            print(String(format: "PROFILE   %@ %8.3f ms %5.1f%%", padded, seconds * 1000, seconds / total * 100))
        }
    }

    @Test func layerTimes() throws {
        let chosen = ProcessInfo.processInfo.environment["PARE_BENCH_MODELS"]?.split(separator: ",").map(String.init)
        for (key, model) in [("cnn2", SeedModel.qiitaCNN2), ("seed000", .seed000CNN), ("cnn1", .qiitaCNN1)]
            where chosen?.contains(key) ?? true {
            try profile(model)
        }
    }
}
