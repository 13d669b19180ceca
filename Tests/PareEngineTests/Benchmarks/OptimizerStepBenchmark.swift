// The optimizer step of a training step — the fixed-order sum of the work items' gradient vectors fused with the
// update, block by block — on 1 and 2 threads, not a test: runs only with PARE_BENCH=1, in a release build:
//   PARE_BENCH=1 swift test -c release --filter OptimizerStepBenchmark
// For the seed models' parameter counts, each rule and 1, 2 and 4 work items it prints milliseconds per step and
// the 2-thread speed-up (the blocks are shared out between the threads; the result does not depend on it).

import Foundation
import Testing
@testable import PareEngine

@Suite(.enabled(if: ProcessInfo.processInfo.environment["PARE_BENCH"] != nil))
struct OptimizerStepBenchmark {
    @Test func optimizerStepTimes() throws {
        let models: [(String, SeedModel)] = [("qiita_mlp n=64", Self.qiitaMLP), ("seed000_cnn", .seed000CNN),
                                             ("qiita_cnn1 n=32", .qiitaCNN1)]
        for (name, model) in models {
            for items in [1, 2, 4] {
                var line = "OPTIMIZER \(name) \(items) items:"
                var conditions = ""
                for rule in [OptimizerRule.adam(), .rmsprop(), .adadelta()] {
                    var milliseconds: [Double] = []
                    for threads in [1, 2] {
                        let network = try Network(layers: try model.layers(), inputShape: SeedModel.mnist,
                                                  maxBatchSize: 16 * items, threadCount: threads, workItemLimit: items)
                        let plan = network.plan, optimizer = Optimizer(rule: rule, parameterCount: network.parameterCount)
                        let sample = BenchmarkTiming.measure {
                            optimizer.update(parameters: plan.parameters, gradients: plan.gradientVector(item: 0),
                                             ranges: plan.trainableBlocks, learningRate: 1e-9, runner: plan.runner) { range in
                                plan.sumItemGradients(itemCount: items, range: range)
                            }
                        }
                        milliseconds.append(sample.best * 1000)
                        conditions = sample.conditions
                    }
                    line += String(format: " %@ %.3f / %.3f ms (x%.2f);", rule.name, milliseconds[0], milliseconds[1],
                                   milliseconds[0] / milliseconds[1])
                }
                print(line + " " + conditions)
            }
        }
    }

    /// models/qiita_mlp.pare at n = 64 (55,050 parameters), as engine layers.
    private static let qiitaMLP = SeedModel(name: "qiita_mlp n=64", layers: {
        let flatten = FlattenLayer(name: "flatten", inputShape: SeedModel.mnist)
        let first = try DenseLayer(name: "dense", inputShape: flatten.outputShape, units: 64, activation: .relu)
        let second = try DenseLayer(name: "dense_1", inputShape: first.outputShape, units: 64, activation: .relu)
        return [flatten, first, second, try DenseLayer(name: "dense_2", inputShape: second.outputShape, units: 10)]
    }, batchSize: 128, rule: .rmsprop(), pytorchTwoThreads: nil)
}

private extension OptimizerRule {
    var name: String {
        switch self {
        case .sgd: "sgd"
        case .adam: "adam"
        case .rmsprop: "rmsprop"
        case .adadelta: "adadelta"
        }
    }
}
