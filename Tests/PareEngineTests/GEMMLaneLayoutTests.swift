// GEMM on Pare's lane-blocked activations: the three products of a dense layer exactly as the engine calls them,
// and every combination of the four storage layouts for A, B and C.

import Testing
import PareEngine

@Suite("GEMM on lane-blocked operands")
struct GEMMLaneLayoutTests {
    @Test("dense forward, input gradient and accumulated weight gradient")
    func denseLayerProducts() {
        var random = GEMMTestRandom(seed: 21)
        let workspace = GEMMWorkspace()
        var failures: [String] = []
        for units in [1, 6, 7, 13] {
            for features in [1, 5, 16, 17] {
                for samples in [1, 15, 16, 17, 33] {
                    let weights = GEMMTestMatrix(rows: units, columns: features, layout: .rowMajor, random: &random)
                    let input = GEMMTestMatrix(rows: features, columns: samples, layout: .laneBlocked, random: &random)
                    let outputGradient = GEMMTestMatrix(rows: units, columns: samples, layout: .laneBlocked,
                                                        random: &random)
                    // Y[units × samples] = W · X
                    let output = GEMMTestMatrix(rows: units, columns: samples, layout: .laneBlocked)
                    failures += [gemmMismatch(alpha: 1, a: weights, b: input, beta: 0, c: output, threads: 1,
                                              blocking: .standard, workspace: workspace)].compactMap { $0 }
                    // dX[features × samples] = Wᵀ · dY
                    let weightsTransposed = GEMMTestMatrix(rows: features, columns: units, layout: .columnMajor,
                                                           random: &random)
                    let inputGradient = GEMMTestMatrix(rows: features, columns: samples, layout: .laneBlocked)
                    failures += [gemmMismatch(alpha: 1, a: weightsTransposed, b: outputGradient, beta: 0,
                                              c: inputGradient, threads: 1, blocking: .standard,
                                              workspace: workspace)].compactMap { $0 }
                    // dW[units × features] += dY · Xᵀ
                    let inputTransposed = GEMMTestMatrix(rows: samples, columns: features,
                                                         layout: .laneBlockedTransposed, random: &random)
                    let weightGradient = GEMMTestMatrix(rows: units, columns: features, layout: .rowMajor,
                                                        random: &random)
                    failures += [gemmMismatch(alpha: 1, a: outputGradient, b: inputTransposed, beta: 1,
                                              c: weightGradient, threads: 1, blocking: .standard,
                                              workspace: workspace)].compactMap { $0 }
                }
            }
        }
        expectNoMismatches(failures)
    }

    @Test("every layout of A, B and C", arguments: [(m: 7, n: 17, k: 33), (m: 16, n: 16, k: 16), (m: 1, n: 33, k: 5),
                                                     (m: 13, n: 20, k: 40)])
    func everyLayoutCombination(shape: (m: Int, n: Int, k: Int)) {
        var random = GEMMTestRandom(seed: UInt64(shape.m * 10_000 + shape.n * 100 + shape.k))
        let workspace = GEMMWorkspace()
        var failures: [String] = []
        for aLayout in GEMMTestLayout.allCases {
            for bLayout in GEMMTestLayout.allCases {
                for cLayout in GEMMTestLayout.allCases {
                    let a = GEMMTestMatrix(rows: shape.m, columns: shape.k, layout: aLayout, random: &random)
                    let b = GEMMTestMatrix(rows: shape.k, columns: shape.n, layout: bLayout, random: &random)
                    let c = GEMMTestMatrix(rows: shape.m, columns: shape.n, layout: cLayout, random: &random)
                    for (blocking, threads) in [(GEMMBlocking.standard, 1), (GEMMThreadingTests.tinyBlocks, 2)] {
                        if let failure = gemmMismatch(alpha: 0.5, a: a, b: b, beta: 1, c: c, threads: threads,
                                                      blocking: blocking, workspace: workspace) {
                            failures.append(failure)
                        }
                    }
                }
            }
        }
        expectNoMismatches(failures)
    }
}
