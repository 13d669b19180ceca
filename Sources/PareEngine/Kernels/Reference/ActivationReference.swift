// Reference activation kernels in the lane layout, in place: forward on values, backward on gradients using
// the forward *output* (every supported derivative is a function of the output).
//
// Legend: k = chunk, c = channel, pixel = position in a channel plane; `lanes` = 16.
// Shape: values and gradients `[chunkCount][C][H][W][16]`.

import Foundation

/// Replaces every value by `activation(value)`; softmax normalises over the channels of each pixel and lane.
func activationForwardReference(_ activation: ActivationFunction, values: UnsafeMutablePointer<Float>,
                                shape: SampleShape, chunkCount: Int) {
    let count = chunkCount * shape.featureCount * LaneLayout.laneCount
    switch activation {
    case .linear:
        return
    case .relu:
        for index in 0..<count { values[index] = max(values[index], 0) }
    case .relu6:
        cappedRectifierForwardReference(input: values, output: values, count: count, maxValue: 6)
    case .sigmoid:
        for index in 0..<count { values[index] = 1 / (1 + exp(-values[index])) }
    case .tanh:
        for index in 0..<count { values[index] = Foundation.tanh(values[index]) }
    case .softmax:
        softmaxForwardReference(values: values, shape: shape, chunkCount: chunkCount)
    }
}

/// Multiplies `gradient` (∂loss/∂output) in place by the activation's derivative, giving ∂loss/∂pre-activation.
func activationBackwardReference(_ activation: ActivationFunction, output: UnsafePointer<Float>,
                                 gradient: UnsafeMutablePointer<Float>, shape: SampleShape, chunkCount: Int) {
    let count = chunkCount * shape.featureCount * LaneLayout.laneCount
    switch activation {
    case .linear:
        return
    case .relu:
        for index in 0..<count where !(output[index] > 0) { gradient[index] = 0 }
    case .relu6:
        cappedRectifierBackwardReference(output: output, outputGradient: gradient, inputGradient: gradient, count: count,
                               maxValue: 6)
    case .sigmoid:
        for index in 0..<count { gradient[index] *= output[index] * (1 - output[index]) }
    case .tanh:
        for index in 0..<count { gradient[index] *= 1 - output[index] * output[index] }
    case .softmax:
        softmaxBackwardReference(output: output, gradient: gradient, shape: shape, chunkCount: chunkCount)
    }
}

/// Softmax over channels, stabilised by subtracting the per-pixel maximum.
private func softmaxForwardReference(values: UnsafeMutablePointer<Float>, shape: SampleShape, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    let stride = shape.planeSize * lanes
    for k in 0..<chunkCount {
        for pixel in 0..<shape.planeSize {
            for lane in 0..<lanes {
                let first = values + k * shape.featureCount * lanes + pixel * lanes + lane
                var maximum = -Float.infinity
                for c in 0..<shape.channels { maximum = max(maximum, first[c * stride]) }
                var sum: Float = 0
                for c in 0..<shape.channels {
                    first[c * stride] = exp(first[c * stride] - maximum)
                    sum += first[c * stride]
                }
                for c in 0..<shape.channels { first[c * stride] /= sum }
            }
        }
    }
}

/// Softmax Jacobian-vector product: `gradient_c ← y_c · (gradient_c − Σ_j gradient_j · y_j)`.
private func softmaxBackwardReference(output: UnsafePointer<Float>, gradient: UnsafeMutablePointer<Float>,
                                      shape: SampleShape, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    let stride = shape.planeSize * lanes
    for k in 0..<chunkCount {
        for pixel in 0..<shape.planeSize {
            for lane in 0..<lanes {
                let offset = k * shape.featureCount * lanes + pixel * lanes + lane
                var dot: Float = 0
                for c in 0..<shape.channels { dot += gradient[offset + c * stride] * output[offset + c * stride] }
                for c in 0..<shape.channels {
                    gradient[offset + c * stride] = output[offset + c * stride] * (gradient[offset + c * stride] - dot)
                }
            }
        }
    }
}
