// GEMM against its reference over every small shape and transposition case, with the default blocking; edge
// cases of the contract (K = 0, alpha = 0, beta = 0 over NaN).

import Testing
import PareEngine

@Suite("GEMM against the reference")
struct GEMMTests {
    /// Sizes around the tile (6 rows, 16 columns) and SIMD width (8), and past two tiles.
    static let sizes = [1, 2, 3, 4, 5, 6, 7, 15, 16, 17, 31, 33]

    /// NN, TN (dW = Xᵀ·dY), NT (dX = dY·Wᵀ) and TT.
    static let transpositionCases: [(GEMMTestLayout, GEMMTestLayout)] = [
        (.rowMajor, .rowMajor), (.columnMajor, .rowMajor), (.rowMajor, .columnMajor), (.columnMajor, .columnMajor),
    ]

    @Test("all M, N, K in the small sizes", arguments: 0..<4)
    func smallShapesMatchReference(caseIndex: Int) {
        let (aLayout, bLayout) = Self.transpositionCases[caseIndex]
        // alpha, beta and C's layout cycle with the shape, so each combination meets many shapes.
        let scales: [(alpha: Float, beta: Float)] = [(1, 0), (1, 1), (-0.75, 0), (0.5, 1), (1.5, -2)]
        let outputLayouts: [GEMMTestLayout] = [.rowMajor, .columnMajor]
        var random = GEMMTestRandom(seed: UInt64(caseIndex + 1))
        let workspace = GEMMWorkspace()
        var failures: [String] = []
        var index = 0
        for m in Self.sizes {
            for n in Self.sizes {
                for k in Self.sizes {
                    let (alpha, beta) = scales[index % scales.count]
                    let cLayout = outputLayouts[index / scales.count % outputLayouts.count]
                    index += 1
                    let a = GEMMTestMatrix(rows: m, columns: k, layout: aLayout, random: &random)
                    let b = GEMMTestMatrix(rows: k, columns: n, layout: bLayout, random: &random)
                    // beta = 0 must not read C: leave it NaN.
                    let c = beta == 0 ? GEMMTestMatrix(rows: m, columns: n, layout: cLayout)
                        : GEMMTestMatrix(rows: m, columns: n, layout: cLayout, random: &random)
                    if let failure = gemmMismatch(alpha: alpha, a: a, b: b, beta: beta, c: c, threads: 1,
                                                  blocking: .standard, workspace: workspace) {
                        failures.append(failure)
                    }
                }
            }
        }
        expectNoMismatches(failures)
    }

    @Test("K = 0 and alpha = 0 give beta·C")
    func emptyDepthScalesOutput() {
        var random = GEMMTestRandom(seed: 7)
        let workspace = GEMMWorkspace()
        for (k, alpha) in [(0, Float(1)), (5, Float(0))] {
            for beta: Float in [0, 1, 0.5] {
                let a = GEMMTestMatrix(rows: 3, columns: k, layout: .rowMajor, random: &random)
                let b = GEMMTestMatrix(rows: k, columns: 4, layout: .rowMajor, random: &random)
                let c = GEMMTestMatrix(rows: 3, columns: 4, layout: .rowMajor, random: &random)
                let before = (0..<3).flatMap { i in (0..<4).map { j in c[i, j] } }
                GEMM.multiply(alpha: alpha, a.operand, b.operand, beta: beta, into: c.operand, workspace: workspace)
                let after = (0..<3).flatMap { i in (0..<4).map { j in c[i, j] } }
                #expect(after == before.map { beta == 0 ? 0 : beta * $0 }, "K=\(k) alpha=\(alpha) beta=\(beta)")
            }
        }
    }

