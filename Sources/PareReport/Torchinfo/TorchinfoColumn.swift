// The columns torchinfo can show after the layer name (the subset Pare renders).

/// A torchinfo column (`col_names`), in the order given to `TorchinfoSummary.render(columns:)`.
public enum TorchinfoColumn: String, Hashable, Sendable, CaseIterable {
    /// "Input Shape" (`input_size`).
    case inputSize = "input_size"
    /// "Output Shape" (`output_size`).
    case outputSize = "output_size"
    /// "Param #" (`num_params`); a frozen module's count is in parentheses.
    case parameterCount = "num_params"
    /// "Mult-Adds" (`mult_adds`).
    case multiplyAdds = "mult_adds"

    /// The header torchinfo prints.
    public var title: String {
        switch self {
        case .inputSize: "Input Shape"
        case .outputSize: "Output Shape"
        case .parameterCount: "Param #"
        case .multiplyAdds: "Mult-Adds"
        }
    }

    /// torchinfo's default with an input size: output shape and parameters.
    public static let defaults: [TorchinfoColumn] = [.outputSize, .parameterCount]
    /// Input and output shapes, parameters and multiply-adds.
    public static let full: [TorchinfoColumn] = [.inputSize, .outputSize, .parameterCount, .multiplyAdds]
}
