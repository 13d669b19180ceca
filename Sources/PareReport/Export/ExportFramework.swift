// The frameworks `pare export` writes scripts for.

/// A Python framework an exported script rebuilds the model in.
public enum ExportFramework: String, Hashable, Sendable, CaseIterable {
    /// Keras 3 (any backend): channels-last, the weights load as stored.
    case keras
    /// PyTorch: channels-first, kernels transposed and the first Linear after a Flatten permuted.
    case pytorch

    /// The framework's name as people write it.
    public var displayName: String {
        switch self {
        case .keras: "Keras"
        case .pytorch: "PyTorch"
        }
    }
}
