// The register-blocked direct correlation behind the fast convolution forward and input gradient: batch in
// the SIMD lanes (SWIFT_PERF §6), a tile of up to 6 output channels × 1 output pixel held in SIMD16
// accumulators (12 ymm registers), one input vector loaded per tap and reused by every channel of the tile,
// weights broadcast from memory, bias and ReLU fused into the store.
//
// The input gradient is the same loop run on the output gradient with the kernel transposed (channels swapped
// by strides) and walked backwards (`AxisMapping.isTransposed`), so one kernel serves both directions, every
// stride and both padding modes: taps outside the input are clipped per output pixel, never read.
//
// Legend: k = chunk, y/x = output row/column, a0…a5 = the tile's accumulators (output channels firstChannel + 0…5);
// `lanes` = 16.
// Shapes: input `[chunkCount][inputChannels][inputHeight][inputWidth][16]`,
// output `[chunkCount][outputChannels][outputHeight][outputWidth][16]`; weight (o, i, tapRow, tapColumn) at
// `weights[o·outputChannelStride + i·inputChannelStride + tapRow·tapRowStride + tapColumn·tapColumnStride]`.

/// The sizes, tap arithmetic and weight strides of one correlation.
struct LaneCorrelation: Hashable, Sendable {
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
    /// Tap arithmetic along rows.
    let rows: AxisMapping
    /// Tap arithmetic along columns.
    let columns: AxisMapping
    /// Weight strides for an output channel, an input channel, a tap row and a tap column.
    let outputChannelStride: Int, inputChannelStride: Int, tapRowStride: Int, tapColumnStride: Int

    /// The forward convolution: input `[C][H][W]` → output `[F][H'][W']`, kernel `[F][C][kh][kw]`.
    static func forward(_ geometry: ConvolutionGeometry) -> LaneCorrelation {
        let w = geometry.window
        return LaneCorrelation(
            inputChannels: geometry.inputChannels, inputHeight: w.inputHeight, inputWidth: w.inputWidth,
            outputChannels: geometry.outputChannels, outputHeight: w.outputHeight, outputWidth: w.outputWidth,
            rows: AxisMapping(kernelLength: w.windowHeight, stride: w.strideHeight, padBefore: w.padTop,
                              inputLength: w.inputHeight, isTransposed: false),
            columns: AxisMapping(kernelLength: w.windowWidth, stride: w.strideWidth, padBefore: w.padLeft,
                                 inputLength: w.inputWidth, isTransposed: false),
            outputChannelStride: geometry.kernelVolume, inputChannelStride: w.windowHeight * w.windowWidth,
            tapRowStride: w.windowWidth, tapColumnStride: 1)
    }

    /// The input gradient: output gradient `[F][H'][W']` → input gradient `[C][H][W]` through the transposed
    /// kernel (`W[f][c]` read as the weight from input channel f to output channel c).
    static func inputGradient(_ geometry: ConvolutionGeometry) -> LaneCorrelation {
        let w = geometry.window
        return LaneCorrelation(
            inputChannels: geometry.outputChannels, inputHeight: w.outputHeight, inputWidth: w.outputWidth,
            outputChannels: geometry.inputChannels, outputHeight: w.inputHeight, outputWidth: w.inputWidth,
            rows: AxisMapping(kernelLength: w.windowHeight, stride: w.strideHeight, padBefore: w.padTop,
                              inputLength: w.outputHeight, isTransposed: true),
            columns: AxisMapping(kernelLength: w.windowWidth, stride: w.strideWidth, padBefore: w.padLeft,
                                 inputLength: w.outputWidth, isTransposed: true),
            outputChannelStride: w.windowHeight * w.windowWidth, inputChannelStride: geometry.kernelVolume,
            tapRowStride: w.windowWidth, tapColumnStride: 1)
    }

    /// Output channels per register tile at most: 6 SIMD16 accumulators are 12 of the 16 ymm registers.
    static let maximumTileChannels = 6

    /// `output[k][o][y][x] = bias[o] + Σ_i Σ_taps weight · input` (bias `nil` = 0), then `max(·, 0)` when
    /// `rectifies`, for `chunkCount` chunks.
    func run(input: UnsafePointer<Float>, weights: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
             output: UnsafeMutablePointer<Float>, chunkCount: Int, rectifies: Bool) {
        let lanes = LaneLayout.laneCount
        let blockCount = balancedBlockCount(total: outputChannels, maximum: Self.maximumTileChannels)
        // The column taps of every output column, computed once per call: for small tiles the per-pixel
        // arithmetic (divisions by the stride when transposed) costs as much as the multiply-adds.
        withUnsafeTemporaryAllocation(of: TapRun.self, capacity: outputWidth) { buffer in
            guard let columnRuns = buffer.baseAddress else { return }
            for x in 0..<outputWidth { (columnRuns + x).initialize(to: columns.run(output: x)) }
            for k in 0..<chunkCount {
                let chunkInput = input + k * inputChannels * inputHeight * inputWidth * lanes
                let chunkOutput = output + k * outputChannels * outputHeight * outputWidth * lanes
                for block in 0..<blockCount {
                    let channels = balancedBlock(block, total: outputChannels, maximum: Self.maximumTileChannels)
                    LaneCorrelationBlock(shape: self, input: chunkInput, weights: weights, bias: bias,
                                         output: chunkOutput, columnRuns: columnRuns,
                                         firstChannel: channels.lowerBound, rectifies: rectifies)
                        .run(blockSize: channels.count)
                }
            }
        }
    }
}

