// Reference 2-D convolution (cross-correlation, as Keras and PyTorch compute it) in the lane layout: direct
// loops with a bounds test per tap, SIMD16 across the 16 samples of a chunk. Fast twins keep these signatures.
//
// Legend: k = chunk, f = filter (output channel), c = input channel, oy/ox = output row/column,
// ky/kx = kernel row/column, iy/ix = input row/column; `lanes` = 16.
// Shapes: input `[chunkCount][C][H][W][16]`, output `[chunkCount][F][H'][W'][16]`,
// kernel `[F][C][kh][kw]` (OIHW), bias `[F]`.

/// `output[k][f][oy][ox] = bias[f] + Σ_{c,ky,kx} kernel[f][c][ky][kx] · input[k][c][oy·sh − padTop + ky][ox·sw − padLeft + kx]`,
/// taps outside the input counting as zero.
func conv2DForwardReference(input: UnsafePointer<Float>, kernel: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                            output: UnsafeMutablePointer<Float>, geometry: ConvolutionGeometry, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    let w = geometry.window
    for k in 0..<chunkCount {
        let x = input + k * geometry.inputFeatures * lanes
        let y = output + k * geometry.outputFeatures * lanes
        for f in 0..<geometry.outputChannels {
            for oy in 0..<w.outputHeight {
                for ox in 0..<w.outputWidth {
                    var sum = Lanes(repeating: bias?[f] ?? 0)
                    for c in 0..<geometry.inputChannels {
                        for ky in 0..<w.windowHeight {
                            let iy = oy * w.strideHeight - w.padTop + ky
                            guard iy >= 0 && iy < w.inputHeight else { continue }
                            for kx in 0..<w.windowWidth {
                                let ix = ox * w.strideWidth - w.padLeft + kx
                                guard ix >= 0 && ix < w.inputWidth else { continue }
                                let weight = kernel[((f * geometry.inputChannels + c) * w.windowHeight + ky)
                                                    * w.windowWidth + kx]
                                sum = sum.addingProduct(loadLanes(x + ((c * w.inputHeight + iy) * w.inputWidth + ix) * lanes),
                                                        weight)
                            }
                        }
                    }
                    storeLanes(sum, to: y + ((f * w.outputHeight + oy) * w.outputWidth + ox) * lanes)
                }
            }
        }
    }
}

/// Overwrites `kernelGradient[f][c][ky][kx] = Σ_{k,oy,ox,lanes} outputGradient[k][f][oy][ox] · input[k][c][iy][ix]`
/// and `biasGradient[f] = Σ_{k,oy,ox,lanes} outputGradient[k][f][oy][ox]` (when non-nil).
func conv2DParameterGradientsReference(input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
                                       kernelGradient: UnsafeMutablePointer<Float>,
                                       biasGradient: UnsafeMutablePointer<Float>?,
                                       geometry: ConvolutionGeometry, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    let w = geometry.window
    for f in 0..<geometry.outputChannels {
        for c in 0..<geometry.inputChannels {
            for ky in 0..<w.windowHeight {
                for kx in 0..<w.windowWidth {
                    var sum = Lanes(repeating: 0)
                    for k in 0..<chunkCount {
                        let x = input + k * geometry.inputFeatures * lanes
                        let dy = outputGradient + k * geometry.outputFeatures * lanes
                        for oy in 0..<w.outputHeight {
                            let iy = oy * w.strideHeight - w.padTop + ky
                            guard iy >= 0 && iy < w.inputHeight else { continue }
                            for ox in 0..<w.outputWidth {
                                let ix = ox * w.strideWidth - w.padLeft + kx
                                guard ix >= 0 && ix < w.inputWidth else { continue }
                                sum = sum.addingProduct(
                                    loadLanes(dy + ((f * w.outputHeight + oy) * w.outputWidth + ox) * lanes),
                                    loadLanes(x + ((c * w.inputHeight + iy) * w.inputWidth + ix) * lanes))
                            }
                        }
                    }
                    kernelGradient[((f * geometry.inputChannels + c) * w.windowHeight + ky) * w.windowWidth + kx]
                        = sum.sum()
                }
            }
        }
        if let biasGradient {
            var sum = Lanes(repeating: 0)
            for k in 0..<chunkCount {
                let dy = outputGradient + (k * geometry.outputFeatures + f * w.outputPlaneSize) * lanes
                for pixel in 0..<w.outputPlaneSize {
                    sum += loadLanes(dy + pixel * lanes)
                }
            }
            biasGradient[f] = sum.sum()
        }
    }
}

/// Overwrites `inputGradient[k][c][iy][ix] = Σ_{f,oy,ox : tap (ky,kx) lands on (iy,ix)} kernel[f][c][ky][kx] · outputGradient[k][f][oy][ox]`.
func conv2DInputGradientReference(outputGradient: UnsafePointer<Float>, kernel: UnsafePointer<Float>,
                                  inputGradient: UnsafeMutablePointer<Float>, geometry: ConvolutionGeometry,
                                  chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    let w = geometry.window
    inputGradient.update(repeating: 0, count: chunkCount * geometry.inputFeatures * lanes)
    for k in 0..<chunkCount {
        let dx = inputGradient + k * geometry.inputFeatures * lanes
        let dy = outputGradient + k * geometry.outputFeatures * lanes
        for f in 0..<geometry.outputChannels {
            for oy in 0..<w.outputHeight {
                for ox in 0..<w.outputWidth {
                    let gradient = loadLanes(dy + ((f * w.outputHeight + oy) * w.outputWidth + ox) * lanes)
                    for c in 0..<geometry.inputChannels {
                        for ky in 0..<w.windowHeight {
                            let iy = oy * w.strideHeight - w.padTop + ky
                            guard iy >= 0 && iy < w.inputHeight else { continue }
                            for kx in 0..<w.windowWidth {
                                let ix = ox * w.strideWidth - w.padLeft + kx
                                guard ix >= 0 && ix < w.inputWidth else { continue }
                                let weight = kernel[((f * geometry.inputChannels + c) * w.windowHeight + ky)
                                                    * w.windowWidth + kx]
                                let target = dx + ((c * w.inputHeight + iy) * w.inputWidth + ix) * lanes
                                storeLanes(loadLanes(target).addingProduct(gradient, weight), to: target)
                            }
                        }
                    }
                }
            }
        }
    }
}
