// The fully connected layer: forward, backward and parameters, calling the GEMM-based dense kernels (Dense.swift)
// with the work item's GEMM workspace, and the fast activation kernels.

/// A fully connected layer with optional bias and a fused activation: `y = activation(W · x + b)` per sample.
///
/// - Input `[inputFeatures]` (a vector: flatten images first); output `[units]`.
/// - Parameters, in this order: `kernel` `[units, inputFeatures]` (engine layout `[out][in]`, like PyTorch's
///   `weight`; Keras stores `[in, units]`, the exporter transposes), then `bias` `[units]` when `useBias`.
///   Count: `units · inputFeatures + (useBias ? units : 0)`.
/// - Initialiser: Keras Glorot-uniform kernel (fanIn = inputFeatures, fanOut = units) and zero bias;
///   PyTorch (`--init torch`) kernel and bias U(−1/√inputFeatures, 1/√inputFeatures).
/// - Backward: `δ = dy ⊙ activation'(y)`, `dW = Σ_samples δ xᵀ`, `db = Σ_samples δ`, `dx = Wᵀ δ`.
/// - Keras `Dense(units, activation=…, use_bias=…)`; PyTorch `nn.Linear(in_features, out_features, bias=…)`
///   followed by the activation module.
public struct DenseLayer: Layer {
    /// The layer's name.
    public let name: String
    /// `[inputFeatures]`.
    public let inputShape: SampleShape
    /// `[units]`.
    public let outputShape: SampleShape
    /// Sizes for the kernels.
    public let geometry: DenseGeometry
    /// Whether a bias is added.
    public let useBias: Bool
    /// The fused activation applied to the output.
    public let activation: ActivationFunction

    /// Creates a dense layer; throws when the input is not a vector or `units < 1`.
    public init(name: String, inputShape: SampleShape, units: Int, useBias: Bool = true,
                activation: ActivationFunction = .linear) throws(EngineError) {
        guard inputShape.isVector else {
            throw .invalidLayer(layer: name, reason: "dense expects a vector input, found \(inputShape); flatten first")
        }
        guard units >= 1 else {
            throw .invalidLayer(layer: name, reason: "units must be at least 1, found \(units)")
        }
        self.name = name
        self.inputShape = inputShape
        self.outputShape = .vector(units)
        self.geometry = DenseGeometry(inputFeatures: inputShape.featureCount, outputFeatures: units)
        self.useBias = useBias
        self.activation = activation
    }

    private var kernelCount: Int { geometry.outputFeatures * geometry.inputFeatures }

    /// `kernel` `[units, in]` and, with a bias, `bias` `[units]`.
    public var parameterTensors: [ParameterTensor] {
        let kernel = ParameterTensor(name: "kernel", shape: [geometry.outputFeatures, geometry.inputFeatures],
                                     role: .learned,
                                     initializer: .kernel(fanIn: geometry.inputFeatures, fanOut: geometry.outputFeatures))
        guard useBias else { return [kernel] }
        return [kernel, ParameterTensor(name: "bias", shape: [geometry.outputFeatures], role: .learned,
                                        initializer: .bias(fanIn: geometry.inputFeatures))]
    }

    /// `y = activation(W · x + b)` on the pass's chunks.
    public func forward(_ pass: ForwardPass) {
        let output = pass.output + pass.chunkOffset(featureCount: geometry.outputFeatures)
        denseForward(input: pass.input + pass.chunkOffset(featureCount: geometry.inputFeatures),
                     kernel: pass.parameters, bias: useBias ? pass.parameters + kernelCount : nil,
                     output: output, geometry: geometry, chunkCount: pass.chunks.count,
                     workspace: pass.gemmWorkspace, threads: pass.runner.threadCount)
        activationForward(activation, values: output, shape: outputShape, chunkCount: pass.chunks.count)
    }

    /// Gradients of kernel, bias (unless frozen) and input (when asked).
    public func backward(_ pass: BackwardPass) {
        let outputOffset = pass.chunkOffset(featureCount: geometry.outputFeatures)
        let inputOffset = pass.chunkOffset(featureCount: geometry.inputFeatures)
        let preActivationGradient = pass.outputGradient + outputOffset
        activationBackward(activation, output: pass.output + outputOffset, gradient: preActivationGradient,
                           shape: outputShape, chunkCount: pass.chunks.count)
        if !pass.isFrozen {
            denseParameterGradients(input: pass.input + inputOffset, outputGradient: preActivationGradient,
                                    kernelGradient: pass.parameterGradients,
                                    biasGradient: useBias ? pass.parameterGradients + kernelCount : nil,
                                    geometry: geometry, chunkCount: pass.chunks.count,
                                    workspace: pass.gemmWorkspace, threads: pass.runner.threadCount)
        }
        if let inputGradient = pass.inputGradient {
            denseInputGradient(outputGradient: preActivationGradient, kernel: pass.parameters,
                               inputGradient: inputGradient + inputOffset, geometry: geometry,
                               chunkCount: pass.chunks.count, workspace: pass.gemmWorkspace,
                               threads: pass.runner.threadCount)
        }
    }
}
