// What a layer's forward call receives: buffers, the chunks to process, its parameters and the mode.

/// The arguments of one `Layer.forward` call.
///
/// Buffer pointers point at chunk 0 of whole-batch buffers in the lane layout; the layer processes only
/// `chunks`. A call on a work item's chunks may run concurrently with calls on other items' chunks, so it
/// must write only its own chunks of `output` (and, for a batch-phase call, may also write `workspace` and
/// the statistics in `parameters`).
///
/// `@unchecked Sendable`: it carries raw pointers into buffers owned by the `Network`; concurrent calls touch
/// disjoint chunk ranges, which is what makes sharing them safe, and each work item has its own `gemmWorkspace`.
public struct ForwardPass: @unchecked Sendable {
    /// The layer input, `[chunk][inputFeatures][16]` (the first input of a layer with several).
    public let input: UnsafePointer<Float>
    /// The inputs after the first, same layout, for a layer with several inputs (`AddLayer`); empty otherwise.
    public let additionalInputs: UnsafeBufferPointer<UnsafePointer<Float>>
    /// The layer output, `[chunk][outputFeatures][16]`.
    public let output: UnsafeMutablePointer<Float>
    /// The chunks to process: a work item's range, or every chunk of the batch in a batch phase.
    public let chunks: Range<Int>
    /// Real samples in the whole batch; lanes at or past it are padding.
    public let batchSize: Int
    /// The layer's slice of the network parameter vector, its tensors in declaration order.
    public let parameters: UnsafeMutablePointer<Float>
    /// The layer's scratch space (`Layer.workspaceCount` floats), kept from forward to backward of one step.
    public let workspace: UnsafeMutablePointer<Float>
    /// True in training (batch statistics, dropout active), false at evaluation.
    public let isTraining: Bool
    /// True when the layer is frozen (its learned tensors are not updated; batch norm uses moving statistics).
    public let isFrozen: Bool
    /// The counter-based random stream of this layer at this step (dropout).
    public let random: CounterRandom
    /// Threads a batch-phase call may use for work it splits itself (per-item calls get `.serial`).
    public let runner: ParallelRunner
    /// GEMM packing buffers owned by this call's work item (one GEMM at a time; dense layers use it).
    public let gemmWorkspace: GEMMWorkspace

    /// Creates the arguments of a forward call.
    public init(input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, chunks: Range<Int>,
                batchSize: Int, parameters: UnsafeMutablePointer<Float>, workspace: UnsafeMutablePointer<Float>,
                isTraining: Bool, isFrozen: Bool, random: CounterRandom, runner: ParallelRunner,
                gemmWorkspace: GEMMWorkspace,
                additionalInputs: UnsafeBufferPointer<UnsafePointer<Float>> = UnsafeBufferPointer(start: nil, count: 0)) {
        self.input = input
        self.additionalInputs = additionalInputs
        self.output = output
        self.chunks = chunks
        self.batchSize = batchSize
        self.parameters = parameters
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
