// Fast depthwise 2-D convolution forward and input gradient in the lane layout: twins of
// `depthwiseConv2DForwardReference` and `depthwiseConv2DInputGradientReference` (same signatures), both running
// `DepthwiseCorrelation`. The input gradient walks each kernel backwards over the output gradient, clipped at
// the borders; strides > 1 skip the taps no output reached (no zero-dilated copies).
//
// Shapes: input `[chunkCount][C][H][W][16]`, output `[chunkCount][C·m][H'][W'][16]`, kernel `[C·m][kh][kw]`,
// bias `[C·m]`.

/// `output[k][o][oy][ox] = bias[o] + Σ_{ky,kx} kernel[o][ky][kx] · input[k][o / m][oy·sh − padTop + ky][ox·sw − padLeft + kx]`,
/// taps outside the input counting as zero, then clamped to `outputRange` (`0...∞` fuses a ReLU, `0...6` a ReLU6;
/// the default changes nothing).
func depthwiseConv2DForward(input: UnsafePointer<Float>, kernel: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                            output: UnsafeMutablePointer<Float>, geometry: DepthwiseGeometry, chunkCount: Int,
                            outputRange: ClosedRange<Float> = -Float.infinity...Float.infinity) {
    DepthwiseCorrelation.forward(geometry).run(input: input, weights: kernel, bias: bias, output: output,
                                               chunkCount: chunkCount, outputRange: outputRange)
}

/// Overwrites `inputGradient[k][c][iy][ix] = Σ_{o = c·m + j; oy,ox : tap (ky,kx) lands on (iy,ix)} kernel[o][ky][kx] · outputGradient[k][o][oy][ox]`.
func depthwiseConv2DInputGradient(outputGradient: UnsafePointer<Float>, kernel: UnsafePointer<Float>,
                                  inputGradient: UnsafeMutablePointer<Float>, geometry: DepthwiseGeometry,
                                  chunkCount: Int) {
    DepthwiseCorrelation.inputGradient(geometry).run(input: outputGradient, weights: kernel, bias: nil,
                                                     output: inputGradient, chunkCount: chunkCount,
                                                     outputRange: -Float.infinity...Float.infinity)
}
