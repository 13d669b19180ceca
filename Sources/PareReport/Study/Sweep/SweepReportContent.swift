// Everything a sweep report shows, derived from study.json and the journal alone.

import PareSearch

/// A sweep study rebuilt from its description and journal: its axes, its trainings and points in grid order,
/// and how much of the grid has finished.
public struct SweepReportContent: Sendable {
    /// `study.json`.
    public let description: StudyDescription
    /// The finished trainings in grid order (as `description.sweepKeys` lists them).
    public let entries: [JournalEntry]
    /// The grid points with finished trainings, aggregated over seeds, in grid order.
    public let points: [CandidateSummary]
    /// The varied settings: model variables first, then optimizer, lr, batch-size, activation.
    public let axes: [SweepAxis]
    /// Trainings the grid consists of (points × seeds).
    public let plannedTrainings: Int
    /// Whether every training of the grid is in the journal.
    public let completion: StudyCompletion

    /// Rebuilds a sweep from `description` (of kind `.sweep`) and its journal `entries`; `stopReason` is the
    /// runner's, when known.
    public init(description: StudyDescription, entries: [JournalEntry], stopReason: SearchStopReason? = nil) {
        let keys = description.sweepKeys ?? []
        let position = Dictionary(keys.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let unique = SearchReportContent.uniqueByKey(entries)
        // Grid order; a training the grid does not list (a hand-edited journal) goes last, in journal order.
        self.entries = unique.enumerated().sorted {
            (position[$0.element.key] ?? keys.count + $0.offset) < (position[$1.element.key] ?? keys.count + $1.offset)
        }.map(\.element)
        self.description = description
        points = CandidateSummary.summarize(self.entries)
        axes = SweepAxis.axes(pointName: self.entries.first?.family ?? "", labels: points.map(\.labels))
        plannedTrainings = keys.count
        let finishedKeys = Set(unique.map(\.key))
        let finished = keys.allSatisfy(finishedKeys.contains)
        completion = StudyCompletion(finished: finished, stopReason: stopReason)
    }

    /// The point with the highest mean validation accuracy (the smaller on ties, then the earlier).
    public var best: CandidateSummary? {
        points.enumerated().min { lhs, rhs in
            (-lhs.element.validationMean, lhs.element.params, lhs.offset) < (-rhs.element.validationMean, rhs.element.params, rhs.offset)
        }?.element
    }

    /// The axes that are training settings.
    public var settingAxes: [SweepAxis] { axes.filter { !$0.isModelVariable } }

    /// A point's settings as `lr=0.01 activation=relu` over `axes` (`all points` when there are none).
    static func name(of labels: [String: String], over axes: [SweepAxis]) -> String {
        let parts = axes.compactMap { axis in labels[axis.name].map { "\(axis.name)=\($0)" } }
        return parts.isEmpty ? "all points" : parts.joined(separator: " ")
    }
}
