// What `pare export` cannot write yet.

/// A model that cannot be exported as a Python script yet.
public enum ExportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A graph model (named inputs, `add`): the engine does not train graph models yet, so there are no weights.
    case graphModel
    /// A layer kind the engine does not train yet (and so no checkpoint holds): its name and Keras class.
    case unsupportedLayer(name: String, className: String)

    /// The one-line message, e.g. `export of graph models (named inputs, add) is not supported yet`.
    public var description: String {
        switch self {
        case .graphModel:
            "export of graph models (named inputs, add) is not supported yet: Pare's engine does not train them, "
                + "so there are no weights to export"
        case .unsupportedLayer(let name, let className):
            "export of layer '\(name)' (\(className)) is not supported yet: Pare's engine does not train it, "
                + "so there are no weights to export"
        }
    }
}
