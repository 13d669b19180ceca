// Batch normalisation's modes: batch statistics and the moving-average update in training, moving statistics
// at evaluation and when frozen, and padding lanes excluded from statistics and gradients.

import Foundation
import Testing
@testable import PareEngine

@Suite struct BatchNormalizationTests {
    private func layer(_ shape: SampleShape = .vector(1)) throws -> BatchNormalizationLayer {
        try BatchNormalizationLayer(name: "bn", inputShape: shape)
    }

    /// x = [1, 2, 3, 4]: μ = 2.5, biased σ² = (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25 (Keras 3's `ops.moments`).
    /// Output (γ = 1, β = 0): (x − 2.5)/√1.251 = [−1.3411, −0.4470, 0.4470, 1.3411].
    /// Moving update, momentum 0.99: mean = 0.99·0 + 0.01·2.5 = 0.025, variance = 0.99·1 + 0.01·1.25 = 1.0025.
    @Test func trainingUsesBatchStatisticsAndUpdatesMovingAverages() throws {
        let input = LaneTensor(batchSize: 4, featureCount: 1) { sample, _ in Float(sample + 1) }
        let harness = LayerHarness(layer: try layer(), input: input, parameters: [1, 0, 0, 1])
        let output = harness.forward()
        let scale = 1 / Float(1.251).squareRoot()
        for sample in 0..<4 {
            #expect(abs(output[sample, 0] - (Float(sample + 1) - 2.5) * scale) < 1e-6)
        }
        #expect(abs(harness.parameters[2] - 0.025) < 1e-7)
        #expect(abs(harness.parameters[3] - 1.0025) < 1e-6)
        // A second training pass moves the averages again: 0.99·0.025 + 0.01·2.5 = 0.04975.
        _ = harness.forward()
        #expect(abs(harness.parameters[2] - 0.04975) < 1e-7)
    }

    /// At evaluation and when frozen the moving statistics normalise and nothing is updated.
    @Test func evaluationAndFrozenUseMovingStatistics() throws {
        let input = LaneTensor(batchSize: 4, featureCount: 1) { sample, _ in Float(sample + 1) }
        let parameters: [Float] = [2, 1, 0.5, 3]  // γ, β, moving mean, moving variance
        // y = 2(x − 0.5)/√3.001 + 1
        let expected = (1...4).map { 2 * (Float($0) - 0.5) / Float(3.001).squareRoot() + 1 }
        for (isTraining, isFrozen) in [(false, false), (true, true)] {
            let harness = LayerHarness(layer: try layer(), input: input, parameters: parameters)
            harness.isTraining = isTraining
            harness.isFrozen = isFrozen
            let output = harness.forward()
            for sample in 0..<4 { #expect(abs(output[sample, 0] - expected[sample]) < 1e-6) }
            #expect(harness.parameters == parameters, "training \(isTraining) frozen \(isFrozen) changed parameters")
        }
    }

    /// Garbage in the 15 padding lanes of a 17-sample batch changes no statistic, no real output and no
    /// gradient, and the padding lanes' input gradient is exactly zero.
    @Test func paddingLanesAreExcluded() throws {
        let shape = SampleShape(channels: 2, height: 2, width: 2)
        var generator = SeededGenerator(seed: 5)
        let clean = LaneTensor.random(batchSize: 17, featureCount: shape.featureCount, in: -2...2, generator: &generator)
        var dirty = clean
        for index in dirty.paddingIndices { dirty.values[index] = 1e6 }
        let projection = LaneTensor.random(batchSize: 17, featureCount: shape.featureCount, in: -1...1,
                                           generator: &generator)
        let parameters: [Float] = [1.5, 0.5, 0.2, -0.1, 0, 0, 1, 1]
        let cleanHarness = LayerHarness(layer: try layer(shape), input: clean, parameters: parameters)
        let dirtyHarness = LayerHarness(layer: try layer(shape), input: dirty, parameters: parameters)
        let cleanOutput = cleanHarness.forward(), dirtyOutput = dirtyHarness.forward()
        #expect(cleanHarness.parameters == dirtyHarness.parameters, "moving statistics differ")
        #expect(clean.realIndices.allSatisfy { cleanOutput.values[$0] == dirtyOutput.values[$0] })
        // After one pass the moving mean of channel 0 is 0.01 · (mean of its 17 · 4 real values).
        let realValues = (0..<17).flatMap { sample in (0..<4).map { Double(clean[sample, $0]) } }
        let mean = realValues.reduce(0, +) / 68
        #expect(abs(Double(cleanHarness.parameters[4]) - 0.01 * mean) < 1e-7)
        let cleanGradients = cleanHarness.gradients(outputGradient: projection)
        let dirtyGradients = dirtyHarness.gradients(outputGradient: projection)
        #expect(cleanGradients.parameters[0..<4] == dirtyGradients.parameters[0..<4])
        #expect(clean.realIndices.allSatisfy { cleanGradients.input.values[$0] == dirtyGradients.input.values[$0] })
        #expect(dirty.paddingIndices.allSatisfy { dirtyGradients.input.values[$0] == 0 })
    }

    /// The batch phase splits channels over threads; the result is the same bits as one thread.
    @Test func channelSplitDoesNotChangeResults() throws {
        let shape = SampleShape(channels: 11, height: 2, width: 1)
        var generator = SeededGenerator(seed: 8)
        let input = LaneTensor.random(batchSize: 33, featureCount: shape.featureCount, in: -2...2, generator: &generator)
        let projection = LaneTensor.random(batchSize: 33, featureCount: shape.featureCount, in: -1...1, generator: &generator)
        let parameters = randomFloats(44, in: 0.5...1.5, generator: &generator)
        let serial = LayerHarness(layer: try layer(shape), input: input, parameters: parameters)
        let parallel = LayerHarness(layer: try layer(shape), input: input, parameters: parameters)
        let serialResult = serial.gradients(outputGradient: projection, runner: .serial)
        let parallelResult = parallel.gradients(outputGradient: projection, runner: ParallelRunner(threadCount: 2))
        #expect(serialResult.input.values == parallelResult.input.values)
        #expect(serialResult.parameters[0..<22] == parallelResult.parameters[0..<22])
        #expect(serial.parameters == parallel.parameters)
    }

    @Test func invalidSettingsAreErrors() {
        #expect(throws: EngineError.invalidLayer(layer: "bn", reason: "momentum must be in [0, 1], found 1.5")) {
            try BatchNormalizationLayer(name: "bn", inputShape: .vector(3), momentum: 1.5)
        }
        #expect(throws: EngineError.invalidLayer(layer: "bn", reason: "epsilon must be positive, found 0.0")) {
            try BatchNormalizationLayer(name: "bn", inputShape: .vector(3), epsilon: 0)
        }
    }
}
