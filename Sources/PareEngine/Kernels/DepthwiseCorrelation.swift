// The direct per-channel correlation behind the fast depthwise convolution forward and input gradient: batch in
// the SIMD lanes, each output channel reading its own input channel(s), a register tile of 4 output pixels
// of one row held in SIMD16 accumulators (8 ymm registers) that share every broadcast weight, bias and an
// optional clamp (fused ReLU / ReLU6) in the store.
//
// A depthwise output channel reads one input channel, so there is no input vector to share between output
// channels (the trick of LaneCorrelation); the tile shares weights instead, and its loads fold into the FMAs.
// The input gradient is the same loop run on the output gradient with the kernel walked backwards
// (`AxisMapping.isTransposed`), each input channel summing its `m` output channels. Taps outside the input are
// clipped per output pixel, never read. Pixels of a tile sit `tileSpacing` output columns apart and read input
// columns `tileInputStep` apart (forward: 1 and the stride; transposed: the stride and 1), so every pixel of a
// tile has the same taps. Which columns form tiles is worked out once per call (`ColumnTile`): each residue
// class of columns modulo the spacing is cut into runs of columns with the same taps, and each run into tiles
// of 4 with one smaller tile for the rest — so the alternating tap counts of a stride-2 input gradient and the
// clipped border columns cost no per-pixel checks.
//
// Legend: k = chunk, o = output channel, y/x = output row/column, a0…a3 = the tile's accumulators; `lanes` = 16.
// Shapes: input `[chunkCount][inputChannels][inputHeight][inputWidth][16]`,
// output `[chunkCount][outputChannels][outputHeight][outputWidth][16]`, weights `[weightPlanes][kh][kw]`;
// output channel o sums its sources t in 0..<sourcesPerOutput: input channel
// `(o / outputsPerInput)·sourcesPerOutput + t` with weight plane `o·sourcesPerOutput + t`.

/// The sizes, tap arithmetic and channel mapping of one depthwise correlation.
struct DepthwiseCorrelation: Hashable, Sendable {
    /// Channels of the correlation's input.
    let inputChannels: Int
    /// Rows of each input plane.
    let inputHeight: Int
    /// Columns of each input plane.
    let inputWidth: Int
    /// Channels of the output.
    let outputChannels: Int
    /// Rows of each output plane.
    let outputHeight: Int
    /// Columns of each output plane.
    let outputWidth: Int
    /// Input channels summed into each output channel: 1 forward, the depth multiplier transposed.
    let sourcesPerOutput: Int
    /// Output channels that read one input channel: the depth multiplier forward, 1 transposed.
    let outputsPerInput: Int
    /// Tap arithmetic along rows.
    let rows: AxisMapping
    /// Tap arithmetic along columns.
    let columns: AxisMapping
    /// Kernel columns (the weight stride of a tap row).
    let kernelWidth: Int
    /// Weights per plane: kernel rows × columns.
    let kernelArea: Int

    /// The forward convolution: input `[C][H][W]` → output `[C·m][H'][W']`, kernel `[C·m][kh][kw]`.
    static func forward(_ geometry: DepthwiseGeometry) -> DepthwiseCorrelation {
        let w = geometry.window
        return DepthwiseCorrelation(
            inputChannels: geometry.channels, inputHeight: w.inputHeight, inputWidth: w.inputWidth,
            outputChannels: geometry.outputChannels, outputHeight: w.outputHeight, outputWidth: w.outputWidth,
            sourcesPerOutput: 1, outputsPerInput: geometry.depthMultiplier,
            rows: AxisMapping(kernelLength: w.windowHeight, stride: w.strideHeight, padBefore: w.padTop,
                              inputLength: w.inputHeight, isTransposed: false),
            columns: AxisMapping(kernelLength: w.windowWidth, stride: w.strideWidth, padBefore: w.padLeft,
                                 inputLength: w.inputWidth, isTransposed: false),
            kernelWidth: w.windowWidth, kernelArea: geometry.kernelArea)
    }

