// Fast fully connected kernels in the lane layout: twins of `denseForwardReference`,
// `denseParameterGradientsReference` and `denseInputGradientReference` (the same parameters, plus the GEMM
// workspace and thread count they run with). Each is one `GEMM.multiply` on lane-blocked views, so a chunk
// `[features][16]` is read in place as a packed 16-sample panel:
//
//   forward          Y[units × samples]     = W[units × in] · X[in × samples]        (+ bias preloaded into Y)
//   input gradient   dX[in × samples]       = Wᵀ[in × units] · dY[units × samples]
//   weight gradient  dW[units × in]         = dY[units × samples] · Xᵀ[samples × in]  (samples are the depth)
//
// The samples of a call (16 per chunk, padding lanes included: they hold a zero gradient, so they add nothing
// to dW) are the columns of Y, dX and the depth of dW. The weight gradient therefore has a depth of only 16–64
// for a work item's one to four chunks; GEMM packs Xᵀ once per call (a 16×16 transpose per chunk and panel)
// and keeps the packed dY strips in L1, so the 6×16 tiles still run near the FMA peak (measured in
// DenseKernelBenchmark and `pare bench`).
//
// Results equal the reference up to the order of the additions (GEMM sums the depth in blocks); the twin test
// bounds the difference.
//
// Shapes: input `[chunkCount][inputFeatures][16]`, output `[chunkCount][outputFeatures][16]`,
// kernel `[outputFeatures][inputFeatures]` (row-major), bias `[outputFeatures]`.

/// `output[k][o] = bias[o] + Σ_i kernel[o][i] · input[k][i]` for every lane (bias `nil` means no bias), on GEMM.
///
/// - Parameters:
///   - workspace: GEMM packing buffers; one call at a time per workspace.
///   - threads: threads GEMM may use (1 inside a work item); any value gives the same bits.
func denseForward(input: UnsafePointer<Float>, kernel: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                  output: UnsafeMutablePointer<Float>, geometry: DenseGeometry, chunkCount: Int,
                  workspace: GEMMWorkspace, threads: Int = 1) {
    let samples = chunkCount * LaneLayout.laneCount
    let units = geometry.outputFeatures
    if let bias {
        for chunk in 0..<chunkCount {
            let target = output + chunk * units * LaneLayout.laneCount
            for unit in 0..<units {
                storeLanes(Lanes(repeating: bias[unit]), to: target + unit * LaneLayout.laneCount)
            }
        }
    }
    GEMM.multiply(.rowMajor(UnsafeMutablePointer(mutating: kernel), rows: units, columns: geometry.inputFeatures),
                  .laneBlocked(UnsafeMutablePointer(mutating: input), features: geometry.inputFeatures, samples: samples),
                  beta: bias == nil ? 0 : 1,
                  into: .laneBlocked(output, features: units, samples: samples),
                  threads: threads, workspace: workspace)
}

/// Overwrites `kernelGradient[o][i] = Σ_k Σ_lanes outputGradient[k][o] · input[k][i]` and
/// `biasGradient[o] = Σ_k Σ_lanes outputGradient[k][o]` (when non-nil), on GEMM. Padding lanes must carry a zero
/// gradient.
func denseParameterGradients(input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
                             kernelGradient: UnsafeMutablePointer<Float>, biasGradient: UnsafeMutablePointer<Float>?,
                             geometry: DenseGeometry, chunkCount: Int, workspace: GEMMWorkspace, threads: Int = 1) {
    let samples = chunkCount * LaneLayout.laneCount
    let units = geometry.outputFeatures, inputFeatures = geometry.inputFeatures
    let inputRows = GEMMOperand.laneBlocked(UnsafeMutablePointer(mutating: input), features: inputFeatures,
                                            samples: samples)
    GEMM.multiply(.laneBlocked(UnsafeMutablePointer(mutating: outputGradient), features: units, samples: samples),
                  inputRows.transposed, beta: 0,
                  into: .rowMajor(kernelGradient, rows: units, columns: inputFeatures),
                  threads: threads, workspace: workspace)
    guard let biasGradient else { return }
    let unitStride = units * LaneLayout.laneCount
    for unit in 0..<units {
        // Chunks in order into one vector, then one horizontal sum: the reference's exact operations.
        var sum = Lanes(repeating: 0)
        var gradient = outputGradient + unit * LaneLayout.laneCount
        for _ in 0..<chunkCount {
            sum += loadLanes(gradient)
            gradient += unitStride
        }
        biasGradient[unit] = sum.sum()
    }
}

/// Overwrites `inputGradient[k][i] = Σ_o kernel[o][i] · outputGradient[k][o]` for every lane, on GEMM.
func denseInputGradient(outputGradient: UnsafePointer<Float>, kernel: UnsafePointer<Float>,
                        inputGradient: UnsafeMutablePointer<Float>, geometry: DenseGeometry, chunkCount: Int,
                        workspace: GEMMWorkspace, threads: Int = 1) {
    let samples = chunkCount * LaneLayout.laneCount
    let units = geometry.outputFeatures, inputFeatures = geometry.inputFeatures
    GEMM.multiply(GEMMOperand.rowMajor(UnsafeMutablePointer(mutating: kernel), rows: units,
                                       columns: inputFeatures).transposed,
                  .laneBlocked(UnsafeMutablePointer(mutating: outputGradient), features: units, samples: samples),
                  beta: 0,
                  into: .laneBlocked(inputGradient, features: inputFeatures, samples: samples),
                  threads: threads, workspace: workspace)
}
