// Fast 2-D convolution weight and bias gradients in the lane layout: the twin of
// `conv2DParameterGradientsReference` (same signature).
//
// Each weight is a dot product over every output pixel and lane of a chunk. A register tile of up to 3
// filters × 3 taps keeps 9 `SIMD8` accumulators (half a pixel's lanes per step): per step it loads 3 output-
// gradient vectors and 3 input vectors for 9 FMAs. Taps of a tile share a kernel row and are grouped by
// channel (≥ 6 channels: same tap, 2–3 channels, so loops over (channel group, ky, kx) keep the group's input
// rows close) or else by (kx, channel) pairs. Output rows are cut into blocks of about 512 pixels, whose
// gradient and input rows stay in L2; each tile adds one horizontal sum per weight and row block (blocks of
// 64, 128, 256, 512 pixels and whole planes measured 66, 82, 83, 84, 86 GFLOP/s on qiita_cnn1's 32→64 layer:
// the sums cost more than L1 misses). An L1-blocked variant — all kh·kw taps of a channel group run over a
// 64-pixel block before the next, accumulators kept in a stack array between blocks, one horizontal sum per
// call — measured 68 (64 pixels) to 78 (128) GFLOP/s: per-tile set-up outweighed the L1 hits.
// Taps outside the input are clipped: a tile covers the pixels where all its taps are inside, and each tap's
// remaining border pixels run as a one-tap tile.
//
// Legend: k = chunk, f = filter, c = input channel, ky/kx = kernel row/column, oy/ox = output row/column,
// w = the window geometry; `lanes` = 16.
// Shapes: input `[chunkCount][C][H][W][16]`, outputGradient `[chunkCount][F][H'][W'][16]`, kernelGradient
// `[F][C][kh][kw]`, biasGradient `[F]`.

/// Overwrites `kernelGradient[f][c][ky][kx] = Σ_{k,oy,ox,lanes} outputGradient[k][f][oy][ox] · input[k][c][iy][ix]`
/// and `biasGradient[f] = Σ_{k,oy,ox,lanes} outputGradient[k][f][oy][ox]` (when non-nil).
func conv2DParameterGradients(input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
                              kernelGradient: UnsafeMutablePointer<Float>,
                              biasGradient: UnsafeMutablePointer<Float>?,
                              geometry: ConvolutionGeometry, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    let w = geometry.window
    kernelGradient.update(repeating: 0, count: geometry.outputChannels * geometry.kernelVolume)
    let groups = WeightGradientTapGroups(geometry: geometry)
    let filterBlocks = balancedBlockCount(total: geometry.outputChannels, maximum: 3)
    let rowsPerBlock = max(1, 512 / w.outputWidth)
    for k in 0..<chunkCount {
        let x = input + k * geometry.inputFeatures * lanes
        let dy = outputGradient + k * geometry.outputFeatures * lanes
        for firstRow in stride(from: 0, to: w.outputHeight, by: rowsPerBlock) {
            let rowBlock = firstRow..<min(w.outputHeight, firstRow + rowsPerBlock)
            for filterBlock in 0..<filterBlocks {
                let filters = balancedBlock(filterBlock, total: geometry.outputChannels, maximum: 3)
                for index in 0..<groups.count {
                    accumulateWeightGradients(group: groups.group(index), filters: filters, rows: rowBlock,
                                              input: x, outputGradient: dy, kernelGradient: kernelGradient,
                                              geometry: geometry)
                }
            }
        }
    }
    guard let biasGradient else { return }
    for f in 0..<geometry.outputChannels {
        var sums = (Lanes(), Lanes())
        for k in 0..<chunkCount {
            let plane = outputGradient + (k * geometry.outputFeatures + f * w.outputPlaneSize) * lanes
            var pixel = 0
            while pixel + 1 < w.outputPlaneSize {
                sums.0 += loadLanes(plane + pixel * lanes)
                sums.1 += loadLanes(plane + (pixel + 1) * lanes)
                pixel += 2
            }
            if pixel < w.outputPlaneSize { sums.0 += loadLanes(plane + pixel * lanes) }
        }
        biasGradient[f] = (sums.0 + sums.1).sum()
    }
}

/// The output positions along one axis at which kernel tap `tap` reads inside the input.
@inline(__always)
func validOutputs(tap: Int, stride: Int, padBefore: Int, inputLength: Int, outputLength: Int) -> Range<Int> {
    let first = max(0, ceilingDivision(padBefore - tap, stride))
    let end = min(outputLength, floorDivision(inputLength - 1 + padBefore - tap, stride) + 1)
    return first..<max(first, end)
}

