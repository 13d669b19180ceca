// The default multi-fidelity slack, measured on learning curves of small MNIST models.

extension StopRule {
    /// The default shortfall allowed below the target after epochs 1, 2, 3, 4 and later (see `StopRule`).
    /// Provisional until calibrated from measured learning curves (the README's search calibration).
    public static let calibratedSlack: [Double] = [0.15, 0.08, 0.05, 0.035, 0.025]
}
