// Fast depthwise 2-D convolution weight and bias gradients in the lane layout: the twin of
// `depthwiseConv2DParameterGradientsReference` (same signature).
//
// Each weight is a dot product over every output pixel and lane of a chunk between its output channel's
// gradient and its input channel, shifted by the tap. A register tile covers up to 3 × 3 taps of one output
// channel with 9 `SIMD8` accumulators (half a pixel's lanes per step): per step it loads one output-gradient
// vector and one input vector per tap, 10 loads for 9 FMAs, most loads folding into the FMAs. A 3x3 kernel is one
// tile; larger kernels are cut into blocks of at most 3 rows and 3 columns. Taps outside the input are clipped:
// a tile covers the output pixels where all its taps are inside, and each tap's remaining border pixels run as
// one-tap tiles.
//
// Legend: k = chunk, o = output channel (input channel o / m), ky/kx = kernel row/column, oy/ox = output
// row/column, w = the window geometry; `lanes` = 16.
// Shapes: input `[chunkCount][C][H][W][16]`, outputGradient `[chunkCount][C·m][H'][W'][16]`, kernelGradient
// `[C·m][kh][kw]`, biasGradient `[C·m]`.

/// Overwrites `kernelGradient[o][ky][kx] = Σ_{k,oy,ox,lanes} outputGradient[k][o][oy][ox] · input[k][o / m][iy][ix]`
/// and `biasGradient[o] = Σ_{k,oy,ox,lanes} outputGradient[k][o][oy][ox]` (when non-nil).
func depthwiseConv2DParameterGradients(input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
                                       kernelGradient: UnsafeMutablePointer<Float>,
                                       biasGradient: UnsafeMutablePointer<Float>?,
                                       geometry: DepthwiseGeometry, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    let w = geometry.window
    kernelGradient.update(repeating: 0, count: geometry.outputChannels * geometry.kernelArea)
    let rowBlocks = balancedBlockCount(total: w.windowHeight, maximum: 3)
    let columnBlocks = balancedBlockCount(total: w.windowWidth, maximum: 3)
    for k in 0..<chunkCount {
        for o in 0..<geometry.outputChannels {
            let channel = DepthwiseWeightChannel(
                input: input + (k * geometry.inputFeatures + (o / geometry.depthMultiplier) * w.inputPlaneSize) * lanes,
                outputGradient: outputGradient + (k * geometry.outputFeatures + o * w.outputPlaneSize) * lanes,
                kernelGradient: kernelGradient + o * geometry.kernelArea, window: w)
            for rowBlock in 0..<rowBlocks {
                for columnBlock in 0..<columnBlocks {
                    channel.accumulate(tapRows: balancedBlock(rowBlock, total: w.windowHeight, maximum: 3),
                                       tapColumns: balancedBlock(columnBlock, total: w.windowWidth, maximum: 3))
                }
            }
        }
    }
    guard let biasGradient else { return }
    for o in 0..<geometry.outputChannels {
        var sums = (Lanes(), Lanes())
        for k in 0..<chunkCount {
            let plane = outputGradient + (k * geometry.outputFeatures + o * w.outputPlaneSize) * lanes
            var pixel = 0
            while pixel + 1 < w.outputPlaneSize {
                sums.0 += loadLanes(plane + pixel * lanes)
                sums.1 += loadLanes(plane + (pixel + 1) * lanes)
                pixel += 2
            }
            if pixel < w.outputPlaneSize { sums.0 += loadLanes(plane + pixel * lanes) }
        }
        biasGradient[o] = (sums.0 + sums.1).sum()
    }
}

/// One output channel of one chunk: its input plane, output-gradient plane and kernel-gradient plane.
private struct DepthwiseWeightChannel {
    let input: UnsafePointer<Float>
    let outputGradient: UnsafePointer<Float>
    let kernelGradient: UnsafeMutablePointer<Float>
    let window: WindowGeometry

    private func validRows(_ tapRow: Int) -> Range<Int> {
        validOutputs(tap: tapRow, stride: window.strideHeight, padBefore: window.padTop,
                     inputLength: window.inputHeight, outputLength: window.outputHeight)
    }

