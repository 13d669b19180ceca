// Which update rule an optimizer applies, with Keras 3's hyper-parameters and defaults, and how they differ
// from PyTorch's.

/// An optimizer's update rule and hyper-parameters; defaults are Keras 3's.
///
/// Formulas (Keras 3, keras/src/optimizers/*.py; p = parameter, g = gradient, t = 1-based step):
///
/// | rule | Keras 3 update | Keras defaults | PyTorch defaults | PyTorch formula differences |
/// |---|---|---|---|---|
/// | SGD | `v = μv − lr·g; p += v` (Nesterov: `p += μv − lr·g`) | lr 0.01, μ 0 | lr 1e-3 (required before 2.2), μ 0 | `b = μb + g; p −= lr·b` (Nesterov `p −= lr(g + μb)`): same for a constant lr, but Keras's velocity keeps the old lr when a schedule changes it |
/// | Adam | `m += (g−m)(1−β1); v += (g²−v)(1−β2); p −= m·α/(√v + ε)`, `α = lr·√(1−β2ᵗ)/(1−β1ᵗ)` | lr 1e-3, β1 0.9, β2 0.999, ε 1e-7 | lr 1e-3, betas (0.9, 0.999), ε 1e-8 | `p −= lr·m̂/(√v̂ + ε)` with bias-corrected m̂, v̂: ε is added *after* correction, so Keras's ε acts like PyTorch's ε·√(1−β2ᵗ) |
/// | RMSprop | `v = ρv + (1−ρ)g²; p −= lr·g/√(v + ε)` (momentum: `b = μb + Δ; p −= b`) | lr 1e-3, ρ 0.9, μ 0, ε 1e-7 | lr 1e-2, alpha (= ρ) 0.99, μ 0, ε 1e-8 | ε outside the root: `p −= lr·g/(√v + ε)` |
/// | Adadelta | `A = ρA + (1−ρ)g²; Δ = −√(D+ε)·g/√(A+ε); D = ρD + (1−ρ)Δ²; p += lr·Δ` | lr 1e-3 (Keras 2.2-era standalone Keras: 1.0; use `--lr 1.0`), ρ 0.95, ε 1e-7 | lr 1.0, ρ 0.9, ε 1e-6 | same formula |
///
/// Not supported: weight decay, gradient clipping, AMSGrad, centred RMSprop.
public enum OptimizerRule: Hashable, Sendable, Codable {
    /// Stochastic gradient descent with optional (Nesterov) momentum.
    case sgd(momentum: Float = 0, nesterov: Bool = false)
    /// Adam.
    case adam(beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7)
    /// RMSprop (uncentred), with optional momentum.
    case rmsprop(rho: Float = 0.9, momentum: Float = 0, epsilon: Float = 1e-7)
    /// Adadelta.
    case adadelta(rho: Float = 0.95, epsilon: Float = 1e-7)

    /// Throws when a hyper-parameter is outside the range Keras accepts or the formulas need: momentum in
    /// `[0, 1]`, β1, β2 and ρ in `[0, 1)`, ε positive.
    public func validate() throws(EngineError) {
        func require(_ condition: Bool, _ name: String, _ requirement: String, _ value: Float) throws(EngineError) {
            guard condition else { throw .invalidValue(name: name, requirement: requirement, found: "\(value)") }
        }
        switch self {
        case .sgd(let momentum, _):
            try require(momentum >= 0 && momentum <= 1, "SGD momentum", "in [0, 1]", momentum)
        case .adam(let beta1, let beta2, let epsilon):
            try require(beta1 >= 0 && beta1 < 1, "Adam beta1", "in [0, 1)", beta1)
            try require(beta2 >= 0 && beta2 < 1, "Adam beta2", "in [0, 1)", beta2)
            try require(epsilon > 0, "Adam epsilon", "positive", epsilon)
        case .rmsprop(let rho, let momentum, let epsilon):
            try require(rho >= 0 && rho < 1, "RMSprop rho", "in [0, 1)", rho)
            try require(momentum >= 0 && momentum <= 1, "RMSprop momentum", "in [0, 1]", momentum)
            try require(epsilon > 0, "RMSprop epsilon", "positive", epsilon)
        case .adadelta(let rho, let epsilon):
            try require(rho >= 0 && rho < 1, "Adadelta rho", "in [0, 1)", rho)
            try require(epsilon > 0, "Adadelta epsilon", "positive", epsilon)
        }
    }

    /// Keras 3's default learning rate: SGD 0.01, Adam 0.001, RMSprop 0.001, Adadelta 0.001.
    public var kerasDefaultLearningRate: Float {
        switch self {
        case .sgd: return 0.01
        case .adam, .rmsprop, .adadelta: return 0.001
        }
    }

    /// How many vectors of the parameter vector's length the rule keeps (SGD 0 or 1, Adam 2, RMSprop 1 or 2,
    /// Adadelta 2).
    public var stateVectorCount: Int {
        switch self {
        case .sgd(let momentum, _): return momentum != 0 ? 1 : 0
        case .adam: return 2
        case .rmsprop(_, let momentum, _): return momentum > 0 ? 2 : 1
        case .adadelta: return 2
        }
    }
}
