// How reports describe a training configuration: a settings table, and the `pare train` options that
// reproduce it.

import PareEngine
import PareTraining

extension TrainingConfiguration {
    /// (setting, value) rows for a report's settings table.
    var reportRows: [(String, String)] {
        var rows: [(String, String)] = [
            ("data set", dataset),
            ("validation split", "\(StudyFormat.targetPercent(validationFraction)) of the training set, class-stratified, held out of training"),
            ("epochs", "\(epochs)"),
            ("batch size", "\(batchSize)"),
            ("optimizer", optimizerText),
            ("learning-rate schedule", scheduleText),
            ("initialisation", initialization == .keras
                ? "keras (Glorot-uniform kernels, zero biases)" : "torch (Kaiming-uniform a=√5 kernels, uniform ±1/√fan-in biases)"),
            ("first seed", "\(seed) (validation split seed \(splitSeed))"),
            ("early stopping", earlyStoppingPatience.map { "on validation loss, patience \($0) epochs" } ?? "none"),
        ]
        if let trainLimit { rows.append(("training examples", "the first \(trainLimit.groupedDecimal) (before the validation split)")) }
        if let testLimit { rows.append(("test examples", "the first \(testLimit.groupedDecimal)")) }
        if shuffleLabels { rows.append(("labels", "shuffled with the seed (memorisation experiment)")) }
        if !frozenLayers.isEmpty { rows.append(("frozen layers", frozenLayers.joined(separator: ", "))) }
        return rows
    }

    private var optimizerText: String {
        switch optimizer {
        case .sgd(let momentum, let nesterov):
            "SGD, learning rate \(learningRate)" + (momentum != 0 ? ", momentum \(momentum)" : "") + (nesterov ? ", Nesterov" : "")
        case .adam(let beta1, let beta2, let epsilon):
            "Adam, learning rate \(learningRate) (β₁ \(beta1), β₂ \(beta2), ε \(epsilon))"
        case .rmsprop(let rho, let momentum, let epsilon):
            "RMSprop, learning rate \(learningRate) (ρ \(rho), momentum \(momentum), ε \(epsilon))"
        case .adadelta(let rho, let epsilon):
            "Adadelta, learning rate \(learningRate) (ρ \(rho), ε \(epsilon))"
        }
    }

    private var scheduleText: String {
        switch schedule {
        case .constant: "constant"
        case .step(let factor, let every): "× \(factor) every \(every) epochs"
        case .cosine: "cosine decay to 0"
        }
    }

    /// The `pare train` options that reproduce this configuration: `--epochs` and `--seed` always, the others
    /// only where they differ from `pare train`'s defaults (`TrainingConfiguration()`), named as the CLI's
    /// training options.
    var trainArguments: [String] {
        let defaults = TrainingConfiguration()
        var arguments = ["--epochs", "\(epochs)", "--seed", "\(seed)"]
        if dataset != defaults.dataset { arguments += ["--dataset", dataset] }
        if batchSize != defaults.batchSize { arguments += ["--batch-size", "\(batchSize)"] }
        if optimizer.name != defaults.optimizer.name { arguments += ["--optimizer", optimizer.name] }
        if learningRate != optimizer.kerasDefaultLearningRate { arguments += ["--lr", "\(learningRate)"] }
        if case .sgd(let momentum, let nesterov) = optimizer {
            if momentum != 0 { arguments += ["--momentum", "\(momentum)"] }
            if nesterov { arguments.append("--nesterov") }
        }
        switch schedule {
        case .constant: break
        case .cosine: arguments += ["--schedule", "cosine"]
        case .step(let factor, let every): arguments += ["--schedule", "step:\(factor):\(every)"]
        }
        if splitSeed != defaults.splitSeed { arguments += ["--split-seed", "\(splitSeed)"] }
        if validationFraction != defaults.validationFraction { arguments += ["--validation-split", "\(validationFraction)"] }
        if initialization != defaults.initialization { arguments += ["--init", initialization.rawValue] }
        if let trainLimit { arguments += ["--train-limit", "\(trainLimit)"] }
        if let testLimit { arguments += ["--test-limit", "\(testLimit)"] }
        if let earlyStoppingPatience { arguments += ["--early-stopping", "\(earlyStoppingPatience)"] }
        if shuffleLabels { arguments.append("--shuffle-labels") }
        if !frozenLayers.isEmpty { arguments += ["--freeze", frozenLayers.joined(separator: ",")] }
        return arguments
    }
}
