// The trainings a study has finished, indexed for the planner.

/// Finished trainings by candidate (canonical `.pare` text) and seed index.
public struct SearchResults: Sendable {
    private var byCandidate: [String: [Int: TrainingOutcome]] = [:]

    /// Indexes journal entries.
    public init(_ entries: [JournalEntry]) {
        for entry in entries { byCandidate[entry.pare, default: [:]][entry.seedIndex] = entry.outcome }
    }

    /// The outcomes of `candidate`'s trainings by seed index.
    public func outcomes(of candidate: Candidate) -> [Int: TrainingOutcome] { byCandidate[candidate.pareText] ?? [:] }

    /// The judgement of `candidate` under `settings`.
    public func judge(_ candidate: Candidate, _ settings: SearchSettings) -> Judgement {
        Judgement(outcomes: outcomes(of: candidate), settings: settings)
    }
}
