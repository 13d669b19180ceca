// Element-wise activation functions a layer can apply to its output.

/// An activation function, by its Keras name.
public enum Activation: String, Hashable, Sendable, CaseIterable {
    /// Identity, `f(x) = x` (Keras `"linear"`, PyTorch `nn.Identity`).
    case linear
    /// `f(x) = max(0, x)` (Keras `"relu"`, PyTorch `nn.ReLU`).
    case relu
    /// `f(x) = 1 / (1 + e^-x)` (Keras `"sigmoid"`, PyTorch `nn.Sigmoid`).
    case sigmoid
    /// `f(x) = tanh(x)` (Keras `"tanh"`, PyTorch `nn.Tanh`).
    case tanh
    /// `f(x)_i = e^x_i / Σ_j e^x_j` over the last axis (Keras `"softmax"`, PyTorch `nn.Softmax(dim=1)`).
    case softmax
}
