// The ways `pare search` derives smaller candidates from a base model.

import PareModel

/// A transformation `pare search` may apply to the base model (`--moves`).
public enum SearchMove: String, Hashable, Sendable, Codable, CaseIterable {
    /// Scale the hidden widths, all together and then one layer at a time (NetAdapt-style).
    case width
    /// Put a 2x2 max pooling on the input (28x28 → 14x14), as the Qiita study did.
    case inputPool = "input-pool"
    /// Add a conv–conv–pool stage before Flatten so the Flatten → Dense bottleneck shrinks.
    case convStage = "conv-stage"
    /// Remove the hidden Dense layer nearest the output.
    case dropDense = "drop-dense"
    /// Replace Flatten by global average pooling.
    case gap
    /// Depthwise-separable convolutions (depthwise + pointwise) instead of full ones.
    case separable

    /// The structural moves (all but `width`), in the order families are named.
    public static let structural: [SearchMove] = [.inputPool, .convStage, .dropDense, .gap, .separable]

    /// The model after this structural move, or `nil` where the move does not apply.
    /// (`width` is not structural: see `ModelSpec.hiddenWidths`.)
    public func apply(to spec: ModelSpec) -> ModelSpec? {
        switch self {
        case .width: nil
        case .inputPool: spec.withInputPooling()
        case .convStage: spec.withConvStage()
        case .dropDense: spec.droppingLastHiddenDense()
        case .gap: spec.withGlobalAveragePooling()
        case .separable: spec.withSeparableConvolutions()
        }
    }
}
