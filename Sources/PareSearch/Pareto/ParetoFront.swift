// Non-dominated points: nothing else is both at least as good on one axis and better on the other.

/// Pareto fronts over candidate summaries.
public enum ParetoFront {
    /// The candidates not dominated on (smaller `measure`, higher mean validation accuracy), smallest first.
    public static func sizeVersusAccuracy(_ summaries: [CandidateSummary], measure: Measure) -> [CandidateSummary] {
        front(summaries) { Double($0.size(measure)) } better: { $0.validationMean }
    }

    /// The candidates not dominated on (fewer mean training seconds, higher mean validation accuracy),
    /// fastest first — the time-versus-accuracy trade-off.
    public static func timeVersusAccuracy(_ summaries: [CandidateSummary]) -> [CandidateSummary] {
        front(summaries) { $0.secondsMean } better: { $0.validationMean }
    }

    /// Points where no other point has `cost ≤` and `gain ≥` with one of them strict, by increasing cost.
    /// Candidates whose every training diverged or failed are no models and stay off the front.
    static func front(_ points: [CandidateSummary], cost: (CandidateSummary) -> Double,
                      better gain: (CandidateSummary) -> Double) -> [CandidateSummary] {
        let sorted = points.filter(\.producedModel).sorted { (cost($0), -gain($0), $0.pare) < (cost($1), -gain($1), $1.pare) }
        var front: [CandidateSummary] = []
        var bestGain = -Double.infinity
        for point in sorted where gain(point) > bestGain {
            front.append(point)
            bestGain = gain(point)
        }
        return front
    }
}
