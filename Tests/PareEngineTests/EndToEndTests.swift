// A tiny end-to-end run: a two-layer MLP learns a separable synthetic problem, fed through the public API the
// Trainer uses (LaneLayout.store, trainStep, evaluate, predictedClasses).

import Testing
import PareEngine

@Suite struct EndToEndTests {
    /// Four classes in 6-D: class c is centred at +2 on axis c, with uniform noise in ±0.75 on every axis, so the
    /// classes are linearly separable. 512 training samples, 128 held out; Dense(16, relu) → Dense(4);
    /// SGD(0.1, momentum 0.9), batch 32, 8 epochs (128 steps).
    @Test func mlpLearnsSeparableProblem() throws {
        let featureCount = 6, classCount = 4
        var generator = SeededGenerator(seed: 2024)
        func makeSet(_ count: Int) -> (features: [Float], labels: [Int32]) {
            var features: [Float] = [], labels: [Int32] = []
            for _ in 0..<count {
                let label = Int(generator.next() % UInt64(classCount))
                labels.append(Int32(label))
                for axis in 0..<featureCount {
                    features.append((axis == label ? 2 : 0) + generator.nextSymmetricFloat(limit: 0.75))
                }
            }
            return (features, labels)
        }
        let training = makeSet(512), heldOut = makeSet(128)

        let network = try Network(
            layers: [try DenseLayer(name: "dense", inputShape: .vector(featureCount), units: 16, activation: .relu),
                     try DenseLayer(name: "dense_1", inputShape: .vector(16), units: classCount)],
            inputShape: .vector(featureCount), maxBatchSize: 128, threadCount: 2)
        network.initialize(scheme: .keras, generator: &generator)
        let optimizer = Optimizer(rule: .sgd(momentum: 0.9), parameterCount: network.parameterCount)

        let batchSize = 32
        var batch = [Float](repeating: 0, count: LaneLayout.floatCount(batchSize: 128, featureCount: featureCount))
        func gather(_ set: (features: [Float], labels: [Int32]), from first: Int, count: Int) -> [Int32] {
            batch.withUnsafeMutableBufferPointer { buffer in
                set.features.withUnsafeBufferPointer { features in
                    for sample in 0..<count {
                        LaneLayout.store(sample: sample, features: features.baseAddress! + (first + sample) * featureCount,
                                         featureCount: featureCount, into: buffer.baseAddress!)
                    }
                    LaneLayout.zeroPaddingLanes(of: buffer.baseAddress!, batchSize: count, featureCount: featureCount)
                }
            }
            return Array(set.labels[first..<(first + count)])
        }
        func evaluateHeldOut() -> BatchResult {
            let labels = gather(heldOut, from: 0, count: 128)
            return batch.withUnsafeBufferPointer { input in
                labels.withUnsafeBufferPointer { network.evaluate(input: input.baseAddress!, labels: $0.baseAddress!, count: 128) }
            }
        }

        let before = evaluateHeldOut()
        for _ in 0..<8 {
            for first in stride(from: 0, to: 512, by: batchSize) {
                let labels = gather(training, from: first, count: batchSize)
                batch.withUnsafeBufferPointer { input in
                    labels.withUnsafeBufferPointer {
                        _ = network.trainStep(input: input.baseAddress!, labels: $0.baseAddress!, count: batchSize,
                                              optimizer: optimizer, learningRate: 0.1)
                    }
                }
            }
        }
        let after = evaluateHeldOut()
        // Margins: chance is 25% and ln 4 = 1.386; a linear separator reaches ~100%.
        #expect(before.loss > 0.9, "initial loss \(before.loss)")
        #expect(after.loss < 0.15, "final loss \(after.loss) (initial \(before.loss))")
        #expect(after.accuracy >= 0.95, "final accuracy \(after.accuracy)")
        #expect(network.trainingStepCount == 128 && optimizer.iterations == 128)

        // Predicted classes agree with the evaluation's correct count.
        let labels = gather(heldOut, from: 0, count: 128)
        var predicted = [Int32](repeating: -1, count: 128)
        batch.withUnsafeBufferPointer { input in
            predicted.withUnsafeMutableBufferPointer {
                network.predictedClasses(input: input.baseAddress!, count: 128, into: $0.baseAddress!)
            }
        }
        #expect(zip(predicted, labels).filter { $0 == $1 }.count == after.correctCount)
        print("end-to-end: held-out loss \(before.loss) → \(after.loss), accuracy \(before.accuracy) → \(after.accuracy)")
    }
}
