// Every seed model's shapes and parameter counts against what Keras and torchinfo reported
// (../shared/golden/params_small_models.json, produced with Keras 3.15.1 and torchinfo 1.8.0).

import Testing
import PareModel
import PareTestSupport

@Suite struct GoldenCountTests {
    @Test(arguments: Golden.smallModels.map(\.golden))
    func matchesKerasAndTorchinfo(golden name: String) throws {
        let entry = Golden.smallModels.first { $0.golden == name }!
        let analysis = try Repository.parsedModel(entry.file, entry.overrides).analyze()
        let models = try Golden.json("params_small_models.json")["models"] as! [String: Any]
        let golden = models[name] as! [String: Any]
        let keras = golden["keras"] as! [String: Int]
        #expect(analysis.parameterCount == keras["total"])
        #expect(analysis.trainableParameterCount == keras["trainable"])
        #expect(analysis.nonTrainableParameterCount == keras["non_trainable"])

        let kerasLayers = golden["keras_layers"] as! [[String: Any]]
        #expect(analysis.layers.count == kerasLayers.count)
        for (layer, expected) in zip(analysis.layers, kerasLayers) {
            #expect(layer.name == expected["name"] as? String)
            #expect(layer.spec.kind.kerasClassName == expected["class"] as? String)
            let shape = (expected["output_shape"] as! [Any]).dropFirst().map { $0 as! Int }
            #expect(layer.outputShape.dimensions == Array(shape), "\(layer.name)")
            #expect(layer.parameterCount == expected["params"] as? Int, "\(layer.name)")
        }

        let torch = golden["torchinfo"] as! [String: Any]
        #expect(analysis.torchParameterCount == torch["total_params"] as? Int)
        #expect(analysis.multiplyAdds == torch["total_mult_adds"] as? Int)
        #expect(analysis.memory.forwardBackwardBytes == torch["forward_backward_bytes"] as? Int)
        #expect(analysis.memory.parameterBytes == torch["params_bytes"] as? Int)
        // qiita_mlp's torchinfo golden starts from a 1x28x28 image and an nn.Flatten (golden README), which has
        // the same element count as the Keras 784-vector input, so the input bytes agree too.
        #expect(analysis.memory.inputBytes == torch["input_bytes"] as? Int)
        #expect(analysis.memory.totalBytes == torch["total_bytes"] as? Int)
    }
}
