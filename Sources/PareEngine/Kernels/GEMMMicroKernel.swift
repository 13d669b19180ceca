// GEMMMicroKernel: the innermost loop of GEMM. A 6×16 tile of C lives in 12 `SIMD8<Float>` accumulators while the
// depth loop streams 6 values of A (broadcast) and 16 values of B (two vector loads) per step: 12 fused
// multiply-adds per 2 loads + 6 broadcasts, compiled to `vfmadd231ps ymm` with no spills (SWIFT_PERF.md §2).
// Then the tile is combined into C: `C = alpha·tile + beta·C`.
//
// Legend: r = row within the tile (0..<6), l = column within the tile (0..<16), p = depth step.

/// `alpha` and `beta` of `C = alpha·A·B + beta·C`; `beta == 0` means C is not read (it may hold NaN).
struct GEMMScale {
    let alpha: Float
    let beta: Float

    /// The scale for depth blocks after the first: add to what the first block stored.
    var accumulating: GEMMScale { GEMMScale(alpha: alpha, beta: 1) }

    /// `alpha·sum + beta·old` for 8 columns; `old` is read only when `beta != 0`.
    @inline(__always)
    func combine(_ sum: SIMD8<Float>, old: UnsafePointer<Float>) -> SIMD8<Float> {
        if beta == 0 { return alpha == 1 ? sum : sum * alpha }
        let previous = loadVector(old)
        if beta == 1 { return alpha == 1 ? previous + sum : previous.addingProduct(sum, alpha) }
        return (previous * beta).addingProduct(sum, alpha)
    }

    /// The scalar twin of `combine`, rounding exactly like each lane of the vector version.
    @inline(__always)
    func combine(_ sum: Float, old: UnsafePointer<Float>) -> Float {
        if beta == 0 { return alpha == 1 ? sum : sum * alpha }
        let previous = old.pointee
        if beta == 1 { return alpha == 1 ? previous + sum : previous.addingProduct(sum, alpha) }
        return (previous * beta).addingProduct(sum, alpha)
    }
}

/// Loads 8 floats from any address (no alignment needed; folds into the FMA's memory operand).
@inline(__always)
func loadVector(_ pointer: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
}

/// Stores 8 floats to any address.
@inline(__always)
func storeVector(_ vector: SIMD8<Float>, to pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: vector, as: SIMD8<Float>.self)
}

/// The 6×16 accumulator tile: `cR0` holds columns 0..<8 of row R, `cR1` columns 8..<16.
struct GEMMTile {
    var c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51: SIMD8<Float>

    /// Σ over `depth` steps of (6 values of A) ⊗ (16 values of B).
    ///
    /// A value of row r at step p is `a[r * aRowStride + p * aDepthStride]` (packed panels: 1 and 6; A read in
    /// place: its own strides); B is a packed panel, `b[p * 16 + l]`. Callers pass literal strides where they
    /// can, so the inlined loop is specialised.
    @inline(__always)
    init(depth: Int, a: UnsafePointer<Float>, aRowStride: Int, aDepthStride: Int, b: UnsafePointer<Float>) {
        var c00 = SIMD8<Float>(), c01 = SIMD8<Float>(), c10 = SIMD8<Float>(), c11 = SIMD8<Float>()
        var c20 = SIMD8<Float>(), c21 = SIMD8<Float>(), c30 = SIMD8<Float>(), c31 = SIMD8<Float>()
        var c40 = SIMD8<Float>(), c41 = SIMD8<Float>(), c50 = SIMD8<Float>(), c51 = SIMD8<Float>()
        var pa = a, pb = b
        for _ in 0..<depth {
            let b0 = loadVector(pb), b1 = loadVector(pb + 8)
            var av = SIMD8<Float>(repeating: pa[0])
            c00 = c00.addingProduct(av, b0); c01 = c01.addingProduct(av, b1)
            av = SIMD8<Float>(repeating: pa[aRowStride])
            c10 = c10.addingProduct(av, b0); c11 = c11.addingProduct(av, b1)
            av = SIMD8<Float>(repeating: pa[2 * aRowStride])
            c20 = c20.addingProduct(av, b0); c21 = c21.addingProduct(av, b1)
            av = SIMD8<Float>(repeating: pa[3 * aRowStride])
            c30 = c30.addingProduct(av, b0); c31 = c31.addingProduct(av, b1)
            av = SIMD8<Float>(repeating: pa[4 * aRowStride])
            c40 = c40.addingProduct(av, b0); c41 = c41.addingProduct(av, b1)
            av = SIMD8<Float>(repeating: pa[5 * aRowStride])
            c50 = c50.addingProduct(av, b0); c51 = c51.addingProduct(av, b1)
            pa += aDepthStride
            pb += 16
        }
        (self.c00, self.c01, self.c10, self.c11, self.c20, self.c21) = (c00, c01, c10, c11, c20, c21)
        (self.c30, self.c31, self.c40, self.c41, self.c50, self.c51) = (c30, c31, c40, c41, c50, c51)
    }

