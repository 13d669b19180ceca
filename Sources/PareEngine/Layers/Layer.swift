// The contract every engine layer fulfils: shapes, named parameters, and forward/backward over chunks.

/// A layer of the training engine: an immutable description plus forward and backward over lane-layout chunks.
///
/// Layers hold no buffers and no mutable state; the `Network` owns every buffer and hands each call
/// pointers (`ForwardPass`, `BackwardPass`), so one layer value can serve concurrent work items.
///
/// **Work items and batch phases.** The network splits a batch into work items (contiguous chunk ranges) and
/// calls `forward`/`backward` once per item, possibly concurrently. A layer that needs batch-wide data
/// (batch normalisation in training) returns `true` from `needsBatchPhase`; the network then calls it once
/// with every chunk of the batch, between per-item phases, and passes a `runner` it may split work over.
/// A batch-phase `backward` writes the whole batch's parameter gradients into work item 0's vector; the
/// network zeroes the layer's slice in the other items so the fixed-order sum stays correct.
///
/// **Several inputs.** A layer with more than one entry in `inputShapes` reads its first input from
/// `pass.input` and the others from `pass.additionalInputs`, and writes their gradients to
/// `pass.inputGradient` and `pass.additionalInputGradients`.
public protocol Layer: Sendable {
    /// The layer's name, unique in its network (Keras-style, e.g. `dense_1`); used for named parameter access.
    var name: String { get }
    /// The per-sample input shape (of the first input, for a layer with several).
    var inputShape: SampleShape { get }
    /// The per-sample shape of each input, in order; one entry for every layer but a merge (`AddLayer`).
    /// Default `[inputShape]`.
    var inputShapes: [SampleShape] { get }
    /// The per-sample output shape.
    var outputShape: SampleShape { get }
    /// The layer's parameter tensors, in the order their slices are laid out.
    var parameterTensors: [ParameterTensor] { get }
    /// Floats of scratch the layer keeps between its forward and backward calls of one step (default 0).
    var workspaceCount: Int { get }
    /// True when the output buffer *is* the input buffer (a pure reshape): the network skips both calls.
    var sharesInputBuffer: Bool { get }
    /// True when the layer must see the whole batch at once in this mode (default false).
    func needsBatchPhase(isTraining: Bool, isFrozen: Bool) -> Bool
    /// Computes `output` on `pass.chunks` from `input` and the parameters.
    func forward(_ pass: ForwardPass)
    /// Computes `inputGradient` (when asked) and, unless frozen, the parameter gradients on `pass.chunks`.
    func backward(_ pass: BackwardPass)
}

extension Layer {
    /// One input by default.
    public var inputShapes: [SampleShape] { [inputShape] }
    /// No scratch by default.
    public var workspaceCount: Int { 0 }
    /// Layers compute into their own buffer by default.
    public var sharesInputBuffer: Bool { false }
    /// Per-item calls by default.
    public func needsBatchPhase(isTraining: Bool, isFrozen: Bool) -> Bool { false }
    /// The total scalar count of `parameterTensors`.
    public var parameterCount: Int { parameterTensors.reduce(0) { $0 + $1.elementCount } }
}
