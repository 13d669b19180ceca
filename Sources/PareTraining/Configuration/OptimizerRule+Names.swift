// The command-line names of the optimizers.

import PareEngine

extension OptimizerRule {
    /// The names `--optimizer` accepts.
    public static let names = ["sgd", "adam", "rmsprop", "adadelta"]

    /// The rule with Keras 3's default hyper-parameters for `name`, or `nil` for an unknown name.
    public static func named(_ name: String, momentum: Float = 0, nesterov: Bool = false) -> OptimizerRule? {
        switch name {
        case "sgd": .sgd(momentum: momentum, nesterov: nesterov)
        case "adam": .adam()
        case "rmsprop": .rmsprop()
        case "adadelta": .adadelta()
        default: nil
        }
    }

    /// The rule's command-line name.
    public var name: String {
        switch self {
        case .sgd: "sgd"
        case .adam: "adam"
        case .rmsprop: "rmsprop"
        case .adadelta: "adadelta"
        }
    }
}
