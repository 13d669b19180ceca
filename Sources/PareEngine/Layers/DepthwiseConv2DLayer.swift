// The depthwise 2-D convolution layer: forward, backward and parameters, calling the fast depthwise kernels
// (Kernels/DepthwiseConvolution*.swift; their reference twins are in Kernels/Reference).

/// A per-channel 2-D convolution: each input channel is correlated with its own `depthMultiplier` kernels.
///
/// `y[c·m + j][oy][ox] = activation(b[c·m + j] + Σ_{ky,kx} W[c][j][ky][kx] · x[c][oy·sh − padTop + ky][ox·sw − padLeft + kx])`,
/// taps outside the input reading zero (m = `depthMultiplier`).
/// - Input `[C][H][W]`; output `[C·m][H'][W']` with `H' = floor((H − kh) / sh) + 1` (valid) or `ceil(H / sh)`
///   (same; `pad_total = max((H' − 1)·sh + kh − H, 0)`, `pad_total / 2` on top, the rest at the bottom — the
///   TensorFlow rule), and likewise for widths.
/// - Parameters, in this order: `kernel` `[C, m, kh, kw]` (memory order `[C·m][kh][kw]`, which is PyTorch's
///   `weight` `[C·m, 1, kh, kw]`; Keras stores `[kh, kw, C, m]`, the exporter permutes), then `bias` `[C·m]` when
///   `useBias`. Count: `C · m · kh · kw + (useBias ? C · m : 0)`.
/// - Initialiser: Keras Glorot-uniform with fanIn = C·kh·kw, fanOut = m·kh·kw, zero bias; PyTorch kernel and
///   bias U(−1/√(kh·kw), 1/√(kh·kw)) (the fan of one group).
/// - Keras `DepthwiseConv2D(kernel_size, strides, padding, depth_multiplier, activation, use_bias)`; PyTorch
///   `nn.Conv2d(C, C·m, kernel_size, stride, groups=C)` (PyTorch's `padding='same'` pads symmetrically and
///   rejects strides > 1 — Pare follows TensorFlow).
/// - A fused `relu` or `relu6` is applied in the kernel's store; other activations run after it.
public struct DepthwiseConv2DLayer: Layer {
    /// The layer's name.
    public let name: String
    /// `[C][H][W]`.
    public let inputShape: SampleShape
    /// `[C·m][H'][W']`.
    public let outputShape: SampleShape
    /// Sizes for the kernels.
    public let geometry: DepthwiseGeometry
    /// Whether a bias is added.
    public let useBias: Bool
    /// The fused activation applied to the output.
    public let activation: ActivationFunction

    /// Creates a depthwise convolution; throws when a size is not positive or a valid-padded kernel does not fit.
    public init(name: String, inputShape: SampleShape, kernelSize: PlaneSize, strides: PlaneSize = PlaneSize(square: 1),
                padding: PaddingMode = .valid, depthMultiplier: Int = 1, useBias: Bool = true,
                activation: ActivationFunction = .linear) throws(EngineError) {
        guard depthMultiplier >= 1 else {
            throw .invalidLayer(layer: name, reason: "depth multiplier must be at least 1, found \(depthMultiplier)")
        }
        let window = try WindowGeometry.validated(layer: name, input: inputShape, window: kernelSize,
                                                  strides: strides, padding: padding, windowName: "kernel size")
        self.name = name
        self.inputShape = inputShape
        self.outputShape = SampleShape(channels: inputShape.channels * depthMultiplier, height: window.outputHeight,
                                       width: window.outputWidth)
        self.geometry = DepthwiseGeometry(channels: inputShape.channels, depthMultiplier: depthMultiplier, window: window)
        self.useBias = useBias
        self.activation = activation
    }

    private var kernelCount: Int { geometry.outputChannels * geometry.kernelArea }

    /// `kernel` `[C, m, kh, kw]` and, with a bias, `bias` `[C·m]`.
    public var parameterTensors: [ParameterTensor] {
        let w = geometry.window
        let kernel = ParameterTensor(
            name: "kernel", shape: [geometry.channels, geometry.depthMultiplier, w.windowHeight, w.windowWidth],
            role: .learned,
            initializer: .groupedKernel(fanIn: geometry.channels * geometry.kernelArea,
                                        fanOut: geometry.depthMultiplier * geometry.kernelArea,
                                        groupFanIn: geometry.kernelArea))
        guard useBias else { return [kernel] }
        return [kernel, ParameterTensor(name: "bias", shape: [geometry.outputChannels], role: .learned,
                                        initializer: .bias(fanIn: geometry.kernelArea))]
    }

    /// The clamp fused into the kernel's store, or `nil` when the activation runs after it.
    private var fusedRange: ClosedRange<Float>? {
        switch activation {
        case .linear: -Float.infinity...Float.infinity
        case .relu: 0...Float.infinity
        case .relu6: 0...6
        case .sigmoid, .tanh, .softmax: nil
        }
    }

    /// The convolution plus bias and activation on the pass's chunks.
    public func forward(_ pass: ForwardPass) {
        let output = pass.output + pass.chunkOffset(featureCount: geometry.outputFeatures)
        let fused = fusedRange
        depthwiseConv2DForward(input: pass.input + pass.chunkOffset(featureCount: geometry.inputFeatures),
                               kernel: pass.parameters, bias: useBias ? pass.parameters + kernelCount : nil,
                               output: output, geometry: geometry, chunkCount: pass.chunks.count,
                               outputRange: fused ?? -Float.infinity...Float.infinity)
        if fused == nil {
            activationForward(activation, values: output, shape: outputShape, chunkCount: pass.chunks.count)
        }
    }

    /// Gradients of kernel, bias (unless frozen) and input (when asked).
    public func backward(_ pass: BackwardPass) {
        let outputOffset = pass.chunkOffset(featureCount: geometry.outputFeatures)
        let inputOffset = pass.chunkOffset(featureCount: geometry.inputFeatures)
        let preActivationGradient = pass.outputGradient + outputOffset
        activationBackward(activation, output: pass.output + outputOffset, gradient: preActivationGradient,
                           shape: outputShape, chunkCount: pass.chunks.count)
        if !pass.isFrozen {
            depthwiseConv2DParameterGradients(input: pass.input + inputOffset, outputGradient: preActivationGradient,
                                              kernelGradient: pass.parameterGradients,
                                              biasGradient: useBias ? pass.parameterGradients + kernelCount : nil,
                                              geometry: geometry, chunkCount: pass.chunks.count)
        }
        if let inputGradient = pass.inputGradient {
            depthwiseConv2DInputGradient(outputGradient: preActivationGradient, kernel: pass.parameters,
                                         inputGradient: inputGradient + inputOffset, geometry: geometry,
                                         chunkCount: pass.chunks.count)
        }
    }
}
