// How many work items a batch is split into, chosen from the model and the batch size — never from the thread
// count, so the summation order, and with it every bit of the result, is the same on any number of threads.
//
// What an item costs and buys (TrainingStepBenchmark with PARE_BENCH_ITEMS, this 2-core machine, 2026-11-23,
// load 1.6, 2-thread rows at cpu/wall 1.9; images/s for 2 / 4 / 8 items):
//   seed000_cnn  (P = 296,518, batch 64)   1 thread 28.7k / 24.6k / —      2 threads 53.1k / 44.2k / —
//   mlp 784-128  (P = 101,770, batch 128)  1 thread 229k  / 207k  / 166k
//   qiita_cnn1   (P = 1,199,882, batch 128) 1 thread 1130 / 1109
//   qiita_cnn2   (P = 932, batch 128)      1 thread 204k  / 204k  / 202k   2 threads 381k / 377k / 366k
// Every item writes a whole gradient vector (P floats) that the fixed-order sum reads back, so each extra item
// costs about 2·P floats of memory traffic: parameter-heavy models lose 10–20% per doubling. When the parameters
// are small against the activations the extra items cost nothing measurable (cnn2), and they let a machine with
// more cores run more items at once. Hence the rule: the most items of 2, 4 whose extra gradient traffic stays
// under a tenth of the step's activation traffic, and at least 2 (the fewest that keep two cores busy); never
// more than the chunks. Splitting activation-heavy models to fit items in cache bought nothing here (cnn2 with
// 8 items of one chunk, ~0.5 MB each, was no faster than 2 items of four), so the cache does not enter the rule.

/// The rule that maps a batch's chunk count to its number of work items.
public struct WorkItemRule: Hashable, Sendable {
    /// The most items the rule chooses: twice this machine's cores (8 items cost cnn2 up to 4% against 2 here).
    public static let maximumItems = 4
    /// Extra items are allowed while their gradient traffic, `(items − 1) · P`, is at most this fraction of the
    /// step's activation floats.
    public static let trafficFraction = 0.1

    /// The network's parameter count (the floats of one work item's gradient vector).
    public let parameterCount: Int
    /// Floats one 16-sample chunk touches in activations: the input, and every layer output with its gradient.
    public let activationFloatsPerChunk: Int
    /// A fixed maximum instead of the rule (`Network(workItemLimit:)`), or nil.
    public let fixedLimit: Int?

    /// The rule for a network of `layers` on inputs of `inputShape` with `parameterCount` parameters.
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

    /// The number of work items for a batch of `chunkCount` chunks: 1...chunkCount (0 chunks give 1). It never
    /// decreases as the batch grows, so buffers sized for the largest batch serve every smaller one.
    public func itemCount(chunkCount: Int) -> Int {
        let chunks = max(chunkCount, 1)
        if let fixedLimit { return min(chunks, fixedLimit) }
        let allowedTraffic = Self.trafficFraction * Double(chunks * activationFloatsPerChunk)
        var items = 2
        while items < Self.maximumItems && Double((2 * items - 1) * parameterCount) <= allowedTraffic {
            items *= 2
        }
        return min(chunks, items)
    }
}