    private func validColumns(_ tapColumn: Int) -> Range<Int> {
        validOutputs(tap: tapColumn, stride: window.strideWidth, padBefore: window.padLeft,
                     inputLength: window.inputWidth, outputLength: window.outputWidth)
    }

    /// Adds the dot products of the taps `tapRows × tapColumns`: one tile where all of them are inside, then each
    /// tap alone over the rest of its own valid rectangle.
    func accumulate(tapRows: Range<Int>, tapColumns: Range<Int>) {
        var sharedRows = validRows(tapRows.lowerBound), sharedColumns = validColumns(tapColumns.lowerBound)
        for tapRow in tapRows.dropFirst() { sharedRows = sharedRows.clamped(to: validRows(tapRow)) }
        for tapColumn in tapColumns.dropFirst() { sharedColumns = sharedColumns.clamped(to: validColumns(tapColumn)) }
        let hasShared = !sharedRows.isEmpty && !sharedColumns.isEmpty
        if hasShared {
            tile(tapRow: tapRows.lowerBound, tapColumn: tapColumns.lowerBound, rows: sharedRows, columns: sharedColumns)
                .run(blockSizes: tapRows.count, tapColumns.count)
        }
        guard tapRows.count * tapColumns.count > 1 || !hasShared else { return }
        for tapRow in tapRows {
            for tapColumn in tapColumns {
                let ownRows = validRows(tapRow), ownColumns = validColumns(tapColumn)
                guard hasShared else {
                    single(tapRow, tapColumn, rows: ownRows, columns: ownColumns)
                    continue
                }
                // Own rectangle minus the shared one (which it contains): the rows above and below in full,
                // then the shared rows' columns left and right.
                single(tapRow, tapColumn, rows: ownRows.lowerBound..<sharedRows.lowerBound, columns: ownColumns)
                single(tapRow, tapColumn, rows: sharedRows.upperBound..<ownRows.upperBound, columns: ownColumns)
                single(tapRow, tapColumn, rows: sharedRows, columns: ownColumns.lowerBound..<sharedColumns.lowerBound)
                single(tapRow, tapColumn, rows: sharedRows, columns: sharedColumns.upperBound..<ownColumns.upperBound)
            }
        }
    }

    private func single(_ tapRow: Int, _ tapColumn: Int, rows: Range<Int>, columns: Range<Int>) {
        guard !rows.isEmpty, !columns.isEmpty else { return }
        tile(tapRow: tapRow, tapColumn: tapColumn, rows: rows, columns: columns).run(blockSizes: 1, 1)
    }

    private func tile(tapRow: Int, tapColumn: Int, rows: Range<Int>, columns: Range<Int>) -> DepthwiseWeightTile {
        DepthwiseWeightTile(firstTapRow: tapRow, firstTapColumn: tapColumn, rows: rows, columns: columns, input: input,
                            outputGradient: outputGradient, kernelGradient: kernelGradient, window: window)
    }
}

/// One register tile: a block of taps (rows × columns, each 1 to 3, starting at the first tap) over a rectangle
/// of output pixels where all of them are inside, added into the kernel gradient.
private struct DepthwiseWeightTile: BlockSizedPairOperation {
    let firstTapRow: Int, firstTapColumn: Int
    let rows: Range<Int>, columns: Range<Int>
    let input: UnsafePointer<Float>
    let outputGradient: UnsafePointer<Float>
    let kernelGradient: UnsafeMutablePointer<Float>
    let window: WindowGeometry