/// Adds one tap group's dot products over the output rows `rows` (clipped to where its kernel row is inside)
/// into `kernelGradient`, for the filters `filters`: one tile over the columns where every tap is inside, then
/// a one-tap tile per tap over its remaining columns.
@inline(__always)
private func accumulateWeightGradients(group: WeightGradientTapGroup, filters: Range<Int>, rows: Range<Int>,
                                       input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
                                       kernelGradient: UnsafeMutablePointer<Float>, geometry: ConvolutionGeometry) {
    let w = geometry.window
    let validRows = validOutputs(tap: group.tapRow, stride: w.strideHeight, padBefore: w.padTop,
                                 inputLength: w.inputHeight, outputLength: w.outputHeight).clamped(to: rows)
    guard !validRows.isEmpty else { return }
    func validColumns(_ tapColumn: Int) -> Range<Int> {
        validOutputs(tap: tapColumn, stride: w.strideWidth, padBefore: w.padLeft, inputLength: w.inputWidth,
                     outputLength: w.outputWidth)
    }
    func tile(_ taps: WeightGradientTapGroup, columns: Range<Int>) {
        guard !columns.isEmpty else { return }
        WeightGradientTile(taps: taps, filters: filters, rows: validRows, columns: columns, input: input,
                           outputGradient: outputGradient, kernelGradient: kernelGradient, geometry: geometry)
            .run(blockSizes: filters.count, taps.count)
    }
    var shared = validColumns(group.tapColumns.0)
    if group.count > 1 { shared = shared.clamped(to: validColumns(group.tapColumns.1)) }
    if group.count > 2 { shared = shared.clamped(to: validColumns(group.tapColumns.2)) }
    tile(group, columns: shared)
    guard group.count > 1 else { return }
    for index in 0..<group.count {
        let single = group.single(index)
        let own = validColumns(single.tapColumns.0)
        if shared.isEmpty {
            tile(single, columns: own)
        } else {
            tile(single, columns: own.lowerBound..<max(own.lowerBound, shared.lowerBound))
            tile(single, columns: min(own.upperBound, shared.upperBound)..<own.upperBound)
        }
    }
}

extension WeightGradientTapGroup {
    /// The group made of tap `index` alone.
    func single(_ index: Int) -> WeightGradientTapGroup {
        let channel: Int, column: Int
        switch index {
        case 0: (channel, column) = (channels.0, tapColumns.0)
        case 1: (channel, column) = (channels.1, tapColumns.1)
        default: (channel, column) = (channels.2, tapColumns.2)
        }
        return WeightGradientTapGroup(tapRow: tapRow, count: 1, channels: (channel, channel, channel),
                                      tapColumns: (column, column, column))
    }
}

/// One register tile: `filters` × the group's taps over a rectangle of output pixels, added into the kernel
/// gradient.
private struct WeightGradientTile: BlockSizedPairOperation {
    let taps: WeightGradientTapGroup
    let filters: Range<Int>
    let rows: Range<Int>
    let columns: Range<Int>
    let input: UnsafePointer<Float>
    let outputGradient: UnsafePointer<Float>
    let kernelGradient: UnsafeMutablePointer<Float>
    let geometry: ConvolutionGeometry

