// GEMMMicroKernel: the innermost loop of GEMM. A 6×16 tile of C lives in 6 `SIMD16<Float>` accumulators while the
// depth loop streams 6 values of A (broadcast) and 16 values of B (one vector) per step. With Package.swift's AVX2
// flags each SIMD16 is two ymm registers: 12 `vfmadd231ps ymm` per 2 loads + 6 broadcasts, no spills (the 12×SIMD8
// kernel of SWIFT_PERF.md §2, measured equally fast). Built with AVX-512 flags the same source becomes 6 zmm FMAs
// per step (see Benchmarks/README.md). Then the tile is combined into C: `C = alpha·tile + beta·C`.
//
// Legend: r = row within the tile (0..<6), l = column within the tile (0..<16), p = depth step.

/// Loads 16 floats from any address (no alignment needed).
@inline(__always)
func loadVector(_ pointer: UnsafePointer<Float>) -> SIMD16<Float> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD16<Float>.self)
}

/// Stores 16 floats to any address.
@inline(__always)
func storeVector(_ vector: SIMD16<Float>, to pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: vector, as: SIMD16<Float>.self)
}

/// The 6×16 accumulator tile, one `SIMD16<Float>` per row: 12 ymm registers with AVX2, 6 zmm with AVX-512.
struct GEMMTile {
    var c0, c1, c2, c3, c4, c5: SIMD16<Float>

    /// Σ over `depth` steps of (6 values of A) ⊗ (16 values of B).
    ///
    /// Row r of A at step p is `a[min(r, rows - 1) * aRowStride + p * aDepthStride]` (packed panels: strides 1
    /// and 6; A read in place: its own strides; rows past `rows` repeat the last real row, so an edge strip read
    /// in place never touches memory past A). B at step p is `b[p * bDepthStride ..< p * bDepthStride + 16]`.
    /// Callers pass literals where they can, so the inlined loop is specialised.
    @inline(__always)
    init(depth: Int, a: UnsafePointer<Float>, aRowStride: Int, aDepthStride: Int, rows: Int,
         b: UnsafePointer<Float>, bDepthStride: Int) {
        var c0 = SIMD16<Float>(), c1 = SIMD16<Float>(), c2 = SIMD16<Float>()
        var c3 = SIMD16<Float>(), c4 = SIMD16<Float>(), c5 = SIMD16<Float>()
        // One pointer per row: with a single pointer and runtime strides LLVM chains the row addresses through
        // 5 dependent adds per step, which halved the speed of A read in place.
        var a0 = a, a1 = a + min(1, rows - 1) * aRowStride, a2 = a + min(2, rows - 1) * aRowStride
        var a3 = a + min(3, rows - 1) * aRowStride, a4 = a + min(4, rows - 1) * aRowStride
        var a5 = a + min(5, rows - 1) * aRowStride
        var pb = b
        for _ in 0..<depth {
            let bv = loadVector(pb)
            c0 = c0.addingProduct(SIMD16(repeating: a0.pointee), bv)
            c1 = c1.addingProduct(SIMD16(repeating: a1.pointee), bv)
            c2 = c2.addingProduct(SIMD16(repeating: a2.pointee), bv)
            c3 = c3.addingProduct(SIMD16(repeating: a3.pointee), bv)
            c4 = c4.addingProduct(SIMD16(repeating: a4.pointee), bv)
            c5 = c5.addingProduct(SIMD16(repeating: a5.pointee), bv)
            a0 += aDepthStride; a1 += aDepthStride; a2 += aDepthStride
            a3 += aDepthStride; a4 += aDepthStride; a5 += aDepthStride
            pb += bDepthStride
        }
        (self.c0, self.c1, self.c2, self.c3, self.c4, self.c5) = (c0, c1, c2, c3, c4, c5)
    }

    /// Combines the first `rows` rows (all 16 columns) into C at (`row`, `column`); C's 16 columns there must be
    /// consecutive floats (`columnStride == 1`, `column` a multiple of 16).
    @inline(__always)
    func storeFullWidth(rows: Int, into c: GEMMOperand, row: Int, column: Int, scale: GEMMScale) {
        let columnBase = c.base + c.columnOffset(column)
        @inline(__always) func put(_ r: Int, _ sum: SIMD16<Float>) {
            let p = columnBase + c.rowOffset(row + r)
            storeVector(scale.combine(sum, old: p), to: p)
        }
        put(0, c0)
        if rows > 1 { put(1, c1) }
        if rows > 2 { put(2, c2) }
        if rows > 3 { put(3, c3) }
        if rows > 4 { put(4, c4) }
        if rows > 5 { put(5, c5) }
    }

    /// Combines the top-left `rows`×`columns` corner into C at (`row`, `column`) through the view, element by
    /// element, via `scratch` (96 floats): for edge tiles and for C layouts without 16 consecutive columns.
    @inline(__always)
    func storePartial(rows: Int, columns: Int, into c: GEMMOperand, row: Int, column: Int, scale: GEMMScale,
                      scratch: UnsafeMutablePointer<Float>) {
        storeVector(c0, to: scratch); storeVector(c1, to: scratch + 16); storeVector(c2, to: scratch + 32)
        storeVector(c3, to: scratch + 48); storeVector(c4, to: scratch + 64); storeVector(c5, to: scratch + 80)
        // `column` is a multiple of 16 and `columns` ≤ 16, so the tile's columns are linear within one block.
        let columnBase = c.base + c.columnOffset(column), columnStride = c.columnStride
        for r in 0..<rows {
            let rowBase = columnBase + c.rowOffset(row + r), sums = scratch + 16 * r
            for l in 0..<columns {
                let p = rowBase + l * columnStride
                p.pointee = scale.combine(sums[l], old: p)
            }
        }
    }

    /// Multiplies packed 6-row A and 16-column B panels and combines the tile into `target`.
    ///
    /// Kept out of line on purpose: inlined into the large driver, the optimizer stopped inlining the vector
    /// loads, called them, and spilled the accumulators every depth step (40 instead of 95 GFLOP/s).
    @inline(never)
    static func multiplyPacked(depth: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
                               into target: GEMMTileTarget) {
        GEMMTile(depth: depth, a: a, aRowStride: 1, aDepthStride: 6, rows: 6, b: b, bDepthStride: 16)
            .store(into: target)
    }

    /// `multiplyPacked` with A and B read through their own strides (A or B read in place); A rows past
    /// `target.rows` are not read.
    @inline(never)
    static func multiplyStrided(depth: Int, a: UnsafePointer<Float>, aRowStride: Int, aDepthStride: Int,
                                b: UnsafePointer<Float>, bDepthStride: Int, into target: GEMMTileTarget) {
        GEMMTile(depth: depth, a: a, aRowStride: aRowStride, aDepthStride: aDepthStride, rows: target.rows, b: b,
                 bDepthStride: bDepthStride).store(into: target)
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
