// Fast optimizer updates and the gradient sum: twins of OptimizerReference.swift and GradientSumReference.swift
// (same signatures). Each is element-wise, so eight elements per SIMD8 step with the reference's operations in
// the reference's order (Swift never fuses `a * b + c`) give the reference's bits; the last `count % 8`
// elements go through the reference itself. Square roots use `correctlyRoundedSquareRoot` (SquareRoot.swift),
// which has the scalar square root's bits. Loops are written out: passing the step as a closure left a call
// per vector in the optimised code.
//
// Legend: p = parameter, g = gradient, i = element index, count = elements in the slice (all pointers point at
// its first element).

/// Eight floats at `pointer`.
@inline(__always)
private func load8(_ pointer: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
}

/// Stores eight floats at `pointer`.
@inline(__always)
private func store8(_ value: SIMD8<Float>, _ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD8<Float>.self)
}

/// SGD. Without momentum (`velocity == nil`): `p -= lr · g`. With momentum μ:
/// `v = μ · v − lr · g`, then `p += v`, or with Nesterov `p += μ · v − lr · g`.
func sgdUpdate(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>,
               velocity: UnsafeMutablePointer<Float>?, count: Int, learningRate: Float, momentum: Float,
               nesterov: Bool) {
    let handled = count - count % 8
    var i = 0
    if let velocity {
        while i < handled {
            let g = load8(gradients + i), p = load8(parameters + i)
            let v = load8(velocity + i) * momentum - g * learningRate
            store8(v, velocity + i)
            store8(nesterov ? p + (v * momentum - g * learningRate) : p + v, parameters + i)
            i += 8
        }
    } else {
        while i < handled {
            store8(load8(parameters + i) - load8(gradients + i) * learningRate, parameters + i)
            i += 8
        }
    }
    sgdUpdateReference(parameters: parameters + handled, gradients: gradients + handled,
                       velocity: velocity.map { $0 + handled }, count: count - handled, learningRate: learningRate,
                       momentum: momentum, nesterov: nesterov)
}

/// Adam in Keras's form: `m += (g − m)(1 − β1)`, `v += (g² − v)(1 − β2)`, `p −= m · α / (√v + ε)` with
/// `α = lr · √(1 − β2^t) / (1 − β1^t)` computed by the caller.
func adamUpdate(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>,
                firstMoment: UnsafeMutablePointer<Float>, secondMoment: UnsafeMutablePointer<Float>,
                count: Int, alpha: Float, beta1: Float, beta2: Float, epsilon: Float) {
    let handled = count - count % 8
    var i = 0
    while i < handled {
        let g = load8(gradients + i)
        var m = load8(firstMoment + i), v = load8(secondMoment + i)
        m += (g - m) * (1 - beta1)
        v += (g * g - v) * (1 - beta2)
        store8(m, firstMoment + i)
        store8(v, secondMoment + i)
        store8(load8(parameters + i) - m * alpha / (correctlyRoundedSquareRoot(v) + epsilon), parameters + i)
        i += 8
    }
    adamUpdateReference(parameters: parameters + handled, gradients: gradients + handled,
                        firstMoment: firstMoment + handled, secondMoment: secondMoment + handled,
                        count: count - handled, alpha: alpha, beta1: beta1, beta2: beta2, epsilon: epsilon)
}

/// RMSprop in Keras's form: `v = ρ · v + (1 − ρ) · g²`, `Δ = lr · g / √(v + ε)`, then `p −= Δ`, or with
/// momentum μ (`momentumBuffer != nil`) `b = μ · b + Δ`, `p −= b`.
func rmspropUpdate(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>,
                   meanSquare: UnsafeMutablePointer<Float>, momentumBuffer: UnsafeMutablePointer<Float>?,
                   count: Int, learningRate: Float, rho: Float, momentum: Float, epsilon: Float) {
    let handled = count - count % 8
    var i = 0
    while i < handled {
        let g = load8(gradients + i)
        let square = rho * load8(meanSquare + i) + (1 - rho) * (g * g)
        store8(square, meanSquare + i)
        let increment = learningRate * g / correctlyRoundedSquareRoot(square + epsilon)
        if let momentumBuffer {
            let buffer = momentum * load8(momentumBuffer + i) + increment
            store8(buffer, momentumBuffer + i)
            store8(load8(parameters + i) - buffer, parameters + i)
        } else {
            store8(load8(parameters + i) - increment, parameters + i)
        }
        i += 8
    }
    rmspropUpdateReference(parameters: parameters + handled, gradients: gradients + handled,
                           meanSquare: meanSquare + handled, momentumBuffer: momentumBuffer.map { $0 + handled },
                           count: count - handled, learningRate: learningRate, rho: rho, momentum: momentum,
                           epsilon: epsilon)
}

/// Adadelta in Keras's form: `A = ρ · A + (1 − ρ) · g²`, `Δ = −√(D + ε) · g / √(A + ε)`,
/// `D = ρ · D + (1 − ρ) · Δ²`, `p += lr · Δ`.
func adadeltaUpdate(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>,
                    accumulatedGradient: UnsafeMutablePointer<Float>, accumulatedDelta: UnsafeMutablePointer<Float>,
                    count: Int, learningRate: Float, rho: Float, epsilon: Float) {
    let handled = count - count % 8
    var i = 0
    while i < handled {
        let g = load8(gradients + i)
        let squares = rho * load8(accumulatedGradient + i) + (1 - rho) * (g * g)
        store8(squares, accumulatedGradient + i)
        let deltas = load8(accumulatedDelta + i)
        let delta = -(correctlyRoundedSquareRoot(deltas + epsilon) * g) / correctlyRoundedSquareRoot(squares + epsilon)
        store8(rho * deltas + (1 - rho) * (delta * delta), accumulatedDelta + i)
        store8(load8(parameters + i) + learningRate * delta, parameters + i)
        i += 8
    }
    adadeltaUpdateReference(parameters: parameters + handled, gradients: gradients + handled,
                            accumulatedGradient: accumulatedGradient + handled,
                            accumulatedDelta: accumulatedDelta + handled, count: count - handled,
                            learningRate: learningRate, rho: rho, epsilon: epsilon)
}

/// For each index in `range`: `vectors[0][index] = ((v0 + v1) + v2) + …` over `vectorCount` vectors laid out
/// `stride` floats apart.
func sumGradientVectors(vectors: UnsafeMutablePointer<Float>, stride: Int, vectorCount: Int, range: Range<Int>) {
    let first = vectors + range.lowerBound
    let handled = range.count - range.count % 8
    var i = 0
    while i < handled {
        var sum = load8(first + i)
        for vector in 1..<max(vectorCount, 1) {
            sum += load8(first + vector * stride + i)
        }
        store8(sum, first + i)
        i += 8
    }
    sumGradientVectorsReference(vectors: vectors, stride: stride, vectorCount: vectorCount,
                                range: (range.lowerBound + handled)..<range.upperBound)
}
