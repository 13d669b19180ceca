// Which optimizer a training uses and its hyper-parameters, with Keras's defaults.

/// An optimizer and its hyper-parameters. Defaults are Keras 3's; `--lr` overrides the learning rate.
///
/// | optimizer | Keras 3 defaults | PyTorch defaults |
/// |---|---|---|
/// | SGD | lr 0.01, momentum 0, nesterov false | lr 0.001, momentum 0, nesterov false |
/// | Adam | lr 0.001, β₁ 0.9, β₂ 0.999, ε 1e-7 | lr 0.001, β 0.9/0.999, ε 1e-8 |
/// | RMSprop | lr 0.001, ρ 0.9, ε 1e-7 | lr 0.01, α 0.99, ε 1e-8 |
/// | Adadelta | lr 0.001 (Keras 2: 1.0), ρ 0.95, ε 1e-7 | lr 1.0, ρ 0.9, ε 1e-6 |
public struct OptimizerSettings: Hashable, Sendable, Codable {
    /// The optimizer family.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case sgd, adam, rmsprop, adadelta
    }

    /// The optimizer family.
    public var kind: Kind
    /// The (initial) learning rate.
    public var learningRate: Double
    /// SGD momentum (0 = plain SGD).
    public var momentum: Double
    /// SGD Nesterov momentum.
    public var nesterov: Bool

    /// An optimizer with Keras 3's default hyper-parameters, optionally another learning rate.
    public init(_ kind: Kind, learningRate: Double? = nil, momentum: Double = 0, nesterov: Bool = false) {
        self.kind = kind
        self.learningRate = learningRate ?? Self.kerasDefaultLearningRate(kind)
        self.momentum = momentum
        self.nesterov = nesterov
    }

    /// Keras 3's default learning rate for `kind`.
    public static func kerasDefaultLearningRate(_ kind: Kind) -> Double {
        switch kind {
        case .sgd: 0.01
        case .adam, .rmsprop, .adadelta: 0.001
        }
    }
}
