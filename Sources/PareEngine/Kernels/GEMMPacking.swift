// GEMMPacking: copies a block of an operand into the panel format the micro-kernel streams: A as 6-row panels
// `[panel][depth][6]`, B as 16-column panels `[panel][depth][16]`, zero-padded past the matrix edge so edge tiles
// run the same kernel. Reading goes through the operand's view, with fast paths for the common layouts
// (consecutive floats along depth for A, along columns for B); everything else takes the element-wise path.
//
// Legend: i = row of A, j = column of B, p = depth (column of A, row of B), r = row within a 6-row panel,
// l = column within a 16-column panel, q = step within a run of linearly addressed depths.

extension GEMMOperand {
    /// Calls `body(start, count, offset)` for each maximal run of columns in `range` whose offsets are
    /// `offset + q * columnStride` for `q` in `0..<count` (a single run when the columns are linear).
    @inline(__always)
    func forEachColumnRun(in range: Range<Int>, _ body: (_ start: Int, _ count: Int, _ offset: Int) -> Void) {
        if columnsAreLinear {
            body(range.lowerBound, range.count, range.lowerBound * columnStride)
            return
        }
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(range.upperBound, (start | 15) + 1)
            body(start, end - start, columnOffset(start))
            start = end
        }
    }

    /// Packs rows `rows` × columns `depth` of this matrix (as A) into consecutive 6-row panels at
    /// `destination` (`ceil(rows.count / 6) · 6 · depth.count` floats).
    func packRowPanels(rows: Range<Int>, depth: Range<Int>, into destination: UnsafeMutablePointer<Float>) {
        var panel = destination
        var firstUnpacked = rows.lowerBound
        if rowStride == 1 && rowsAreLinear && columnsAreLinear {
            // Transposed A (a weight gradient's Xᵀ): one depth's values for all full panels are consecutive, so
            // sweep depth outermost and read each source row once, sequentially.
            let fullPanels = rows.count / 6, kc = depth.count
            for p in depth {
                let from = UnsafeRawPointer(base + rowOffset(rows.lowerBound) + p * columnStride)
                let to = UnsafeMutableRawPointer(destination + (p - depth.lowerBound) * 6)
                for q in 0..<fullPanels {
                    copySix(from + 24 * q, to + 24 * kc * q)
                }
            }
            firstUnpacked += 6 * fullPanels
            panel += 6 * kc * fullPanels
        }
        for i in stride(from: firstUnpacked, to: rows.upperBound, by: 6) {
            packRowPanel(row: i, count: min(6, rows.upperBound - i), depth: depth, into: panel)
            panel += 6 * depth.count
        }
    }

    /// Packs rows `row ..< row + count` (count ≤ 6) × `depth` into one 6-row panel, zeroing rows past `count`.
    func packRowPanel(row: Int, count: Int, depth: Range<Int>, into panel: UnsafeMutablePointer<Float>) {
        let p0 = depth.lowerBound
        let rowsAreConsecutive = rowStride == 1 && (rowsAreLinear || (row & 15) + count <= 16)
        if columnStride == 1 {
            // Row-major A: `count` sequential read streams, one per row.
            for r in 0..<count {
                let source = base + rowOffset(row + r)
                forEachColumnRun(in: depth) { start, runCount, offset in
                    let from = source + offset, to = panel + (start - p0) * 6 + r
                    for q in 0..<runCount { to[6 * q] = from[q] }
                }
            }
        } else if rowsAreConsecutive {
            // Transposed A: the panel's values for one depth are consecutive floats.
            let source = base + rowOffset(row)
            forEachColumnRun(in: depth) { start, runCount, offset in
                var from = UnsafeRawPointer(source + offset), to = UnsafeMutableRawPointer(panel + (start - p0) * 6)
                let step = columnStride * MemoryLayout<Float>.stride
                if count == 6 {
                    for _ in 0..<runCount {
                        copySix(from, to)
                        from += step
                        to += 24
                    }
                } else {
                    for _ in 0..<runCount {
                        for r in 0..<count {
                            to.storeBytes(of: from.load(fromByteOffset: 4 * r, as: Float.self), toByteOffset: 4 * r,
                                          as: Float.self)
                        }
                        from += step
                        to += 24
                    }
                }
            }
        } else {
            for p in depth {
                for r in 0..<count { panel[(p - p0) * 6 + r] = address(row: row + r, column: p).pointee }
            }
        }
        if count < 6 {
            for p in 0..<depth.count {
                for r in count..<6 { panel[6 * p + r] = 0 }
            }
        }
    }

    /// Packs rows `depth` × columns `column ..< column + count` (as B; `column` a multiple of 16, count ≤ 16)
    /// into one 16-column panel, zeroing columns past `count`.
    func packColumnPanel(column: Int, count: Int, depth: Range<Int>, into panel: UnsafeMutablePointer<Float>) {
        precondition(column & 15 == 0, "GEMM packing: panel column \(column) is not a multiple of 16")
        let p0 = depth.lowerBound
        if columnStride == 1 {
            // Row-major B: each depth row of the panel is up to 16 consecutive floats.
            let source = base + columnOffset(column)
            transposed.forEachColumnRun(in: depth) { start, runCount, offset in
                for q in 0..<runCount {
                    let from = source + offset + q * rowStride, to = panel + (start - p0 + q) * 16
                    if count == 16 {
                        storeVector(loadVector(from), to: to)
                    } else {
                        for l in 0..<count { to[l] = from[l] }
                        for l in count..<16 { to[l] = 0 }
                    }
                }
            }
            return
        }
        if rowStride == 1 && count == 16 {
            // Transposed B, full panel: gather one depth step of all 16 columns into a vector.
            let source = base + columnOffset(column), step = columnStride
            transposed.forEachColumnRun(in: depth) { start, runCount, offset in
                let from = source + offset
                var to = panel + (start - p0) * 16
                for q in 0..<runCount {
                    let f = from + q
                    let v = SIMD16<Float>(f[0], f[step], f[2 * step], f[3 * step], f[4 * step], f[5 * step],
                                          f[6 * step], f[7 * step], f[8 * step], f[9 * step], f[10 * step],
                                          f[11 * step], f[12 * step], f[13 * step], f[14 * step], f[15 * step])
                    storeVector(v, to: to)
                    to += 16
                }
            }
            return
        }
        if rowStride == 1 {
            // Transposed B: each column is a run of consecutive floats along depth.
            for l in 0..<count {
                let source = base + columnOffset(column + l)
                transposed.forEachColumnRun(in: depth) { start, runCount, offset in
                    let from = source + offset, to = panel + (start - p0) * 16 + l
                    for q in 0..<runCount { to[16 * q] = from[q] }
                }
            }
        } else {
            for p in depth {
                for l in 0..<count { panel[(p - p0) * 16 + l] = address(row: p, column: column + l).pointee }
            }
        }
        if count < 16 {
            for p in 0..<depth.count {
                for l in count..<16 { panel[16 * p + l] = 0 }
            }
        }
    }
}

/// Copies 6 floats (one depth step of a row panel) with a 4-wide and a 2-wide vector move.
@inline(__always)
private func copySix(_ from: UnsafeRawPointer, _ to: UnsafeMutableRawPointer) {
    to.storeBytes(of: from.loadUnaligned(as: SIMD4<Float>.self), as: SIMD4<Float>.self)
    to.storeBytes(of: from.loadUnaligned(fromByteOffset: 16, as: SIMD2<Float>.self), toByteOffset: 16,
                  as: SIMD2<Float>.self)
}
