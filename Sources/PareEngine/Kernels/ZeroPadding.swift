// Zero padding around each channel plane in the lane layout: forward copies every input row into the interior
// of a larger plane and zeroes the border; backward copies the interior of the output gradient back out.
// Whole rows move with one memcpy-like copy each; there is no arithmetic, so no reference twin.
//
// Legend: k = chunk, c = channel, y = input row; `lanes` = 16.
// Shapes: input `[chunkCount][C][H][W][16]`, output `[chunkCount][C][top + H + bottom][left + W + right][16]`.

/// The sizes of a zero padding: a `[C][H][W]` input and the rows and columns added around each plane.
struct ZeroPaddingGeometry: Hashable, Sendable {
    let channels: Int, inputHeight: Int, inputWidth: Int
    let top: Int, bottom: Int, left: Int, right: Int

    var outputHeight: Int { top + inputHeight + bottom }
    var outputWidth: Int { left + inputWidth + right }
    var inputFeatures: Int { channels * inputHeight * inputWidth }
    var outputFeatures: Int { channels * outputHeight * outputWidth }
}

/// `output[k][c][top + y][left + x] = input[k][c][y][x]`, every other output element zero.
func zeroPaddingForward(input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
                        geometry g: ZeroPaddingGeometry, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    let inputRow = g.inputWidth * lanes, outputRow = g.outputWidth * lanes
    for k in 0..<chunkCount {
        for c in 0..<g.channels {
            let plane = (k * g.channels + c)
            var source = input + plane * g.inputHeight * inputRow
            var target = output + plane * g.outputHeight * outputRow
            target.update(repeating: 0, count: g.top * outputRow)
            target += g.top * outputRow
            for _ in 0..<g.inputHeight {
                target.update(repeating: 0, count: g.left * lanes)
                (target + g.left * lanes).update(from: source, count: inputRow)
                (target + g.left * lanes + inputRow).update(repeating: 0, count: g.right * lanes)
                source += inputRow
                target += outputRow
            }
            target.update(repeating: 0, count: g.bottom * outputRow)
        }
    }
}

/// `inputGradient[k][c][y][x] = outputGradient[k][c][top + y][left + x]` (the border's gradient is dropped).
func zeroPaddingBackward(outputGradient: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>,
                         geometry g: ZeroPaddingGeometry, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    let inputRow = g.inputWidth * lanes, outputRow = g.outputWidth * lanes
    for k in 0..<chunkCount {
        for c in 0..<g.channels {
            let plane = (k * g.channels + c)
            var source = outputGradient + plane * g.outputHeight * outputRow + g.top * outputRow + g.left * lanes
            var target = inputGradient + plane * g.inputHeight * inputRow
            for _ in 0..<g.inputHeight {
                target.update(from: source, count: inputRow)
                source += outputRow
                target += inputRow
            }
        }
    }
}
