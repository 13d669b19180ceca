// What the engine builds must equal what analysis predicts: shapes and parameter counts of every model file.

import Foundation
import Testing
import PareEngine
import PareModel
import PareTestSupport
import PareTraining

@Suite struct NetworkBuilderTests {
    static let modelFiles = ["seed000_cnn", "seed000_mlp", "qiita_mlp", "qiita_poolmlp", "qiita_cnn1", "qiita_cnn2",
                             "seed004_fc1", "seed004_fc2", "seed004_cnn1", "seed004_cnn2", "mnist_convnet"]

    @Test(arguments: modelFiles)
    func engineMatchesAnalysis(file: String) throws {
        let analysis = try Repository.parsedModel(file).analyze()
        let network = try NetworkBuilder.build(analysis, maxBatchSize: 16, threads: 1)
        #expect(network.parameterCount == analysis.parameterCount)
        #expect(network.trainableParameterCount == analysis.trainableParameterCount)
        #expect(network.layers.count == analysis.layers.count)
        for (layer, expected) in zip(network.layers, analysis.layers) {
            #expect(layer.name == expected.name)
            #expect(layer.outputShape == NetworkBuilder.sampleShape(expected.outputShape), "\(expected.name)")
        }
    }

    @Test func randomSpecsBuildWithTheAnalysedCounts() throws {
        for spec in RandomSpecs.make(count: 60, seed: 7) {
            let analysis = try ModelAnalysis(spec)
            let network = try NetworkBuilder.build(analysis, maxBatchSize: 17, threads: 1)
            #expect(network.parameterCount == analysis.parameterCount, "\(spec.pareText)")
            #expect(network.trainableParameterCount == analysis.trainableParameterCount, "\(spec.pareText)")
            #expect(network.outputShape.featureCount == analysis.outputShape.elementCount)
        }
    }

    @Test func freezingByNameAndUnknownNames() throws {
        let analysis = try Repository.parsedModel("qiita_cnn2", ["n": 2]).analyze()
        let network = try NetworkBuilder.build(analysis, maxBatchSize: 16, threads: 1, frozenLayers: ["dense"])
        #expect(network.trainableParameterCount == 932 - 650)
        #expect(throws: TrainingError.unknownLayer("dens", suggestion: "dense")) {
            try NetworkBuilder.build(analysis, maxBatchSize: 16, threads: 1, frozenLayers: ["dens"])
        }
    }
}
