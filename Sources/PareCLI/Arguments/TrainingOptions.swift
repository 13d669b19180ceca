// The training options `train`, `search`, `sweep` and `finetune` share, and how they become a configuration.

import Foundation
import PareEngine
import PareModel
import PareTraining

/// Parses the shared training options into a `TrainingConfiguration`.
enum TrainingOptions {
    /// Options about data.
    static let data: [OptionSpec] = [
        .value("dataset", "NAME|DIR", "mnist (embedded, default), fashion-mnist, or a folder of IDX files."),
        .value("validation-split", "F", "Fraction of the training set held out (stratified) for validation (default 0.1)."),
        .value("split-seed", "N", "Seed of the validation split (default 0; kept apart from --seed)."),
        .value("train-limit", "N", "Use only the first N training examples."),
        .value("test-limit", "N", "Use only the first N test examples."),
        .flag("shuffle-labels", "Permute the training labels with the seed (memorisation experiment)."),
    ]

    /// Options about the optimisation.
    static let optimization: [OptionSpec] = [
        .value("epochs", "N", "Passes over the training set."),
        .value("batch-size", "N", "Examples per step."),
        .value("optimizer", "NAME", "sgd, adam, rmsprop or adadelta, with Keras 3's defaults."),
        .value("lr", "RATE", "Learning rate (default: Keras's for the optimizer; Keras 2's Adadelta used 1.0)."),
        .value("momentum", "M", "SGD momentum (default 0)."),
        .flag("nesterov", "SGD with Nesterov momentum."),
        .value("schedule", "KIND", "constant (default), cosine, or step:FACTOR:EPOCHS (e.g. step:0.5:5)."),
        .value("seed", "N", "Seed of initialisation, shuffling and dropout (default 0)."),
        .value("init", "SCHEME", "keras (Glorot-uniform, default) or torch (Kaiming-uniform a=√5)."),
        .value("early-stopping", "PATIENCE", "Stop when validation loss has not improved for this many epochs."),
        .value("freeze", "LAYER,…", "Freeze these layers (in addition to trainable=false in the file)."),
    ]

    /// Builds the configuration from `arguments`, starting from `defaults`. Options named in `swept` hold lists
    /// (a sweep's axes) and are left to the caller.
    static func configuration(_ arguments: ParsedArguments, defaults: TrainingConfiguration,
                              swept: Set<String> = []) throws -> TrainingConfiguration {
        var configuration = defaults
        configuration.dataset = arguments.value("dataset") ?? defaults.dataset
        configuration.validationFraction = try arguments.number("validation-split", default: defaults.validationFraction, in: 0...0.9)
        configuration.splitSeed = UInt64(try arguments.integer("split-seed", default: Int(defaults.splitSeed), in: 0...Int.max))
        configuration.trainLimit = try arguments.integer("train-limit", in: 1...Int.max) ?? defaults.trainLimit
        configuration.testLimit = try arguments.integer("test-limit", in: 1...Int.max) ?? defaults.testLimit
        configuration.shuffleLabels = arguments.flag("shuffle-labels") || defaults.shuffleLabels
        configuration.epochs = try arguments.integer("epochs", default: defaults.epochs, in: 1...100_000)
        if !swept.contains("batch-size") {
            configuration.batchSize = try arguments.integer("batch-size", default: defaults.batchSize, in: 1...65_536)
        }
        if !swept.contains("optimizer"), let name = try arguments.choice("optimizer", from: OptimizerRule.names) {
            let momentum = Float(try arguments.number("momentum", default: 0, in: 0...1))
            // `name` is one of OptimizerRule.names, checked by `choice`.
            configuration.optimizer = OptimizerRule.named(name, momentum: momentum, nesterov: arguments.flag("nesterov")) ?? .adam()
            configuration.learningRate = configuration.optimizer.kerasDefaultLearningRate
        } else if arguments.has("momentum") || arguments.flag("nesterov") {
            guard case .sgd = configuration.optimizer else { throw CLIError.usage("--momentum and --nesterov apply to --optimizer sgd") }
            configuration.optimizer = .sgd(momentum: Float(try arguments.number("momentum", default: 0, in: 0...1)),
                                           nesterov: arguments.flag("nesterov"))
        }
        if !swept.contains("lr"), let rate = try arguments.number("lr", in: Double.leastNonzeroMagnitude...1e6) {
            configuration.learningRate = Float(rate)
        }
        if let schedule = arguments.value("schedule") { configuration.schedule = try parseSchedule(schedule) }
        configuration.seed = UInt64(try arguments.integer("seed", default: Int(defaults.seed), in: 0...Int.max))
        if let scheme = try arguments.choice("init", from: InitializationScheme.allCases.map(\.rawValue)).flatMap(InitializationScheme.init) {
            configuration.initialization = scheme
        }
        configuration.earlyStoppingPatience = try arguments.integer("early-stopping", in: 1...10_000) ?? defaults.earlyStoppingPatience
        if let frozen = arguments.value("freeze") {
            configuration.frozenLayers = frozen.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        }
        return configuration
    }

    /// `constant`, `cosine` or `step:FACTOR:EPOCHS`.
    static func parseSchedule(_ text: String) throws(CLIError) -> LearningRateSchedule {
        switch text {
        case "constant": return .constant
        case "cosine": return .cosine
        default:
            let parts = text.split(separator: ":")
            guard parts.count == 3, parts[0] == "step", let factor = Float(parts[1]), factor > 0, let every = Int(parts[2]), every >= 1 else {
                throw .usage("--schedule expects constant, cosine or step:FACTOR:EPOCHS (e.g. step:0.5:5), got '\(echoInMessage(text))'")
            }
            return .step(factor: factor, everyEpochs: every)
        }
    }

    /// `--threads` (default: every core).
    static let threadsOption = OptionSpec.value("threads", "N", "Threads per training (default: all cores). Results do not depend on it.")

    /// The thread count asked for.
    static func threads(_ arguments: ParsedArguments) throws(CLIError) -> Int {
        try arguments.integer("threads", default: ProcessInfo.processInfo.activeProcessorCount, in: 1...256)
    }
}
