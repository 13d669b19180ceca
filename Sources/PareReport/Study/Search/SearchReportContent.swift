// Everything a search report shows, derived from study.json and the journal alone.

import PareModel
import PareSearch

/// A search study rebuilt from its description and journal: candidates aggregated over seeds, the two Pareto
/// fronts, the rounds replayed by the planner, and the winner. The CSV, SVG and Markdown renderers are pure
/// functions of this value.
public struct SearchReportContent: Sendable {
    /// `study.json`.
    public let description: StudyDescription
    /// The search's settings.
    public let settings: SearchSettings
    /// The base model as a candidate (its size; it is usually never trained).
    public let base: Candidate
    /// Every training, in journal order, each key once.
    public let entries: [JournalEntry]
    /// Candidates aggregated over their seeds, in order of first training.
    public let summaries: [CandidateSummary]
    /// Non-dominated on (smaller measure, higher mean validation accuracy), smallest first.
    public let sizeFront: [CandidateSummary]
    /// Non-dominated on (fewer mean training seconds, higher mean validation accuracy), fastest first.
    public let timeFront: [CandidateSummary]
    /// Every topology family the planner could explore, base first (breadth-first by number of moves).
    public let familyNames: [String]
    /// The rounds as the planner decided them.
    public let rounds: [SearchRound]
    /// The smallest candidate that passed on validation (provisional unless `completion.isFinished`).
    public let winner: Candidate?
    /// Whether the search finished.
    public let completion: StudyCompletion
    /// The file name of the winner's weights if the folder holds them (`winner.safetensors`), for a link.
    public let winnerWeights: String?

    /// Rebuilds a search from `description` (of kind `.search`) and its journal `entries`. `stopReason` is the
    /// runner's, when known; `winnerWeights` names the weights file if one is present. `studyPath` names
    /// `study.json` in errors.
    public init(description: StudyDescription, entries: [JournalEntry], stopReason: SearchStopReason? = nil,
                winnerWeights: String? = nil, studyPath: String = "study.json") throws(StudyReportError) {
        guard let settings = description.search else { throw .missingSearchSettings(path: studyPath) }
        let spec: ModelSpec
        do {
            spec = try ParsedModel.parse(description.base, path: studyPath).spec
        } catch {
            throw .invalidBaseModel(path: studyPath, reason: error.description)
        }
        guard let base = Candidate(spec: spec, moves: []) else {
            throw .invalidBaseModel(path: studyPath, reason: "its layer shapes do not fit together")
        }
        self.description = description
        self.settings = settings
        self.base = base
        self.entries = Self.uniqueByKey(entries)
        summaries = CandidateSummary.summarize(self.entries)
        sizeFront = ParetoFront.sizeVersusAccuracy(summaries, measure: settings.measure)
        timeFront = ParetoFront.timeVersusAccuracy(summaries)
        let planner = SearchPlanner(base: spec, settings: settings)
        familyNames = planner.families.map(\.name)
        let replay = SearchLog.replay(planner, entries: self.entries)
        rounds = replay.rounds
        winner = replay.best
        completion = StudyCompletion(finished: replay.finished, stopReason: stopReason)
        self.winnerWeights = winnerWeights
    }

    /// The winner's trainings aggregated.
    public var winnerSummary: CandidateSummary? {
        winner.flatMap { winner in summaries.first { $0.pare == winner.pareText } }
    }

    /// When nothing passed: the five candidates with the highest mean validation accuracy (smaller first on ties).
    public var closest: [CandidateSummary] {
        Array(summaries.sorted {
            ($0.validationMean, -$0.size(settings.measure)) > ($1.validationMean, -$1.size(settings.measure))
        }.prefix(5))
    }

    /// The question, e.g. `smallest model (by params) reaching ≥ 97.0% validation accuracy on mnist`.
    public var question: String {
        "smallest model (by \(settings.measure.rawValue)) reaching ≥ \(StudyFormat.targetPercent(settings.target)) "
            + "validation accuracy on \(settings.training.dataset)"
    }

    /// The first of each key, in order (a journal never repeats a key, but a hand-edited one might).
    static func uniqueByKey(_ entries: [JournalEntry]) -> [JournalEntry] {
        var seen = Set<String>()
        return entries.filter { seen.insert($0.key).inserted }
    }
}
