// Each optimizer's first steps against hand computations of Keras 3's formulas, the skipping of indices outside
// the given ranges, and the learning-rate schedules.

import Testing
@testable import PareEngine

/// Runs `steps` updates of `rule` on parameters `start` with a gradient from `gradient(parameters)`, returning
/// the parameters after each step.
private func trajectory(_ rule: OptimizerRule, start: [Float], learningRate: Float, steps: Int = 3,
                        gradient: ([Float]) -> [Float]) -> [[Float]] {
    let optimizer = Optimizer(rule: rule, parameterCount: start.count)
    var parameters = start
    var result: [[Float]] = []
    for _ in 0..<steps {
        let gradients = gradient(parameters)
        parameters.withUnsafeMutableBufferPointer { p in
            gradients.withUnsafeBufferPointer { g in
                optimizer.update(parameters: p.baseAddress!, gradients: g.baseAddress!, ranges: [0..<start.count],
                                 learningRate: learningRate)
            }
        }
        result.append(parameters)
    }
    #expect(optimizer.iterations == steps)
    return result
}

/// The constant gradient [0.5, −1] used by most cases.
private func constantGradient(_ parameters: [Float]) -> [Float] { [0.5, -1] }

private func expectClose(_ actual: [[Float]], _ expected: [[Double]], relative: Double = 2e-6, _ context: String) {
    for (step, (values, targets)) in zip(actual, expected).enumerated() {
        for (value, target) in zip(values, targets) where abs(Double(value) - target) > relative * max(abs(target), 1e-3) {
            Issue.record("\(context) step \(step + 1): \(value), expected \(target)")
        }
    }
}

@Suite struct OptimizerStepTests {
    /// p −= lr·g with lr 0.1: 1 − 0.05 = 0.95 → 0.90 → 0.85; 2 + 0.1 = 2.1 → 2.2 → 2.3.
    @Test func plainSGD() {
        expectClose(trajectory(.sgd(), start: [1, 2], learningRate: 0.1, gradient: constantGradient),
                    [[0.95, 2.1], [0.9, 2.2], [0.85, 2.3]], "sgd")
    }

    /// v = 0.9v − 0.1g; p += v. First element (g = 0.5): v = −0.05, −0.095, −0.1355 → p = 0.95, 0.855, 0.7195.
    /// Second (g = −1): v = 0.1, 0.19, 0.271 → p = 2.1, 2.29, 2.561.
    @Test func momentumSGD() {
        expectClose(trajectory(.sgd(momentum: 0.9), start: [1, 2], learningRate: 0.1, gradient: constantGradient),
                    [[0.95, 2.1], [0.855, 2.29], [0.7195, 2.561]], "momentum")
    }

    /// Nesterov: v as above, p += 0.9v − 0.1g. First element: 1 − 0.045 − 0.05 = 0.905;
    /// 0.905 − 0.0855 − 0.05 = 0.7695; 0.7695 − 0.12195 − 0.05 = 0.59755. Second: 2.19, 2.461, 2.8049.
    @Test func nesterovSGD() {
        expectClose(trajectory(.sgd(momentum: 0.9, nesterov: true), start: [1, 2], learningRate: 0.1,
                               gradient: constantGradient),
                    [[0.905, 2.19], [0.7695, 2.461], [0.59755, 2.8049]], "nesterov")
    }

    /// Adam, lr 0.1, g = 0.5 (first element):
    /// t=1: m = 0.05, v = 0.00025, α = 0.1·√0.001/0.1 = 0.0316227766, p = 1 − 0.05·α/(√0.00025 + 1e-7) = 0.9000006325.
    /// t=2: m = 0.05 + 0.45·0.1 = 0.095, v = 0.00025 + (0.25 − 0.00025)·0.001 = 0.00049975,
    ///      α = 0.1·√(1 − 0.999²)/(1 − 0.9²) = 0.0235316725, p = 0.9000006325 − 0.095·α/(√v + 1e-7) = 0.8000010798.
    /// t=3: m = 0.1355, v = 0.00074925025, α = 0.0202010597, p = 0.7000014451.
    /// The second element (g = −1) moves up by almost the same amounts (Adam is scale-invariant but for ε, which
    /// is half as large relative to √v here): m = −0.1, v = 0.001, p = 2 + 0.1·α/(√0.001 + 1e-7) = 2.0999996838;
    /// then 2.1999994601 and 2.2999992774.
    @Test func adam() {
        expectClose(trajectory(.adam(), start: [1, 2], learningRate: 0.1, gradient: constantGradient),
                    [[0.9000006325, 2.0999996838], [0.8000010798, 2.1999994601], [0.7000014451, 2.2999992774]],
                    "adam")
    }

