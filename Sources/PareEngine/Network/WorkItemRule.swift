// How many work items a batch is split into, chosen from the model and the batch size — never from the thread
// count, so the summation order, and with it every bit of the result, is the same on any number of threads.
//
// The trade-off (measured on the seed models, see `pare bench` and TrainingStepBenchmark with PARE_BENCH_ITEMS):
// * Every work item writes a whole gradient vector (P floats) that the fixed-order sum reads back, so each item
//   beyond the first costs about 2·P floats of memory traffic. Parameter-heavy models want few items:
//   seed000_cnn (P = 296,518) trained fastest with 2 items, and 4 items cost it ~15% on one thread.
// * An item's activations and their gradients are written in forward and read back in backward. While they fit
//   in the cache they never leave it; the excess goes to L3 and back. An extra item saves up to 2·budget floats of
//   that traffic. Activation-heavy models want items small enough to fit: qiita_cnn2 (P = 932, ~113K floats per
//   16-sample chunk) ran ~40% faster with 8 items of one chunk than with 2 items of four.
// Hence: split further only while an item costs less than it saves (P < budget) and the items' activations do not
// fit yet; otherwise use 2 items, the fewest that keep two cores busy. The count is rounded up to an even number
// so two threads get equal shares, and never exceeds the chunk count.

/// The rule that maps a batch's chunk count to its number of work items.
public struct WorkItemRule: Hashable, Sendable {
    /// Floats of activations and activation gradients one work item may keep in cache: 128K floats (512 KiB),
    /// a quarter of this machine's 2 MiB L2 per core (the rest holds weights, GEMM panels and the gradient
    /// vector's working block), and all of a Zen 1 core's 512 KiB L2.
    public static let activationBudget = 1 << 17

    /// The network's parameter count (the floats of one work item's gradient vector).
    public let parameterCount: Int
    /// Floats one 16-sample chunk touches in activations: the input, and every layer output with its gradient.
    public let activationFloatsPerChunk: Int
    /// A fixed maximum instead of the rule (`Network(workItemLimit:)`), or nil.
    public let fixedLimit: Int?

    /// The rule for a network of `layers` on inputs of `inputShape`.
    public init(layers: [any Layer], inputShape: SampleShape, parameterCount: Int) {
        let outputFeatures = layers.filter { !$0.sharesInputBuffer }.reduce(0) { $0 + $1.outputShape.featureCount }
        self.parameterCount = parameterCount
        activationFloatsPerChunk = LaneLayout.laneCount * (inputShape.featureCount + 2 * outputFeatures)
        fixedLimit = nil
    }

    /// A rule that splits every batch into `min(chunkCount, limit)` items (tests and experiments).
    public static func fixed(_ limit: Int) -> WorkItemRule {
        WorkItemRule(parameterCount: 0, activationFloatsPerChunk: 0, fixedLimit: limit)
    }

    private init(parameterCount: Int, activationFloatsPerChunk: Int, fixedLimit: Int?) {
        precondition(fixedLimit.map { $0 >= 1 } ?? true, "WorkItemRule: limit \(fixedLimit ?? 0) < 1")
        self.parameterCount = parameterCount
        self.activationFloatsPerChunk = activationFloatsPerChunk
        self.fixedLimit = fixedLimit
    }

    /// The number of work items for a batch of `chunkCount` chunks: 1...chunkCount (0 chunks give 1).
    public func itemCount(chunkCount: Int) -> Int {
        let chunks = max(chunkCount, 1)
        if let fixedLimit { return min(chunks, fixedLimit) }
        var items = 2
        if parameterCount < Self.activationBudget {
            let activationFloats = chunks * activationFloatsPerChunk
            items = max(items, (activationFloats + Self.activationBudget - 1) / Self.activationBudget)
            items += items % 2
        }
        return min(chunks, items)
    }
}
