// Why a training could not start or run.

import PareModel

/// A training that cannot be set up or run, as one line.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// `--freeze` names a layer the model does not have.
    case unknownLayer(String, suggestion: String?)
    /// The engine rejected the model (a layer it cannot build).
    case engine(String)
    /// The model's input does not match the data's images.
    case inputMismatch(model: String, data: String, dataset: String)
    /// The model's output does not match the data's classes.
    case classMismatch(modelOutputs: Int, classes: Int, dataset: String)
    /// A bad setting (batch size, epochs, split fraction, …).
    case invalidSetting(String)
    /// A checkpoint that does not fit the model.
    case checkpoint(String)

    /// One line.
    public var description: String {
        switch self {
        case .unknownLayer(let name, let suggestion):
            "no layer named '\(name)' to freeze" + Suggestion.hint(suggestion)
        case .engine(let message):
            "the engine cannot build this model: \(message)"
        case .inputMismatch(let model, let data, let dataset):
            "the model's input is \(model) but \(dataset) images are \(data); change the model's 'input' line"
        case .classMismatch(let outputs, let classes, let dataset):
            "the model outputs \(outputs) values but \(dataset) has \(classes) classes; make the last layer 'dense \(classes) softmax'"
        case .invalidSetting(let message):
            message
        case .checkpoint(let message):
            message
        }
    }
}
