// A training-step benchmark, not a test: it runs only with PARE_BENCH=1, in a release build:
//   PARE_BENCH=1 swift test -c release --filter TrainingStepBenchmark
// It prints best / median milliseconds per step, the CPU/wall ratio (≈ threads when the machine is idle) and
// /proc/loadavg before and after, because the machine is shared (see SWIFT_PERF §7.7).

import Foundation
import Testing
import PareEngine

@Suite(.enabled(if: ProcessInfo.processInfo.environment["PARE_BENCH"] != nil))
struct TrainingStepBenchmark {
    private static func seconds(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    private static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3)
            .joined(separator: " ")
    }

    private func measure(_ name: String, layers: () throws -> [any Layer], inputShape: SampleShape,
                         classCount: Int, threads: Int, batchSize: Int = 128) throws {
        let network = try Network(layers: try layers(), inputShape: inputShape, maxBatchSize: batchSize,
                                  threadCount: threads)
        var generator = SeededGenerator(seed: 1)
        network.initialize(scheme: .keras, generator: &generator)
        let batch = LabelledBatch.random(batchSize: batchSize, shape: inputShape, classCount: classCount, seed: 2)
        let optimizer = Optimizer(rule: .sgd(momentum: 0.9), parameterCount: network.parameterCount)
        for _ in 0..<3 { network.trainStep(batch, optimizer: optimizer, learningRate: 0.01) }
        // Steps per repetition so that a repetition lasts at least ~50 ms.
        let probeStart = Self.seconds(CLOCK_MONOTONIC)
        network.trainStep(batch, optimizer: optimizer, learningRate: 0.01)
        let steps = max(1, Int(0.05 / max(Self.seconds(CLOCK_MONOTONIC) - probeStart, 1e-6)))
        let loadBefore = Self.loadAverage()
        var perStep: [Double] = []
        let cpuStart = Self.seconds(CLOCK_PROCESS_CPUTIME_ID), wallStart = Self.seconds(CLOCK_MONOTONIC)
        for _ in 0..<7 {
            let start = Self.seconds(CLOCK_MONOTONIC)
            for _ in 0..<steps { network.trainStep(batch, optimizer: optimizer, learningRate: 0.01) }
            perStep.append((Self.seconds(CLOCK_MONOTONIC) - start) / Double(steps) * 1000)
        }
        let ratio = (Self.seconds(CLOCK_PROCESS_CPUTIME_ID) - cpuStart) / (Self.seconds(CLOCK_MONOTONIC) - wallStart)
        perStep.sort()
        let best = perStep[0], median = perStep[3]
        print(String(format: "BENCH %@ threads %d batch %d: best %.2f ms, median %.2f ms per step (%.0f img/s best), "
                     + "cpu/wall %.2f, loadavg %@ -> %@, %d params",
                     name, threads, batchSize, best, median, Double(batchSize) / best * 1000, ratio, loadBefore,
                     Self.loadAverage(), network.parameterCount))
    }

    private static let mnist = SampleShape(channels: 1, height: 28, width: 28)

    private static func mlp(hidden: Int) throws -> [any Layer] {
        [FlattenLayer(name: "flatten", inputShape: mnist),
         try DenseLayer(name: "dense", inputShape: .vector(784), units: hidden, activation: .relu),
         try DenseLayer(name: "dense_1", inputShape: .vector(hidden), units: 10)]
    }

    /// SWIFT_PERF §6's tiny CNN: Conv(1→2,3)+ReLU, Conv(2→2,3)+ReLU, MaxPool2, Conv(2→4,3)+ReLU,
    /// Conv(4→4,3)+ReLU, MaxPool2, Flatten(64), Dense(64→10).
    private static func tinyCNN() throws -> [any Layer] {
        let c1 = try Conv2DLayer(name: "c1", inputShape: mnist, filters: 2, kernelSize: PlaneSize(square: 3), activation: .relu)
        let c2 = try Conv2DLayer(name: "c2", inputShape: c1.outputShape, filters: 2, kernelSize: PlaneSize(square: 3), activation: .relu)
        let p1 = try MaxPooling2DLayer(name: "p1", inputShape: c2.outputShape, poolSize: PlaneSize(square: 2))
        let c3 = try Conv2DLayer(name: "c3", inputShape: p1.outputShape, filters: 4, kernelSize: PlaneSize(square: 3), activation: .relu)
        let c4 = try Conv2DLayer(name: "c4", inputShape: c3.outputShape, filters: 4, kernelSize: PlaneSize(square: 3), activation: .relu)
        let p2 = try MaxPooling2DLayer(name: "p2", inputShape: c4.outputShape, poolSize: PlaneSize(square: 2))
        let flatten = FlattenLayer(name: "flatten", inputShape: p2.outputShape)
        let dense = try DenseLayer(name: "dense", inputShape: flatten.outputShape, units: 10)
        return [c1, c2, p1, c3, c4, p2, flatten, dense]
    }

    @Test func trainingStepTimes() throws {
        for threads in [1, 2] {
            try measure("mlp 784-128-10", layers: { try Self.mlp(hidden: 128) }, inputShape: Self.mnist,
                        classCount: 10, threads: threads)
            try measure("mlp 784-512-10", layers: { try Self.mlp(hidden: 512) }, inputShape: Self.mnist,
                        classCount: 10, threads: threads)
            try measure("tiny cnn", layers: { try Self.tinyCNN() }, inputShape: Self.mnist, classCount: 10,
                        threads: threads)
        }
    }
}
