// The batch-normalisation layer: batch statistics in training (a batch phase), moving statistics at
// evaluation and when frozen, and the moving-average update — with Keras 3's semantics.

/// Batch normalisation per channel: `y = γ · (x − μ) / √(σ² + ε) + β`.
///
/// - Statistics are per channel over batch × H × W (over the batch for a vector's features), counting only
///   real samples: padding lanes never enter μ or σ², and their input gradient is exactly zero.
/// - **Training** (not frozen): μ and the *biased* σ² (divide by N) of the batch normalise, and
///   `moving = momentum · moving + (1 − momentum) · batch` updates both moving statistics — Keras 3 uses the
///   same biased variance for the moving update (keras/src/layers/normalization/batch_normalization.py,
///   `ops.moments`); PyTorch uses the unbiased one for `running_var`. This needs the whole batch, so the layer
///   runs as a batch phase.
/// - **Evaluation, or frozen in training:** the moving statistics normalise and nothing is updated; a frozen
///   layer runs in inference mode even in training, as Keras does for `trainable = False`.
/// - Input and output `[C][H][W]` (any shape).
/// - Parameters, in this order, each `[C]`: `gamma` (learned, init 1), `beta` (learned, init 0),
///   `moving_mean` (statistic, init 0), `moving_variance` (statistic, init 1). Count `4·C` (Keras counts all
///   four, 2·C non-trainable; torchinfo counts only γ and β, the running statistics being buffers).
/// - Keras `BatchNormalization(momentum=0.99, epsilon=1e-3)`; PyTorch `nn.BatchNorm2d/1d(C, eps=1e-5,
///   momentum=0.1)` where PyTorch's momentum is 1 − Keras's.
public struct BatchNormalizationLayer: Layer {
    // Parameter slice layout: gamma [0, C), beta [C, 2C), moving mean [2C, 3C), moving variance [3C, 4C);
    // `c` indexes channels in the loops below.
    /// The layer's name.
    public let name: String
    /// Any shape; channels are normalised separately.
    public let inputShape: SampleShape
    /// Equal to `inputShape`.
    public let outputShape: SampleShape
    /// Weight of the old moving statistics in each update (Keras default 0.99).
    public let momentum: Float
    /// Added to the variance before the square root (Keras default 1e-3).
    public let epsilon: Float

    /// Creates the layer; throws when `momentum` is not in `[0, 1]` or `epsilon` is not positive.
    public init(name: String, inputShape: SampleShape, momentum: Float = 0.99,
                epsilon: Float = 1e-3) throws(EngineError) {
        guard momentum >= 0 && momentum <= 1 else {
            throw .invalidLayer(layer: name, reason: "momentum must be in [0, 1], found \(momentum)")
        }
        guard epsilon > 0 else {
            throw .invalidLayer(layer: name, reason: "epsilon must be positive, found \(epsilon)")
        }
        self.name = name
        self.inputShape = inputShape
        self.outputShape = inputShape
        self.momentum = momentum
        self.epsilon = epsilon
    }

    private var channels: Int { inputShape.channels }

    /// `gamma`, `beta`, `moving_mean`, `moving_variance`, each `[C]`.
    public var parameterTensors: [ParameterTensor] {
        [ParameterTensor(name: "gamma", shape: [channels], role: .learned, initializer: .constant(1)),
         ParameterTensor(name: "beta", shape: [channels], role: .learned, initializer: .constant(0)),
         ParameterTensor(name: "moving_mean", shape: [channels], role: .statistic, initializer: .constant(0)),
         ParameterTensor(name: "moving_variance", shape: [channels], role: .statistic, initializer: .constant(1))]
    }

    /// The batch mean `[C]` and inverse standard deviation `[C]`, kept from forward to backward.
    public var workspaceCount: Int { 2 * channels }

    /// Batch statistics need the whole batch: training and not frozen.
    public func needsBatchPhase(isTraining: Bool, isFrozen: Bool) -> Bool {
        isTraining && !isFrozen
    }

    /// Normalises with batch statistics (and updates the moving ones) or with the moving statistics.
    public func forward(_ pass: ForwardPass) {
        if needsBatchPhase(isTraining: pass.isTraining, isFrozen: pass.isFrozen) {
            trainingForward(pass)
        } else {
            inferenceForward(pass)
        }
    }

