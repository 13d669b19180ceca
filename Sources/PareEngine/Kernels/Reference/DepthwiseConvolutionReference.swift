// Reference depthwise 2-D convolution in the lane layout: direct loops with a bounds test per tap, SIMD16 across
// the 16 samples of a chunk. Fast twins keep these signatures (Kernels/DepthwiseConvolution.swift).
//
// Legend: k = chunk, c = input channel, o = output channel (c = o / m, m = depth multiplier), oy/ox = output
// row/column, ky/kx = kernel row/column, iy/ix = input row/column; `lanes` = 16.
// Shapes: input `[chunkCount][C][H][W][16]`, output `[chunkCount][C·m][H'][W'][16]`, kernel `[C·m][kh][kw]`
// (the layer's `[C, m, kh, kw]`), bias `[C·m]`.

/// `output[k][o][oy][ox] = bias[o] + Σ_{ky,kx} kernel[o][ky][kx] · input[k][o / m][oy·sh − padTop + ky][ox·sw − padLeft + kx]`,
/// taps outside the input counting as zero.
func depthwiseConv2DForwardReference(input: UnsafePointer<Float>, kernel: UnsafePointer<Float>,
                                     bias: UnsafePointer<Float>?, output: UnsafeMutablePointer<Float>,
                                     geometry: DepthwiseGeometry, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    let w = geometry.window
    for k in 0..<chunkCount {
        for o in 0..<geometry.outputChannels {
            let x = input + (k * geometry.inputFeatures + (o / geometry.depthMultiplier) * w.inputPlaneSize) * lanes
            let y = output + (k * geometry.outputFeatures + o * w.outputPlaneSize) * lanes
            for oy in 0..<w.outputHeight {
                for ox in 0..<w.outputWidth {
                    var sum = Lanes(repeating: bias?[o] ?? 0)
                    for ky in 0..<w.windowHeight {
                        let iy = oy * w.strideHeight - w.padTop + ky
                        guard iy >= 0 && iy < w.inputHeight else { continue }
                        for kx in 0..<w.windowWidth {
                            let ix = ox * w.strideWidth - w.padLeft + kx
                            guard ix >= 0 && ix < w.inputWidth else { continue }
                            sum = sum.addingProduct(loadLanes(x + (iy * w.inputWidth + ix) * lanes),
                                                    kernel[(o * w.windowHeight + ky) * w.windowWidth + kx])
                        }
                    }
                    storeLanes(sum, to: y + (oy * w.outputWidth + ox) * lanes)
                }
            }
        }
    }
}

/// Overwrites `kernelGradient[o][ky][kx] = Σ_{k,oy,ox,lanes} outputGradient[k][o][oy][ox] · input[k][o / m][iy][ix]`
/// and `biasGradient[o] = Σ_{k,oy,ox,lanes} outputGradient[k][o][oy][ox]` (when non-nil).
func depthwiseConv2DParameterGradientsReference(input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
                                                kernelGradient: UnsafeMutablePointer<Float>,
                                                biasGradient: UnsafeMutablePointer<Float>?,
                                                geometry: DepthwiseGeometry, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    let w = geometry.window
    for o in 0..<geometry.outputChannels {
        for ky in 0..<w.windowHeight {
            for kx in 0..<w.windowWidth {
                var sum = Lanes(repeating: 0)
                for k in 0..<chunkCount {
                    let x = input + (k * geometry.inputFeatures + (o / geometry.depthMultiplier) * w.inputPlaneSize) * lanes
                    let dy = outputGradient + (k * geometry.outputFeatures + o * w.outputPlaneSize) * lanes
                    for oy in 0..<w.outputHeight {
                        let iy = oy * w.strideHeight - w.padTop + ky
                        guard iy >= 0 && iy < w.inputHeight else { continue }
                        for ox in 0..<w.outputWidth {
                            let ix = ox * w.strideWidth - w.padLeft + kx
                            guard ix >= 0 && ix < w.inputWidth else { continue }
                            sum = sum.addingProduct(loadLanes(dy + (oy * w.outputWidth + ox) * lanes),
                                                    loadLanes(x + (iy * w.inputWidth + ix) * lanes))
                        }
                    }
                }
                kernelGradient[(o * w.windowHeight + ky) * w.windowWidth + kx] = sum.sum()
            }
        }
        if let biasGradient {
            var sum = Lanes(repeating: 0)
            for k in 0..<chunkCount {
                let dy = outputGradient + (k * geometry.outputFeatures + o * w.outputPlaneSize) * lanes
                for pixel in 0..<w.outputPlaneSize { sum += loadLanes(dy + pixel * lanes) }
            }
            biasGradient[o] = sum.sum()
        }
    }
}

/// Overwrites `inputGradient[k][c][iy][ix] = Σ_{o = c·m + j; oy,ox : tap (ky,kx) lands on (iy,ix)} kernel[o][ky][kx] · outputGradient[k][o][oy][ox]`.
func depthwiseConv2DInputGradientReference(outputGradient: UnsafePointer<Float>, kernel: UnsafePointer<Float>,
                                           inputGradient: UnsafeMutablePointer<Float>, geometry: DepthwiseGeometry,
                                           chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    let w = geometry.window
    inputGradient.update(repeating: 0, count: chunkCount * geometry.inputFeatures * lanes)
    for k in 0..<chunkCount {
        for o in 0..<geometry.outputChannels {
            let dx = inputGradient + (k * geometry.inputFeatures + (o / geometry.depthMultiplier) * w.inputPlaneSize) * lanes
            let dy = outputGradient + (k * geometry.outputFeatures + o * w.outputPlaneSize) * lanes
            for oy in 0..<w.outputHeight {
                for ox in 0..<w.outputWidth {
                    let gradient = loadLanes(dy + (oy * w.outputWidth + ox) * lanes)
                    for ky in 0..<w.windowHeight {
                        let iy = oy * w.strideHeight - w.padTop + ky
                        guard iy >= 0 && iy < w.inputHeight else { continue }
                        for kx in 0..<w.windowWidth {
                            let ix = ox * w.strideWidth - w.padLeft + kx
                            guard ix >= 0 && ix < w.inputWidth else { continue }
                            let target = dx + (iy * w.inputWidth + ix) * lanes
                            storeLanes(loadLanes(target).addingProduct(gradient, kernel[(o * w.windowHeight + ky) * w.windowWidth + kx]),
                                       to: target)
                        }
                    }
                }
            }
        }
    }
}
