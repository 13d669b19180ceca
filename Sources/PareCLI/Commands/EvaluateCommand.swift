// `pare evaluate`: load saved weights into a model and measure its test accuracy.

import Foundation
import PareModel
import PareReport
import PareTraining

/// Loads a safetensors checkpoint written by `pare train --save` and prints the test accuracy.
enum EvaluateCommand: Command {
    static let name = "evaluate"
    static let abstract = "Load weights saved by 'pare train --save' and print the model's test accuracy."
    static let usage = "pare evaluate FILE --weights WEIGHTS.safetensors [--set NAME=VALUE,…] [--dataset mnist]"
    static let discussion = "The weights are in Keras names and layouts (see README); the test set is the data set's own."
    static let options: [OptionSpec] = [
        ModelLoader.setOption,
        .value("weights", "FILE", "The safetensors file to load (required)."),
        .value("dataset", "NAME|DIR", "mnist (default), fashion-mnist, or a folder of IDX files."),
        .value("test-limit", "N", "Use only the first N test examples."),
        TrainingOptions.threadsOption,
    ]

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        try arguments.requirePositionals(atMost: 1)
        guard let path = arguments.positionals.first else { throw CLIError.usage("evaluate needs a model FILE") }
        guard let weights = arguments.value("weights") else { throw CLIError.usage("evaluate needs --weights FILE.safetensors") }
        let (_, analysis) = try ModelLoader.load(path, arguments, command: name)
        var configuration = TrainingConfiguration(dataset: arguments.value("dataset") ?? "mnist", validationFraction: 0)
        configuration.testLimit = try arguments.integer("test-limit", in: 1...Int.max)
        let data = try TrainingData.prepare(configuration)
        let trainer = try Trainer(analysis: analysis, data: data, configuration: configuration,
                                  threads: try TrainingOptions.threads(arguments))
        try Checkpoint.load(into: trainer.network, analysis: analysis, from: URL(fileURLWithPath: weights))
        let test = trainer.evaluate(data.dataset.test, Array(0..<data.dataset.test.count))
        console.print("test accuracy \(TrainingReporter.percent(test.accuracy)) (loss \(TrainingReporter.fixed(test.loss, 4)), "
                      + "\(data.dataset.test.count.groupedDecimal) examples of \(data.dataset.name))")
    }
}