    /// The input gradient: output gradient `[C·m][H'][W']` → input gradient `[C][H][W]`, input channel c summing
    /// output channels `c·m ..< c·m + m` through their kernels walked backwards.
    static func inputGradient(_ geometry: DepthwiseGeometry) -> DepthwiseCorrelation {
        let w = geometry.window
        return DepthwiseCorrelation(
            inputChannels: geometry.outputChannels, inputHeight: w.outputHeight, inputWidth: w.outputWidth,
            outputChannels: geometry.channels, outputHeight: w.inputHeight, outputWidth: w.inputWidth,
            sourcesPerOutput: geometry.depthMultiplier, outputsPerInput: 1,
            rows: AxisMapping(kernelLength: w.windowHeight, stride: w.strideHeight, padBefore: w.padTop,
                              inputLength: w.outputHeight, isTransposed: true),
            columns: AxisMapping(kernelLength: w.windowWidth, stride: w.strideWidth, padBefore: w.padLeft,
                                 inputLength: w.outputWidth, isTransposed: true),
            kernelWidth: w.windowWidth, kernelArea: geometry.kernelArea)
    }

    /// Output columns between the pixels of a tile.
    var tileSpacing: Int { columns.isTransposed ? columns.stride : 1 }
    /// Input columns between the first taps of neighbouring tile pixels.
    var tileInputStep: Int { columns.isTransposed ? 1 : columns.stride }

    /// `output[k][o][y][x] = bias[o] + Σ_sources Σ_taps weight · input` (bias `nil` = 0), clamped to
    /// `outputRange`, for `chunkCount` chunks.
    func run(input: UnsafePointer<Float>, weights: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
             output: UnsafeMutablePointer<Float>, chunkCount: Int, outputRange: ClosedRange<Float>) {
        let lanes = LaneLayout.laneCount
        let inputPlane = inputHeight * inputWidth * lanes, outputPlane = outputHeight * outputWidth * lanes
        // The tap runs of every output row and the column tiles, worked out once per call.
        withUnsafeTemporaryAllocation(of: TapRun.self, capacity: outputHeight) { rowBuffer in
            withUnsafeTemporaryAllocation(of: ColumnTile.self, capacity: outputWidth) { tileBuffer in
                guard let rowRuns = rowBuffer.baseAddress, let tiles = tileBuffer.baseAddress else { return }
                for y in 0..<outputHeight { (rowRuns + y).initialize(to: rows.run(output: y)) }
                let tileCount = columnTiles(into: tiles)
                for k in 0..<chunkCount {
                    for o in 0..<outputChannels {
                        let firstSource = k * inputChannels + (o / outputsPerInput) * sourcesPerOutput
                        let plane = DepthwisePlane(
                            shape: self, input: input + firstSource * inputPlane,
                            weights: weights + o * sourcesPerOutput * kernelArea, bias: bias?[o] ?? 0,
                            output: output + (k * outputChannels + o) * outputPlane, rowRuns: rowRuns,
                            lower: outputRange.lowerBound, upper: outputRange.upperBound)
                        for index in 0..<tileCount {
                            DepthwiseTile(plane: plane, columns: tiles[index]).run(blockSize: tiles[index].pixelCount)
                        }
                    }
                }
            }
        }
    }

    /// Writes the column tiles of an output row into `tiles` (at most `outputWidth`) and returns their number.
    private func columnTiles(into tiles: UnsafeMutablePointer<ColumnTile>) -> Int {
        let spacing = tileSpacing, step = tileInputStep
        var count = 0
        func emit(first: Int, pixels: Int, run: TapRun) {
            var done = 0
            while done < pixels {
                let size = min(pixels - done, 4)
                let tileRun = TapRun(firstTap: run.firstTap, count: run.count, firstInput: run.firstInput + done * step)
                (tiles + count).initialize(to: ColumnTile(firstColumn: first + done * spacing, pixelCount: size,
                                                          columnRun: tileRun))
                count += 1
                done += size
            }
        }
        for residue in 0..<min(spacing, outputWidth) {
            var first = residue, pixels = 1, run = columns.run(output: residue)
            var x = residue + spacing
            while x < outputWidth {
                let next = columns.run(output: x)
                if next.count == run.count, next.firstTap == run.firstTap,
                   next.firstInput == run.firstInput + pixels * step {
                    pixels += 1
                } else {
                    emit(first: first, pixels: pixels, run: run)
                    (first, pixels, run) = (x, 1, next)
                }
                x += spacing
            }
            emit(first: first, pixels: pixels, run: run)
        }
        return count
    }
}

