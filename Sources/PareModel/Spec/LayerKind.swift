// What a layer computes: one case per layer kind Pare describes, each carrying only its free choices.
//
// Every analysis switches over `LayerKind` exhaustively, so a new kind cannot compile until shape
// inference, counting, rendering, printing and the engine builder all handle it.

/// The kind of a layer and its hyper-parameters (the choices a user makes; shapes are inferred).
public enum LayerKind: Hashable, Sendable {
    /// A fully connected layer (Keras `Dense`, PyTorch `nn.Linear`).
    case dense(Dense)
    /// A 2-D convolution (Keras `Conv2D`, PyTorch `nn.Conv2d`).
    case conv2D(Conv2D)
    /// Max pooling over windows (Keras `MaxPooling2D`, PyTorch `nn.MaxPool2d`).
    case maxPooling2D(Pooling2D)
    /// Average pooling over windows (Keras `AveragePooling2D`, PyTorch `nn.AvgPool2d`).
    case averagePooling2D(Pooling2D)
    /// Mean over height and width, `HxWxC → C` (Keras `GlobalAveragePooling2D`,
    /// PyTorch `nn.AdaptiveAvgPool2d(1)` followed by `nn.Flatten`).
    case globalAveragePooling2D
    /// Batch normalisation over the last axis (Keras `BatchNormalization`, PyTorch `nn.BatchNorm2d/1d`).
    case batchNormalization(BatchNormalization)
    /// Inverted dropout, active only in training (Keras `Dropout`, PyTorch `nn.Dropout`).
    case dropout(Dropout)
    /// A stand-alone activation (Keras `Activation`, PyTorch `nn.ReLU`, `nn.Softmax`, …).
    case activation(Activation)
    /// Reshape to a vector, channels-last order (Keras `Flatten`, PyTorch `nn.Flatten`).
    case flatten
    /// A per-channel (depthwise) 2-D convolution (Keras `DepthwiseConv2D`, PyTorch `nn.Conv2d` with
    /// `groups = in_channels`).
    case depthwiseConv2D(DepthwiseConv2D)
    /// Zeros around an image (Keras `ZeroPadding2D`, PyTorch `nn.ZeroPad2d`).
    case zeroPadding2D(ZeroPadding2D)
    /// A rectified linear unit layer with an optional cap, e.g. ReLU6 (Keras `ReLU`, PyTorch `nn.ReLU`/`nn.ReLU6`).
    case reLU(ReLU)
    /// Element-wise sum of two or more inputs of one shape (Keras `Add`; in PyTorch an operation, not a module).
    case add
}

/// A fully connected layer: `y = activation(x · W + b)`.
///
/// - Input `[in]`, output `[units]`.
/// - Parameters: `in · units` kernel weights (Keras layout `[in, units]`) plus `units` biases.
/// - Initialiser (Keras default): Glorot-uniform kernel, zero bias.
public struct Dense: Hashable, Sendable {
    /// Output features.
    public var units: Int
    /// Activation applied to the output.
    public var activation: Activation
    /// Whether the layer adds a bias vector.
    public var useBias: Bool

    /// Creates a dense layer.
    public init(units: Int, activation: Activation = .linear, useBias: Bool = true) {
        self.units = units
        self.activation = activation
        self.useBias = useBias
    }
}

/// A 2-D convolution (cross-correlation) over an `HxWxC` image.
///
/// - Output `H' x W' x filters` with `H' = floor((H - kh) / sh) + 1` (valid) or `ceil(H / sh)` (same).
/// - Parameters: `kh · kw · C · filters` kernel weights (Keras layout `[kh, kw, C, filters]`) plus `filters` biases.
/// - Initialiser (Keras default): Glorot-uniform kernel with fans `kh·kw·C` and `kh·kw·filters`, zero bias.
public struct Conv2D: Hashable, Sendable {
    /// Output channels.
    public var filters: Int
    /// Kernel height and width.
    public var kernelSize: Size2
    /// Step between windows.
    public var strides: Size2
    /// Border treatment.
    public var padding: Padding
    /// Activation applied to the output.
    public var activation: Activation
    /// Whether the layer adds a bias per filter.
    public var useBias: Bool

    /// Creates a convolution; strides default to 1 and padding to `valid`, as in Keras.
    public init(filters: Int, kernelSize: Size2, strides: Size2 = Size2(square: 1), padding: Padding = .valid,
                activation: Activation = .linear, useBias: Bool = true) {
        self.filters = filters
        self.kernelSize = kernelSize
        self.strides = strides
        self.padding = padding
        self.activation = activation
        self.useBias = useBias
    }
}

