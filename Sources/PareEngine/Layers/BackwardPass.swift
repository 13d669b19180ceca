// What a layer's backward call receives: the forward buffers, the gradients and where to write its own.

/// The arguments of one `Layer.backward` call (same chunk and concurrency rules as `ForwardPass`).
///
/// `@unchecked Sendable`: raw pointers into `Network`-owned buffers; concurrent calls touch disjoint chunks
/// and each work item has its own `parameterGradients` vector and `gemmWorkspace`.
public struct BackwardPass: @unchecked Sendable {
    /// The forward input, `[chunk][inputFeatures][16]` (the first input of a layer with several).
    public let input: UnsafePointer<Float>
    /// The forward inputs after the first, for a layer with several inputs; empty otherwise.
    public let additionalInputs: UnsafeBufferPointer<UnsafePointer<Float>>
    /// The forward output (after any fused activation), `[chunk][outputFeatures][16]`.
    public let output: UnsafePointer<Float>
    /// ∂loss/∂output on `chunks`; zero in padding lanes. The layer may overwrite it (e.g. with the gradient
    /// before its fused activation).
    public let outputGradient: UnsafeMutablePointer<Float>
    /// Where ∂loss/∂input goes (overwritten on `chunks`; padding lanes must come out exactly zero), or `nil`
    /// when nothing before this layer needs it. For a layer with several inputs, the first input's gradient.
    public let inputGradient: UnsafeMutablePointer<Float>?
    /// Where the gradients of the inputs after the first go (same rules; `nil` entries are not needed), for a
    /// layer with several inputs; empty otherwise.
    public let additionalInputGradients: UnsafeBufferPointer<UnsafeMutablePointer<Float>?>
    /// The layer's slice of the parameter vector.
    public let parameters: UnsafePointer<Float>
    /// The layer's slice of this work item's gradient vector. Unless frozen, the layer *overwrites* the slices
    /// of its learned tensors with ∂loss/∂parameter summed over the samples of `chunks` (no zeroing needed).
    public let parameterGradients: UnsafeMutablePointer<Float>
    /// The chunks to process.
    public let chunks: Range<Int>
    /// Real samples in the whole batch.
    public let batchSize: Int
    /// The layer's scratch space, as left by its forward call of this step.
    public let workspace: UnsafeMutablePointer<Float>
    /// True in training.
    public let isTraining: Bool
    /// True when the layer is frozen: no parameter gradients are written.
    public let isFrozen: Bool
    /// The same random stream the forward call of this step received.
    public let random: CounterRandom
    /// Threads a batch-phase call may use.
    public let runner: ParallelRunner
    /// GEMM packing buffers owned by this call's work item (one GEMM at a time; dense layers use it).
    public let gemmWorkspace: GEMMWorkspace

    /// Creates the arguments of a backward call.
    public init(input: UnsafePointer<Float>, output: UnsafePointer<Float>,
                outputGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
                parameters: UnsafePointer<Float>, parameterGradients: UnsafeMutablePointer<Float>,
                chunks: Range<Int>, batchSize: Int, workspace: UnsafeMutablePointer<Float>,
                isTraining: Bool, isFrozen: Bool, random: CounterRandom, runner: ParallelRunner,
                gemmWorkspace: GEMMWorkspace,
                additionalInputs: UnsafeBufferPointer<UnsafePointer<Float>> = UnsafeBufferPointer(start: nil, count: 0),
                additionalInputGradients: UnsafeBufferPointer<UnsafeMutablePointer<Float>?>
                    = UnsafeBufferPointer(start: nil, count: 0)) {
        self.input = input
        self.additionalInputs = additionalInputs
        self.additionalInputGradients = additionalInputGradients
        self.output = output
        self.outputGradient = outputGradient
        self.inputGradient = inputGradient
        self.parameters = parameters
        self.parameterGradients = parameterGradients
        self.chunks = chunks
        self.batchSize = batchSize
        self.workspace = workspace
        self.isTraining = isTraining
        self.isFrozen = isFrozen
        self.random = random
        self.runner = runner
        self.gemmWorkspace = gemmWorkspace
    }

    /// The element offset of `chunks.lowerBound` in a buffer of `featureCount` features per sample.
    public func chunkOffset(featureCount: Int) -> Int {
        chunks.lowerBound * featureCount * LaneLayout.laneCount
    }
}
