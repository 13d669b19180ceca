// The executor behind `Network`: owns every buffer, decides which layers run per work item and which as
// batch phases, and runs forward, loss, backward and the fixed-order gradient sum.
//
// Buffers (allocated once for the maximum batch; all in the lane layout):
//   slots[0]                       the caller's input for this call
//   slots[s], s ≥ 1                one activation buffer per layer that computes its own output
//   gradientSlots[s], s ≥ 1        ∂loss/∂slots[s], same size (slot 0, the input, never needs one)
//   edge buffers                   one more gradient buffer per extra reader of a slot (graphs only, below)
//   itemGradients                  [workItems][parameterCount], one gradient vector per work item
//   workspaces[l]                  layer l's scratch between its forward and backward
//   gemmWorkspaces[item]           GEMM packing buffers of work item `item` (batch phases use item 0's)
// A layer that shares its input buffer (flatten) gets its input's slot and gradient buffer and is never called.
// Each activation has its own gradient buffer: work items write disjoint chunk ranges of it, and a batch phase
// reads it whole. (Two shared ping-pong buffers would not do: layers of different widths put the same chunk at
// different offsets, so one item's gradient would overwrite another item's.)
//
// Graphs. A layer reads one or more slots. Backward runs in reverse layer order, so every reader of a slot runs
// before the layer that wrote it. The reads of a slot ("edges") are ordered as backward meets them — the loss
// first for the output slot, then the readers from the last layer back, a reader's inputs in order. The first
// edge writes the slot's gradient buffer directly; every later edge writes its own edge buffer, which is added
// into the slot's gradient right after that reader's backward, on the same chunks. Each element's sum is thus
// formed in one fixed order, so it is the same bits for any thread count; a chain has one edge per slot and runs
// exactly as before (no edge buffers, no additions).

/// The executor.
///
/// `@unchecked Sendable`: work-item closures capture it. During a parallel phase its Swift properties are only
/// read; items write raw buffers on disjoint chunk ranges and their own gradient vectors and result slots.
/// Properties change (`setFrozen`) only between calls, on the owner's thread.
final class ExecutionPlan: @unchecked Sendable {
    let layers: [any Layer]
    let parameterCount: Int
    let parameterOffsets: [Int]
    /// Parameters per layer (cached: `Layer.parameterCount` builds the tensor list each time).
    private let layerParameterCounts: [Int]
    let parameterSlots: [ParameterSlot]
    let maxWorkItems: Int
    let runner: ParallelRunner
    let loss: SoftmaxCrossEntropy

    let parameters: UnsafeMutablePointer<Float>
    let itemGradients: UnsafeMutablePointer<Float>
    private let slots: UnsafeMutablePointer<UnsafeMutablePointer<Float>>
    /// The slots each layer reads, in input order.
    private let inputSlots: [[Int]]
    /// The slot of each layer's first input (flat copy of `inputSlots[l][0]` for the per-call path).
    private let inputSlot: [Int]
    private let outputSlot: [Int]
    private let gradientSlots: [UnsafeMutablePointer<Float>?]
    /// Features per sample of each slot.
    private let slotFeatureCounts: [Int]
    /// Where each input's gradient goes when it is needed: the slot's gradient buffer for the slot's first edge,
    /// an edge buffer for a later one; `nil` for the network input. `[layer][input]`.
    private let edgeTargets: [[UnsafeMutablePointer<Float>?]]
    /// Inputs after the first, per layer (0 for all but merge layers).
    private let additionalInputCounts: [Int]
    /// Per merge layer: pointers to its inputs after the first (refreshed per call: slot 0 is the call's input).
    private let additionalInputTables: [UnsafeMutablePointer<UnsafePointer<Float>>?]
    /// Per merge layer: where the gradients of its inputs after the first go (rewritten by `updateSchedule`).
    private let additionalGradientTables: [UnsafeMutablePointer<UnsafeMutablePointer<Float>?>?]
    private let workspaces: [UnsafeMutablePointer<Float>]
    private let gemmWorkspaces: [GEMMWorkspace]
    private let itemLossSums: UnsafeMutablePointer<Double>
    private let itemCorrectCounts: UnsafeMutablePointer<Int>
    private let storage: [FloatBuffer]

