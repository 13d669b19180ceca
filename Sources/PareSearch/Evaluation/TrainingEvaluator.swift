// The real evaluator: trains a candidate with Pare's engine on real data.

import Foundation
import PareModel
import PareTraining

/// Trains candidates with `Trainer` on the data set their configuration names.
///
/// Each training's validation accuracy is checked against the request's stop rule after every epoch (the
/// multi-fidelity stop). Completed trainings that reach the rule's target keep their weights in
/// `weightsDirectory/<key>.safetensors` (so the winner can be exported without retraining).
public struct TrainingEvaluator: CandidateEvaluator {
    /// Where weights of trainings that reached the target are saved; `nil` saves nothing.
    public let weightsDirectory: URL?

    /// Creates an evaluator.
    public init(weightsDirectory: URL?) {
        self.weightsDirectory = weightsDirectory
    }

    /// The weights file of a training (whether or not it exists).
    public static func weightsFile(in directory: URL, key: String) -> URL {
        directory.appendingPathComponent("\(key).safetensors")
    }

    public func train(_ request: TrainingRequest, threads: Int, cancellation: Cancellation,
                      progress: @escaping @Sendable (TrainingProgress) -> Void) -> TrainingOutcome? {
        let configuration = request.configuration
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
            if let directory = weightsDirectory, result.status == .completed, let validation, validation >= request.stopRule.target {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Checkpoint.save(trainer.network, analysis: analysis, to: Self.weightsFile(in: directory, key: request.key),
                                    metadata: ["seed": "\(configuration.seed)", "validation_accuracy": "\(validation)"])
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