/// Up to 4 output columns of a row, `tileSpacing` apart, that read the same column taps.
private struct ColumnTile {
    /// The first column.
    let firstColumn: Int
    /// Columns in the tile, 1 to 4.
    let pixelCount: Int
    /// The column taps of the first column (the others read input columns `tileInputStep` further each).
    let columnRun: TapRun
}

/// One output channel plane of one chunk.
private struct DepthwisePlane {
    let shape: DepthwiseCorrelation
    /// The first source channel's plane.
    let input: UnsafePointer<Float>
    /// The first source's weight plane.
    let weights: UnsafePointer<Float>
    let bias: Float
    let output: UnsafeMutablePointer<Float>
    /// `shape.rows.run(output: y)` for every output row y.
    let rowRuns: UnsafePointer<TapRun>
    /// The clamp applied in the store.
    let lower: Float, upper: Float
}

/// One column tile of 1 to 4 pixels down every output row of a plane: the pixels of a row sum the same taps of
/// their own input columns.
private struct DepthwiseTile: BlockSizedOperation {
    let plane: DepthwisePlane
    let columns: ColumnTile

    @inline(__always)
    func run<Pixels: BlockSize>(_ pixels: Pixels.Type) {
        for y in 0..<plane.shape.outputHeight { row(y, Pixels.self) }
    }

    @inline(__always)
    private func row<Pixels: BlockSize>(_ y: Int, _ pixels: Pixels.Type) {
        let lanes = LaneLayout.laneCount
        let shape = plane.shape
        let rowRun = plane.rowRuns[y], columnRun = columns.columnRun
        let pixelStep = shape.tileInputStep * lanes
        let inputRowLength = shape.inputWidth * lanes, inputPlane = shape.inputHeight * inputRowLength
        let weightRowStep = shape.rows.tapStep * shape.kernelWidth, weightColumnStep = shape.columns.tapStep
        var a0 = Lanes(repeating: plane.bias), a1 = a0, a2 = a0, a3 = a0
        var sourceWeights = plane.weights + rowRun.firstTap * shape.kernelWidth + columnRun.firstTap
        var sourceInput = plane.input + (rowRun.firstInput * shape.inputWidth + columnRun.firstInput) * lanes
        for _ in 0..<shape.sourcesPerOutput {
            var rowWeights = sourceWeights, rowInput = sourceInput
            for _ in 0..<rowRun.count {
                var weight = rowWeights, value = rowInput
                for _ in 0..<columnRun.count {
                    // One broadcast weight shared by the tile's pixels.
                    let scalar = weight.pointee
                    a0 = a0.addingProduct(loadLanes(value), scalar)
                    if Pixels.count > 1 { a1 = a1.addingProduct(loadLanes(value + pixelStep), scalar) }
                    if Pixels.count > 2 { a2 = a2.addingProduct(loadLanes(value + 2 * pixelStep), scalar) }
                    if Pixels.count > 3 { a3 = a3.addingProduct(loadLanes(value + 3 * pixelStep), scalar) }
                    weight += weightColumnStep
                    value += lanes
                }
                rowWeights += weightRowStep
                rowInput += inputRowLength
            }
            sourceWeights += shape.kernelArea
            sourceInput += inputPlane
        }
        let target = plane.output + (y * shape.outputWidth + columns.firstColumn) * lanes
        let outputStep = shape.tileSpacing * lanes
        store(a0, to: target)
        if Pixels.count > 1 { store(a1, to: target + outputStep) }
        if Pixels.count > 2 { store(a2, to: target + 2 * outputStep) }
        if Pixels.count > 3 { store(a3, to: target + 3 * outputStep) }
    }

    @inline(__always)
    private func store(_ value: Lanes, to pointer: UnsafeMutablePointer<Float>) {
        let raised = value.replacing(with: plane.lower, where: value .< plane.lower)
        storeLanes(raised.replacing(with: plane.upper, where: raised .> plane.upper), to: pointer)
    }
}
