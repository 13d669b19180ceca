// The fine-tuning study's plan: what is pre-trained, what each K freezes, and how trainings are identified.

import Foundation
import Testing
import PareModel
import PareSearch
import PareTestSupport
import PareTraining

@Suite struct FineTunePlanTests {
    static func plan(_ values: [Int] = [0, 2, 5], seeds: Int = 2) throws -> FineTunePlan {
        FineTunePlan(base: try Repository.parsedModel("qiita_cnn2", ["n": 2]).spec,
                     pretraining: TrainingConfiguration(dataset: "mnist:0-4"), fineTuning: TrainingConfiguration(dataset: "mnist:5-9"),
                     unfreezeValues: values, seeds: seeds)
    }

    @Test func extractorDropsTheClassifierTop() throws {
        let plan = try Self.plan()
        // qiita_cnn2: conv, conv, pool, conv, conv, pool, flatten, dense 10 → the extractor ends at flatten.
        #expect(plan.extractorLayers == ["conv2d", "conv2d_1", "max_pooling2d", "conv2d_2", "conv2d_3", "max_pooling2d_1", "flatten"])
        let pretrain = try ModelAnalysis(plan.pretrainModel(classes: 5))
        #expect(pretrain.trainableParameterCount == pretrain.parameterCount)
        #expect(pretrain.outputShape == .vector(5))
    }

    @Test func eachKUnfreezesItsTopLayers() throws {
        let plan = try Self.plan()
        // Head: dense 64 → 5 = 325 parameters, always trainable. K = 2 unfreezes flatten and the pool (no
        // weights); K = 5 also the pool before conv2d_2 and conv2d_2, conv2d_3 (76 + 148, from the qiita_cnn2 n=2
        // golden) — conv2d_1 is the 6th layer from the top and stays frozen.
        #expect(try ModelAnalysis(plan.fineTuneModel(k: 0, classes: 5)).trainableParameterCount == 325)
        #expect(try ModelAnalysis(plan.fineTuneModel(k: 2, classes: 5)).trainableParameterCount == 325)
        #expect(try ModelAnalysis(plan.fineTuneModel(k: 5, classes: 5)).trainableParameterCount == 325 + 76 + 148)
    }

    @Test func trainingsStartFromThePretrainedExtractorAndAreDistinct() throws {
        let plan = try Self.plan()
        let requests = plan.fineTuningRequests(classes: 5, weightsPath: "pretrained.safetensors", digest: "abc")
        #expect(requests.count == 3 * 2)
        #expect(Set(requests.map(\.key)).count == requests.count)
        #expect(requests.allSatisfy { $0.configuration.warmStart?.layers == plan.extractorLayers })
        #expect(requests.map { $0.sweepPoint?.values["k"] } == ["0", "0", "2", "2", "5", "5"])
        // Other pre-trained weights make other trainings.
        let other = plan.fineTuningRequests(classes: 5, weightsPath: "pretrained.safetensors", digest: "abd")
        #expect(Set(other.map(\.key)).isDisjoint(with: requests.map(\.key)))
    }
}
