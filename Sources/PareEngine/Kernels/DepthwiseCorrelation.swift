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
// tile has the same taps; border pixels whose taps differ run one at a time.
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
        withUnsafeTemporaryAllocation(of: TapRun.self, capacity: outputWidth) { buffer in
            guard let columnRuns = buffer.baseAddress else { return }
            for x in 0..<outputWidth { (columnRuns + x).initialize(to: columns.run(output: x)) }
            for k in 0..<chunkCount {
                for o in 0..<outputChannels {
                    let firstSource = k * inputChannels + (o / outputsPerInput) * sourcesPerOutput
                    DepthwisePlane(shape: self, input: input + firstSource * inputPlane,
                                   weights: weights + o * sourcesPerOutput * kernelArea, bias: bias?[o] ?? 0,
                                   output: output + (k * outputChannels + o) * outputPlane, columnRuns: columnRuns,
                                   lower: outputRange.lowerBound, upper: outputRange.upperBound)
                        .run()
                }
            }
        }
    }
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
    /// `shape.columns.run(output: x)` for every output column x.
    let columnRuns: UnsafePointer<TapRun>
    /// The clamp applied in the store.
    let lower: Float, upper: Float

    @inline(__always)
    func run() {
        let lanes = LaneLayout.laneCount
        let spacing = shape.tileSpacing, width = shape.outputWidth
        for y in 0..<shape.outputHeight {
            let rowRun = shape.rows.run(output: y)
            let rowOutput = output + y * width * lanes
            for first in 0..<min(spacing, width) {
                var x = first
                while x < width {
                    if x + 3 * spacing < width, tiles(from: x) {
                        tile(x, rowRun: rowRun, output: rowOutput)
                        x += 4 * spacing
                    } else {
                        pixel(x, rowRun: rowRun, output: rowOutput)
                        x += spacing
                    }
                }
            }
        }
    }

    /// True when pixels x, x + s, x + 2s, x + 3s (s = the tile spacing) read the same taps at input columns
    /// `tileInputStep` apart.
    @inline(__always)
    private func tiles(from x: Int) -> Bool {
        let spacing = shape.tileSpacing, step = shape.tileInputStep
        let run = columnRuns[x]
        for index in 1...3 {
            let other = columnRuns[x + index * spacing]
            guard other.count == run.count, other.firstTap == run.firstTap,
                  other.firstInput == run.firstInput + index * step else { return false }
        }
        return true
    }

    /// Four pixels x, x + s, x + 2s, x + 3s of one output row.
    @inline(__always)
    private func tile(_ x: Int, rowRun: TapRun, output rowOutput: UnsafeMutablePointer<Float>) {
        let lanes = LaneLayout.laneCount
        let columnRun = columnRuns[x]
        let pixelStep = shape.tileInputStep * lanes
        let inputRowLength = shape.inputWidth * lanes, inputPlane = shape.inputHeight * inputRowLength
        let weightRowStep = shape.rows.tapStep * shape.kernelWidth, weightColumnStep = shape.columns.tapStep
        var a0 = Lanes(repeating: bias), a1 = a0, a2 = a0, a3 = a0
        var sourceWeights = weights + rowRun.firstTap * shape.kernelWidth + columnRun.firstTap
        var sourceInput = input + (rowRun.firstInput * shape.inputWidth + columnRun.firstInput) * lanes
        for _ in 0..<shape.sourcesPerOutput {
            var rowWeights = sourceWeights, rowInput = sourceInput
            for _ in 0..<rowRun.count {
                var weight = rowWeights, value = rowInput
                for _ in 0..<columnRun.count {
                    let scalar = weight.pointee
                    a0 = a0.addingProduct(loadLanes(value), scalar)
                    a1 = a1.addingProduct(loadLanes(value + pixelStep), scalar)
                    a2 = a2.addingProduct(loadLanes(value + 2 * pixelStep), scalar)
                    a3 = a3.addingProduct(loadLanes(value + 3 * pixelStep), scalar)
                    weight += weightColumnStep
                    value += lanes
                }
                rowWeights += weightRowStep
                rowInput += inputRowLength
            }
            sourceWeights += shape.kernelArea
            sourceInput += inputPlane
        }
        let target = rowOutput + x * lanes, outputStep = shape.tileSpacing * lanes
        store(a0, to: target)
        store(a1, to: target + outputStep)
        store(a2, to: target + 2 * outputStep)
        store(a3, to: target + 3 * outputStep)
    }

    /// One pixel x of one output row.
    @inline(__always)
    private func pixel(_ x: Int, rowRun: TapRun, output rowOutput: UnsafeMutablePointer<Float>) {
        let lanes = LaneLayout.laneCount
        let columnRun = columnRuns[x]
        let inputRowLength = shape.inputWidth * lanes, inputPlane = shape.inputHeight * inputRowLength
        let weightRowStep = shape.rows.tapStep * shape.kernelWidth, weightColumnStep = shape.columns.tapStep
        var a0 = Lanes(repeating: bias)
        var sourceWeights = weights + rowRun.firstTap * shape.kernelWidth + columnRun.firstTap
        var sourceInput = input + (rowRun.firstInput * shape.inputWidth + columnRun.firstInput) * lanes
        for _ in 0..<shape.sourcesPerOutput {
            var rowWeights = sourceWeights, rowInput = sourceInput
            for _ in 0..<rowRun.count {
                var weight = rowWeights, value = rowInput
                for _ in 0..<columnRun.count {
                    a0 = a0.addingProduct(loadLanes(value), weight.pointee)
                    weight += weightColumnStep
                    value += lanes
                }
                rowWeights += weightRowStep
                rowInput += inputRowLength
            }
            sourceWeights += shape.kernelArea
            sourceInput += inputPlane
        }
        store(a0, to: rowOutput + x * lanes)
    }

    @inline(__always)
    private func store(_ value: Lanes, to pointer: UnsafeMutablePointer<Float>) {
        let raised = value.replacing(with: lower, where: value .< lower)
        storeLanes(raised.replacing(with: upper, where: raised .> upper), to: pointer)
    }
}
