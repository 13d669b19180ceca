// The element-wise (and softmax) activation functions a layer can apply to its output.

/// An activation function, by its Keras name. Layers apply it to their output in place ("fused").
public enum ActivationFunction: String, Hashable, Sendable, CaseIterable {
    /// `f(x) = x` (Keras `"linear"`, PyTorch `nn.Identity`).
    case linear
    /// `f(x) = max(0, x)`, derivative 0 at `x = 0` as in TensorFlow (Keras `"relu"`, PyTorch `nn.ReLU`).
    case relu
    /// `f(x) = min(max(0, x), 6)`, derivative 1 on `0 < x < 6` and 0 elsewhere (kinks included) as in
    /// TensorFlow's `Relu6Grad` (Keras `"relu6"` and `ReLU(max_value=6)`, PyTorch `nn.ReLU6`). Other caps are
    /// `ReLULayer(maxValue:)`.
    case relu6
    /// `f(x) = 1 / (1 + e^-x)` (Keras `"sigmoid"`, PyTorch `nn.Sigmoid`).
    case sigmoid
    /// `f(x) = tanh(x)` (Keras `"tanh"`, PyTorch `nn.Tanh`).
    case tanh
    /// `f(x)_c = e^x_c / Σ_j e^x_j` over the channels of each pixel — over all features of a vector — like
    /// Keras's softmax over the last (channels) axis (PyTorch `nn.Softmax(dim=1)`).
    case softmax
}
