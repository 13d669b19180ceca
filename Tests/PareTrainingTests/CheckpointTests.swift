// Checkpoints: Keras names and layouts, a round trip that preserves predictions, clear errors.

import Foundation
import Testing
import PareEngine
import PareModel
import PareTestSupport
import PareTraining

@Suite struct CheckpointTests {
    static func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("pare-\(UUID().uuidString).safetensors")
    }

    @Test func roundTripPreservesEveryParameter() throws {
        let analysis = try ParsedModel.parse("""
            input 6x5x3
            conv2d 4 3x2 relu
            batchnorm
            flatten
            batchnorm
            dense 7 relu
            dense 10 softmax
            """, path: "t").analyze()
        let network = try NetworkBuilder.build(analysis, maxBatchSize: 16, threads: 1)
        var generator = SeededGenerator(seed: 3)
        network.initialize(scheme: .torch, generator: &generator)
        // Make BN statistics non-trivial so a mix-up would show.
        try network.setParameterValues((0..<4).map { Float($0) + 0.5 }, layer: "batch_normalization", tensor: "moving_mean")
        // 6x5x3 → conv 3x2 → 4x4x4 → flatten: 64 features.
        try network.setParameterValues((0..<64).map { Float($0) / 64 }, layer: "batch_normalization_1", tensor: "gamma")
        let url = Self.temporaryFile()
        try Checkpoint.save(network, analysis: analysis, to: url)
        let file = try SafeTensorsFile.read(from: url)
        #expect(file["conv2d/kernel"]?.shape == [3, 2, 3, 4])  // HWIO
        #expect(file["dense/kernel"]?.shape == [64, 7])        // [in, units]
        #expect(file.metadata["layout"] == "keras")

        let copy = try NetworkBuilder.build(analysis, maxBatchSize: 16, threads: 1)
        try Checkpoint.load(into: copy, analysis: analysis, from: url)
        #expect(copy.allParameterValues() == network.allParameterValues())
    }

    @Test func flattenOrderIsKerasChannelsLast() throws {
        // A 1x2x2 image (H=1, W=2, C=2) flattened into dense 1. Keras's flatten order is p0c0, p0c1, p1c0, p1c1;
        // the engine's is c0p0, c0p1, c1p0, c1p1. Engine kernel row [10, 20, 30, 40] (engine order) must be
        // written as Keras column [10, 30, 20, 40].
        let analysis = try ParsedModel.parse("input 1x2x2\nflatten\ndense 1\n", path: "t").analyze()
        let network = try NetworkBuilder.build(analysis, maxBatchSize: 16, threads: 1)
        try network.setParameterValues([10, 20, 30, 40], layer: "dense", tensor: "kernel")
        let tensors = try Checkpoint.kerasTensors(of: network, analysis: analysis)
        #expect(tensors.first { $0.name == "dense/kernel" }?.values == [10, 30, 20, 40])
    }

    @Test func wrongModelIsRejected() throws {
        let small = try Repository.parsedModel("qiita_cnn2", ["n": 2]).analyze()
        let large = try Repository.parsedModel("qiita_cnn2", ["n": 3]).analyze()
        let url = Self.temporaryFile()
        try Checkpoint.save(try NetworkBuilder.build(small, maxBatchSize: 16, threads: 1), analysis: small, to: url)
        let error = #expect(throws: TrainingError.self) {
            try Checkpoint.load(into: try NetworkBuilder.build(large, maxBatchSize: 16, threads: 1), analysis: large, from: url)
        }
        #expect(error?.description == "\(url.path): error: 'conv2d/kernel' has shape [3, 3, 1, 2], the model needs [3, 3, 1, 3]")
    }
}