    @inline(__always)
    func run<TapRows: BlockSize, TapColumns: BlockSize>(_ tapRows: TapRows.Type, _ tapColumns: TapColumns.Type) {
        let lanes = LaneLayout.laneCount, half = lanes / 2
        let w = window
        let inputRowLength = w.inputWidth * lanes
        let inputRowStep = w.strideHeight * inputRowLength, inputColumnStep = w.strideWidth * lanes
        let outputRowLength = w.outputWidth * lanes
        var inputRow = input + ((rows.lowerBound * w.strideHeight - w.padTop + firstTapRow) * w.inputWidth
                                + columns.lowerBound * w.strideWidth - w.padLeft + firstTapColumn) * lanes
        var gradientRow = outputGradient + (rows.lowerBound * w.outputWidth + columns.lowerBound) * lanes
        // The distance between neighbouring taps of a kernel row is one input column, `lanes` floats; it is
        // computed from a runtime value so the optimizer cannot fold it. With a constant spacing LLVM's SLP
        // vectorizer merged the nine accumulators into shuffled 128-bit operations with spills: 11 GFLOP/s instead
        // of 58 on the residual CNN's depthwise layer (DepthwiseKernelBenchmark).
        let inputColumnLength = w.inputWidth >= 1 ? lanes : 0
        var sums = DepthwiseTileSums<TapRows, TapColumns>()
        for _ in rows {
            var gradient = gradientRow, value = inputRow
            for _ in columns {
                sums.add(outputGradient: gradient, input: value, inputRowLength: inputRowLength,
                         inputColumnLength: inputColumnLength)
                sums.add(outputGradient: gradient + half, input: value + half, inputRowLength: inputRowLength,
                         inputColumnLength: inputColumnLength)
                gradient += lanes
                value += inputColumnStep
            }
            gradientRow += outputRowLength
            inputRow += inputRowStep
        }
        sums.addTotals(to: kernelGradient + firstTapRow * w.windowWidth + firstTapColumn, rowStride: w.windowWidth)
    }
}

/// The 9 accumulators of a tile of up to 3 × 3 taps, half a pixel's lanes each: `s_rc` for tap row r, column c.
private struct DepthwiseTileSums<TapRows: BlockSize, TapColumns: BlockSize> {
    var s00 = HalfLanes(), s01 = HalfLanes(), s02 = HalfLanes()
    var s10 = HalfLanes(), s11 = HalfLanes(), s12 = HalfLanes()
    var s20 = HalfLanes(), s21 = HalfLanes(), s22 = HalfLanes()

    /// Adds output gradient × input for 8 lanes of one pixel; tap (r, c) reads
    /// `input + r · inputRowLength + c · inputColumnLength`.
    @inline(__always)
    mutating func add(outputGradient: UnsafePointer<Float>, input: UnsafePointer<Float>, inputRowLength: Int,
                      inputColumnLength: Int) {
        let gradient = loadHalfLanes(outputGradient)
        s00 = s00.addingProduct(gradient, loadHalfLanes(input))
        if TapColumns.count > 1 { s01 = s01.addingProduct(gradient, loadHalfLanes(input + inputColumnLength)) }
        if TapColumns.count > 2 { s02 = s02.addingProduct(gradient, loadHalfLanes(input + 2 * inputColumnLength)) }
        if TapRows.count > 1 {
            let row = input + inputRowLength
            s10 = s10.addingProduct(gradient, loadHalfLanes(row))
            if TapColumns.count > 1 { s11 = s11.addingProduct(gradient, loadHalfLanes(row + inputColumnLength)) }
            if TapColumns.count > 2 { s12 = s12.addingProduct(gradient, loadHalfLanes(row + 2 * inputColumnLength)) }
        }
        if TapRows.count > 2 {
            let row = input + 2 * inputRowLength
            s20 = s20.addingProduct(gradient, loadHalfLanes(row))
            if TapColumns.count > 1 { s21 = s21.addingProduct(gradient, loadHalfLanes(row + inputColumnLength)) }
            if TapColumns.count > 2 { s22 = s22.addingProduct(gradient, loadHalfLanes(row + 2 * inputColumnLength)) }
        }
    }

    /// `target[r · rowStride + c] += Σ lanes of s_rc` for the tile's taps.
    @inline(__always)
    func addTotals(to target: UnsafeMutablePointer<Float>, rowStride: Int) {
        target[0] += s00.sum()
        if TapColumns.count > 1 { target[1] += s01.sum() }
        if TapColumns.count > 2 { target[2] += s02.sum() }
        if TapRows.count > 1 {
            target[rowStride] += s10.sum()
            if TapColumns.count > 1 { target[rowStride + 1] += s11.sum() }
            if TapColumns.count > 2 { target[rowStride + 2] += s12.sum() }
        }
        if TapRows.count > 2 {
            target[2 * rowStride] += s20.sum()
            if TapColumns.count > 1 { target[2 * rowStride + 1] += s21.sum() }
            if TapColumns.count > 2 { target[2 * rowStride + 2] += s22.sum() }
        }
    }
}