/// A max or average pooling window over an `HxWxC` image; channels are kept.
///
/// - Output `H' x W' x C` with `H' = floor((H - ph) / sh) + 1` (valid) or `ceil(H / sh)` (same).
/// - No parameters. Average pooling with `same` padding divides by the number of real (unpadded) inputs.
public struct Pooling2D: Hashable, Sendable {
    /// Window height and width.
    public var poolSize: Size2
    /// Step between windows; `nil` means the pool size (Keras default).
    public var strides: Size2?
    /// Border treatment.
    public var padding: Padding

    /// Creates a pooling window; strides default to the pool size and padding to `valid`, as in Keras.
    public init(poolSize: Size2, strides: Size2? = nil, padding: Padding = .valid) {
        self.poolSize = poolSize
        self.strides = strides
        self.padding = padding
    }

    /// The step actually used: the explicit strides, or the pool size.
    public var effectiveStrides: Size2 { strides ?? poolSize }
}

/// Batch normalisation over the last axis: `y = γ (x - μ) / sqrt(σ² + ε) + β`.
///
/// - Input and output shapes are equal; statistics are per channel (last axis).
/// - Parameters in the Keras view: `γ, β` (trainable) and moving mean and variance (non-trainable), `4·C`;
///   in the torchinfo view only `2·C` (running statistics are buffers).
/// - Training uses batch statistics and updates `moving = momentum · moving + (1 - momentum) · batch`;
///   evaluation uses the moving statistics.
public struct BatchNormalization: Hashable, Sendable {
    /// Weight of the old moving statistics in each update (Keras default 0.99; PyTorch's momentum is 1 minus this).
    public var momentum: Double
    /// Added to the variance before the square root (Keras default 1e-3; PyTorch's default is 1e-5).
    public var epsilon: Double

    /// Creates a batch normalisation with Keras defaults.
    public init(momentum: Double = 0.99, epsilon: Double = 0.001) {
        self.momentum = momentum
        self.epsilon = epsilon
    }
}

/// Inverted dropout: in training each element is zeroed with probability `rate` and the survivors scaled by
/// `1 / (1 - rate)`; at evaluation it is the identity. No parameters.
public struct Dropout: Hashable, Sendable {
    /// Probability of dropping an element, in `[0, 1)`.
    public var rate: Double

    /// Creates a dropout layer.
    public init(rate: Double) {
        self.rate = rate
    }
}

/// A depthwise convolution: each input channel is convolved with its own `depthMultiplier` kernels.
///
/// - Output `H' x W' x (C · depthMultiplier)` with the same size rules as `Conv2D`.
/// - Parameters: `kh · kw · C · depthMultiplier` (Keras layout `[kh, kw, C, depthMultiplier]`) plus
///   `C · depthMultiplier` biases.
/// - Initialiser (Keras default): Glorot-uniform with fans `kh·kw·C` and `kh·kw·depthMultiplier`, zero bias.
public struct DepthwiseConv2D: Hashable, Sendable {
    /// Kernel height and width.
    public var kernelSize: Size2
    /// Step between windows.
    public var strides: Size2
    /// Border treatment.
    public var padding: Padding
    /// Output channels per input channel.
    public var depthMultiplier: Int
    /// Activation applied to the output.
    public var activation: Activation
    /// Whether the layer adds a bias per output channel.
    public var useBias: Bool

    /// Creates a depthwise convolution; defaults as in Keras.
    public init(kernelSize: Size2, strides: Size2 = Size2(square: 1), padding: Padding = .valid, depthMultiplier: Int = 1,
                activation: Activation = .linear, useBias: Bool = true) {
        self.kernelSize = kernelSize
        self.strides = strides
        self.padding = padding
        self.depthMultiplier = depthMultiplier
        self.activation = activation
        self.useBias = useBias
    }
}

/// Rows and columns of zeros added around an image: output `(H + top + bottom) x (W + left + right) x C`.
public struct ZeroPadding2D: Hashable, Sendable {
    /// Rows added above.
    public var top: Int
    /// Rows added below.
    public var bottom: Int
    /// Columns added on the left.
    public var left: Int
    /// Columns added on the right.
    public var right: Int

    /// Creates a padding.
    public init(top: Int, bottom: Int, left: Int, right: Int) {
        self.top = top
        self.bottom = bottom
        self.left = left
        self.right = right
    }
}

/// `f(x) = min(max(x, 0), maxValue)`; without `maxValue`, a plain ReLU (Keras `ReLU(max_value=…)`).
public struct ReLU: Hashable, Sendable {
    /// The cap (6 for ReLU6), or `nil` for none.
    public var maxValue: Double?

    /// Creates a ReLU layer.
    public init(maxValue: Double? = nil) {
        self.maxValue = maxValue
    }
}
