// Reference fully connected kernels in the lane layout: plain loops, one output feature at a time, SIMD16
// across the 16 samples of a chunk. A fast GEMM-based twin will keep these signatures.
//
// Legend: k = chunk, o = output feature, i = input feature; `lanes` = 16.
// Shapes: input `[chunkCount][inputFeatures][16]`, output `[chunkCount][outputFeatures][16]`,
// kernel `[outputFeatures][inputFeatures]` (row-major), bias `[outputFeatures]`.

/// `output[k][o] = bias[o] + Σ_i kernel[o][i] · input[k][i]` for every lane (bias `nil` means no bias).
func denseForwardReference(input: UnsafePointer<Float>, kernel: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                           output: UnsafeMutablePointer<Float>, geometry: DenseGeometry, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    let inputFeatures = geometry.inputFeatures, outputFeatures = geometry.outputFeatures
    for k in 0..<chunkCount {
        let x = input + k * inputFeatures * lanes
        let y = output + k * outputFeatures * lanes
        for o in 0..<outputFeatures {
            var sum = Lanes(repeating: bias?[o] ?? 0)
            let row = kernel + o * inputFeatures
            for i in 0..<inputFeatures {
                sum = sum.addingProduct(loadLanes(x + i * lanes), row[i])
            }
            storeLanes(sum, to: y + o * lanes)
        }
    }
}

/// Overwrites `kernelGradient[o][i] = Σ_k Σ_lanes outputGradient[k][o] · input[k][i]` and
/// `biasGradient[o] = Σ_k Σ_lanes outputGradient[k][o]` (when non-nil). Padding lanes must carry a zero gradient.
func denseParameterGradientsReference(input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
                                      kernelGradient: UnsafeMutablePointer<Float>,
                                      biasGradient: UnsafeMutablePointer<Float>?,
                                      geometry: DenseGeometry, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    let inputFeatures = geometry.inputFeatures, outputFeatures = geometry.outputFeatures
    for o in 0..<outputFeatures {
        for i in 0..<inputFeatures {
            var sum = Lanes(repeating: 0)
            for k in 0..<chunkCount {
                sum = sum.addingProduct(loadLanes(outputGradient + (k * outputFeatures + o) * lanes),
                                        loadLanes(input + (k * inputFeatures + i) * lanes))
            }
            kernelGradient[o * inputFeatures + i] = sum.sum()
        }
        if let biasGradient {
            var sum = Lanes(repeating: 0)
            for k in 0..<chunkCount {
                sum += loadLanes(outputGradient + (k * outputFeatures + o) * lanes)
            }
            biasGradient[o] = sum.sum()
        }
    }
}

/// Overwrites `inputGradient[k][i] = Σ_o kernel[o][i] · outputGradient[k][o]` for every lane.
func denseInputGradientReference(outputGradient: UnsafePointer<Float>, kernel: UnsafePointer<Float>,
                                 inputGradient: UnsafeMutablePointer<Float>, geometry: DenseGeometry,
                                 chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    let inputFeatures = geometry.inputFeatures, outputFeatures = geometry.outputFeatures
    for k in 0..<chunkCount {
        let dy = outputGradient + k * outputFeatures * lanes
        let dx = inputGradient + k * inputFeatures * lanes
        for i in 0..<inputFeatures {
            var sum = Lanes(repeating: 0)
            for o in 0..<outputFeatures {
                sum = sum.addingProduct(loadLanes(dy + o * lanes), kernel[o * inputFeatures + i])
            }
            storeLanes(sum, to: dx + i * lanes)
        }
    }
}
