// The fast optimizer updates and gradient sum against their reference twins: element-wise with the same
// operations in the same order, so every bit must agree, for every slice length 0...40 (full SIMD8 vectors plus
// every tail length) and several offsets into the vectors.

import Testing
@testable import PareEngine

/// Random parameter, gradient and state vectors; `run` applies an update to a copy and returns every vector.
private struct OptimizerOperands {
    var parameters: [Float], gradients: [Float], first: [Float], second: [Float]

    init(count: Int, generator: inout SeededGenerator) {
        parameters = randomFloats(count, in: -1...1, generator: &generator)
        gradients = randomFloats(count, in: -1...1, generator: &generator)
        first = randomFloats(count, in: -0.1...0.1, generator: &generator)
        second = randomFloats(count, in: 0...0.1, generator: &generator)   // squares: non-negative
    }

    typealias Update = (UnsafeMutablePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>,
                        UnsafeMutablePointer<Float>) -> Void

    func run(_ update: Update) -> [[Float]] {
        var copy = self
        copy.parameters.withPointer { p in copy.gradients.withPointer { g in copy.first.withPointer { a in
            copy.second.withPointer { b in update(p, g, a, b) }
        } } }
        return [copy.parameters, copy.first, copy.second]
    }
}

@Suite struct OptimizerKernelTests {
    @Test func updatesMatchReferenceBitForBit() {
        var generator = SeededGenerator(seed: 91)
        for count in 0...40 {
            for start in [0, 3] {
                let operands = OptimizerOperands(count: count + start, generator: &generator)
                let n = count
                func compare(_ name: String, _ fast: OptimizerOperands.Update, _ reference: OptimizerOperands.Update) {
                    let fastResult = operands.run { p, g, a, b in fast(p + start, g + start, a + start, b + start) }
                    let referenceResult = operands.run { p, g, a, b in
                        reference(p + start, g + start, a + start, b + start)
                    }
                    let same = zip(fastResult.joined(), referenceResult.joined()).allSatisfy { $0.bitPattern == $1.bitPattern }
                    #expect(same, "\(name) differs for count \(count) at offset \(start)")
                }
                for (momentum, nesterov) in [(Float(0), false), (0.9, false), (0.9, true)] {
                    compare("sgd μ=\(momentum) nesterov=\(nesterov)", { p, g, a, _ in
                        sgdUpdate(parameters: p, gradients: g, velocity: momentum != 0 ? a : nil, count: n,
                                  learningRate: 0.1, momentum: momentum, nesterov: nesterov)
                    }, { p, g, a, _ in
                        sgdUpdateReference(parameters: p, gradients: g, velocity: momentum != 0 ? a : nil, count: n,
                                           learningRate: 0.1, momentum: momentum, nesterov: nesterov)
                    })
                }
                compare("adam", { p, g, a, b in
                    adamUpdate(parameters: p, gradients: g, firstMoment: a, secondMoment: b, count: n, alpha: 0.003,
                               beta1: 0.9, beta2: 0.999, epsilon: 1e-7)
                }, { p, g, a, b in
                    adamUpdateReference(parameters: p, gradients: g, firstMoment: a, secondMoment: b, count: n,
                                        alpha: 0.003, beta1: 0.9, beta2: 0.999, epsilon: 1e-7)
                })
                for momentum: Float in [0, 0.5] {
                    compare("rmsprop μ=\(momentum)", { p, g, a, b in
                        rmspropUpdate(parameters: p, gradients: g, meanSquare: a, momentumBuffer: momentum > 0 ? b : nil,
                                      count: n, learningRate: 0.01, rho: 0.9, momentum: momentum, epsilon: 1e-7)
                    }, { p, g, a, b in
                        rmspropUpdateReference(parameters: p, gradients: g, meanSquare: a,
                                               momentumBuffer: momentum > 0 ? b : nil, count: n, learningRate: 0.01,
                                               rho: 0.9, momentum: momentum, epsilon: 1e-7)
                    })
                }
                compare("adadelta", { p, g, a, b in
                    adadeltaUpdate(parameters: p, gradients: g, accumulatedGradient: a, accumulatedDelta: b, count: n,
                                   learningRate: 1, rho: 0.95, epsilon: 1e-7)
                }, { p, g, a, b in
                    adadeltaUpdateReference(parameters: p, gradients: g, accumulatedGradient: a, accumulatedDelta: b,
                                            count: n, learningRate: 1, rho: 0.95, epsilon: 1e-7)
                })
            }
        }
    }

    @Test func gradientSumMatchesReferenceBitForBit() {
        var generator = SeededGenerator(seed: 92)
        for vectorCount in 1...5 {
            for range in [0..<0, 0..<7, 3..<40, 5..<37] {
                let stride = 41
                let vectors = randomFloats(vectorCount * stride, in: -1...1, generator: &generator)
                var fast = vectors, reference = vectors
                fast.withPointer { sumGradientVectors(vectors: $0, stride: stride, vectorCount: vectorCount, range: range) }
                reference.withPointer {
                    sumGradientVectorsReference(vectors: $0, stride: stride, vectorCount: vectorCount, range: range)
                }
                #expect(zip(fast, reference).allSatisfy { $0.bitPattern == $1.bitPattern },
                        "sum of \(vectorCount) vectors over \(range) differs")
            }
        }
    }
}