    private(set) var frozen: [Bool]
    /// The first input's gradient target per layer, or `nil` when nothing before it needs a gradient.
    private var firstInputGradient: [UnsafeMutablePointer<Float>?] = []
    private var runsBackward: [Bool] = []
    /// Edge buffers to add into slot gradients, grouped by layer: layer l's are `accumulationRanges[l]`.
    private var accumulations: [GradientAccumulation] = []
    private var accumulationRanges: [Range<Int>] = []
    private var trainingSegments: [Segment] = []
    private let evaluationSegments: [Segment]
    /// The learned, unfrozen parameter indices, cut into blocks that threads may share out.
    private(set) var trainableBlocks: [Range<Int>] = []

    /// Elements per block of the gradient sum and optimizer update: big enough to amortise a thread hand-off
    /// (16K floats take ~5 µs to sum and update), small enough that a block's item gradients, parameters and
    /// optimizer state (≤ 8 vectors, 512 KB) stay in L2 between the fused sum and update.
    private static let blockSize = 1 << 14

    /// Builds the plan for `layers` reading `inputs` (validated by `Network`: earlier layers only, shapes agree).
    init(layers: [any Layer], inputs: [[LayerInput]], inputFeatureCount: Int, parameterSlots: [ParameterSlot],
         parameterOffsets: [Int], parameterCount: Int, maxBatchSize: Int, threadCount: Int, workItemLimit: Int) {
        let layerCount = layers.count
        let maxChunks = LaneLayout.chunkCount(batchSize: maxBatchSize)
        self.layers = layers
        self.parameterSlots = parameterSlots
        self.parameterOffsets = parameterOffsets
        self.layerParameterCounts = layers.map(\.parameterCount)
        self.parameterCount = parameterCount
        self.maxWorkItems = min(maxChunks, workItemLimit)
        self.runner = ParallelRunner(threadCount: threadCount)
        self.loss = SoftmaxCrossEntropy(classCount: layers[layerCount - 1].outputShape.featureCount)

        var storage: [FloatBuffer] = []
        func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
            let buffer = FloatBuffer(count: count)
            storage.append(buffer)
            return buffer.pointer
        }
        parameters = allocate(parameterCount)
        itemGradients = allocate(maxWorkItems * parameterCount)

        var slotPointers: [UnsafeMutablePointer<Float>] = [parameters]  // slot 0 is replaced by each call's input
        var gradientSlots: [UnsafeMutablePointer<Float>?] = [nil]
        var slotFeatureCounts = [inputFeatureCount]
        var inputSlots: [[Int]] = [], outputSlot: [Int] = []
        for (index, layer) in layers.enumerated() {
            let reads = inputs[index].map { input in
                switch input {
                case .networkInput: 0
                case .layer(let producer): outputSlot[producer]
                }
            }
            inputSlots.append(reads)
            if layer.sharesInputBuffer {
                outputSlot.append(reads[0])
            } else {
                let count = maxChunks * layer.outputShape.featureCount * LaneLayout.laneCount
                slotPointers.append(allocate(count))
                gradientSlots.append(allocate(count))
                slotFeatureCounts.append(layer.outputShape.featureCount)
                outputSlot.append(slotPointers.count - 1)
            }
        }
        // Edges in backward order: the loss reads the output slot first, then readers from the last layer back.
        var slotsWithFirstEdge: Set<Int> = [outputSlot[layerCount - 1]]
        var edgeTargets = [[UnsafeMutablePointer<Float>?]](repeating: [], count: layerCount)
        for index in (0..<layerCount).reversed() where !layers[index].sharesInputBuffer {
            edgeTargets[index] = inputSlots[index].map { slot in
                guard slot != 0 else { return nil }
                if slotsWithFirstEdge.insert(slot).inserted { return gradientSlots[slot] }
                return allocate(maxChunks * slotFeatureCounts[slot] * LaneLayout.laneCount)
            }
        }
        slots = .allocate(capacity: slotPointers.count)
        slots.initialize(from: slotPointers, count: slotPointers.count)
        self.inputSlots = inputSlots
        self.inputSlot = inputSlots.map { $0[0] }
        self.outputSlot = outputSlot
        self.gradientSlots = gradientSlots
        self.slotFeatureCounts = slotFeatureCounts
        self.edgeTargets = edgeTargets
        additionalInputCounts = inputSlots.map { $0.count - 1 }
        additionalInputTables = additionalInputCounts.map { $0 > 0 ? .allocate(capacity: $0) : nil }
        additionalGradientTables = additionalInputCounts.map { count in
            guard count > 0 else { return nil }
            let table = UnsafeMutablePointer<UnsafeMutablePointer<Float>?>.allocate(capacity: count)
            table.initialize(repeating: nil, count: count)
            return table
        }
        workspaces = layers.map { allocate($0.workspaceCount) }
        gemmWorkspaces = (0..<maxWorkItems).map { _ in GEMMWorkspace() }
        itemLossSums = .allocate(capacity: maxWorkItems)
        itemLossSums.initialize(repeating: 0, count: maxWorkItems)
        itemCorrectCounts = .allocate(capacity: maxWorkItems)
        itemCorrectCounts.initialize(repeating: 0, count: maxWorkItems)
        self.storage = storage

