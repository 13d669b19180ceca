// Reference optimizer updates over a slice of the flat parameter vector, with Keras 3's formulas and operation
// order (keras/src/optimizers/{sgd,adam,rmsprop,adadelta}.py). Element-wise, so any split of the index range
// over threads gives the same bits.
//
// Legend: p = parameter, g = gradient, count = elements in the slice (all pointers point at its first element).

/// SGD. Without momentum (`velocity == nil`): `p -= lr · g`. With momentum μ:
/// `v = μ · v − lr · g`, then `p += v`, or with Nesterov `p += μ · v − lr · g`.
func sgdUpdateReference(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>,
                        velocity: UnsafeMutablePointer<Float>?, count: Int, learningRate: Float, momentum: Float,
                        nesterov: Bool) {
    guard let velocity else {
        for index in 0..<count { parameters[index] -= gradients[index] * learningRate }
        return
    }
    for index in 0..<count {
        velocity[index] = velocity[index] * momentum - gradients[index] * learningRate
        if nesterov {
            parameters[index] += velocity[index] * momentum - gradients[index] * learningRate
        } else {
            parameters[index] += velocity[index]
        }
    }
}

/// Adam (Kingma & Ba 2014, https://arxiv.org/abs/1412.6980) in Keras's form: `m += (g − m)(1 − β1)`,
/// `v += (g² − v)(1 − β2)`, `p −= m · α / (√v + ε)` with `α = lr · √(1 − β2^t) / (1 − β1^t)` computed by
/// the caller for step t (1-based).
func adamUpdateReference(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>,
                         firstMoment: UnsafeMutablePointer<Float>, secondMoment: UnsafeMutablePointer<Float>,
                         count: Int, alpha: Float, beta1: Float, beta2: Float, epsilon: Float) {
    for index in 0..<count {
        let gradient = gradients[index]
        firstMoment[index] += (gradient - firstMoment[index]) * (1 - beta1)
        secondMoment[index] += (gradient * gradient - secondMoment[index]) * (1 - beta2)
        parameters[index] -= firstMoment[index] * alpha / (secondMoment[index].squareRoot() + epsilon)
    }
}

/// RMSprop (Hinton 2012) in Keras's form: `v = ρ · v + (1 − ρ) · g²`, `Δ = lr · g / √(v + ε)`, then `p −= Δ`, or
/// with momentum μ (`momentumBuffer != nil`) `b = μ · b + Δ`, `p −= b`.
func rmspropUpdateReference(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>,
                            meanSquare: UnsafeMutablePointer<Float>, momentumBuffer: UnsafeMutablePointer<Float>?,
                            count: Int, learningRate: Float, rho: Float, momentum: Float, epsilon: Float) {
    for index in 0..<count {
        let gradient = gradients[index]
        meanSquare[index] = rho * meanSquare[index] + (1 - rho) * (gradient * gradient)
        let increment = learningRate * gradient / (meanSquare[index] + epsilon).squareRoot()
        if let momentumBuffer {
            momentumBuffer[index] = momentum * momentumBuffer[index] + increment
            parameters[index] -= momentumBuffer[index]
        } else {
            parameters[index] -= increment
        }
    }
}

/// Adadelta (Zeiler 2012, https://arxiv.org/abs/1212.5701) in Keras's form: `A = ρ · A + (1 − ρ) · g²`,
/// `Δ = −√(D + ε) · g / √(A + ε)`, `D = ρ · D + (1 − ρ) · Δ²`, `p += lr · Δ`.
func adadeltaUpdateReference(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>,
                             accumulatedGradient: UnsafeMutablePointer<Float>,
                             accumulatedDelta: UnsafeMutablePointer<Float>, count: Int, learningRate: Float,
                             rho: Float, epsilon: Float) {
    for index in 0..<count {
        let gradient = gradients[index]
        accumulatedGradient[index] = rho * accumulatedGradient[index] + (1 - rho) * (gradient * gradient)
        let delta = -((accumulatedDelta[index] + epsilon).squareRoot() * gradient)
            / (accumulatedGradient[index] + epsilon).squareRoot()
        accumulatedDelta[index] = rho * accumulatedDelta[index] + (1 - rho) * (delta * delta)
        parameters[index] += learningRate * delta
    }
}
