// The `separable` move: depthwise-separable convolutions instead of full ones.

import PareModel

extension ModelSpec {
    /// The model with every convolution that reads two or more channels through a kernel larger than 1x1
    /// replaced by a depthwise-separable pair: `depthwiseconv2d` (same kernel, strides and padding) followed by a
    /// pointwise `conv2d filters 1` carrying the activation. A `kh·kw·C·F + F` convolution becomes
    /// `kh·kw·C + C + C·F + F` parameters. `nil` if no convolution qualifies (e.g. the first layer of a
    /// one-channel image) or the model is not valid.
    public func withSeparableConvolutions() -> ModelSpec? {
        guard let analysis = try? ModelAnalysis(self) else { return nil }
        var copy = self
        copy.layers = []
        var replaced = false
        for (layer, analysed) in zip(layers, analysis.layers) {
            guard case .conv2D(let conv) = layer.kind, analysed.inputShape.channels >= 2,
                  conv.kernelSize.height * conv.kernelSize.width > 1, layer.name == nil, layer.inputs.isEmpty else {
                copy.layers.append(layer)
                continue
            }
            replaced = true
            let depthwise = DepthwiseConv2D(kernelSize: conv.kernelSize, strides: conv.strides, padding: conv.padding,
                                            useBias: conv.useBias)
            copy.layers.append(LayerSpec(.depthwiseConv2D(depthwise), trainable: layer.trainable))
            copy.layers.append(LayerSpec(.conv2D(Conv2D(filters: conv.filters, kernelSize: Size2(square: 1),
                                                        activation: conv.activation, useBias: conv.useBias)),
                                         trainable: layer.trainable))
        }
        return replaced ? copy : nil
    }
}
