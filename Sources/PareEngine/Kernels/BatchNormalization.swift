// Fast batch-normalisation kernels in the lane layout: twins of BatchNormalizationReference.swift (same
// signatures). Per-channel sums run as SIMD16 vectors across the 16 samples of a chunk — two Float accumulators
// per channel plane, padding lanes masked to zero — and each plane's 16 lane sums are added in Double, where the
// reference adds every element in Double. So statistics and parameter gradients agree with the reference to
// about (plane size / 2) · 2^−24 relative; the affine map is element-wise with the reference's operations and
// gives its bits.
//
// Legend: k = chunk, c = channel, pixel = position in a channel plane; `lanes` = 16.
// Shapes: data `[chunkCount][C][H][W][16]`; per-channel vectors `[C]`.

/// Writes the mean and the biased variance (divide by N) of each channel in `channels`, over the first
/// `validSamples` samples (N = validSamples · H · W). Padding lanes are ignored.
func batchNormStatistics(input: UnsafePointer<Float>, shape: SampleShape, chunkCount: Int, validSamples: Int,
                         channels: Range<Int>, mean: UnsafeMutablePointer<Float>,
                         variance: UnsafeMutablePointer<Float>) {
    let count = Double(min(validSamples, chunkCount * LaneLayout.laneCount) * shape.planeSize)
    for c in channels {
        let channelMean = sumOverChannel(c, shape: shape, chunkCount: chunkCount, validSamples: validSamples,
                                         Value(values: input)) / count
        let meanValue = Float(channelMean)
        let squares = sumOverChannel(c, shape: shape, chunkCount: chunkCount, validSamples: validSamples,
                                     SquaredDeviation(values: input, mean: meanValue))
        mean[c] = meanValue
        variance[c] = Float(squares / count)
    }
}

/// `output[k][c][pixel] = input[k][c][pixel] · scale[c] + shift[c]` on every lane (shift `nil` means 0), for the
/// channels in `channels`.
func channelAffine(input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, shape: SampleShape,
                   chunkCount: Int, channels: Range<Int>, scale: UnsafePointer<Float>, shift: UnsafePointer<Float>?) {
    let lanes = LaneLayout.laneCount
    for k in 0..<chunkCount {
        for c in channels {
            let offset = (k * shape.channels + c) * shape.planeSize * lanes
            let channelScale = scale[c], channelShift = shift?[c] ?? 0
            for pixel in 0..<shape.planeSize {
                let index = offset + pixel * lanes
                storeLanes(loadLanes(input + index) * channelScale + channelShift, to: output + index)
            }
        }
    }
}

/// The training backward of `y = γ · x̂ + β`, `x̂ = (x − μ) · invStd`, with batch statistics μ and invStd:
/// `gammaGradient[c] = Σ dy · x̂`, `betaGradient[c] = Σ dy` (sums over real lanes), and
/// `inputGradient = γ · invStd · (dy − Σdy / N − x̂ · Σ(dy · x̂) / N)` on real lanes, exactly 0 on padding lanes.
func batchNormBackward(input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
                       inputGradient: UnsafeMutablePointer<Float>?, shape: SampleShape, chunkCount: Int,
                       validSamples: Int, channels: Range<Int>, mean: UnsafePointer<Float>,
                       inverseStandardDeviation: UnsafePointer<Float>, gamma: UnsafePointer<Float>,
                       gammaGradient: UnsafeMutablePointer<Float>?, betaGradient: UnsafeMutablePointer<Float>?) {
    let lanes = LaneLayout.laneCount
    let count = Double(min(validSamples, chunkCount * lanes) * shape.planeSize)
    for c in channels {
        let channelMean = mean[c], invStd = inverseStandardDeviation[c]
        let gradientSum = sumOverChannel(c, shape: shape, chunkCount: chunkCount, validSamples: validSamples,
                                         Value(values: outputGradient))
        let weightedSum = sumOverChannel(c, shape: shape, chunkCount: chunkCount, validSamples: validSamples,
                                         NormalizedProduct(gradient: outputGradient, input: input, mean: channelMean,
                                                           inverseStandardDeviation: invStd))
        gammaGradient?[c] = Float(weightedSum)
        betaGradient?[c] = Float(gradientSum)
        guard let inputGradient else { continue }
        let meanGradient = Float(gradientSum / count), meanWeighted = Float(weightedSum / count)
        let factor = gamma[c] * invStd
        for k in 0..<chunkCount {
            let isReal = realLanes(chunk: k, validSamples: validSamples)
            let offset = (k * shape.channels + c) * shape.planeSize * lanes
            for pixel in 0..<shape.planeSize {
                let index = offset + pixel * lanes
                let normalized = (loadLanes(input + index) - channelMean) * invStd
                let gradient = factor * (loadLanes(outputGradient + index) - meanGradient - normalized * meanWeighted)
                storeLanes(Lanes().replacing(with: gradient, where: isReal), to: inputGradient + index)
            }
        }
    }
}

/// The lanes of chunk `chunk` that hold real samples.
@inline(__always)
private func realLanes(chunk: Int, validSamples: Int) -> SIMDMask<SIMD16<Int32>> {
    let laneIndices = SIMD16<Int32>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
    return laneIndices .< Int32(LaneLayout.validLanes(chunk: chunk, batchSize: validSamples))
}

/// The term a channel sum adds for the 16 lanes starting at an index (a generic parameter, so it is inlined).
private protocol ChannelTerm {
    func callAsFunction(_ index: Int) -> Lanes
}

/// `values[index]`.
private struct Value: ChannelTerm {
    let values: UnsafePointer<Float>
    @inline(__always) func callAsFunction(_ index: Int) -> Lanes { loadLanes(values + index) }
}

/// `(values[index] − mean)²`.
private struct SquaredDeviation: ChannelTerm {
    let values: UnsafePointer<Float>
    let mean: Float
    @inline(__always) func callAsFunction(_ index: Int) -> Lanes {
        let deviation = loadLanes(values + index) - mean
        return deviation * deviation
    }
}

/// `gradient[index] · (input[index] − mean) · invStd`: the output gradient times the normalised input.
private struct NormalizedProduct: ChannelTerm {
    let gradient: UnsafePointer<Float>, input: UnsafePointer<Float>
    let mean: Float, inverseStandardDeviation: Float
    @inline(__always) func callAsFunction(_ index: Int) -> Lanes {
        loadLanes(gradient + index) * ((loadLanes(input + index) - mean) * inverseStandardDeviation)
    }
}

/// Σ over the real lanes of every pixel of channel `channel` in every chunk of `term(index)` (the index of the
/// pixel's first lane): Float vector sums per plane, added lane by lane in Double.
@inline(__always)
private func sumOverChannel<Term: ChannelTerm>(_ channel: Int, shape: SampleShape, chunkCount: Int, validSamples: Int,
                                               _ term: Term) -> Double {
    let lanes = LaneLayout.laneCount
    var total = 0.0
    for k in 0..<chunkCount {
        let offset = (k * shape.channels + channel) * shape.planeSize * lanes
        var sums = (Lanes(), Lanes())
        var pixel = 0
        while pixel + 1 < shape.planeSize {
            sums.0 += term(offset + pixel * lanes)
            sums.1 += term(offset + (pixel + 1) * lanes)
            pixel += 2
        }
        if pixel < shape.planeSize { sums.0 += term(offset + pixel * lanes) }
        let planeSum = (sums.0 + sums.1).replacing(with: 0, where: .!realLanes(chunk: k, validSamples: validSamples))
        for lane in 0..<lanes { total += Double(planeSum[lane]) }
    }
    return total
}