/// One block of output channels of one chunk, over every output pixel.
private struct LaneCorrelationBlock: BlockSizedOperation {
    let shape: LaneCorrelation
    let input: UnsafePointer<Float>
    let weights: UnsafePointer<Float>
    let bias: UnsafePointer<Float>?
    let output: UnsafeMutablePointer<Float>
    /// `shape.columns.run(output: x)` for every output column x.
    let columnRuns: UnsafePointer<TapRun>
    let firstChannel: Int
    let rectifies: Bool

    @inline(__always)
    func run<B: BlockSize>(_ size: B.Type) {
        let lanes = LaneLayout.laneCount
        let channelStride = shape.outputChannelStride
        let outputPlane = shape.outputHeight * shape.outputWidth * lanes
        let inputRowLength = shape.inputWidth * lanes, inputPlane = shape.inputHeight * inputRowLength
        let weightRowStep = shape.rows.tapStep * shape.tapRowStride
        let weightColumnStep = shape.columns.tapStep * shape.tapColumnStride
        let blockWeights = weights + firstChannel * channelStride
        let bias0 = bias?[firstChannel] ?? 0
        let bias1 = B.count > 1 ? bias?[firstChannel + 1] ?? 0 : 0
        let bias2 = B.count > 2 ? bias?[firstChannel + 2] ?? 0 : 0
        let bias3 = B.count > 3 ? bias?[firstChannel + 3] ?? 0 : 0
        let bias4 = B.count > 4 ? bias?[firstChannel + 4] ?? 0 : 0
        let bias5 = B.count > 5 ? bias?[firstChannel + 5] ?? 0 : 0
        var target = output + firstChannel * outputPlane
        for y in 0..<shape.outputHeight {
            let rowRun = shape.rows.run(output: y)
            for x in 0..<shape.outputWidth {
                let columnRun = columnRuns[x]
                var a0 = Lanes(repeating: bias0), a1 = Lanes(repeating: bias1), a2 = Lanes(repeating: bias2)
                var a3 = Lanes(repeating: bias3), a4 = Lanes(repeating: bias4), a5 = Lanes(repeating: bias5)
                var channelWeights = blockWeights + rowRun.firstTap * shape.tapRowStride
                    + columnRun.firstTap * shape.tapColumnStride
                var channelInput = input + (rowRun.firstInput * shape.inputWidth + columnRun.firstInput) * lanes
                for _ in 0..<shape.inputChannels {
                    var rowWeights = channelWeights, rowInput = channelInput
                    for _ in 0..<rowRun.count {
                        var weight = rowWeights, value = rowInput
                        for _ in 0..<columnRun.count {
                            // One input vector, reused by every output channel of the tile.
                            let inputVector = loadLanes(value)
                            a0 = a0.addingProduct(inputVector, weight[0])
                            if B.count > 1 { a1 = a1.addingProduct(inputVector, weight[channelStride]) }
                            if B.count > 2 { a2 = a2.addingProduct(inputVector, weight[2 * channelStride]) }
                            if B.count > 3 { a3 = a3.addingProduct(inputVector, weight[3 * channelStride]) }
                            if B.count > 4 { a4 = a4.addingProduct(inputVector, weight[4 * channelStride]) }
                            if B.count > 5 { a5 = a5.addingProduct(inputVector, weight[5 * channelStride]) }
                            weight += weightColumnStep
                            value += lanes
                        }
                        rowWeights += weightRowStep
                        rowInput += inputRowLength
                    }
                    channelWeights += shape.inputChannelStride
                    channelInput += inputPlane
                }
                store(a0, to: target, rectifies: rectifies)
                if B.count > 1 { store(a1, to: target + outputPlane, rectifies: rectifies) }
                if B.count > 2 { store(a2, to: target + 2 * outputPlane, rectifies: rectifies) }
                if B.count > 3 { store(a3, to: target + 3 * outputPlane, rectifies: rectifies) }
                if B.count > 4 { store(a4, to: target + 4 * outputPlane, rectifies: rectifies) }
                if B.count > 5 { store(a5, to: target + 5 * outputPlane, rectifies: rectifies) }
                target += lanes
            }
        }
    }

    @inline(__always)
    private func store(_ value: Lanes, to pointer: UnsafeMutablePointer<Float>, rectifies: Bool) {
        storeLanes(rectifies ? value.replacing(with: 0, where: value .< 0) : value, to: pointer)
    }
}