    /// Keras's own docstring example (keras/src/optimizers/rmsprop.py): RMSprop(learning_rate=0.1), var = 10,
    /// loss = var²/2 so g = var: v = 0.1·100 = 10, p = 10 − 0.1·10/√(10 + 1e-7) = 9.683772.
    /// Step 2: g = 9.6837722, v = 0.9·10 + 0.1·93.7754 = 18.3775445, p = 9.6837722 − 0.96837722/4.2869039 = 9.4578802.
    /// Step 3: v = 0.9·18.3775445 + 0.1·89.4515 = 25.4849399, p = 9.4578802 − 0.94578802/5.0482611 = 9.2705310.
    @Test func rmsprop() {
        expectClose(trajectory(.rmsprop(), start: [10], learningRate: 0.1, gradient: { $0 }),
                    [[9.683772236], [9.457880249], [9.270530980]], "rmsprop")
    }

    /// Adadelta, lr 1.0, ρ 0.95, ε 1e-7, g = 0.5:
    /// A = 0.05·0.25 = 0.0125; Δ = −√(0 + 1e-7)·0.5/√(0.0125 + 1e-7) = −0.0014142079; D = 0.05·Δ² = 9.99992e-8;
    /// p = 1 − 0.0014142079 = 0.9985857921.
    /// Step 2: A = 0.024375, Δ = −√(9.99992e-8 + 1e-7)·0.5/√(0.024375 + 1e-7) = −0.0014322239, p = 0.9971535681.
    /// Step 3: A = 0.03565625, D = 1.9756251e-7, Δ = −0.0014444106, p = 0.9957091575.
    @Test func adadelta() {
        expectClose(trajectory(.adadelta(), start: [1], learningRate: 1, gradient: { _ in [0.5] }),
                    [[0.9985857921], [0.9971535681], [0.9957091575]], "adadelta")
    }

    /// Indices outside the ranges (statistics, frozen layers) are never touched, and splitting the same indices
    /// into several ranges on two threads gives the same bits as one range.
    @Test(arguments: [OptimizerRule.sgd(momentum: 0.9), .adam(), .rmsprop(momentum: 0.5), .adadelta()])
    func rangesAreRespectedAndSplitsAgree(rule: OptimizerRule) {
        let count = 1000
        var generator = SeededGenerator(seed: 3)
        let start = randomFloats(count, in: -1...1, generator: &generator)
        let gradients = randomFloats(count, in: -1...1, generator: &generator)
        func run(_ ranges: [Range<Int>], threads: Int) -> [Float] {
            let optimizer = Optimizer(rule: rule, parameterCount: count)
            var parameters = start
            for _ in 0..<3 {
                parameters.withUnsafeMutableBufferPointer { p in
                    gradients.withUnsafeBufferPointer { g in
                        optimizer.update(parameters: p.baseAddress!, gradients: g.baseAddress!, ranges: ranges,
                                         learningRate: 0.01, runner: ParallelRunner(threadCount: threads))
                    }
                }
            }
            return parameters
        }
        let whole = run([100..<900], threads: 1)
        let split = run([100..<350, 350..<351, 351..<900], threads: 2)
        #expect(whole == split)
        #expect(whole[0..<100] == start[0..<100] && whole[900...] == start[900...])
        #expect(whole[100..<900] != start[100..<900])
    }

