// An optimizer: a rule plus its state vectors over the network's flat parameter vector.

import Foundation

/// Applies an `OptimizerRule` to slices of the flat parameter vector and keeps the rule's state
/// (`rule.stateVectorCount` vectors of `parameterCount` floats, allocated once).
///
/// The network passes only the ranges of learned tensors in unfrozen layers, so statistics (batch-norm moving
/// mean/variance) and frozen layers are never touched. The update is element-wise: ranges may run on several
/// threads and the result is the same bits.
public final class Optimizer {
    /// The update rule and its hyper-parameters.
    public let rule: OptimizerRule
    /// Length of the parameter vector this optimizer serves.
    public let parameterCount: Int
    /// Updates applied so far (Keras `optimizer.iterations`; Adam's bias correction uses `iterations + 1`).
    public var iterations: Int = 0
    private let state: FloatBuffer

    /// Creates an optimizer with zeroed state for a parameter vector of `parameterCount` floats.
    public init(rule: OptimizerRule, parameterCount: Int) {
        precondition(parameterCount >= 0, "Optimizer: negative parameter count \(parameterCount)")
        self.rule = rule
        self.parameterCount = parameterCount
        self.state = FloatBuffer(count: rule.stateVectorCount * parameterCount)
    }

    /// Applies one update to `parameters[range]` for every range in `ranges`, then counts the iteration.
    ///
    /// - Parameters:
    ///   - parameters: the flat parameter vector (`parameterCount` floats).
    ///   - gradients: ∂loss/∂parameters, same length and indexing.
    ///   - ranges: disjoint index ranges to update; any split of the same indices gives the same result.
    ///   - learningRate: this step's learning rate (after any schedule).
    ///   - runner: threads to spread the ranges over.
    public func update(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>,
                       ranges: [Range<Int>], learningRate: Float, runner: ParallelRunner = .serial) {
        update(parameters: parameters, gradients: gradients, ranges: ranges, learningRate: learningRate,
               runner: runner, preparing: { _ in })
    }

    /// `update(parameters:gradients:ranges:learningRate:runner:)` that first calls `preparing(range)` on the
    /// thread about to update `range`: the network sums its work items' gradients there, so each block is
    /// summed and applied in one pass while it is in cache.
    func update(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, ranges: [Range<Int>],
                learningRate: Float, runner: ParallelRunner, preparing: @Sendable (Range<Int>) -> Void) {
        let step = OptimizerStep(rule: rule, parameters: parameters, gradients: gradients, state: state.pointer,
                                 parameterCount: parameterCount, learningRate: learningRate,
                                 iteration: iterations + 1)
        runner.run(ranges.count) { index in
            preparing(ranges[index])
            step.apply(to: ranges[index])
        }
        iterations += 1
    }

    /// A copy of the state vectors, one after another (for checkpoints).
    public func stateValues() -> [Float] {
        Array(UnsafeBufferPointer(start: state.pointer, count: state.count))
    }

    /// Restores state vectors saved by `stateValues()`; throws when the count differs.
    public func setStateValues(_ values: [Float]) throws(EngineError) {
        guard values.count == state.count else {
            throw .valueCountMismatch(name: "optimizer state", expected: state.count, received: values.count)
        }
        values.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            state.pointer.update(from: base, count: values.count)
        }
    }

    /// Zeroes the state and the iteration count.
    public func reset() {
        state.zero()
        iterations = 0
    }
}

/// One update's constants and pointers, shared by the threads applying it.
///
/// `@unchecked Sendable`: raw pointers into the optimizer's and the network's buffers; concurrent
/// `apply(to:)` calls receive disjoint ranges.
private struct OptimizerStep: @unchecked Sendable {
    let rule: OptimizerRule
    let parameters: UnsafeMutablePointer<Float>
    let gradients: UnsafePointer<Float>
    let state: UnsafeMutablePointer<Float>
    let parameterCount: Int
    let learningRate: Float
    let iteration: Int

    /// The i-th state vector, offset to `range`.
    private func stateVector(_ index: Int, _ range: Range<Int>) -> UnsafeMutablePointer<Float> {
        state + index * parameterCount + range.lowerBound
    }

    func apply(to range: Range<Int>) {
        let slice = parameters + range.lowerBound, gradient = gradients + range.lowerBound
        switch rule {
        case .sgd(let momentum, let nesterov):
            sgdUpdate(parameters: slice, gradients: gradient, velocity: momentum != 0 ? stateVector(0, range) : nil,
                      count: range.count, learningRate: learningRate, momentum: momentum,
                      nesterov: nesterov)
        case .adam(let beta1, let beta2, let epsilon):
            // α = lr · √(1 − β2ᵗ) / (1 − β1ᵗ), as Keras computes it once per step.
            let step = Double(iteration)
            let alpha = Double(learningRate) * (1 - pow(Double(beta2), step)).squareRoot() / (1 - pow(Double(beta1), step))
            adamUpdate(parameters: slice, gradients: gradient, firstMoment: stateVector(0, range),
                       secondMoment: stateVector(1, range), count: range.count, alpha: Float(alpha),
                       beta1: beta1, beta2: beta2, epsilon: epsilon)
        case .rmsprop(let rho, let momentum, let epsilon):
            rmspropUpdate(parameters: slice, gradients: gradient, meanSquare: stateVector(0, range),
                          momentumBuffer: momentum > 0 ? stateVector(1, range) : nil, count: range.count,
                          learningRate: learningRate, rho: rho, momentum: momentum, epsilon: epsilon)
        case .adadelta(let rho, let epsilon):
            adadeltaUpdate(parameters: slice, gradients: gradient, accumulatedGradient: stateVector(0, range),
                           accumulatedDelta: stateVector(1, range), count: range.count,
                           learningRate: learningRate, rho: rho, epsilon: epsilon)
        }
    }
}
