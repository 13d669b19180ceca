// What `pare export` cannot write yet.

/// A model that cannot be exported as a Python script yet.
public enum ExportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A graph model (named inputs, `add`): the scripts rebuild sequential models only.
    case graphModel
    /// A layer kind only graph models use (Add): its name and Keras class.
    case unsupportedLayer(name: String, className: String)

    /// The one-line message, e.g. `export of graph models (named inputs, add) is not supported yet: …`.
    public var description: String {
        switch self {
        case .graphModel:
            "export of graph models (named inputs, add) is not supported yet: the scripts rebuild sequential models only"
        case .unsupportedLayer(let name, let className):
            "export of layer '\(name)' (\(className)) is not supported yet: the scripts rebuild sequential models only"
        }
    }
}
