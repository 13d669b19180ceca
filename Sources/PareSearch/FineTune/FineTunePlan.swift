// The fine-tuning study: pre-train a base on one data set, then fine-tune its top K layers (plus a new head) on
// another, for several K, recording accuracy, time and efficiency (accuracy / second) — seed 001's study.

import Foundation
import PareEngine
import PareModel
import PareTraining

/// The trainings of a fine-tuning study.
///
/// The **feature extractor** is the base without its classifier top (its last Dense layer, if it ends in one).
/// Pre-training trains the extractor plus a head (global average pooling for an image output, then
/// `dense <pretrain classes> softmax`) on the pre-training data, all layers trainable. Each fine-tuning starts
/// from those weights for the extractor's layers, freezes all of it except its top K layers (Keras counting,
/// `ModelSpec.fineTuning`), and trains a new head for the target's classes.
public struct FineTunePlan: Sendable {
    /// The feature extractor.
    public let extractor: ModelSpec
    /// The extractor's layer names (the layers whose weights transfer).
    public let extractorLayers: [String]
    /// How the base is pre-trained (its data set, epochs, seed…).
    public let pretraining: TrainingConfiguration
    /// How each fine-tuning trains (target data set; its seed is the first seed).
    public let fineTuning: TrainingConfiguration
    /// The K values: how many top layers of the extractor are unfrozen.
    public let unfreezeValues: [Int]
    /// Seeds per K.
    public let seeds: Int

    /// Prepares the study for `base`; `pretrainClasses` and `targetClasses` are the data sets' class counts.
    public init(base: ModelSpec, pretraining: TrainingConfiguration, fineTuning: TrainingConfiguration,
                unfreezeValues: [Int], seeds: Int) {
        var extractor = base
        if let last = base.layers.last, case .dense = last.kind, base.layers.count > 1 { extractor.layers.removeLast() }
        self.extractor = extractor
        extractorLayers = extractor.resolvedLayerNames
        self.pretraining = pretraining
        self.fineTuning = fineTuning
        self.unfreezeValues = unfreezeValues
        self.seeds = seeds
    }

    /// The pre-training model: the extractor with a head for `classes`, everything trainable.
    public func pretrainModel(classes: Int) -> ModelSpec {
        extractor.fineTuning(unfreezeTop: extractor.layers.count, headUnits: classes, headActivation: .softmax)
    }

    /// The fine-tuning model for `k`: the extractor frozen except its top `k` layers, a new head for `classes`.
    public func fineTuneModel(k: Int, classes: Int) -> ModelSpec {
        extractor.fineTuning(unfreezeTop: k, headUnits: classes, headActivation: .softmax)
    }

    /// The pre-training (one training, the first seed).
    public func pretrainingRequest(classes: Int) -> TrainingRequest? {
        guard let candidate = Candidate(spec: pretrainModel(classes: classes), moves: []) else { return nil }
        return TrainingRequest(candidate: candidate, configuration: pretraining, stopRule: .never(target: 1), seedIndex: 0,
                               sweepPoint: .init(name: "pre-training", values: ["phase": "pretrain"]))
    }

    /// Every fine-tuning (K × seeds), starting from the pre-trained weights at `weightsPath` (absolute, or relative to
    /// the study folder) with identity `digest`.
    public func fineTuningRequests(classes: Int, weightsPath: String, digest: String) -> [TrainingRequest] {
        unfreezeValues.flatMap { k -> [TrainingRequest] in
            guard let candidate = Candidate(spec: fineTuneModel(k: k, classes: classes), moves: []) else { return [] }
            return (0..<seeds).map { seedIndex in
                var configuration = fineTuning
                configuration.seed = fineTuning.seed &+ UInt64(seedIndex)
                configuration.warmStart = .init(path: weightsPath, layers: extractorLayers, digest: digest)
                return TrainingRequest(candidate: candidate, configuration: configuration, stopRule: .never(target: 1),
                                       seedIndex: seedIndex, sweepPoint: .init(name: "k=\(k)", values: ["phase": "fine-tune", "k": "\(k)"]))
            }
        }
    }

    /// A digest of a weights file (FNV-1a 64 of its bytes), so trainings starting from other weights get other keys.
    public static func digest(of url: URL) throws -> String {
        String(CandidateKey.fnv1a64(Array(try Data(contentsOf: url))), radix: 16)
    }
}
