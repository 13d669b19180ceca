// What a fine-tuning report shows: the pre-training, and per K the accuracies, times and efficiency.

import PareModel
import PareSearch

/// The facts of a fine-tuning study, gathered from its journal.
public struct FineTuneReportContent: Sendable {
    /// One K: its trainings aggregated over seeds.
    public struct Row: Sendable {
        /// Top layers unfrozen.
        public var k: Int
        /// The aggregated trainings.
        public var summary: CandidateSummary
        /// Parameters training updates at this K (the unfrozen layers and the head).
        public var trainableParameters: Int
        /// Validation accuracy per second of training, per seed.
        public var efficiencies: [Double]

        /// Mean efficiency over seeds.
        public var efficiencyMean: Double { efficiencies.isEmpty ? 0 : efficiencies.reduce(0, +) / Double(efficiencies.count) }
    }

    /// `study.json`.
    public let description: StudyDescription
    /// Every journal entry of the study.
    public let entries: [JournalEntry]
    /// The pre-training, if the study pre-trained (not when it started from given weights).
    public let pretraining: JournalEntry?
    /// One row per K, by increasing K.
    public let rows: [Row]
    /// Why the run that wrote the report stopped, when known.
    public let stopReason: SearchStopReason?

    /// Gathers the content.
    public init(description: StudyDescription, entries: [JournalEntry], stopReason: SearchStopReason?) {
        self.description = description
        self.entries = entries
        self.stopReason = stopReason
        pretraining = entries.first { $0.labels["phase"] == "pretrain" }
        let fineTunings = entries.filter { $0.labels["phase"] == "fine-tune" }
        rows = CandidateSummary.summarize(fineTunings).compactMap { summary in
            guard let k = summary.labels["k"].flatMap(Int.init) else { return nil }
            let trainable = (try? ParsedModel.parse(summary.pare, path: "journal").analyze().trainableParameterCount) ?? 0
            let efficiencies = zip(summary.validationAccuracies, summary.seconds).map { $1 > 0 ? $0 / $1 : 0 }
            return Row(k: k, summary: summary, trainableParameters: trainable, efficiencies: efficiencies)
        }.sorted { $0.k < $1.k }
    }

    /// True when every planned training has a result.
    public var isComplete: Bool { Set(entries.map(\.key)).isSuperset(of: description.sweepKeys ?? []) }
}
