// `pare train`: train one model on real data with Pare's engine, report every epoch and the test accuracy.

import Foundation
import PareModel
import PareReport
import PareTraining

/// Trains a model and prints loss, accuracies and time per epoch, then the test accuracy.
enum TrainCommand: Command {
    static let name = "train"
    static let abstract = "Train a model on MNIST (embedded), Fashion-MNIST or any IDX data set with Pare's CPU engine."
    static let usage = "pare train FILE [--set NAME=VALUE,…] [--dataset mnist] [--epochs 5] [--batch-size 128] [options]"
    static let discussion = """
    FILE is a .pare description or a Keras model (.json or .keras). Prints the model's size, then one line per epoch (training loss and accuracy, validation loss and accuracy,
    seconds of training), then the accuracy of the final weights on the test set. The validation split is held
    out of the training set, class-stratified. Defaults: Adam with Keras's defaults, 5 epochs, batch 128,
    validation 10%, seed 0. --json prints one JSON object per event instead.
    """
    static let options: [OptionSpec] = [ModelLoader.setOption] + TrainingOptions.data + TrainingOptions.optimization + [
        TrainingOptions.threadsOption,
        .value("save", "FILE", "Write the trained weights as safetensors (Keras names and layouts)."),
        .flag("json", "Print one JSON object per event (start, epoch, end) instead of text."),
    ]

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        try arguments.requirePositionals(atMost: 1)
        guard let path = arguments.positionals.first else { throw CLIError.usage("train needs a model FILE (e.g. models/qiita_cnn2.pare)") }
        let (parsed, analysis) = try ModelLoader.load(path, arguments, command: name)
        let configuration = try TrainingOptions.configuration(arguments, defaults: TrainingConfiguration())
        let threads = try TrainingOptions.threads(arguments)
        let saveURL = arguments.value("save").map { URL(fileURLWithPath: $0) }
        SpeedProbe.warnIfSlow(console)

        let data = try TrainingData.prepare(configuration)
        let trainer = try Trainer(analysis: analysis, data: data, configuration: configuration, threads: threads)
        let report = TrainingReporter(console: console, json: arguments.flag("json"))
        report.start(parsed: parsed, analysis: analysis, data: data, configuration: configuration, threads: threads)

        let interrupt = InterruptHandler(console: console, message: "stopping after this batch")
        let result = trainer.train(observe: report.observe, isCancelled: { interrupt.cancellation.isCancelled })
        report.finish(result, epochs: configuration.epochs)

        switch result.status {
        case .completed:
            if let saveURL {
                try Checkpoint.save(trainer.network, analysis: analysis, to: saveURL,
                                    metadata: ["pare_version": Pare.version, "dataset": configuration.dataset,
                                               "seed": "\(configuration.seed)",
                                               "test_accuracy": result.test.map { "\($0.accuracy)" } ?? ""])
                report.note("saved weights to \(saveURL.path)")
            }
        case .diverged:
            throw CLIError.failure("training diverged: \(result.message ?? "non-finite loss")")
        case .interrupted:
            throw CLIError.failure("interrupted after \(result.epochs.count) of \(configuration.epochs) epochs; nothing saved")
        case .stoppedEarly, .failed:
            throw CLIError.failure(result.message ?? "training stopped")
        }
    }
}
