// The description of one named parameter tensor of a layer: its name, engine layout, role and initialiser.

/// Whether the optimizer updates a tensor.
public enum ParameterRole: String, Hashable, Sendable {
    /// Trained by the optimizer (unless its layer is frozen): kernels, biases, γ, β.
    case learned
    /// Updated by the layer itself, never by the optimizer: batch-norm moving mean and variance.
    case statistic
}

/// How a tensor is initialised; the network's `InitializationScheme` picks the distribution for kernels
/// and biases, constants are the same in every scheme.
public enum ParameterInitializer: Hashable, Sendable {
    /// A weight tensor with the given fans (Keras: Glorot-uniform; PyTorch: Kaiming-uniform with a = √5).
    case kernel(fanIn: Int, fanOut: Int)
    /// A depthwise (grouped) convolution kernel: Keras fans as for `.kernel` (fanIn = C·kh·kw, fanOut = m·kh·kw
    /// for the `[kh, kw, C, m]` kernel), while PyTorch's grouped convolution takes the fan of one group's input,
    /// `groupFanIn` = kh·kw.
    case groupedKernel(fanIn: Int, fanOut: Int, groupFanIn: Int)
    /// A bias (Keras: zeros; PyTorch: U(-1/√fanIn, 1/√fanIn)).
    case bias(fanIn: Int)
    /// Every element set to `value` (batch-norm γ = 1, β = 0, moving mean 0, moving variance 1).
    case constant(Float)
}

/// One named parameter tensor of a layer, as the layer declares it.
///
/// A layer's tensors occupy consecutive slices of the network's single parameter vector, in the order the
/// layer lists them; each slice is the tensor in its engine layout (row-major over `shape`).
public struct ParameterTensor: Hashable, Sendable {
    /// The Keras weight name: `kernel`, `bias`, `gamma`, `beta`, `moving_mean`, `moving_variance`.
    public let name: String
    /// Dimensions in engine layout, outermost first (dense kernel `[out, in]`, conv kernel `[O, I, H, W]`).
    public let shape: [Int]
    /// Learned or a statistic.
    public let role: ParameterRole
    /// How the tensor is initialised.
    public let initializer: ParameterInitializer

    /// Creates a tensor description.
    public init(name: String, shape: [Int], role: ParameterRole, initializer: ParameterInitializer) {
        self.name = name
        self.shape = shape
        self.role = role
        self.initializer = initializer
    }

    /// The number of scalars: the product of `shape`.
    public var elementCount: Int { shape.reduce(1, *) }
}
