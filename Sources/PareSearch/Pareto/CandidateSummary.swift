// One point of a study: a model (and, in sweeps, its training settings) with its seeds aggregated.

import PareTraining

/// A candidate's trainings aggregated over seeds: what reports, fronts and plots show.
public struct CandidateSummary: Hashable, Sendable {
    /// Family (searches) or sweep point name.
    public var family: String
    /// Hidden widths.
    public var widths: [Int]
    /// Canonical `.pare` text.
    public var pare: String
    /// Sweep settings of this point (`lr`, `batch-size`, …); empty for searches.
    public var labels: [String: String]
    /// Parameters (Keras view).
    public var params: Int
    /// Multiply-adds per example.
    public var macs: Int
    /// torchinfo's estimated total bytes.
    public var bytes: Int
    /// The seeds trained, ascending.
    public var seeds: [UInt64]
    /// Validation accuracy per seed (in `seeds` order).
    public var validationAccuracies: [Double]
    /// Test accuracy per seed where measured.
    public var testAccuracies: [Double]
    /// Training seconds per seed.
    public var seconds: [Double]
    /// Status of each seed's training.
    public var statuses: [TrainingStatus]

    /// Groups `entries` into one summary per (model, labels), in first-appearance order.
    public static func summarize(_ entries: [JournalEntry]) -> [CandidateSummary] {
        var order: [String] = []
        var groups: [String: [JournalEntry]] = [:]
        for entry in entries {
            let id = entry.pare + "\u{0}" + entry.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            if groups[id] == nil { order.append(id) }
            groups[id, default: []].append(entry)
        }
        return order.map { id in
            let group = groups[id]!.sorted { $0.seedIndex < $1.seedIndex }
            let first = group[0]
            return CandidateSummary(
                family: first.family, widths: first.widths, pare: first.pare, labels: first.labels,
                params: first.params, macs: first.macs, bytes: first.bytes,
                seeds: group.map(\.seed),
                validationAccuracies: group.map(\.outcome.countedAccuracy),
                testAccuracies: group.compactMap(\.outcome.testAccuracy),
                seconds: group.map(\.outcome.seconds),
                statuses: group.map(\.outcome.status))
        }
    }

    /// Mean validation accuracy over the seeds.
    public var validationMean: Double { Self.mean(validationAccuracies) }
    /// Sample standard deviation of validation accuracy (0 for one seed).
    public var validationSpread: Double { Self.standardDeviation(validationAccuracies) }
    /// Mean test accuracy (`nil` if never measured).
    public var testMean: Double? { testAccuracies.isEmpty ? nil : Self.mean(testAccuracies) }
    /// Sample standard deviation of test accuracy.
    public var testSpread: Double { Self.standardDeviation(testAccuracies) }
    /// Mean training seconds per seed.
    public var secondsMean: Double { Self.mean(seconds) }

    /// True when at least one of its trainings produced a model (not all diverged or failed).
    public var producedModel: Bool { statuses.contains { $0 == .completed || $0 == .stoppedEarly } }

    /// The size on `measure`.
    public func size(_ measure: Measure) -> Int {
        switch measure {
        case .params: params
        case .macs: macs
        case .bytes: bytes
        }
    }

    static func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }

    static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let average = mean(values)
        return (values.reduce(0) { $0 + ($1 - average) * ($1 - average) } / Double(values.count - 1)).squareRoot()
    }
}
