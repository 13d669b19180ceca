// Evaluation and inference: loss and accuracy at evaluation mode, logits and predicted classes.

extension Network {
    /// Mean loss and correct count of a batch in evaluation mode (dropout off, batch norm on moving statistics).
    public func evaluate(input: UnsafePointer<Float>, labels: UnsafePointer<Int32>, count: Int) -> BatchResult {
        checkBatch(count: count)
        let (lossSum, correctCount) = plan.run(input: input, arguments: evaluationArguments(count: count, labels: labels),
                                               backward: false)
        return BatchResult(loss: lossSum / Double(count), correctCount: correctCount, sampleCount: count)
    }

    /// Writes each sample's logits, sample-major (`logits[sample * classCount + class]`), in evaluation mode.
    public func logits(input: UnsafePointer<Float>, count: Int, into logits: UnsafeMutablePointer<Float>) {
        checkBatch(count: count)
        _ = plan.run(input: input, arguments: evaluationArguments(count: count, labels: nil), backward: false)
        for sample in 0..<count {
            LaneLayout.load(sample: sample, featureCount: classCount, from: plan.logits,
                            into: logits + sample * classCount)
        }
    }

    /// Writes each sample's predicted class (its first maximal logit) in evaluation mode.
    public func predictedClasses(input: UnsafePointer<Float>, count: Int, into classes: UnsafeMutablePointer<Int32>) {
        checkBatch(count: count)
        _ = plan.run(input: input, arguments: evaluationArguments(count: count, labels: nil), backward: false)
        let output = plan.logits
        for sample in 0..<count {
            var best = 0
            var bestValue = -Float.infinity
            for index in 0..<classCount {
                let value = output[LaneLayout.index(sample: sample, feature: index, featureCount: classCount)]
                if value > bestValue {
                    bestValue = value
                    best = index
                }
            }
            classes[sample] = Int32(best)
        }
    }

    private func evaluationArguments(count: Int, labels: UnsafePointer<Int32>?) -> StepArguments {
        StepArguments(split: split(batchSize: count), labels: labels, isTraining: false, seed: dropoutSeed,
                      step: trainingStepCount)
    }
}
