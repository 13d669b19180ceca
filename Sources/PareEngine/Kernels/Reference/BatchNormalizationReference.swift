// Reference batch-normalisation kernels in the lane layout: per-channel statistics over the real lanes of
// all chunks and all pixels (Double sums, two passes), a per-channel affine map, and the training backward.
// Each kernel takes a `channels` range so a caller may split channels over threads; channels are independent,
// so any split gives the same bits.
//
// Legend: k = chunk, c = channel, pixel = position in a channel plane; `lanes` = 16.
// Shapes: data `[chunkCount][C][H][W][16]`; per-channel vectors `[C]`.

/// Writes the mean and the biased variance (divide by N) of each channel in `channels`, over the first
/// `validSamples` samples (N = validSamples · H · W). Padding lanes are ignored.
func batchNormStatisticsReference(input: UnsafePointer<Float>, shape: SampleShape, chunkCount: Int, validSamples: Int,
                                  channels: Range<Int>, mean: UnsafeMutablePointer<Float>,
                                  variance: UnsafeMutablePointer<Float>) {
    let lanes = LaneLayout.laneCount
    let count = Double(min(validSamples, chunkCount * lanes) * shape.planeSize)
    for c in channels {
        var sum = 0.0
        forEachValidElement(shape: shape, chunkCount: chunkCount, validSamples: validSamples, channel: c) { index in
            sum += Double(input[index])
        }
        let channelMean = sum / count
        var squares = 0.0
        forEachValidElement(shape: shape, chunkCount: chunkCount, validSamples: validSamples, channel: c) { index in
            let deviation = Double(input[index]) - channelMean
            squares += deviation * deviation
        }
        mean[c] = Float(channelMean)
        variance[c] = Float(squares / count)
    }
}

/// `output[k][c][pixel] = input[k][c][pixel] · scale[c] + shift[c]` on every lane (shift `nil` means 0), for the
/// channels in `channels`. With `scale = γ / √(σ² + ε)` and `shift = β − μ · scale` this is TensorFlow's
/// `batch_normalization`; with `shift = nil` it maps an output gradient to an input gradient through a
/// frozen layer.
func channelAffineReference(input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, shape: SampleShape,
                            chunkCount: Int, channels: Range<Int>, scale: UnsafePointer<Float>,
                            shift: UnsafePointer<Float>?) {
    let lanes = LaneLayout.laneCount
    for k in 0..<chunkCount {
        for c in channels {
            let offset = (k * shape.channels + c) * shape.planeSize * lanes
            let channelShift = shift?[c] ?? 0
            for index in offset..<(offset + shape.planeSize * lanes) {
                output[index] = input[index] * scale[c] + channelShift
            }
        }
    }
}

/// The training backward of `y = γ · x̂ + β`, `x̂ = (x − μ) · invStd`, with batch statistics μ and invStd:
/// `gammaGradient[c] = Σ dy · x̂`, `betaGradient[c] = Σ dy` (sums over real lanes), and
/// `inputGradient = γ · invStd · (dy − Σdy / N − x̂ · Σ(dy · x̂) / N)` on real lanes, exactly 0 on padding lanes.
func batchNormBackwardReference(input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
                                inputGradient: UnsafeMutablePointer<Float>?, shape: SampleShape, chunkCount: Int,
                                validSamples: Int, channels: Range<Int>, mean: UnsafePointer<Float>,
                                inverseStandardDeviation: UnsafePointer<Float>, gamma: UnsafePointer<Float>,
                                gammaGradient: UnsafeMutablePointer<Float>?,
                                betaGradient: UnsafeMutablePointer<Float>?) {
    let lanes = LaneLayout.laneCount
    let count = Double(min(validSamples, chunkCount * lanes) * shape.planeSize)
    for c in channels {
        let channelMean = mean[c], invStd = inverseStandardDeviation[c]
        var gradientSum = 0.0, weightedSum = 0.0
        forEachValidElement(shape: shape, chunkCount: chunkCount, validSamples: validSamples, channel: c) { index in
            let normalized = (input[index] - channelMean) * invStd
            gradientSum += Double(outputGradient[index])
            weightedSum += Double(outputGradient[index] * normalized)
        }
        gammaGradient?[c] = Float(weightedSum)
        betaGradient?[c] = Float(gradientSum)
        guard let inputGradient else { continue }
        let meanGradient = Float(gradientSum / count), meanWeighted = Float(weightedSum / count)
        let factor = gamma[c] * invStd
        for k in 0..<chunkCount {
            let valid = LaneLayout.validLanes(chunk: k, batchSize: validSamples)
            let offset = (k * shape.channels + c) * shape.planeSize * lanes
            for pixel in 0..<shape.planeSize {
                for lane in 0..<lanes {
                    let index = offset + pixel * lanes + lane
                    guard lane < valid else {
                        inputGradient[index] = 0
                        continue
                    }
                    let normalized = (input[index] - channelMean) * invStd
                    inputGradient[index] = factor * (outputGradient[index] - meanGradient - normalized * meanWeighted)
                }
            }
        }
    }
}

/// Calls `body(index)` for every element of channel `channel` in a real (non-padding) lane.
@inline(__always)
private func forEachValidElement(shape: SampleShape, chunkCount: Int, validSamples: Int, channel: Int,
                                 _ body: (Int) -> Void) {
    let lanes = LaneLayout.laneCount
    for k in 0..<chunkCount {
        let valid = LaneLayout.validLanes(chunk: k, batchSize: validSamples)
        let offset = (k * shape.channels + channel) * shape.planeSize * lanes
        for pixel in 0..<shape.planeSize {
            for lane in 0..<valid {
                body(offset + pixel * lanes + lane)
            }
        }
    }
}