    @Test("a hand-computed 2×3 · 3×2 product")
    func handComputedProduct() {
        // [[1,2,3],[4,5,6]] · [[7,8],[9,10],[11,12]] = [[58,64],[139,154]] (1·7+2·9+3·11 = 58, …), then
        // C = 2·AB + 1·[[1,1],[1,1]].
        var a: [Float] = [1, 2, 3, 4, 5, 6], b: [Float] = [7, 8, 9, 10, 11, 12], c: [Float] = [1, 1, 1, 1]
        a.withUnsafeMutableBufferPointer { a in
            b.withUnsafeMutableBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    GEMM.multiply(alpha: 2, .rowMajor(a.baseAddress!, rows: 2, columns: 3),
                                  .rowMajor(b.baseAddress!, rows: 3, columns: 2), beta: 1,
                                  into: .rowMajor(c.baseAddress!, rows: 2, columns: 2), workspace: GEMMWorkspace())
                }
            }
        }
        #expect(c == [117, 129, 279, 309])
    }

    @Test("the engine's call forms: NN, TN weight gradient, NT input gradient, lane-blocked dense forward")
    func engineCallForms() {
        // batch 20 (one full chunk of 16 and a partial one), 7 inputs, 5 units.
        let batch = 20, inputs = 7, units = 5
        var random = GEMMTestRandom(seed: 3)
        func values(_ count: Int) -> UnsafeMutablePointer<Float> {
            let pointer = UnsafeMutablePointer<Float>.allocate(capacity: count)
            for index in 0..<count { pointer[index] = random.nextSigned() }
            return pointer
        }
        let x = values(batch * inputs), w = values(units * inputs), dy = values(batch * units)
        let y = values(batch * units), dw = values(inputs * units), dx = values(batch * inputs)
        let xLanes = values(32 * inputs), yLanes = values(32 * units)
        defer { for pointer in [x, w, dy, y, dw, dx, xLanes, yLanes] { pointer.deallocate() } }
        let workspace = GEMMWorkspace()
        var failures: [String] = []
        func check(_ name: String, _ a: GEMMOperand, _ b: GEMMOperand, beta: Float, _ c: GEMMOperand) {
            let copy = UnsafeMutablePointer<Float>.allocate(capacity: c.rows * c.columns)
            defer { copy.deallocate() }
            let reference = GEMMOperand.rowMajor(copy, rows: c.rows, columns: c.columns)
            for i in 0..<c.rows {
                for j in 0..<c.columns { reference.address(row: i, column: j).pointee = c.address(row: i, column: j).pointee }
            }
            GEMMReference.multiply(a, b, beta: beta, into: reference)
            GEMM.multiply(a, b, beta: beta, into: c, threads: 2, workspace: workspace)
            for i in 0..<c.rows {
                for j in 0..<c.columns {
                    let got = c.address(row: i, column: j).pointee, want = reference.address(row: i, column: j).pointee
                    // K ≤ 20 products of values in [-1, 1): (2K + 4)·ulpOfOne·K bounds the difference (see
                    // gemmMismatch).
                    if abs(got - want) > Float(2 * a.columns + 4) * Float.ulpOfOne * Float(a.columns) {
                        failures.append("\(name): C[\(i),\(j)] = \(got), reference \(want)")
                    }
                }
            }
        }
        // Row-major (Keras) convention, W: [inputs × units]. NN: Y[batch × units] = X[batch × inputs] · W
        check("NN", .rowMajor(x, rows: batch, columns: inputs), .rowMajor(w, rows: inputs, columns: units), beta: 0,
              .rowMajor(y, rows: batch, columns: units))
        // TN: dW[inputs × units] += Xᵀ · dY
        check("TN", .rowMajor(x, rows: batch, columns: inputs).transposed, .rowMajor(dy, rows: batch, columns: units),
              beta: 1, .rowMajor(dw, rows: inputs, columns: units))
        // NT: dX[batch × inputs] = dY · Wᵀ, W stored [inputs × units]
        check("NT", .rowMajor(dy, rows: batch, columns: units), .rowMajor(w, rows: inputs, columns: units).transposed,
              beta: 0, .rowMajor(dx, rows: batch, columns: inputs))
        // Lane-blocked (engine) convention, W: [units × inputs]: Y[units × batch] = W · X[inputs × batch]
        check("lane forward", .rowMajor(w, rows: units, columns: inputs),
              .laneBlocked(xLanes, features: inputs, samples: batch), beta: 0,
              .laneBlocked(yLanes, features: units, samples: batch))
        expectNoMismatches(failures)
    }
}
