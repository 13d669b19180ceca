// Fast 2-D convolution forward and input gradient in the lane layout: twins of `conv2DForwardReference` and
// `conv2DInputGradientReference` (same signatures), both running the register-blocked `LaneCorrelation`.
// The input gradient is the full correlation of the output gradient with the transposed kernel walked
// backwards, clipped at the borders; strides > 1 skip the taps no output reached (no zero-dilated copies).
//
// Shapes: input `[chunkCount][C][H][W][16]`, output `[chunkCount][F][H'][W'][16]`, kernel `[F][C][kh][kw]`,
// bias `[F]`.

/// `output[k][f][oy][ox] = bias[f] + Σ_{c,ky,kx} kernel[f][c][ky][kx] · input[k][c][oy·sh − padTop + ky][ox·sw − padLeft + kx]`,
/// taps outside the input counting as zero; with `rectifies`, `max(·, 0)` is fused into the store (a ReLU).
func conv2DForward(input: UnsafePointer<Float>, kernel: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                   output: UnsafeMutablePointer<Float>, geometry: ConvolutionGeometry, chunkCount: Int,
                   rectifies: Bool = false) {
    LaneCorrelation.forward(geometry).run(input: input, weights: kernel, bias: bias, output: output,
                                          chunkCount: chunkCount, rectifies: rectifies)
}

/// Overwrites `inputGradient[k][c][iy][ix] = Σ_{f,oy,ox : tap (ky,kx) lands on (iy,ix)} kernel[f][c][ky][kx] · outputGradient[k][f][oy][ox]`.
func conv2DInputGradient(outputGradient: UnsafePointer<Float>, kernel: UnsafePointer<Float>,
                         inputGradient: UnsafeMutablePointer<Float>, geometry: ConvolutionGeometry, chunkCount: Int) {
    LaneCorrelation.inputGradient(geometry).run(input: outputGradient, weights: kernel, bias: nil,
                                                output: inputGradient, chunkCount: chunkCount, rectifies: false)
}