    @inline(__always)
    func run<Filters: BlockSize, Taps: BlockSize>(_ filterBlock: Filters.Type, _ tapBlock: Taps.Type) {
        let lanes = LaneLayout.laneCount, half = lanes / 2
        let w = geometry.window
        let filterStride = w.outputPlaneSize * lanes, outputRowLength = w.outputWidth * lanes
        let inputRowStep = w.strideHeight * w.inputWidth * lanes, inputColumnStep = w.strideWidth * lanes
        let tapOffset = { (channel: Int, column: Int) in
            ((channel - taps.channels.0) * w.inputPlaneSize + column - taps.tapColumns.0) * lanes
        }
        let offset1 = tapOffset(taps.channels.1, taps.tapColumns.1)
        let offset2 = tapOffset(taps.channels.2, taps.tapColumns.2)
        let firstInputRow = rows.lowerBound * w.strideHeight - w.padTop + taps.tapRow
        let firstInputColumn = columns.lowerBound * w.strideWidth - w.padLeft + taps.tapColumns.0
        var inputRow = input + ((taps.channels.0 * w.inputHeight + firstInputRow) * w.inputWidth
                                + firstInputColumn) * lanes
        var gradientRow = outputGradient + (filters.lowerBound * w.outputPlaneSize
                                            + rows.lowerBound * w.outputWidth + columns.lowerBound) * lanes
        var sums = WeightTileSums<Filters, Taps>()
        for _ in rows {
            var gradient = gradientRow, value = inputRow
            for _ in columns {
                sums.add(outputGradient: gradient, filterStride: filterStride, input: value, offset1: offset1,
                         offset2: offset2)
                sums.add(outputGradient: gradient + half, filterStride: filterStride, input: value + half,
                         offset1: offset1, offset2: offset2)
                gradient += lanes
                value += inputColumnStep
            }
            gradientRow += outputRowLength
            inputRow += inputRowStep
        }
        let area = w.windowHeight * w.windowWidth
        let target = kernelGradient + filters.lowerBound * geometry.kernelVolume + taps.tapRow * w.windowWidth
        let tap0 = taps.channels.0 * area + taps.tapColumns.0
        let tap1 = taps.channels.1 * area + taps.tapColumns.1, tap2 = taps.channels.2 * area + taps.tapColumns.2
        sums.addTotals(to: target, filterStride: geometry.kernelVolume, taps: (tap0, tap1, tap2))
    }
}

/// The 9 accumulators of a tile of up to 3 filters × 3 taps, half a pixel's lanes each.
private struct WeightTileSums<Filters: BlockSize, Taps: BlockSize> {
    var s00 = HalfLanes(), s01 = HalfLanes(), s02 = HalfLanes()
    var s10 = HalfLanes(), s11 = HalfLanes(), s12 = HalfLanes()
    var s20 = HalfLanes(), s21 = HalfLanes(), s22 = HalfLanes()

    /// Adds output gradient × input for 8 lanes of one pixel: filter r at `outputGradient + r · filterStride`,
    /// tap t at `input + offset_t`.
    @inline(__always)
    mutating func add(outputGradient: UnsafePointer<Float>, filterStride: Int, input: UnsafePointer<Float>,
                      offset1: Int, offset2: Int) {
        let x0 = loadHalfLanes(input)
        let x1 = Taps.count > 1 ? loadHalfLanes(input + offset1) : HalfLanes()
        let x2 = Taps.count > 2 ? loadHalfLanes(input + offset2) : HalfLanes()
        let d0 = loadHalfLanes(outputGradient)
        s00 = s00.addingProduct(d0, x0)
        if Taps.count > 1 { s01 = s01.addingProduct(d0, x1) }
        if Taps.count > 2 { s02 = s02.addingProduct(d0, x2) }
        if Filters.count > 1 {
            let d1 = loadHalfLanes(outputGradient + filterStride)
            s10 = s10.addingProduct(d1, x0)
            if Taps.count > 1 { s11 = s11.addingProduct(d1, x1) }
            if Taps.count > 2 { s12 = s12.addingProduct(d1, x2) }
        }
        if Filters.count > 2 {
            let d2 = loadHalfLanes(outputGradient + 2 * filterStride)
            s20 = s20.addingProduct(d2, x0)
            if Taps.count > 1 { s21 = s21.addingProduct(d2, x1) }
            if Taps.count > 2 { s22 = s22.addingProduct(d2, x2) }
        }
    }

    /// `target[r · filterStride + taps_t] += Σ lanes of s_rt` for the tile's filters r and taps t.
    @inline(__always)
    func addTotals(to target: UnsafeMutablePointer<Float>, filterStride: Int, taps: (Int, Int, Int)) {
        func add(_ sum: HalfLanes, filter: Int, tap: Int) { target[filter * filterStride + tap] += sum.sum() }
        add(s00, filter: 0, tap: taps.0)
        if Taps.count > 1 { add(s01, filter: 0, tap: taps.1) }
        if Taps.count > 2 { add(s02, filter: 0, tap: taps.2) }
        if Filters.count > 1 {
            add(s10, filter: 1, tap: taps.0)
            if Taps.count > 1 { add(s11, filter: 1, tap: taps.1) }
            if Taps.count > 2 { add(s12, filter: 1, tap: taps.2) }
        }
        if Filters.count > 2 {
            add(s20, filter: 2, tap: taps.0)
            if Taps.count > 1 { add(s21, filter: 2, tap: taps.1) }
            if Taps.count > 2 { add(s22, filter: 2, tap: taps.2) }
        }
    }
}
