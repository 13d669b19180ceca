// Training entry points: one optimizer step on a batch, or just the gradient.

extension Network {
    /// Runs one training step on a batch in the lane layout: forward (training mode), loss, backward, the
    /// fixed-order sum of the work items' gradients, and one optimizer update of the trainable tensors.
    ///
    /// - Parameters:
    ///   - input: `LaneLayout.floatCount(batchSize: count, featureCount: inputShape.featureCount)` floats,
    ///     padding lanes zero.
    ///   - labels: `count` class indices in `0..<classCount`.
    ///   - count: real samples, `1...maxBatchSize`.
    ///   - optimizer: an optimizer created for `parameterCount`.
    ///   - learningRate: this step's learning rate (apply the schedule before calling).
    /// - Returns: the batch's mean loss and correct count *before* the update.
    @discardableResult
    public func trainStep(input: UnsafePointer<Float>, labels: UnsafePointer<Int32>, count: Int,
                          optimizer: Optimizer, learningRate: Float) -> BatchResult {
        precondition(optimizer.parameterCount == parameterCount,
                     "Network.trainStep: optimizer built for \(optimizer.parameterCount) parameters, network has \(parameterCount)")
        let (result, itemCount) = runTraining(input: input, labels: labels, count: count, sumsGradients: false)
        // The work items' gradients are summed block by block just before each block's update (one pass).
        let plan = plan
        optimizer.update(parameters: plan.parameters, gradients: plan.gradientVector(item: 0),
                         ranges: plan.trainableBlocks, learningRate: learningRate, runner: plan.runner) { range in
            plan.sumItemGradients(itemCount: itemCount, range: range)
        }
        trainingStepCount += 1
        return result
    }

    /// Runs forward (training mode), loss and backward without updating parameters; ∂(mean loss)/∂parameters
    /// is then readable with `gradientValues(layer:tensor:)`. Batch-norm moving statistics *are* updated, as in
    /// any training-mode forward pass.
    @discardableResult
    public func computeGradient(input: UnsafePointer<Float>, labels: UnsafePointer<Int32>, count: Int) -> BatchResult {
        runTraining(input: input, labels: labels, count: count, sumsGradients: true).result
    }

    /// Forward, loss and backward in training mode; with `sumsGradients`, the work items' gradients are summed
    /// into item 0's vector. Returns the batch result and the number of work items.
    private func runTraining(input: UnsafePointer<Float>, labels: UnsafePointer<Int32>, count: Int,
                             sumsGradients: Bool) -> (result: BatchResult, itemCount: Int) {
        checkBatch(count: count)
        let arguments = StepArguments(split: split(batchSize: count), labels: labels, isTraining: true,
                                      seed: dropoutSeed, step: trainingStepCount)
        let (lossSum, correctCount) = plan.run(input: input, arguments: arguments, backward: true,
                                               sumsGradients: sumsGradients)
        return (BatchResult(loss: lossSum / Double(count), correctCount: correctCount, sampleCount: count),
                arguments.split.itemCount)
    }

    /// The training-mode loss without backward (dropout and batch statistics as in `trainStep`); used by
    /// gradient checks.
    func trainingLoss(input: UnsafePointer<Float>, labels: UnsafePointer<Int32>, count: Int) -> BatchResult {
        checkBatch(count: count)
        let arguments = StepArguments(split: split(batchSize: count), labels: labels, isTraining: true,
                                      seed: dropoutSeed, step: trainingStepCount)
        let (lossSum, correctCount) = plan.run(input: input, arguments: arguments, backward: false)
        return BatchResult(loss: lossSum / Double(count), correctCount: correctCount, sampleCount: count)
    }
}