        precondition(!layers.contains { $0.needsBatchPhase(isTraining: false, isFrozen: false) },
                     "ExecutionPlan: a layer needs a batch phase at evaluation, which the executor does not provide")
        evaluationSegments = [.items(0..<layerCount)]
        frozen = [Bool](repeating: false, count: layerCount)
        updateSchedule()
    }

    deinit {
        for table in additionalInputTables { table?.deallocate() }
        for table in additionalGradientTables { table?.deallocate() }
        slots.deallocate()
        itemLossSums.deallocate()
        itemCorrectCounts.deallocate()
    }

    /// Freezes or unfreezes a layer and recomputes which layers run backward and which indices are trained.
    func setFrozen(_ isFrozen: Bool, layerAt index: Int) {
        frozen[index] = isFrozen
        updateSchedule()
    }

    private func hasTrainableParameters(_ index: Int) -> Bool {
        !frozen[index] && layers[index].parameterTensors.contains { $0.role == .learned }
    }

    private func updateSchedule() {
        let layerCount = layers.count
        // ∂loss/∂slot is needed when the layer writing it, or one before it, has parameters to train; a layer runs
        // backward exactly when its output's gradient is needed.
        var slotNeedsGradient = [Bool](repeating: false, count: slotFeatureCounts.count)
        runsBackward = [Bool](repeating: false, count: layerCount)
        for index in 0..<layerCount where !layers[index].sharesInputBuffer {
            runsBackward[index] = hasTrainableParameters(index) || inputSlots[index].contains { slotNeedsGradient[$0] }
            if runsBackward[index] { slotNeedsGradient[outputSlot[index]] = true }
        }
        var firstInputGradient: [UnsafeMutablePointer<Float>?] = []
        var accumulations: [GradientAccumulation] = [], accumulationRanges: [Range<Int>] = []
        for index in 0..<layerCount {
            let start = accumulations.count
            let targets = edgeTargets[index]
            let reads = inputSlots[index]
            func target(_ position: Int) -> UnsafeMutablePointer<Float>? {
                runsBackward[index] && slotNeedsGradient[reads[position]] ? targets[position] : nil
            }
            firstInputGradient.append(targets.isEmpty ? nil : target(0))
            for position in targets.indices {
                if position > 0 { additionalGradientTables[index]?[position - 1] = target(position) }
                let slot = reads[position]
                if let edge = target(position), let slotGradient = gradientSlots[slot], edge != slotGradient {
                    accumulations.append(GradientAccumulation(edge: edge, slotGradient: slotGradient,
                                                              featureCount: slotFeatureCounts[slot]))
                }
            }
            accumulationRanges.append(start..<accumulations.count)
        }
        self.firstInputGradient = firstInputGradient
        self.accumulations = accumulations
        self.accumulationRanges = accumulationRanges

        var segments: [Segment] = []
        var runStart = 0
        for index in 0..<layerCount where layers[index].needsBatchPhase(isTraining: true, isFrozen: frozen[index]) {
            if runStart < index { segments.append(.items(runStart..<index)) }
            segments.append(.batch(index))
            runStart = index + 1
        }
        // Always end on a per-item segment (possibly empty): the loss runs there, fused with its backward.
        segments.append(.items(runStart..<layerCount))
        trainingSegments = segments

        var blocks: [Range<Int>] = []
        var pending: Range<Int>? = nil
        for slot in parameterSlots where slot.tensor.role == .learned && !frozen[slot.layerIndex] {
            if let open = pending, open.upperBound == slot.offset {
                pending = open.lowerBound..<slot.range.upperBound
            } else {
                if let open = pending { blocks.append(contentsOf: ExecutionPlan.cut(open)) }
                pending = slot.range
            }
        }
        if let open = pending { blocks.append(contentsOf: ExecutionPlan.cut(open)) }
        trainableBlocks = blocks
    }

    private static func cut(_ range: Range<Int>) -> [Range<Int>] {
        stride(from: range.lowerBound, to: range.upperBound, by: blockSize).map {
            $0..<min($0 + blockSize, range.upperBound)
        }
    }

    // MARK: Running

    /// The network output (logits) of the last call, chunk 0.
    var logits: UnsafePointer<Float> { UnsafePointer(slots[outputSlot[layers.count - 1]]) }

    /// Work item `item`'s gradient vector.
    func gradientVector(item: Int) -> UnsafeMutablePointer<Float> { itemGradients + item * parameterCount }

    /// Runs the forward pass on `input` (and with `backward`, the loss gradient and backward pass, leaving each
    /// work item's ∂loss/∂parameters in its vector; with `sumsGradients` too, their fixed-order sum in work item
    /// 0's vector). Returns the loss sum and correct count when labels are given.
    func run(input: UnsafePointer<Float>, arguments: StepArguments, backward: Bool,
             sumsGradients: Bool = true) -> (lossSum: Double, correctCount: Int) {
        precondition(!backward || arguments.isTraining, "ExecutionPlan: backward needs training mode")
        slots[0] = UnsafeMutablePointer(mutating: input)  // layers only read their input
        for index in layers.indices {
            guard let table = additionalInputTables[index] else { continue }
            for position in 1...additionalInputCounts[index] {
                table[position - 1] = UnsafePointer(slots[inputSlots[index][position]])
            }
        }
        let split = arguments.split
        let segments = arguments.isTraining ? trainingSegments : evaluationSegments
        for (position, segment) in segments.enumerated() {
            switch segment {
            case .batch(let index):
                forward(index, chunks: split.allChunks, arguments, item: 0, runner: runner)
            case .items(let range):
                let isLast = position == segments.count - 1
                runner.run(split.itemCount) { item in
                    let chunks = split.chunks(ofItem: item)
                    for index in range { self.forward(index, chunks: chunks, arguments, item: item, runner: .serial) }
                    guard isLast else { return }
                    self.computeLoss(item: item, chunks: chunks, arguments, withGradient: backward)
                    guard backward else { return }
                    for index in range.reversed() {
                        self.backward(index, chunks: chunks, arguments, item: item, runner: .serial)
                    }
                }
            }
        }
        if backward {
            for segment in segments.dropLast().reversed() {
                switch segment {
                case .batch(let index):
                    self.backward(index, chunks: split.allChunks, arguments, item: 0, runner: runner)
                    zeroBatchPhaseGradients(layer: index, itemCount: split.itemCount)
                case .items(let range):
                    runner.run(split.itemCount) { item in
                        for index in range.reversed() {
                            self.backward(index, chunks: split.chunks(ofItem: item), arguments, item: item,
                                          runner: .serial)
                        }
                    }
                }
            }
            if sumsGradients {
                let blocks = trainableBlocks
                runner.run(blocks.count) { block in self.sumItemGradients(itemCount: split.itemCount, range: blocks[block]) }
            }
        }
        var lossSum = 0.0, correctCount = 0
        if arguments.labels != nil {
            for item in 0..<split.itemCount {
                lossSum += itemLossSums[item]
                correctCount += itemCorrectCounts[item]
            }
        }
        return (lossSum, correctCount)
    }

    private func forward(_ index: Int, chunks: Range<Int>, _ arguments: StepArguments, item: Int,
                         runner: ParallelRunner) {
        let layer = layers[index]
        guard !layer.sharesInputBuffer else { return }
        layer.forward(ForwardPass(
            input: slots[inputSlot[index]], output: slots[outputSlot[index]], chunks: chunks,
            batchSize: arguments.split.batchSize, parameters: parameters + parameterOffsets[index],
            workspace: workspaces[index], isTraining: arguments.isTraining, isFrozen: frozen[index],
            random: CounterRandom(seed: arguments.seed, step: arguments.step, layer: index), runner: runner,
            gemmWorkspace: gemmWorkspaces[item],
            additionalInputs: UnsafeBufferPointer(start: additionalInputTables[index],
                                                  count: additionalInputCounts[index])))
    }

    private func backward(_ index: Int, chunks: Range<Int>, _ arguments: StepArguments, item: Int,
                          runner: ParallelRunner) {
        let layer = layers[index]
        guard runsBackward[index], !layer.sharesInputBuffer else { return }
        guard let outputGradient = gradientSlots[outputSlot[index]] else {
            preconditionFailure("ExecutionPlan: layer \(index) writes into the network input")
        }
        let additionalCount = additionalInputCounts[index]
        layer.backward(BackwardPass(
            input: slots[inputSlot[index]], output: slots[outputSlot[index]], outputGradient: outputGradient,
            inputGradient: firstInputGradient[index], parameters: parameters + parameterOffsets[index],
            parameterGradients: gradientVector(item: item) + parameterOffsets[index], chunks: chunks,
            batchSize: arguments.split.batchSize, workspace: workspaces[index], isTraining: arguments.isTraining,
            isFrozen: frozen[index], random: CounterRandom(seed: arguments.seed, step: arguments.step, layer: index),
            runner: runner, gemmWorkspace: gemmWorkspaces[item],
            additionalInputs: UnsafeBufferPointer(start: additionalInputTables[index], count: additionalCount),
            additionalInputGradients: UnsafeBufferPointer(start: additionalGradientTables[index],
                                                          count: additionalCount)))
        for position in accumulationRanges[index] {
            accumulations[position].run(chunks: chunks)
        }
    }

    private func computeLoss(item: Int, chunks: Range<Int>, _ arguments: StepArguments, withGradient: Bool) {
        guard let labels = arguments.labels else { return }
        let last = layers.count - 1
        let result = loss.evaluate(logits: slots[outputSlot[last]], labels: labels, chunks: chunks,
                                   batchSize: arguments.split.batchSize,
                                   logitGradient: withGradient ? gradientSlots[outputSlot[last]] : nil)
        itemLossSums[item] = result.lossSum
        itemCorrectCounts[item] = result.correctCount
    }

    /// A batch-phase backward wrote the whole batch's gradient into item 0; the other items must add nothing.
    private func zeroBatchPhaseGradients(layer index: Int, itemCount: Int) {
        let count = layerParameterCounts[index]
        guard count > 0 else { return }
        for item in 1..<max(itemCount, 1) {
            (gradientVector(item: item) + parameterOffsets[index]).update(repeating: 0, count: count)
        }
    }

    /// Adds the gradient vectors of work items 1..<itemCount into item 0's, in item order, on `range`.
    func sumItemGradients(itemCount: Int, range: Range<Int>) {
        guard itemCount > 1 else { return }
        sumGradientVectors(vectors: itemGradients, stride: parameterCount, vectorCount: itemCount, range: range)
    }
}
