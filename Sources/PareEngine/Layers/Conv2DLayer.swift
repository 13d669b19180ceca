// The 2-D convolution layer: forward, backward and parameters, calling the fast convolution kernels
// (Kernels/Convolution.swift; their reference twins are in Kernels/Reference).

/// A 2-D convolution (cross-correlation) with optional bias and a fused activation.
///
/// `y[f][oy][ox] = activation(b[f] + Σ_{c,ky,kx} W[f][c][ky][kx] · x[c][oy·sh − padTop + ky][ox·sw − padLeft + kx])`,
/// taps outside the input reading zero.
/// - Input `[C][H][W]`; output `[filters][H'][W']` with `H' = floor((H − kh) / sh) + 1` (valid) or `ceil(H / sh)`
///   (same; `pad_total = max((H' − 1)·sh + kh − H, 0)`, `pad_total / 2` on top, the rest at the bottom), and
///   likewise for widths.
/// - Parameters, in this order: `kernel` `[filters, C, kh, kw]` (OIHW, PyTorch's `weight` layout; Keras stores
///   HWIO `[kh, kw, C, filters]`, the exporter permutes), then `bias` `[filters]` when `useBias`.
///   Count: `filters · C · kh · kw + (useBias ? filters : 0)`.
/// - Initialiser: Keras Glorot-uniform with fanIn = C·kh·kw, fanOut = filters·kh·kw, zero bias; PyTorch
///   kernel and bias U(−1/√(C·kh·kw), 1/√(C·kh·kw)).
/// - Keras `Conv2D(filters, kernel_size, strides, padding, activation, use_bias)`; PyTorch `nn.Conv2d`
///   (PyTorch's `padding='same'` pads symmetrically and rejects strides > 1 — Pare follows TensorFlow).
public struct Conv2DLayer: Layer {
    /// The layer's name.
    public let name: String
    /// `[C][H][W]`.
    public let inputShape: SampleShape
    /// `[filters][H'][W']`.
    public let outputShape: SampleShape
    /// Sizes for the kernels.
    public let geometry: ConvolutionGeometry
    /// Whether a bias is added.
    public let useBias: Bool
    /// The fused activation applied to the output.
    public let activation: ActivationFunction

    /// Creates a convolution; throws when a size is not positive or a valid-padded kernel does not fit.
    public init(name: String, inputShape: SampleShape, filters: Int, kernelSize: PlaneSize,
                strides: PlaneSize = PlaneSize(square: 1), padding: PaddingMode = .valid, useBias: Bool = true,
                activation: ActivationFunction = .linear) throws(EngineError) {
        guard filters >= 1 else {
            throw .invalidLayer(layer: name, reason: "filters must be at least 1, found \(filters)")
        }
        let window = try WindowGeometry.validated(layer: name, input: inputShape, window: kernelSize,
                                                  strides: strides, padding: padding, windowName: "kernel size")
        self.name = name
        self.inputShape = inputShape
        self.outputShape = SampleShape(channels: filters, height: window.outputHeight, width: window.outputWidth)
        self.geometry = ConvolutionGeometry(inputChannels: inputShape.channels, outputChannels: filters, window: window)
        self.useBias = useBias
        self.activation = activation
    }

    private var kernelCount: Int { geometry.outputChannels * geometry.kernelVolume }

    /// `kernel` `[filters, C, kh, kw]` and, with a bias, `bias` `[filters]`.
    public var parameterTensors: [ParameterTensor] {
        let area = geometry.window.windowHeight * geometry.window.windowWidth
        let kernel = ParameterTensor(
            name: "kernel",
            shape: [geometry.outputChannels, geometry.inputChannels, geometry.window.windowHeight, geometry.window.windowWidth],
            role: .learned,
            initializer: .kernel(fanIn: geometry.kernelVolume, fanOut: geometry.outputChannels * area))
        guard useBias else { return [kernel] }
        return [kernel, ParameterTensor(name: "bias", shape: [geometry.outputChannels], role: .learned,
                                        initializer: .bias(fanIn: geometry.kernelVolume))]
    }

    /// The convolution plus bias and activation on the pass's chunks (a ReLU is fused into the kernel's store).
    public func forward(_ pass: ForwardPass) {
        let output = pass.output + pass.chunkOffset(featureCount: geometry.outputFeatures)
        conv2DForward(input: pass.input + pass.chunkOffset(featureCount: geometry.inputFeatures),
                      kernel: pass.parameters, bias: useBias ? pass.parameters + kernelCount : nil,
                      output: output, geometry: geometry, chunkCount: pass.chunks.count,
                      rectifies: activation == .relu)
        if activation != .relu {
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
            conv2DParameterGradients(input: pass.input + inputOffset, outputGradient: preActivationGradient,
                                     kernelGradient: pass.parameterGradients,
                                     biasGradient: useBias ? pass.parameterGradients + kernelCount : nil,
                                     geometry: geometry, chunkCount: pass.chunks.count)
        }
        if let inputGradient = pass.inputGradient {
            conv2DInputGradient(outputGradient: preActivationGradient, kernel: pass.parameters,
                                inputGradient: inputGradient + inputOffset, geometry: geometry,
                                chunkCount: pass.chunks.count)
        }
    }
}
