// How reports describe a training configuration: a settings table, and the `pare train` options that
// reproduce it.

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
            ("first seed", "\(seed)"),
            ("early stopping", earlyStoppingPatience.map { "on validation loss, patience \($0) epochs" } ?? "none"),
        ]
        if let trainLimit { rows.append(("training examples", "the first \(trainLimit.groupedDecimal) (before the validation split)")) }
        if let testLimit { rows.append(("test examples", "the first \(testLimit.groupedDecimal)")) }
        if shuffleLabels { rows.append(("labels", "shuffled with the seed (memorisation experiment)")) }
        if !frozenLayers.isEmpty { rows.append(("frozen layers", frozenLayers.joined(separator: ", "))) }
        return rows
    }

    private var optimizerText: String {
        let name: String = switch optimizer.kind {
        case .sgd: "SGD"
        case .adam: "Adam"
        case .rmsprop: "RMSprop"
        case .adadelta: "Adadelta"
        }
        var text = "\(name), learning rate \(optimizer.learningRate)"
        if optimizer.momentum != 0 { text += ", momentum \(optimizer.momentum)" }
        if optimizer.nesterov { text += ", Nesterov" }
        return text
    }

    private var scheduleText: String {
        switch schedule {
        case .constant: "constant"
        case .step(let every, let factor): "× \(factor) every \(every) epochs"
        case .cosine: "cosine decay to 0"
        }
    }

    /// The `pare train` options that reproduce this configuration: `--epochs` and `--seed` always, the others
    /// only where they differ from `pare train`'s defaults (`TrainingConfiguration()`). The option names are
    /// those of the CLI's training options; a schedule other than constant and frozen layers have none here and
    /// are listed in the report's settings instead.
    var trainArguments: [String] {
        let defaults = TrainingConfiguration()
        var arguments = ["--epochs", "\(epochs)", "--seed", "\(seed)"]
        if dataset != defaults.dataset { arguments += ["--dataset", dataset] }
        if batchSize != defaults.batchSize { arguments += ["--batch-size", "\(batchSize)"] }
        if optimizer.kind != defaults.optimizer.kind { arguments += ["--optimizer", optimizer.kind.rawValue] }
        if optimizer.learningRate != OptimizerSettings.kerasDefaultLearningRate(optimizer.kind) {
            arguments += ["--lr", "\(optimizer.learningRate)"]
        }
        if optimizer.momentum != 0 { arguments += ["--momentum", "\(optimizer.momentum)"] }
        if optimizer.nesterov { arguments.append("--nesterov") }
        if validationFraction != defaults.validationFraction { arguments += ["--validation-split", "\(validationFraction)"] }
        if initialization != defaults.initialization { arguments += ["--init", initialization.rawValue] }
        if let trainLimit { arguments += ["--train-limit", "\(trainLimit)"] }
        if let testLimit { arguments += ["--test-limit", "\(testLimit)"] }
        if let earlyStoppingPatience { arguments += ["--patience", "\(earlyStoppingPatience)"] }
        if shuffleLabels { arguments.append("--shuffle-labels") }
        return arguments
    }
}
