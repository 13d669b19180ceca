// Exact parameter counts per layer, in the Keras view and the PyTorch view.

/// How many parameters a layer holds, split as Keras splits them.
public struct ParameterCounts: Hashable, Sendable {
    /// Weights that training updates when the layer is trainable (kernels, biases, γ and β).
    public var learned: Int
    /// Statistics that are never trained (BatchNormalization's moving mean and variance).
    public var statistics: Int

    /// Both kinds together.
    public var total: Int { learned + statistics }
}

extension LayerKind {
    /// The parameters of this layer for one example of shape `input`.
    ///
    /// Dense: `in·units + units`; Conv2D: `kh·kw·C·filters + filters`; BatchNormalization: `2·C` learned
    /// (γ, β) and `2·C` statistics (moving mean, variance); DepthwiseConv2D: `kh·kw·C·m + C·m`; all others: none.
    public func parameterCounts(for input: Shape) -> ParameterCounts {
        switch self {
        case .dense(let dense):
            return ParameterCounts(learned: input.channels * dense.units + (dense.useBias ? dense.units : 0),
                                   statistics: 0)
        case .conv2D(let conv):
            let kernel = conv.kernelSize.height * conv.kernelSize.width * input.channels * conv.filters
            return ParameterCounts(learned: kernel + (conv.useBias ? conv.filters : 0), statistics: 0)
        case .depthwiseConv2D(let conv):
            let outputs = input.channels * conv.depthMultiplier
            return ParameterCounts(learned: conv.kernelSize.height * conv.kernelSize.width * outputs + (conv.useBias ? outputs : 0),
                                   statistics: 0)
        case .batchNormalization:
            return ParameterCounts(learned: 2 * input.channels, statistics: 2 * input.channels)
        case .maxPooling2D, .averagePooling2D, .globalAveragePooling2D, .dropout, .activation, .flatten,
             .zeroPadding2D, .reLU, .add:
            return ParameterCounts(learned: 0, statistics: 0)
        }
    }

    /// Multiply-adds for one example as torchinfo 1.8.0 counts them: for convolutions (depthwise ones are
    /// `nn.Conv2d` with groups there) every parameter once per output position (`params · H' · W'`), for other
    /// layers with parameters every parameter once.
    public func multiplyAdds(parameters: ParameterCounts, output: Shape) -> Int {
        switch self {
        case .conv2D, .depthwiseConv2D:
            return parameters.learned * output.height * output.width
        case .dense, .batchNormalization:
            return parameters.learned
        case .maxPooling2D, .averagePooling2D, .globalAveragePooling2D, .dropout, .activation, .flatten,
             .zeroPadding2D, .reLU, .add:
            return 0
        }
    }
}
