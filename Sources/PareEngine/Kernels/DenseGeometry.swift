// The sizes a fully connected kernel needs.

/// A fully connected layer's sizes: `output[out] = Σ_in kernel[out][in] · input[in]`.
public struct DenseGeometry: Hashable, Sendable {
    /// Features per input sample.
    public let inputFeatures: Int
    /// Features per output sample (units).
    public let outputFeatures: Int

    /// Creates the geometry.
    public init(inputFeatures: Int, outputFeatures: Int) {
        precondition(inputFeatures > 0 && outputFeatures > 0,
                     "DenseGeometry: sizes must be positive, got \(inputFeatures) -> \(outputFeatures)")
        self.inputFeatures = inputFeatures
        self.outputFeatures = outputFeatures
    }
}
