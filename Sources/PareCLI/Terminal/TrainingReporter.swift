// How `pare train` shows a training: header lines, a live progress line, one line per epoch, the test result;
// or JSON lines for scripts.

import Foundation
import PareModel
import PareReport
import PareTraining

/// Prints a training's progress as text (with a live line on a terminal) or as JSON lines.
final class TrainingReporter: @unchecked Sendable {
    // @unchecked Sendable: `epochs` and `batchClock` are touched only on the training thread.
    private let console: Console
    private let json: Bool
    private let progress: ProgressLine
    private var epochs = 0
    private var epochStart = ContinuousClock.now

    init(console: Console, json: Bool) {
        self.console = console
        self.json = json
        progress = ProgressLine(console: console)
    }

    /// The header: model, data and settings.
    func start(parsed: ParsedModel, analysis: ModelAnalysis, data: TrainingData, configuration: TrainingConfiguration, threads: Int) {
        epochs = configuration.epochs
        let variables = parsed.variables.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
        if json {
            emit(["event": "start", "model": analysis.spec.displayName, "variables": variables,
                  "parameters": analysis.parameterCount, "trainable_parameters": analysis.trainableParameterCount,
                  "multiply_adds": analysis.multiplyAdds, "dataset": data.dataset.name,
                  "train_examples": data.trainIndices.count, "validation_examples": data.validationIndices.count,
                  "test_examples": data.dataset.test.count, "optimizer": configuration.optimizer.name,
                  "learning_rate": Double(configuration.learningRate), "batch_size": configuration.batchSize,
                  "epochs": configuration.epochs, "seed": configuration.seed, "threads": threads])
            return
        }
        let name = "\"\(analysis.spec.displayName)\"" + (variables.isEmpty ? "" : " (\(variables))")
        console.print("model \(name): \(analysis.parameterCount.groupedDecimal) parameters "
                      + "(\(analysis.trainableParameterCount.groupedDecimal) trainable), "
                      + "\(analysis.multiplyAdds.groupedDecimal) multiply-adds per example")
        let split = data.validationIndices.isEmpty ? "no validation split"
            : "\(data.validationIndices.count.groupedDecimal) validation (\(Self.percent(configuration.validationFraction, digits: 0)), "
                + "stratified, split seed \(configuration.splitSeed))"
        console.print("data \(data.dataset.name): \(data.trainIndices.count.groupedDecimal) training, \(split), "
                      + "\(data.dataset.test.count.groupedDecimal) test")
        console.print("training: \(configuration.optimizer.name) lr \(configuration.learningRate), batch \(configuration.batchSize), "
                      + "\(configuration.epochs) epoch\(configuration.epochs == 1 ? "" : "s"), \(configuration.initialization.rawValue) init, "
                      + "seed \(configuration.seed), \(threads) thread\(threads == 1 ? "" : "s")")
    }

    /// Feeds the live line and prints each finished epoch.
    func observe(_ event: TrainingEvent) {
        switch event {
        case .batch(let epoch, let batch, let batches, let loss, let accuracy):
            if batch == 1 { epochStart = .now }
            let elapsed = (ContinuousClock.now - epochStart).seconds
            let eta = elapsed / Double(batch) * Double(batches - batch)
            progress.update("epoch \(epoch)/\(epochs) \(ProgressLine.bar(Double(batch) / Double(batches))) \(batch)/\(batches)  "
                            + "loss \(Self.fixed(loss, 4))  accuracy \(Self.percent(accuracy))  ETA \(ProgressLine.duration(eta))")
        case .epoch(let metrics):
            progress.clear()
            if json {
                var object: [String: Any] = ["event": "epoch", "epoch": metrics.epoch, "loss": metrics.trainLoss,
                                             "accuracy": metrics.trainAccuracy, "seconds": metrics.seconds,
                                             "learning_rate": metrics.learningRate]
                object["val_loss"] = metrics.validationLoss
                object["val_accuracy"] = metrics.validationAccuracy
                emit(object)
                return
            }
            let width = String(epochs).count
            var line = "epoch \(String(repeating: " ", count: width - String(metrics.epoch).count))\(metrics.epoch)/\(epochs)"
                + "  loss \(Self.fixed(metrics.trainLoss, 4))  accuracy \(Self.percent(metrics.trainAccuracy))"
            if let loss = metrics.validationLoss, let accuracy = metrics.validationAccuracy {
                line += "  val_loss \(Self.fixed(loss, 4))  val_accuracy \(Self.percent(accuracy))"
            }
            console.print(line + "  \(ProgressLine.duration(metrics.seconds))")
        }
    }

    /// The result line.
    func finish(_ result: TrainingResult, epochs planned: Int) {
        progress.clear()
        if json {
            var object: [String: Any] = ["event": "end", "status": result.status.rawValue, "epochs": result.epochs.count,
                                         "training_seconds": result.trainingSeconds]
            object["val_accuracy"] = result.validationAccuracy
            object["test_accuracy"] = result.test?.accuracy
            object["test_loss"] = result.test?.loss
            object["message"] = result.message
            emit(object)
            return
        }
        guard let test = result.test else { return }
        console.print("test accuracy \(Self.percent(test.accuracy)) (loss \(Self.fixed(test.loss, 4)), "
                      + "\(test.count.groupedDecimal) examples) after \(result.epochs.count) epoch\(result.epochs.count == 1 ? "" : "s"), "
                      + "\(ProgressLine.duration(result.trainingSeconds)) of training")
    }

    /// A note line (text mode) or a JSON event.
    func note(_ text: String) {
        if json { emit(["event": "note", "message": text]) } else { console.print(text) }
    }

    private func emit(_ object: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
              let line = String(data: data, encoding: .utf8) else { return }
        console.print(line)
    }

    /// `97.31%`.
    static func percent(_ value: Double, digits: Int = 2) -> String { String(format: "%.\(digits)f%%", value * 100) }

    /// A fixed-point number.
    static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
}
