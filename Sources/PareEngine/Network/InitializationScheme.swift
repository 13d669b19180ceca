// Which framework's default initialisers fill kernels and biases.

/// The family of default initialisers used by `Network.initialize(scheme:generator:)`.
///
/// | tensor | `.keras` (default) | `.torch` (`--init torch`) |
/// |---|---|---|
/// | kernel | Glorot-uniform U(±√(6 / (fanIn + fanOut))) | Kaiming-uniform a = √5: U(±1/√fanIn) |
/// | bias | zeros | U(±1/√fanIn) |
/// | batch norm | γ = 1, β = 0, moving mean 0, moving variance 1 | same |
///
/// Convolution fans include the kernel area: fanIn = C·kh·kw, fanOut = filters·kh·kw. A depthwise kernel has
/// Keras fans C·kh·kw and m·kh·kw, and PyTorch fan kh·kw (one group's input; its bias bound too).
public enum InitializationScheme: String, Hashable, Sendable, CaseIterable, Codable {
    /// Keras defaults.
    case keras
    /// PyTorch defaults for `nn.Linear` and `nn.Conv2d`.
    case torch

    /// Draws `count` values for a tensor initialised by `initializer` into `destination`, in element order.
    func fill<G: RandomNumberGenerator>(_ destination: UnsafeMutablePointer<Float>, count: Int,
                                        initializer: ParameterInitializer, generator: inout G) {
        switch (initializer, self) {
        case (.constant(let value), _):
            destination.update(repeating: value, count: count)
        case (.kernel(let fanIn, let fanOut), .keras), (.groupedKernel(let fanIn, let fanOut, _), .keras):
            let limit = (6 / Float(fanIn + fanOut)).squareRoot()
            for index in 0..<count { destination[index] = generator.nextSymmetricFloat(limit: limit) }
        case (.bias, .keras):
            destination.update(repeating: 0, count: count)
        case (.kernel(let fanIn, _), .torch), (.groupedKernel(_, _, let fanIn), .torch), (.bias(let fanIn), .torch):
            // Kaiming-uniform with a = √5 gives bound gain·√(3/fanIn) with gain = √(2/(1 + 5)), i.e. 1/√fanIn;
            // PyTorch's bias bound is the same 1/√fanIn.
            let limit = 1 / Float(fanIn).squareRoot()
            for index in 0..<count { destination[index] = generator.nextSymmetricFloat(limit: limit) }
        }
    }
}