    /// Combines the first `rows` rows (all 16 columns) into C at (`row`, `column`); C's 16 columns there must be
    /// consecutive floats (`columnStride == 1`, `column` a multiple of 16).
    @inline(__always)
    func storeFullWidth(rows: Int, into c: GEMMOperand, row: Int, column: Int, scale: GEMMScale) {
        let columnBase = c.base + c.columnOffset(column)
        @inline(__always) func put(_ r: Int, _ low: SIMD8<Float>, _ high: SIMD8<Float>) {
            let p = columnBase + c.rowOffset(row + r)
            storeVector(scale.combine(low, old: p), to: p)
            storeVector(scale.combine(high, old: p + 8), to: p + 8)
        }
        put(0, c00, c01)
        if rows > 1 { put(1, c10, c11) }
        if rows > 2 { put(2, c20, c21) }
        if rows > 3 { put(3, c30, c31) }
        if rows > 4 { put(4, c40, c41) }
        if rows > 5 { put(5, c50, c51) }
    }

    /// Combines the top-left `rows`×`columns` corner into C at (`row`, `column`) through the view, element by
    /// element, via `scratch` (96 floats): for edge tiles and for C layouts without 16 consecutive columns.
    @inline(__always)
    func storePartial(rows: Int, columns: Int, into c: GEMMOperand, row: Int, column: Int, scale: GEMMScale,
                      scratch: UnsafeMutablePointer<Float>) {
        storeVector(c00, to: scratch); storeVector(c01, to: scratch + 8)
        storeVector(c10, to: scratch + 16); storeVector(c11, to: scratch + 24)
        storeVector(c20, to: scratch + 32); storeVector(c21, to: scratch + 40)
        storeVector(c30, to: scratch + 48); storeVector(c31, to: scratch + 56)
        storeVector(c40, to: scratch + 64); storeVector(c41, to: scratch + 72)
        storeVector(c50, to: scratch + 80); storeVector(c51, to: scratch + 88)
        for r in 0..<rows {
            let rowBase = c.base + c.rowOffset(row + r)
            for l in 0..<columns {
                let p = rowBase + c.columnOffset(column + l)
                p.pointee = scale.combine(scratch[16 * r + l], old: p)
            }
        }
    }

    /// Multiplies packed 6-row A and 16-column B panels and combines the tile into `target`.
    ///
    /// Kept out of line on purpose: inlined into the large driver, the optimizer stopped inlining the vector
    /// loads, called them, and spilled the 12 accumulators every depth step (40 instead of 120 GFLOP/s).
    @inline(never)
    static func multiplyPacked(depth: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
                               into target: GEMMTileTarget) {
        GEMMTile(depth: depth, a: a, aRowStride: 1, aDepthStride: 6, b: b).store(into: target)
    }

    /// `multiplyPacked` reading A in place with its own strides.
    @inline(never)
    static func multiplyStrided(depth: Int, a: UnsafePointer<Float>, aRowStride: Int, aDepthStride: Int,
                                b: UnsafePointer<Float>, into target: GEMMTileTarget) {
        GEMMTile(depth: depth, a: a, aRowStride: aRowStride, aDepthStride: aDepthStride, b: b).store(into: target)
    }

    /// Combines the tile into C: whole 16-float rows when C allows it, element by element otherwise.
    @inline(__always)
    func store(into target: GEMMTileTarget) {
        if target.columns == 16 && target.c.columnStride == 1 {
            storeFullWidth(rows: target.rows, into: target.c, row: target.row, column: target.column,
                           scale: target.scale)
        } else {
            storePartial(rows: target.rows, columns: target.columns, into: target.c, row: target.row,
                         column: target.column, scale: target.scale, scratch: target.scratch)
        }
    }
}

/// Where a tile goes: its corner in C, how much of it is real (edge tiles), how to combine, spill space.
struct GEMMTileTarget {
    let c: GEMMOperand
    let row: Int
    let column: Int
    let rows: Int
    let columns: Int
    let scale: GEMMScale
    let scratch: UnsafeMutablePointer<Float>
}
