// The real evaluator: trains a candidate with Pare's engine on real data.

import Foundation
import PareModel
import PareTraining

/// Trains candidates with `Trainer` on the data set their configuration names.
///
/// Each training's validation accuracy is checked against the request's stop rule after every epoch (the
/// multi-fidelity stop). Completed trainings that reach the rule's target (or all completed trainings, with
/// `saveAllWeights`) keep their weights in `weightsDirectory/<key>.safetensors` (so a winner can be exported and
/// a pre-trained base reused without retraining). A relative warm-start path is resolved against
/// `weightsDirectory`'s parent (the study folder), so a study folder can be moved and still resumed.
public struct TrainingEvaluator: CandidateEvaluator {
    /// Where weights are saved; `nil` saves nothing.
    public let weightsDirectory: URL?
    /// Save the weights of every completed training, not only of those reaching the target.
    public let saveAllWeights: Bool

    /// Creates an evaluator.
    public init(weightsDirectory: URL?, saveAllWeights: Bool = false) {
        self.weightsDirectory = weightsDirectory
        self.saveAllWeights = saveAllWeights
    }

    /// The weights file of a training (whether or not it exists).
    public static func weightsFile(in directory: URL, key: String) -> URL {
        directory.appendingPathComponent("\(key).safetensors")
    }

    public func train(_ request: TrainingRequest, threads: Int, cancellation: Cancellation,
                      progress: @escaping @Sendable (TrainingProgress) -> Void) -> TrainingOutcome? {
        var configuration = request.configuration
        if let warmStart = configuration.warmStart, !warmStart.path.hasPrefix("/"), let folder = weightsDirectory?.deletingLastPathComponent() {
            configuration.warmStart?.path = folder.appendingPathComponent(warmStart.path).path
        }
        do {
            let analysis = try ModelAnalysis(request.candidate.spec)
            let trainer = try Trainer(analysis: analysis, data: try TrainingData.prepare(configuration),
                                      configuration: configuration, threads: threads)
            var lastValidation: Double?
            let result = trainer.train(
                observe: { event in
                    switch event {
                    case .batch(let epoch, let batch, let batches, _, _):
                        progress(TrainingProgress(epoch: epoch, epochs: configuration.epochs,
                                                  fractionOfEpoch: Double(batch) / Double(batches), validationAccuracy: lastValidation))
                    case .epoch(let metrics):
                        lastValidation = metrics.validationAccuracy
                    }
                },
                afterEpoch: { metrics in
                    guard let accuracy = metrics.validationAccuracy else { return .proceed }
                    return request.stopRule.shouldStop(epoch: metrics.epoch, epochs: configuration.epochs,
                                                       validationAccuracy: accuracy) ? .stop : .proceed
                },
                isCancelled: { cancellation.isCancelled })
            if result.status == .interrupted { return nil }
            let validation = result.validationAccuracy
            if let directory = weightsDirectory, result.status == .completed,
               saveAllWeights || (validation ?? 0) >= request.stopRule.target {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Checkpoint.save(trainer.network, analysis: analysis, to: Self.weightsFile(in: directory, key: request.key),
                                    metadata: ["seed": "\(configuration.seed)", "validation_accuracy": validation.map { "\($0)" } ?? ""])
            }
            return TrainingOutcome(status: result.status, epochs: result.epochs.count,
                                   validationCurve: result.epochs.compactMap(\.validationAccuracy),
                                   validationAccuracy: validation, testAccuracy: result.test?.accuracy,
                                   seconds: result.trainingSeconds, threads: threads, message: result.message)
        } catch {
            return TrainingOutcome(status: .failed, epochs: 0, validationCurve: [], validationAccuracy: nil, testAccuracy: nil,
                                   seconds: 0, threads: threads, message: String(describing: error))
        }
    }
}
