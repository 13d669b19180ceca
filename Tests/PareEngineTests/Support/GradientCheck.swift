// Central finite differences for a layer: compares the harness's analytic gradients with
// (L(θ + h) − L(θ − h)) / 2h, where L = Σ over real elements of projection · output, accumulated in Double.
//
// Why these tolerances hold in Float: elements not touched by a perturbation are recomputed bit-identically,
// so the Double difference L(+h) − L(−h) carries only the Float rounding of the outputs the perturbation
// reaches (≈ 6e-8 relative each). With h = 1e-2 and at most a few hundred reached outputs of magnitude ≤ ~3,
// that noise is below 1e-3 after dividing by 2h; truncation error is O(h²·L''') ≈ 1e-4 for these smooth
// functions. Each test states its tolerance as absolute + relative·|numeric|.

import PareEngine

/// What a gradient check found.
struct GradientCheckReport {
    /// One line per mismatching element (capped), empty when all agree.
    var failures: [String] = []
    /// Elements compared.
    var checked = 0
    /// Elements skipped because a perturbation crossed a kink (see `kinkPattern`).
    var skipped = 0
    /// Largest |analytic − numeric| seen.
    var worstError = 0.0
}

/// Settings of a central-difference check.
struct GradientCheck {
    var step: Float = 1e-2
    var absoluteTolerance = 1e-3
    var relativeTolerance = 1e-2
    /// Input elements compared at most (spread evenly over the real elements); all learned parameters are compared.
    var maximumInputChecks = 48

    /// Checks ∂L/∂input (real lanes; padding lanes must be exactly 0) and ∂L/∂(learned parameters).
    ///
    /// `kinkPattern`, when given, returns a fingerprint of which side of its kinks every element is on (e.g. the
    /// signs of the pre-activations of a fused ReLU); elements whose ±h perturbation changes it are skipped.
    func run(_ harness: LayerHarness, projection: LaneTensor,
             kinkPattern: ((LayerHarness) -> [Bool])? = nil) -> GradientCheckReport {
        var report = GradientCheckReport()
        let analytic = harness.gradients(outputGradient: projection)
        for index in analytic.input.paddingIndices where analytic.input.values[index] != 0 {
            report.failures.append("input gradient padding lane [\(index)] = \(analytic.input.values[index]), expected 0")
        }
        let loss = { harness.forward().dot(projection) }
        let basePattern = kinkPattern?(harness)

        func compare(_ label: String, analyticValue: Float, perturb: (Float) -> Void, original: Float) {
            let plus = original + step, minus = original - step
            perturb(plus)
            let lossPlus = loss()
            let patternPlus = kinkPattern?(harness)
            perturb(minus)
            let lossMinus = loss()
            let patternMinus = kinkPattern?(harness)
            perturb(original)
            if let basePattern, patternPlus != basePattern || patternMinus != basePattern {
                report.skipped += 1
                return
            }
            let numeric = (lossPlus - lossMinus) / Double(plus - minus)
            let error = abs(Double(analyticValue) - numeric)
            report.checked += 1
            report.worstError = max(report.worstError, error)
            if error > absoluteTolerance + relativeTolerance * abs(numeric), report.failures.count < 20 {
                report.failures.append("\(label): analytic \(analyticValue), numeric \(numeric), error \(error)")
            }
        }

        let real = harness.input.realIndices
        let strideLength = max(1, real.count / maximumInputChecks)
        for position in stride(from: 0, to: real.count, by: strideLength) {
            let index = real[position]
            let original = harness.input.values[index]
            compare("input[\(index)]", analyticValue: analytic.input.values[index],
                    perturb: { harness.input.values[index] = $0 }, original: original)
        }
        var offset = 0
        for tensor in harness.layer.parameterTensors {
            defer { offset += tensor.elementCount }
            guard tensor.role == .learned, !harness.isFrozen else { continue }
            for element in 0..<tensor.elementCount {
                let index = offset + element
                let original = harness.parameters[index]
                compare("\(tensor.name)[\(element)]", analyticValue: analytic.parameters[index],
                        perturb: { harness.parameters[index] = $0 }, original: original)
            }
        }
        return report
    }
}

/// The signs of a fused-activation layer's pre-activations, computed by its linear twin on the harness's
/// current input and parameters (the fingerprint `GradientCheck` uses to keep off ReLU kinks).
func preActivationSigns(of twin: any Layer) -> (LayerHarness) -> [Bool] {
    { harness in
        let output = LayerHarness(layer: twin, input: harness.input, parameters: harness.parameters).forward()
        return output.realIndices.map { output.values[$0] > 0 }
    }
}
