// Fast activation kernels in the lane layout: twins of `activationForwardReference` and
// `activationBackwardReference` (same signatures), one SIMD16 vector (a feature of 16 samples) per step.
// Backward passes use the reference's operations in the reference's order, so they give the same bits; the
// forward sigmoid, tanh and softmax use the vectorised `exponential` (VectorMath.swift) and differ from libm by
// a few ulp.
//
// Legend: k = chunk, c = channel, pixel = position in a channel plane; `lanes` = 16.
// Shape: values and gradients `[chunkCount][C][H][W][16]`.

/// Replaces every value by `activation(value)`; softmax normalises over the channels of each pixel and lane.
func activationForward(_ activation: ActivationFunction, values: UnsafeMutablePointer<Float>, shape: SampleShape,
                       chunkCount: Int) {
    let vectorCount = chunkCount * shape.featureCount
    switch activation {
    case .linear:
        return
    case .relu:
        transformLanes(values, vectorCount: vectorCount, Rectifier())
    case .relu6:
        cappedRectifierForward(input: values, output: values, count: vectorCount * LaneLayout.laneCount, maxValue: 6)
    case .sigmoid:
        transformLanes(values, vectorCount: vectorCount, Sigmoid())
    case .tanh:
        transformLanes(values, vectorCount: vectorCount, HyperbolicTangent())
    case .softmax:
        softmaxForward(values: values, shape: shape, chunkCount: chunkCount)
    }
}

/// Multiplies `gradient` (∂loss/∂output) in place by the activation's derivative, giving ∂loss/∂pre-activation.
func activationBackward(_ activation: ActivationFunction, output: UnsafePointer<Float>,
                        gradient: UnsafeMutablePointer<Float>, shape: SampleShape, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    let vectorCount = chunkCount * shape.featureCount
    switch activation {
    case .linear:
        return
    case .relu:
        for index in 0..<vectorCount {
            let y = loadLanes(output + index * lanes), g = loadLanes(gradient + index * lanes)
            storeLanes(g.replacing(with: 0, where: .!(y .> 0)), to: gradient + index * lanes)
        }
    case .relu6:
        cappedRectifierBackward(output: output, outputGradient: gradient, inputGradient: gradient,
                      count: vectorCount * lanes, maxValue: 6)
    case .sigmoid:
        for index in 0..<vectorCount {
            let y = loadLanes(output + index * lanes), g = loadLanes(gradient + index * lanes)
            storeLanes(g * (y * (1 - y)), to: gradient + index * lanes)
        }
    case .tanh:
        for index in 0..<vectorCount {
            let y = loadLanes(output + index * lanes), g = loadLanes(gradient + index * lanes)
            storeLanes(g * (1 - y * y), to: gradient + index * lanes)
        }
    case .softmax:
        softmaxBackward(output: output, gradient: gradient, shape: shape, chunkCount: chunkCount)
    }
}

/// An element-wise function on lane vectors. Kernels take it as a generic parameter rather than a closure:
/// specialisation always inlines it, where a closure was left as a call per vector.
protocol LaneTransform {
    /// The function on 16 lanes.
    func callAsFunction(_ value: Lanes) -> Lanes
}

/// `max(x, 0)`.
private struct Rectifier: LaneTransform {
    @inline(__always) func callAsFunction(_ value: Lanes) -> Lanes { value.replacing(with: 0, where: value .< 0) }
}

/// `1 / (1 + e^−x)`.
private struct Sigmoid: LaneTransform {
    @inline(__always) func callAsFunction(_ value: Lanes) -> Lanes { logisticSigmoid(value) }
}

/// `tanh(x)`.
private struct HyperbolicTangent: LaneTransform {
    @inline(__always) func callAsFunction(_ value: Lanes) -> Lanes { hyperbolicTangent(value) }
}

/// `values[i] = transform(values[i])` for `vectorCount` consecutive lane vectors.
@inline(__always)
private func transformLanes<Transform: LaneTransform>(_ values: UnsafeMutablePointer<Float>, vectorCount: Int,
                                                      _ transform: Transform) {
    let lanes = LaneLayout.laneCount
    for index in 0..<vectorCount {
        storeLanes(transform(loadLanes(values + index * lanes)), to: values + index * lanes)
    }
}

/// Softmax over channels, stabilised by subtracting the per-pixel maximum.
private func softmaxForward(values: UnsafeMutablePointer<Float>, shape: SampleShape, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    let stride = shape.planeSize * lanes
    for k in 0..<chunkCount {
        for pixel in 0..<shape.planeSize {
            let first = values + k * shape.featureCount * lanes + pixel * lanes
            var maximum = Lanes(repeating: -.infinity)
            for c in 0..<shape.channels {
                let value = loadLanes(first + c * stride)
                maximum.replace(with: value, where: value .> maximum)
            }
            var sum = Lanes()
            for c in 0..<shape.channels {
                let exponent = exponential(loadLanes(first + c * stride) - maximum)
                storeLanes(exponent, to: first + c * stride)
                sum += exponent
            }
            for c in 0..<shape.channels {
                storeLanes(loadLanes(first + c * stride) / sum, to: first + c * stride)
            }
        }
    }
}

/// Softmax Jacobian-vector product: `gradient_c ← y_c · (gradient_c − Σ_j gradient_j · y_j)`.
private func softmaxBackward(output: UnsafePointer<Float>, gradient: UnsafeMutablePointer<Float>, shape: SampleShape,
                             chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    let stride = shape.planeSize * lanes
    for k in 0..<chunkCount {
        for pixel in 0..<shape.planeSize {
            let offset = k * shape.featureCount * lanes + pixel * lanes
            var dot = Lanes()
            for c in 0..<shape.channels {
                dot += loadLanes(gradient + offset + c * stride) * loadLanes(output + offset + c * stride)
            }
            for c in 0..<shape.channels {
                let y = loadLanes(output + offset + c * stride)
                storeLanes(y * (loadLanes(gradient + offset + c * stride) - dot), to: gradient + offset + c * stride)
            }
        }
    }
}