    @Test func stateRoundTripsAndCountsAreChecked() throws {
        let optimizer = Optimizer(rule: .adam(), parameterCount: 3)
        #expect(optimizer.stateValues().count == 6)
        try optimizer.setStateValues([1, 2, 3, 4, 5, 6])
        #expect(optimizer.stateValues() == [1, 2, 3, 4, 5, 6])
        optimizer.iterations = 4
        optimizer.reset()
        #expect(optimizer.stateValues() == [0, 0, 0, 0, 0, 0] && optimizer.iterations == 0)
        #expect(throws: EngineError.valueCountMismatch(name: "optimizer state", expected: 6, received: 2)) {
            try optimizer.setStateValues([1, 2])
        }
    }

    @Test(arguments: [
        (OptimizerRule.sgd(momentum: 1.5), "SGD momentum must be in [0, 1], found 1.5"),
        (.adam(beta1: 1), "Adam beta1 must be in [0, 1), found 1.0"),
        (.adam(epsilon: 0), "Adam epsilon must be positive, found 0.0"),
        (.rmsprop(rho: -0.1), "RMSprop rho must be in [0, 1), found -0.1"),
        (.adadelta(epsilon: -1), "Adadelta epsilon must be positive, found -1.0"),
    ])
    func invalidHyperParametersAreErrors(rule: OptimizerRule, message: String) {
        do {
            try rule.validate()
            Issue.record("\(rule) was accepted")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func kerasDefaults() throws {
        for rule in [OptimizerRule.sgd(), .adam(), .rmsprop(), .adadelta(), .sgd(momentum: 0.9, nesterov: true)] {
            try rule.validate()
        }
        #expect(OptimizerRule.sgd() == .sgd(momentum: 0, nesterov: false))
        #expect(OptimizerRule.adam() == .adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-7))
        #expect(OptimizerRule.rmsprop() == .rmsprop(rho: 0.9, momentum: 0, epsilon: 1e-7))
        #expect(OptimizerRule.adadelta() == .adadelta(rho: 0.95, epsilon: 1e-7))
        #expect([OptimizerRule.sgd(), .adam(), .rmsprop(), .adadelta()].map(\.kerasDefaultLearningRate)
                == [0.01, 0.001, 0.001, 0.001])
    }
}

@Suite struct LearningRateScheduleTests {
    @Test func constantStepAndCosine() {
        let constant = LearningRateSchedule.constant
        #expect(constant.learningRate(base: 0.1, step: 57, stepsPerEpoch: 10, totalSteps: 100) == 0.1)
        // Factor 0.5 every 2 epochs of 10 steps: steps 0–19 full, 20–39 half, 40–59 a quarter.
        let step = LearningRateSchedule.step(factor: 0.5, everyEpochs: 2)
        #expect([0, 19, 20, 39, 40].map { step.learningRate(base: 0.1, step: $0, stepsPerEpoch: 10, totalSteps: 100) }
                == [0.1, 0.1, 0.05, 0.05, 0.025])
        // Cosine: ½(1 + cos(π·s/T)) is 1 at 0, ½ at T/2, 0 at T.
        let cosine = LearningRateSchedule.cosine
        #expect(cosine.learningRate(base: 0.2, step: 0, stepsPerEpoch: 10, totalSteps: 100) == 0.2)
        #expect(abs(cosine.learningRate(base: 0.2, step: 50, stepsPerEpoch: 10, totalSteps: 100) - 0.1) < 1e-7)
        #expect(abs(cosine.learningRate(base: 0.2, step: 100, stepsPerEpoch: 10, totalSteps: 100)) < 1e-7)
        #expect(cosine.learningRate(base: 0.2, step: 99, stepsPerEpoch: 10, totalSteps: 100) > 0)
    }

    @Test func invalidStepScheduleIsAnError() {
        #expect(throws: EngineError.nonPositiveSize(what: "epochs per learning-rate step", value: 0)) {
            try LearningRateSchedule.step(factor: 0.5, everyEpochs: 0).validate()
        }
        #expect(throws: EngineError.invalidValue(name: "learning-rate step factor", requirement: "positive", found: "-1.0")) {
            try LearningRateSchedule.step(factor: -1, everyEpochs: 1).validate()
        }
    }
}