    /// The training backward (batch phase), or for a frozen layer `dx = dy · γ / √(moving σ² + ε)`.
    public func backward(_ pass: BackwardPass) {
        if needsBatchPhase(isTraining: pass.isTraining, isFrozen: pass.isFrozen) {
            let chunkCount = pass.chunks.count
            pass.runner.run(channelGroupCount) { group in
                let gradients = pass.parameterGradients
                batchNormBackward(input: pass.input, outputGradient: pass.outputGradient,
                                  inputGradient: pass.inputGradient, shape: inputShape,
                                  chunkCount: chunkCount, validSamples: pass.batchSize,
                                  channels: channelGroup(group), mean: pass.workspace,
                                  inverseStandardDeviation: pass.workspace + channels,
                                  gamma: pass.parameters, gammaGradient: gradients,
                                  betaGradient: gradients + channels)
            }
            return
        }
        precondition(pass.isFrozen, "BatchNormalizationLayer '\(name)': backward outside training needs a frozen layer")
        guard let inputGradient = pass.inputGradient else { return }
        let offset = pass.chunkOffset(featureCount: inputShape.featureCount)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: channels) { buffer in
            guard let scale = buffer.baseAddress else { return }
            for c in 0..<channels {
                scale[c] = pass.parameters[c] / (pass.parameters[3 * channels + c] + epsilon).squareRoot()
            }
            channelAffine(input: pass.outputGradient + offset, output: inputGradient + offset,
                          shape: inputShape, chunkCount: pass.chunks.count, channels: 0..<channels,
                          scale: scale, shift: nil)
        }
    }

    /// Channels are split into at most 8 fixed groups for a batch phase (independent of the thread count).
    private var channelGroupCount: Int { min(channels, 8) }

    private func channelGroup(_ group: Int) -> Range<Int> {
        (group * channels / channelGroupCount)..<((group + 1) * channels / channelGroupCount)
    }

    private func trainingForward(_ pass: ForwardPass) {
        precondition(pass.chunks == 0..<LaneLayout.chunkCount(batchSize: pass.batchSize),
                     "BatchNormalizationLayer '\(name)': a training forward must see the whole batch")
        let chunkCount = pass.chunks.count
        pass.runner.run(channelGroupCount) { group in
            let range = channelGroup(group)
            let gamma = pass.parameters, beta = pass.parameters + channels
            let movingMean = pass.parameters + 2 * channels, movingVariance = pass.parameters + 3 * channels
            let mean = pass.workspace, inverseStandardDeviation = pass.workspace + channels
            // The variance is written where the inverse standard deviation goes, then converted in place.
            batchNormStatistics(input: pass.input, shape: inputShape, chunkCount: chunkCount,
                                validSamples: pass.batchSize, channels: range, mean: mean,
                                variance: inverseStandardDeviation)
            withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * channels) { buffer in
                guard let affine = buffer.baseAddress else { return }
                for c in range {
                    let variance = inverseStandardDeviation[c]
                    movingMean[c] = movingMean[c] * momentum + mean[c] * (1 - momentum)
                    movingVariance[c] = movingVariance[c] * momentum + variance * (1 - momentum)
                    inverseStandardDeviation[c] = 1 / (variance + epsilon).squareRoot()
                    affine[c] = gamma[c] * inverseStandardDeviation[c]
                    affine[channels + c] = beta[c] - mean[c] * affine[c]
                }
                channelAffine(input: pass.input, output: pass.output, shape: inputShape,
                              chunkCount: chunkCount, channels: range, scale: affine,
                              shift: affine + channels)
            }
        }
    }

    private func inferenceForward(_ pass: ForwardPass) {
        let offset = pass.chunkOffset(featureCount: inputShape.featureCount)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * channels) { buffer in
            guard let affine = buffer.baseAddress else { return }
            for c in 0..<channels {
                let scale = pass.parameters[c] / (pass.parameters[3 * channels + c] + epsilon).squareRoot()
                affine[c] = scale
                affine[channels + c] = pass.parameters[channels + c] - pass.parameters[2 * channels + c] * scale
            }
            channelAffine(input: pass.input + offset, output: pass.output + offset, shape: inputShape,
                          chunkCount: pass.chunks.count, channels: 0..<channels, scale: affine,
                          shift: affine + channels)
        }
    }
}
